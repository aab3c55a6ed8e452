/*
 * A Thumb-2 guest for the bare hypervisor's tests: 16- and 32-bit trapped
 * instructions, one inside an IT block. Each trap has a label, so the test
 * checks the logged PCs against this image's listing; the guest exits with
 * STATUS 0 when PSCI_VERSION answered and the IT block went on as it
 * should (r5 = 1: the else slot skipped, the next instruction run).
 */
#include "memmap.h"
#include "psci_ids.h"

	.syntax unified
	.section .text.entry, "ax"
	.arm
	.global _start
_start:
	adr	r0, thumb + 1
	bx	r0

	.thumb
	.align	2
thumb:
	ldr	r1, =BOARD_UART_BASE
	movs	r5, #0
	movs	r2, #'T'
t_strb16:
	strb	r2, [r1]		@ 16-bit store: HSR.IL = 0
	movs	r2, #'\n'
	cmp	r2, r2
	ite	eq
t_strb_it:
	strbeq	r2, [r1]		@ trapped inside the IT block: then, after it,
	addne	r5, r5, #4		@ this must not run (ITSTATE advanced to NE)
	adds	r5, r5, #1		@ and this, outside the block, must

t_mrc:
	mrc	p15, 0, r3, c1, c0, 1	@ ACTLR, 32-bit: HSTR.T1
	ldr	r0, =PSCI_VERSION_FN
t_hvc:
	hvc	#0			@ 32-bit in Thumb too
	ldr	r6, =PSCI_BOARD_VERSION
	movs	r9, #1			@ status: fail until proven
	cmp	r0, r6
	bne	1f
	cmp	r5, #1
	it	eq
	moveq	r9, #0
1:	ldr	r1, =BOARD_STATUS_ADDR
t_status:
	str	r9, [r1]
	ldr	r0, =PSCI_SYSTEM_OFF_FN
t_off:
	hvc	#0
	b	.

	.equ	PSCI_BOARD_VERSION, 0x00010001
	.ltorg
