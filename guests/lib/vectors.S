/*
 * The C guests' vector table (VBAR). Every entry saves a struct exc_frame
 * (guest.h) on its mode's stack and calls exc_handle(kind, frame); the
 * handler may change the frame (its lr is where the exception returns),
 * then the registers and CPSR (from SPSR) are restored.
 */
#include "board/memmap.h"

	.syntax unified
	.arm

	.macro	entry kind
	push	{r0-r12, lr}
	mrs	r0, spsr
	sub	sp, sp, #8			@ frame: spsr, pad, r0-r12, lr (8-byte aligned)
	str	r0, [sp]
	mov	r0, #\kind
	mov	r1, sp
	bl	exc_handle
	ldr	r0, [sp]
	msr	spsr_cxsf, r0
	add	sp, sp, #8
	ldm	sp!, {r0-r12, pc}^		@ back, CPSR = SPSR
	.endm

	.text
	.balign	32
	.global	exc_vectors
exc_vectors:
	b	vec_reset
	b	vec_undef
	b	vec_svc
	b	vec_pabt
	b	vec_dabt
	b	vec_reset
	b	vec_irq
	b	vec_fiq

vec_reset:	entry 0
vec_undef:	entry 1
vec_svc:	entry 2
vec_pabt:	entry 3
vec_dabt:	entry 4
vec_irq:	entry 6
vec_fiq:	entry 7
