/*
 * PSCI CPU_SUSPEND waits as WFI does (kvm_psci_vcpu_suspend: "the same as
 * WFI"): with the virtual timer armed about 1 ms ahead and CPSR.I set, the
 * call returns 0 only once the timer has fired (CNTV_CTL.ISTATUS). An
 * answer at once would come back long before it.
 * STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "psci_ids.h"
#include "gicv2.h"
#include "report.inc"
#include "irq.inc"
/* clang-format off */
#define VTIMER		27
#define CNTV_ISTATUS	(1 << 2)
/* clang-format on */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r9, #0
	cpsid	i				@ the interrupt wakes the wait, never taken
	GIC_ON
	mov	r0, #(1 << VTIMER)
	str	r0, [r4, #GICD_ISENABLER]

	mrc	p15, 0, r0, c14, c0, 0		@ CNTFRQ
	lsr	r0, r0, #10			@ about 1 ms
	mcr	p15, 0, r0, c14, c3, 0		@ CNTV_TVAL
	mov	r0, #1
	mcr	p15, 0, r0, c14, c3, 1		@ CNTV_CTL: enabled, not masked
	isb
	ldr	r0, =PSCI_CPU_SUSPEND_FN
	mov	r1, #0				@ power_state: standby
	mov	r2, #0
	mov	r3, #0
	hvc	#0
	mov	r1, r0				@ PSCI_RET_SUCCESS
	REPORT	t_ret
	mrc	p15, 0, r0, c14, c3, 1		@ CNTV_CTL
	and	r0, r0, #CNTV_ISTATUS
	eor	r1, r0, #CNTV_ISTATUS
	REPORT	t_waited
	mov	r0, #0
	mcr	p15, 0, r0, c14, c3, 1		@ timer off
	FINISH

	REPORT_CODE
t_ret:		.asciz	"suspend: CPU_SUSPEND returns 0"
t_waited:	.asciz	"suspend: it returned once the timer had fired"
	.align	2
	.bss
	.align	3
	.space	512
stack_top:
