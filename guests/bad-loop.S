/*
 * A misbehaving guest: prints a line, then spins forever without a single
 * trap. Only the VMM's watchdog can end it (BOARD_STATUS_TIMEOUT).
 */
#include "memmap.h"
#include "puts.inc"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	PUTS	msg
2:	b	2b			@ forever
msg:	.asciz	"bad-loop: spinning forever\n"
