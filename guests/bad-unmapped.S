/*
 * A misbehaving guest: loads from an IPA where the board has no device.
 * A VMM must report it and stop the guest (status BOARD_STATUS_FAULT).
 */
#include "memmap.h"
#include "puts.inc"
#define NOWHERE 0x20000000	/* no RAM, no device (docs/guest-abi.md) */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	PUTS	msg
	ldr	r0, =NOWHERE
	ldr	r1, [r0]		@ stage-2 fault, no device: stopped here
	b	.			@ never reached under a VMM
msg:	.asciz	"bad-unmapped: loading from 0x20000000\n"
