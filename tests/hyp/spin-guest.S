/*
 * A guest that takes a data abort (a load where the board has nothing)
 * and then spins in its own handler, trapping no more: only the watchdog
 * ends it, and its line must say the guest was in its exception handlers.
 */
#include "memmap.h"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb
	ldr	r0, =0x20000000			@ no RAM, no device
	ldr	r1, [r0]			@ a data abort for the guest
	b	.

	.align	5
vectors:
	.rept	8
	b	.				@ every handler spins
	.endr
	.ltorg
