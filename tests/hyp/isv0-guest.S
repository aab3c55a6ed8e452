/*
 * An ARM guest for the bare hypervisor's ISV=0 path: loads and stores the
 * hardware describes without a syndrome (writeback forms, LDM/STM), which
 * the hypervisor decodes from the instruction. It checks the loaded
 * values and the written-back base registers itself: STATUS = the number
 * of failed checks.
 */
#include "memmap.h"
#include "psci_ids.h"
#include "pl011.h"
#define FR_VALUE	(UART_FR_TXFE | UART_FR_RXFE)	/* the board's FR, receiver empty */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r9, #0				@ failed checks
	ldr	r1, =BOARD_UART_BASE + UART_FR

	mov	r4, r1
i_ldr_post:
	ldr	r2, [r4], #4			@ post-indexed load: ISV=0
	cmp	r2, #FR_VALUE
	addne	r9, r9, #1
	sub	r3, r4, r1
	cmp	r3, #4				@ base written back by +4
	addne	r9, r9, #1

	mov	r4, r1
i_ldrb_pre:
	ldrb	r2, [r4, #0]!			@ pre-indexed with writeback: ISV=0
	cmp	r2, #FR_VALUE
	addne	r9, r9, #1

	mov	r4, r1
i_ldrsb_post:
	ldrsb	r2, [r4], #1			@ sign-extending, post-indexed: ISV=0
	mvn	r3, #0x6f			@ 0xffffff90: FR's 0x90 sign-extended
	cmp	r2, r3
	addne	r9, r9, #1

	ldr	r5, =BOARD_UART_BASE + UART_FR - 8	@ FR is the 3rd of three words
	mov	r6, #0x55
	mov	r7, #0x55
	mov	r8, #0x55
i_ldmia:
	ldmia	r5!, {r6, r7, r8}		@ 0x10, 0x14 reserved (read 0), 0x18 FR
	orrs	r3, r6, r7
	addne	r9, r9, #1
	cmp	r8, #FR_VALUE
	addne	r9, r9, #1
	ldr	r3, =BOARD_UART_BASE + UART_FR + 4
	cmp	r5, r3				@ base written back by 12
	addne	r9, r9, #1

	ldr	r0, =BOARD_STATUS_ADDR
	str	r9, [r0]
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

	.ltorg
	.bss
	.align	3
	.space	256
stack_top:
