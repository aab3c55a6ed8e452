/*
 * The C guests' entry (kvm-unit-tests style): either boot protocol
 * (docs/guest-abi.md) lands here at the image's first byte, SVC mode,
 * MMU and caches off, A I F masked. Kit protocol: r0-r2 = 0. Linux
 * protocol: r0 = 0, r1 = 0xffffffff, r2 = the DTB. Both reach
 * main(r0, r1, r2) unchanged, with our vectors (VBAR) already in place.
 */
#include "board/memmap.h"
#include "board/cpsr.h"

#define EXC_STACK	1024		/* each exception mode's own stack */

	.syntax unified
	.arm

	.section .text.entry, "ax"
	.global _start
_start:
	mov	r4, r0				@ the boot registers, kept for main
	mov	r5, r1
	mov	r6, r2
	cps	#PSR_MODE_IRQ			@ interrupts (the irq guest)
	ldr	sp, =irq_stack + EXC_STACK
	cps	#PSR_MODE_ABT			@ data and prefetch aborts
	ldr	sp, =abt_stack + EXC_STACK
	cps	#PSR_MODE_UND			@ UNDEF
	ldr	sp, =und_stack + EXC_STACK
	cps	#PSR_MODE_SVC
	ldr	sp, =__stack_top
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1				@ zero .bss (8-byte aligned by guest.ld)
	strlo	r2, [r0], #4
	blo	1b
	ldr	r0, =exc_vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb
	mov	r0, r4
	mov	r1, r5
	mov	r2, r6
	bl	main
	bl	exit				@ main's return value is the status

	.bss
	.balign	8
irq_stack:	.space	EXC_STACK
abt_stack:	.space	EXC_STACK
und_stack:	.space	EXC_STACK
