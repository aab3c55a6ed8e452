/*
 * A guest stuck on its own fault: its data-abort handler returns to the
 * faulting load (cps + bx: see inject-guest.S), which faults again, with no other exit
 * in between. A VMM must stop it early with BOARD_STATUS_STUCK, not let it
 * run into the timeout.
 */
#include "memmap.h"
#define NOWHERE		0x30000000

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb
	ldr	r4, =NOWHERE
again:	ldr	r2, [r4]			@ faults, and again after the handler
	b	.

	.balign	32
vectors:
	.rept	4
	b	.
	.endr
	b	dabt				@ data abort
	.rept	3
	b	.
	.endr

dabt:	sub	r3, lr, #8			@ back to the load
	cps	#0x13
	bx	r3
