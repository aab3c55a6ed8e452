/*
 * The virtual timer re-armed late, as Linux's arch_timer_handler_virt and
 * arch_timer_set_next_event do it under load: the handler masks the timer
 * (CNTV_CTL.IMASK), sets CNTV_CVAL to a time already past, unmasks it, and
 * EOIs: the timer's line is high again when the EOI of the HW-linked LR
 * deactivates the physical PPI 27. The guest then spins with CPSR.I clear
 * and no trap (no GIC access, no WFI): only the hypervisor can notice that
 * the LR is done. TICKS interrupts must come within about 250 ms.
 * STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "cpsr.h"
#include "gicv2.h"
#include "report.inc"
#include "irq.inc"
/* clang-format off */
#define VTIMER		27
#define TICKS		5
#define CTL_ENABLE	1
#define CTL_IMASK	2
/* clang-format on */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	IRQ_START
	mov	r0, #(1 << VTIMER)
	str	r0, [r4, #GICD_ISENABLER]

	mrc	p15, 0, r7, c14, c0, 0		@ CNTFRQ
	lsr	r0, r7, #12			@ the first tick about 250 us ahead
	mcr	p15, 0, r0, c14, c3, 0		@ CNTV_TVAL
	mov	r0, #CTL_ENABLE
	mcr	p15, 0, r0, c14, c3, 1
	isb
	lsr	r7, r7, #2			@ the spin's limit: about 250 ms
	mrrc	p15, 1, r8, r1, c14		@ CNTVCT, low word: the start
	ldr	r6, =ticks
	cpsie	i
1:	ldr	r0, [r6]			@ no trap in this loop
	cmp	r0, #TICKS
	bhs	2f
	mrrc	p15, 1, r0, r1, c14		@ CNTVCT
	sub	r0, r0, r8
	cmp	r0, r7
	blo	1b
2:	cpsid	i
	mov	r0, #0
	mcr	p15, 0, r0, c14, c3, 1		@ timer off
	ldr	r0, [r6]
	subs	r1, r0, #TICKS
	REPORT	t_ticks
	FINISH

/* IRQ: the timer's tick re-armed late (its deadline already past), then EOI. */
irq:
	sub	lr, lr, #4
	push	{r0-r3, lr}
	ldr	r1, =BOARD_GICC_BASE
	ldr	r0, [r1, #GICC_IAR]
	ldr	r3, =GICC_IAR_ID_MASK
	and	r3, r0, r3
	cmp	r3, #VTIMER
	bne	2f
	ldr	r2, =ticks
	ldr	r3, [r2]
	add	r3, r3, #1
	str	r3, [r2]
	cmp	r3, #TICKS
	movhs	r2, #0				@ the last one: timer off
	mcrhs	p15, 0, r2, c14, c3, 1
	bhs	2f
	mov	r2, #(CTL_ENABLE | CTL_IMASK)
	mcr	p15, 0, r2, c14, c3, 1		@ masked: the line falls
	isb
	mrrc	p15, 1, r2, r3, c14		@ CNTVCT
	mcrr	p15, 3, r2, r3, c14		@ CNTV_CVAL = now: already due
	mov	r2, #CTL_ENABLE
	mcr	p15, 0, r2, c14, c3, 1		@ unmasked: the line rises at once
	isb
2:	str	r0, [r1, #GICC_EOIR]
	ldmfd	sp!, {r0-r3, pc}^

	IRQ_VECTORS t_unexpected

	REPORT_CODE

t_ticks:	.asciz	"vtimer-late: five ticks re-armed late, taken while spinning"
t_unexpected:	.asciz	"vtimer-late: unexpected exception"

	.data
	.align	2
ticks:		.word	0
	.bss
	.align	3
		.space	1024
irq_stack_top:
		.space	4096
stack_top:
