/*
 * The guest's registers as the trap path sees them, and what the hypervisor
 * does to them on the guest's behalf: read and write r0-r15 in the guest's
 * mode, skip the trapped instruction, give the guest an exception. The
 * counterpart of Linux's kvm_emulate.h; per-vCPU state grows from here.
 */
#ifndef HYP_EMULATE_H
#define HYP_EMULATE_H

#include <stdbool.h>
#include <stdint.h>
#include "inject.h"
#include "sysregs.h"

/*
 * The guest's registers as vectors.S saves them at a trap: it pushes
 * r0-r12 and LR. LR is the User/System LR, which Hyp mode shares; the
 * guest's banked SP/LR/SPSR stay in their registers, and so do its PC and
 * CPSR (below).
 */
struct hyp_frame {
	uint32_t r[13]; /* r0-r12 */
	uint32_t lr;	/* LR_usr */
};
#define HYP_FRAME_SIZE 56 /* vectors.S relies on it */

/*
 * The guest's PC and CPSR are ELR_hyp and SPSR_hyp themselves, read and
 * written in place: the ERET resumes the guest from them. Nothing on the
 * trap path takes an exception to Hyp mode, which would overwrite them
 * (IRQs are masked there; QEMU answers semihosting before any exception).
 * Leaving them in place saves vectors.S two reads, a store, a load and
 * two writes on every trap. f names the trapped context they belong to.
 */
static inline uint32_t frame_pc(const struct hyp_frame *f)
{
	uint32_t v;

	(void)f;
	__asm__ volatile("mrs %0, elr_hyp" : "=r"(v));
	return v;
}

static inline void frame_set_pc(struct hyp_frame *f, uint32_t v)
{
	(void)f;
	__asm__ volatile("msr elr_hyp, %0" ::"r"(v));
}

static inline uint32_t frame_cpsr(const struct hyp_frame *f)
{
	uint32_t v;

	(void)f;
	__asm__ volatile("mrs %0, spsr" : "=r"(v));
	return v;
}

static inline void frame_set_cpsr(struct hyp_frame *f, uint32_t v)
{
	(void)f;
	__asm__ volatile("msr spsr_cxsf, %0" ::"r"(v));
}

void frame_skip_thumb(struct hyp_frame *f, uint32_t hsr);
uint32_t guest_reg_banked(const struct hyp_frame *f, unsigned n);
void set_guest_reg_banked(struct hyp_frame *f, unsigned n, uint32_t v);

/*
 * Past the trapped instruction (kvm_skip_instr32). In ARM state it is 4
 * bytes and there is no IT block to advance: the common case, inline;
 * Thumb goes the long way.
 */
static inline void frame_skip_from(struct hyp_frame *f, uint32_t hsr, uint32_t pc)
{
	if (frame_cpsr(f) & PSR_T)
		frame_skip_thumb(f, hsr);
	else
		frame_set_pc(f, pc + 4);
}

/* frame_skip_from with the PC read here; a handler that read it for its record passes it. */
static inline void frame_skip(struct hyp_frame *f, uint32_t hsr)
{
	frame_skip_from(f, hsr, frame_pc(f));
}

/* r0-r15 as the guest's current mode sees them: r0-r12 are in the frame. */
static inline uint32_t guest_reg(const struct hyp_frame *f, unsigned n)
{
	return n < 13 ? f->r[n] : guest_reg_banked(f, n);
}

static inline void set_guest_reg(struct hyp_frame *f, unsigned n, uint32_t v)
{
	if (n < 13)
		f->r[n] = v;
	else
		set_guest_reg_banked(f, n, v);
}

/*
 * Takes the exception of plan p (inject.h) in the guest: its mode's LR and
 * SPSR, the fault address and status registers, then CPSR and PC in the
 * frame, so that the ERET lands on the guest's vector.
 */
void guest_take_exception(struct hyp_frame *f, const struct injection *p);

/* The guest's PL1 registers an injection reads (SCTLR, VBAR, TTBCR). */
void guest_pl1_read(struct guest_pl1 *s);

/* banked.S: the guest's banked SP/LR/SPSR by mode */
uint32_t banked_sp_read(unsigned mode);
uint32_t banked_lr_read(unsigned mode);
void banked_sp_write(unsigned mode, uint32_t v);
void banked_lr_write(unsigned mode, uint32_t v);
void banked_spsr_write(unsigned mode, uint32_t v);

#endif
