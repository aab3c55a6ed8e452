/*
 * A guest that takes real interrupts at its own IRQ vector: the virtual
 * timer's PPI 27 and the UART's SPI 33 (its TX interrupt, IMSC.TXIM). With
 * KVM's in-kernel vGIC (kvm-runner --irqchip=kernel) the distributor is
 * KVM's, the CPU interface is the GICV frame mapped at the board's GICC, the
 * timer is KVM's and the UART's level comes by KVM_IRQ_LINE. The handler
 * acknowledges at GICC_IAR, quiets the source (timer off, TXIM off) and
 * writes GICC_EOIR. Checks: each INTID taken once at least, no spurious
 * 1023 while one was pending, and GICC_IAR reads 1023 once all is quiet.
 * STATUS = failed checks, "EXIT: STATUS=n", SYSTEM_OFF.
 */
#include "memmap.h"
#include "psci_ids.h"
#include "cpsr.h"
#include "pl011.h"
#include "gicv2.h"
#include "gtimer.h"
#define INTID_VTIMER	(16 + BOARD_TIMER_VIRT_PPI)
#define INTID_UART	(32 + BOARD_UART_SPI)
#define TIMER_TICKS	0x1000		/* the timer's delay, in counter ticks */
#define POLLS		0x2000000	/* bound on waiting for an interrupt */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	cps	#PSR_MODE_IRQ
	ldr	sp, =irq_stack_top
	cps	#PSR_MODE_SVC
	ldr	sp, =__stack_top
	ldr	r11, =BOARD_UART_BASE
	mov	r10, #0				@ failed checks
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb
	ldr	r0, =hello
	bl	puts

	ldr	r4, =BOARD_GICD_BASE
	mov	r0, #1
	str	r0, [r4, #GICD_CTLR]		@ EnableGrp0
	mov	r0, #(1 << INTID_VTIMER)
	str	r0, [r4, #GICD_ISENABLER]
	mov	r0, #(1 << (INTID_UART - 32))
	str	r0, [r4, #(GICD_ISENABLER + 4)]
	mov	r0, #1
	strb	r0, [r4, #(GICD_ITARGETSR + INTID_UART)]	@ to CPU 0
	ldr	r4, =BOARD_GICC_BASE
	mov	r0, #0xff
	str	r0, [r4, #GICC_PMR]		@ every priority passes
	mov	r0, #1
	str	r0, [r4, #GICC_CTLR]
	cpsie	i

	/* The virtual timer: armed TIMER_TICKS ahead, taken at the vector. */
	mov	r0, #TIMER_TICKS
	mcr	p15, 0, r0, c14, c3, 0		@ CNTV_TVAL
	mov	r0, #CNT_CTL_ENABLE
	mcr	p15, 0, r0, c14, c3, 1		@ CNTV_CTL
	isb
	ldr	r0, =count_timer
	bl	wait_for
	ldr	r1, =t_timer
	bl	report

	/* The UART: TXIM on; TXRIS is up after the greeting's DR writes. */
	mov	r0, #UART_INT_TX
	str	r0, [r11, #UART_IMSC]
	ldr	r0, =count_uart
	bl	wait_for
	ldr	r1, =t_uart
	bl	report

	ldr	r0, =spurious
	ldr	r0, [r0]
	cmp	r0, #0
	moveq	r0, #1
	movne	r0, #0
	ldr	r1, =t_nospurious
	bl	report

	cpsid	i
	ldr	r0, [r4, #GICC_IAR]		@ nothing pending now
	ldr	r1, =GIC_INTID_SPURIOUS
	cmp	r0, r1
	moveq	r0, #1
	movne	r0, #0
	ldr	r1, =t_idle
	bl	report

	ldr	r0, =bye
	bl	puts
	add	r0, r10, #'0'
	strb	r0, [r11]
	mov	r0, #'\n'
	strb	r0, [r11]
	ldr	r0, =BOARD_STATUS_ADDR
	str	r10, [r0]
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

/* wait_for: r0 = a counter's address; r0 = 1 once it is non-zero, 0 if never. */
wait_for:
	ldr	r1, =POLLS
1:	ldr	r2, [r0]
	cmp	r2, #0
	movne	r0, #1
	bxne	lr
	subs	r1, r1, #1
	bne	1b
	mov	r0, #0
	bx	lr

/* report: r0 = 1 pass / 0 fail, r1 = the check's name. */
report:
	push	{r4, lr}
	mov	r4, r1
	cmp	r0, #0
	addeq	r10, r10, #1
	ldrne	r0, =pass
	ldreq	r0, =fail
	bl	puts
	mov	r0, r4
	bl	puts
	mov	r0, #'\n'
	strb	r0, [r11]
	pop	{r4, pc}

/* puts: r0 = NUL-terminated string. */
puts:
	ldrb	r1, [r0], #1
	cmp	r1, #0
	bxeq	lr
	strb	r1, [r11]
	b	puts

/* IRQ: acknowledge, count, quiet the source, EOI. */
irq:
	push	{r0-r3, lr}
	ldr	r3, =BOARD_GICC_BASE
	ldr	r0, [r3, #GICC_IAR]
	ubfx	r1, r0, #0, #10			@ INTID
	cmp	r1, #INTID_VTIMER
	bne	1f
	mov	r2, #0
	mcr	p15, 0, r2, c14, c3, 1		@ CNTV_CTL: off, the level drops
	ldr	r2, =count_timer
	b	2f
1:	cmp	r1, #INTID_UART
	bne	3f
	mov	r2, #0
	str	r2, [r11, #UART_IMSC]		@ TXIM off: the SPI's level drops
	mov	r2, #UART_INT_TX
	str	r2, [r11, #UART_ICR]
	ldr	r2, =count_uart
2:	ldr	r1, [r2]
	add	r1, r1, #1
	str	r1, [r2]
	str	r0, [r3, #GICC_EOIR]
	pop	{r0-r3, lr}
	subs	pc, lr, #4
3:	ldr	r2, =spurious			@ 1023, or an INTID not enabled
	ldr	r1, [r2]
	add	r1, r1, #1
	str	r1, [r2]
	pop	{r0-r3, lr}
	subs	pc, lr, #4

/* Any other exception: a failure, and the end. */
other:
	ldr	r0, =t_exception
	mov	r10, #9
	bl	puts
	ldr	r0, =BOARD_STATUS_ADDR
	str	r10, [r0]
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

	.balign	32
vectors:
	b	other				@ reset
	b	other				@ undefined
	b	other				@ svc
	b	other				@ prefetch abort
	b	other				@ data abort
	b	other				@ reserved
	b	irq				@ irq
	b	other				@ fiq

	.ltorg
hello:		.asciz	"irqchip-guest: the timer's PPI and the UART's SPI\n"
pass:		.asciz	"PASS: "
fail:		.asciz	"FAIL: "
t_timer:	.asciz	"irq: virtual timer PPI 27 taken"
t_uart:		.asciz	"irq: UART SPI 33 taken"
t_nospurious:	.asciz	"irq: no spurious or unexpected INTID"
t_idle:		.asciz	"irq: GICC_IAR reads 1023 with nothing pending"
t_exception:	.asciz	"FAIL: an unexpected exception\n"
bye:		.asciz	"EXIT: STATUS="

	.data
	.balign	4
count_timer:	.word	0
count_uart:	.word	0
spurious:	.word	0
	.bss
	.balign	8
irq_stack:	.space	256
irq_stack_top:
