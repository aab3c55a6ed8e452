/*
 * Exceptions the bare hypervisor gives the guest (docs/baremetal-hyp.md),
 * caught by the guest's own vectors (VBAR = its table): a data abort (a
 * load where the board has nothing), a prefetch abort (a jump there), and
 * UNDEF for a PMU register (HDCR.TPMCR) and an IMPLEMENTATION DEFINED one
 * (HSTR.T15). Each handler saves what the CPU would have given it (LR,
 * SPSR, CPSR, DFAR/DFSR or IFAR/IFSR); the main line checks every value.
 * STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "cpsr.h"
#include "report.inc"
#define NOWHERE		0x20000000	/* no RAM, no device */
#define FSR_EXTABT	0x08		/* a synchronous external abort, as KVM 5.6 gives */
#define PSR_A_I		0x180

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r9, #0
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb

	ldr	r4, =NOWHERE
	.global	i_dabt
i_dabt:
	ldr	r5, [r4]			@ no device: a data abort for the guest
	ldr	r8, =saved
	ldr	r1, [r8, #S_LR]
	ldr	r2, =i_dabt + 8
	subs	r1, r1, r2
	REPORT	t_dabt_lr
	ldr	r1, [r8, #S_FAR]
	subs	r1, r1, r4
	REPORT	t_dabt_far
	ldr	r1, [r8, #S_FSR]
	subs	r1, r1, #FSR_EXTABT
	REPORT	t_dabt_fsr
	bl	check_modes_abt
	REPORT	t_dabt_mode

	ldr	lr, =after_pabt
	.global	i_pabt
i_pabt:
	bx	r4				@ a fetch from nowhere: a prefetch abort
after_pabt:
	ldr	r8, =saved
	ldr	r1, [r8, #S_LR]
	sub	r1, r1, #4
	subs	r1, r1, r4
	REPORT	t_pabt_lr
	ldr	r1, [r8, #S_FAR]
	subs	r1, r1, r4
	REPORT	t_pabt_far
	ldr	r1, [r8, #S_FSR]
	subs	r1, r1, #FSR_EXTABT
	REPORT	t_pabt_fsr
	bl	check_modes_abt
	REPORT	t_pabt_mode

	.global	i_pmu
i_pmu:
	mrc	p15, 0, r0, c9, c12, 0		@ PMCR: HDCR.TPMCR traps it
	ldr	r1, =i_pmu + 4
	bl	check_undef
	REPORT	t_pmu

	.global	i_impdef
i_impdef:
	mrc	p15, 1, r0, c15, c0, 0		@ CRn 15: HSTR.T15 traps it
	ldr	r1, =i_impdef + 4
	bl	check_undef
	REPORT	t_impdef
	FINISH

/* r1 = 0 if the last handler ran in ABT mode, A and I set, from SVC. */
check_modes_abt:
	ldr	r1, [r8, #S_CPSR]
	and	r2, r1, #PSR_MODE_MASK
	eor	r2, r2, #PSR_MODE_ABT
	and	r3, r1, #PSR_A_I
	eor	r3, r3, #PSR_A_I
	orr	r2, r2, r3
	ldr	r1, [r8, #S_SPSR]
	and	r1, r1, #PSR_MODE_MASK
	eor	r1, r1, #PSR_MODE_SVC
	orr	r1, r1, r2
	bx	lr

/* r1 = the expected LR_und; returns r1 = 0 if the undef handler saw it, in UND mode. */
check_undef:
	ldr	r8, =saved
	ldr	r2, [r8, #S_LR]
	eor	r1, r1, r2
	ldr	r2, [r8, #S_CPSR]
	and	r2, r2, #PSR_MODE_MASK
	eor	r2, r2, #PSR_MODE_UND
	orr	r1, r1, r2
	mov	r2, #0
	str	r2, [r8, #S_LR]			@ the next check starts clean
	bx	lr

/* The guest's own vectors. */
	.align	5
vectors:
	b	.				@ reset
	b	h_undef
	b	.				@ SVC
	b	h_pabt
	b	h_dabt
	b	.
	b	.				@ IRQ
	b	.				@ FIQ

	.equ	S_LR, 0
	.equ	S_SPSR, 4
	.equ	S_CPSR, 8
	.equ	S_FAR, 12
	.equ	S_FSR, 16

	.macro	SAVE_COMMON
	ldr	r12, =saved
	str	lr, [r12, #S_LR]
	mrs	r11, spsr
	str	r11, [r12, #S_SPSR]
	mrs	r11, cpsr
	str	r11, [r12, #S_CPSR]
	.endm

h_dabt:
	SAVE_COMMON
	mrc	p15, 0, r11, c6, c0, 0		@ DFAR
	str	r11, [r12, #S_FAR]
	mrc	p15, 0, r11, c5, c0, 0		@ DFSR
	str	r11, [r12, #S_FSR]
	subs	pc, lr, #4			@ past the faulting load
h_pabt:
	SAVE_COMMON
	mrc	p15, 0, r11, c6, c0, 2		@ IFAR
	str	r11, [r12, #S_FAR]
	mrc	p15, 0, r11, c5, c0, 1		@ IFSR
	str	r11, [r12, #S_FSR]
	ldr	lr, =after_pabt
	movs	pc, lr				@ back to SVC, after the jump
h_undef:
	SAVE_COMMON
	movs	pc, lr				@ LR_und: the next instruction

	REPORT_CODE
t_dabt_lr:	.asciz	"dabt: LR_abt = the faulting load + 8"
t_dabt_far:	.asciz	"dabt: DFAR = 0x20000000"
t_dabt_fsr:	.asciz	"dabt: DFSR = 0x08 (synchronous external abort, as KVM)"
t_dabt_mode:	.asciz	"dabt: handler in ABT mode, A and I masked, SPSR from SVC"
t_pabt_lr:	.asciz	"pabt: LR_abt = the fetched address + 4"
t_pabt_far:	.asciz	"pabt: IFAR = 0x20000000"
t_pabt_fsr:	.asciz	"pabt: IFSR = 0x08"
t_pabt_mode:	.asciz	"pabt: handler in ABT mode, A and I masked, SPSR from SVC"
t_pmu:		.asciz	"undef: PMCR read, LR_und = next instruction, UND mode"
t_impdef:	.asciz	"undef: IMPLEMENTATION DEFINED CRn 15 read, the same"
	.align	2
	.ltorg
	.bss
	.align	3
saved:	.space	32
	.space	512
stack_top:
