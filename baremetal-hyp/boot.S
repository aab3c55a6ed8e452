/*
 * Entry from QEMU: `-kernel hyp.elf` with virtualization=on starts here in
 * Hyp mode with the MMU off. Check the mode, set the stack, clear BSS,
 * point HVBAR at our vectors, then C.
 */
#include "sysregs.h"

	.syntax unified
	.arm
	.section .text.boot, "ax"
	.global _start
_start:
	ldr	sp, =__hyp_stack_top
	mrs	r0, cpsr
	and	r1, r0, #PSR_MODE_MASK
	cmp	r1, #PSR_MODE_HYP
	bne	wrong_mode

	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	ldr	r0, =hyp_vectors		@ one vCPU's, until main.c knows the count
	mcr	p15, 4, r0, c12, c0, 0		@ HVBAR
	isb
	bl	hyp_main
	b	.				@ hyp_main does not return

/*
 * A secondary CPU, started by the firmware's PSCI CPU_ON (smp.c) in Hyp
 * mode, MMU off: its own stack (hyp_stack_of), HVBAR, then C. BSS is CPU
 * 0's business, cleared long before.
 */
	.global	secondary_start
secondary_start:
	bl	hyp_stack_of
	mov	sp, r0
	ldr	r0, =hyp_vectors_smp		@ a secondary: several vCPUs
	mcr	p15, 4, r0, c12, c0, 0		@ HVBAR
	isb
	bl	hyp_secondary_main
	b	.

/* r0 = the top of this CPU's Hyp stack: CPU n's is n stacks below CPU 0's. */
	.global	hyp_stack_of
hyp_stack_of:
	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR
	and	r0, r0, #0xff			@ Aff0 = the CPU
	ldr	r1, =__hyp_stack_size
	mul	r0, r0, r1
	ldr	r1, =__hyp_stack_top
	sub	r0, r1, r0
	bx	lr

wrong_mode:
	bl	hyp_wrong_mode			@ r0 = CPSR; prints, exits
	b	.
