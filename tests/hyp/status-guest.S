/*
 * The exit-status rule (docs/guest-abi.md): a guest that writes STATUS = 3, then prints "EXIT: STATUS=5":
 * STATUS wins, the run exits 3.
 */
#include "memmap.h"
#include "psci_ids.h"
#include "report.inc"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r1, #3
	ldr	r0, =BOARD_STATUS_ADDR
	str	r1, [r0]
	ldr	r0, =exit_line
	bl	puts
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

	REPORT_CODE
exit_line:	.asciz	"EXIT: STATUS=5\n"
	.align	2
	.bss
	.align	3
	.space	256
stack_top:
