/*
 * The Hyp vector tables (HVBAR). Offsets (ARM DDI 0406C B1.8.1):
 *   0x00 reset (never)           0x10 data abort in Hyp (a hypervisor bug)
 *   0x04 undefined in Hyp (bug)  0x14 Hyp trap: every guest trap
 *   0x08 SVC/HVC in Hyp (bug)    0x18 IRQ: the watchdog (HCR.IMO)
 *   0x0c prefetch abort (bug)    0x1c FIQ (never: nothing raises one)
 * Two tables, chosen at boot by the vCPU count (main.c): hyp_vectors for
 * one vCPU, whose trap path takes no lock, and hyp_vectors_smp, whose
 * entries take hyp_lock around each trap (smp.h). A branch on the count at
 * every trap would cost more than the choice once.
 * The guest entries save r0-r12 and LR as a struct hyp_frame; the guest's
 * PC and CPSR stay in ELR_hyp and SPSR_hyp, where the handlers read and
 * change them (emulate.h), and the ERET takes them from there.
 */
#include "sysregs.h"

	.syntax unified
	.arm
	.text

	.macro	table name, trap, irq
	.align	5				@ HVBAR[4:0] are RES0
	.global	\name
\name:
	b	vec_reset
	b	vec_undef
	b	vec_hyp_call
	b	vec_pabt
	b	vec_dabt
	b	\trap
	b	\irq
	b	vec_fiq
	.endm

	table	hyp_vectors, guest_trap, guest_irq
	table	hyp_vectors_smp, guest_trap_smp, guest_irq_smp

/* The never-expected ones: a fresh stack, then hyp_panic(cause) prints all. */
	.macro	never name, cause
vec_\name:
	ldr	sp, =__panic_stack_top
	mov	r0, #\cause
	bl	hyp_panic
	b	.
	.endm

	never	reset, 0
	never	undef, 1
	never	hyp_call, 2
	never	pabt, 3
	never	dabt, 4
	never	fiq, 7

/* Saves r0-r12 and LR: a struct hyp_frame at sp, its address in r0. */
	.macro	save_guest
	push	{r0-r12, lr}
	mov	r0, sp
	.endm

guest_irq_smp:
	save_guest
	bl	hyp_irq_smp
	b	guest_resume

guest_trap_smp:
	save_guest
	bl	hyp_trap_smp
	b	guest_resume

guest_irq:
	save_guest
	bl	hyp_irq
	b	guest_resume

guest_trap:
	save_guest
	bl	hyp_trap
	/* falls through: the trap path saves a branch */

	.global	guest_resume
guest_resume:
	pop	{r0-r12, lr}
	eret

/*
 * guest_enter(pc, cpsr, r012): the first entry. r0-r2 from r012[0..2] (the
 * boot protocol's), every other register zero, its SVC SP/LR too
 * (docs/guest-abi.md); this CPU's Hyp stack starts over.
 */
	.global	guest_enter
guest_enter:
	mov	r4, r0
	mov	r5, r1
	bl	hyp_stack_of			@ this CPU's stack (boot.S); keeps r2
	mov	sp, r0
	mov	r0, r4
	mov	r1, r5
	msr	elr_hyp, r0
	msr	spsr_cxsf, r1
	mov	r0, #0
	msr	sp_svc, r0
	msr	lr_svc, r0
	ldm	r2, {r0-r2}
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	mov	r8, #0
	mov	r9, #0
	mov	r10, #0
	mov	r11, #0
	mov	r12, #0
	mov	lr, #0
	eret
