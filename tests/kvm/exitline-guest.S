/*
 * A guest that reports as kvm-unit-tests does: it prints "EXIT: STATUS=5"
 * and powers off, never writing the kit's STATUS register. A VMM must exit
 * with 5 (guests/board/exitline.h).
 */
#include "memmap.h"
#include "psci_ids.h"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r1, =BOARD_UART_BASE
	adr	r0, msg
1:	ldrb	r2, [r0], #1
	cmp	r2, #0
	strbne	r2, [r1]
	bne	1b
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.
msg:	.asciz	"SUMMARY: 1 tests, 1 unexpected failures\nEXIT: STATUS=5\n"
