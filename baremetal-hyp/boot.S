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

	ldr	r0, =hyp_vectors
	mcr	p15, 4, r0, c12, c0, 0		@ HVBAR
	isb
	bl	hyp_main
	b	.				@ hyp_main does not return

wrong_mode:
	bl	hyp_wrong_mode			@ r0 = CPSR; prints, exits
	b	.
