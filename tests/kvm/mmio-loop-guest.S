/*
 * A guest that never stops and traps all the time: it reads the UART's FR
 * in a loop, one MMIO exit to the VMM each, so only --timeout ends it and
 * the kvm trace fills as fast as it can (tests/bench/timeout.sh).
 */
#include "memmap.h"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r4, =BOARD_UART_BASE
1:	ldr	r0, [r4, #0x18]			@ UART FR
	b	1b
