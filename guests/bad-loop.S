/*
 * A misbehaving guest: prints a line, then spins forever without a single
 * trap. Only the VMM's watchdog can end it (BOARD_STATUS_TIMEOUT).
 */
#include "memmap.h"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r0, =BOARD_UART_BASE
	adr	r1, msg
1:	ldrb	r2, [r1], #1
	cmp	r2, #0
	strbne	r2, [r0]
	bne	1b
2:	b	2b			@ forever
msg:	.asciz	"bad-loop: spinning forever\n"
