/*
 * The guest's registers beyond the frame (its banked SP/LR/SPSR, through
 * banked.S), skipping a Thumb instruction, and taking an exception in the
 * guest: what Linux keeps in kvm_emulate.h and aarch32.c.
 */
#include "emulate.h"
#include "hsr.h"
#include "psr.h"

/* Thumb: HSR.IL gives the size (B3.13.6); inside an IT block ITSTATE advances. */
void frame_skip_thumb(struct hyp_frame *f, uint32_t hsr)
{
	frame_set_pc(f, frame_pc(f) + (hsr & HSR_IL ? 4 : 2));
	frame_set_cpsr(f, psr_it_advance(frame_cpsr(f))); /* as if it ran */
}

static bool user_bank(unsigned mode) { return mode == PSR_MODE_USR || mode == PSR_MODE_SYS; }

/* r13-r15 (r0-r12 inline in emulate.h); r15: the trapped PC + 8. */
uint32_t guest_reg_banked(const struct hyp_frame *f, unsigned n)
{
	unsigned mode = frame_cpsr(f) & PSR_MODE_MASK;

	if (n == 13)
		return banked_sp_read(user_bank(mode) ? PSR_MODE_USR : mode);
	if (n == 14)
		return user_bank(mode) ? f->lr : banked_lr_read(mode);
	return frame_pc(f) + 8;
}

void set_guest_reg_banked(struct hyp_frame *f, unsigned n, uint32_t v)
{
	unsigned mode = frame_cpsr(f) & PSR_MODE_MASK;

	if (n == 13)
		banked_sp_write(user_bank(mode) ? PSR_MODE_USR : mode, v);
	else if (n == 14 && user_bank(mode))
		f->lr = v;
	else if (n == 14)
		banked_lr_write(mode, v);
	/* r15: callers never load the PC (the decoder refuses it) */
}

void guest_pl1_read(struct guest_pl1 *s)
{
	s->sctlr = read_SCTLR();
	s->vbar = read_VBAR();
	s->ttbcr = read_TTBCR();
}

/*
 * The fault registers are the guest's non-secure PL1 copies, which Hyp
 * mode reaches directly; LR and SPSR are the target mode's banked ones.
 */
void guest_take_exception(struct hyp_frame *f, const struct injection *p)
{
	banked_lr_write(p->mode, p->lr);
	banked_spsr_write(p->mode, p->spsr);
	if (p->kind == TRAP_INJ_DABT) {
		write_DFAR(p->far);
		write_DFSR(p->fsr);
	} else if (p->kind == TRAP_INJ_PABT) {
		write_IFAR(p->far);
		write_IFSR(p->fsr);
	}
	frame_set_cpsr(f, p->cpsr);
	frame_set_pc(f, p->pc);
}
