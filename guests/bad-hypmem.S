/*
 * A misbehaving guest that goes for the hypervisor's memory. First it
 * overwrites IPA 0x40008000..0x40100000: under an identity map that would
 * be the bare hypervisor itself (at PA 0x40000000); under the kit's Stage 2
 * it is only the guest's own RAM, so the hypervisor lives on. Then it reads
 * IPA 0x48000000, the physical address of its own RAM: machine RAM outside
 * the board, which the VMM must refuse and stop (BOARD_STATUS_FAULT).
 */
#include "memmap.h"
#include "puts.inc"
#define SCRIBBLE_START	(BOARD_RAM_BASE + 0x8000)
#define SCRIBBLE_END	(BOARD_RAM_BASE + 0x100000)
#define HYP_PHYS_GUESS	0x48000000

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	PUTS	msg
	ldr	r1, =SCRIBBLE_START
	ldr	r2, =SCRIBBLE_END
	ldr	r3, =0xdeadbeef
2:	str	r3, [r1], #4		@ its own RAM: no trap
	cmp	r1, r2
	blo	2b
	ldr	r0, =HYP_PHYS_GUESS
	ldr	r1, [r0]		@ stage-2 fault in machine RAM: stopped here
	b	.
msg:	.asciz	"bad-hypmem: scribbling over IPA 0x40008000-0x400fffff, then reading 0x48000000\n"
