/*
 * The exit-status rule (docs/guest-abi.md): a guest that powers off with neither STATUS nor an EXIT
 * line: the run exits 0, with a note.
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
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

	REPORT_CODE
	.align	2
	.bss
	.align	3
	.space	256
stack_top:
