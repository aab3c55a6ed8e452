/*
 * The C side of a guest trap: dispatch on HSR.EC (a class with no case
 * stops the guest), log the trap, resume or finish.
 */
#include <stddef.h>
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "psr.h"
#include "sysregs.h"

_Static_assert(sizeof(struct hyp_frame) == HYP_FRAME_SIZE, "vectors.S pushes 16 words");
_Static_assert(offsetof(struct hyp_frame, r) == 8, "r0 right after ELR_hyp, SPSR");

/* EC 0x00: an instruction the guest may not run (B3.13.6). */
static int trap_undef(struct trap_record *r)
{
	return trap_stop(r, TRAP_STOP_UNDEF, BOARD_STATUS_FAULT);
}

/*
 * One case per class the hypervisor traps; the compiler makes the switch a
 * jump table indexed by EC, and (-flto) inlines the handlers into it.
 */
static int dispatch(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	switch (hsr_ec(hsr)) {
	case HSR_EC_UNKNOWN: return trap_undef(r);
	case HSR_EC_WFX: return trap_wfx(f, hsr, r);
	case HSR_EC_CP15_32: return trap_cp15_32(f, hsr, r);
	case HSR_EC_CP15_64: return trap_cp15_64(f, hsr, r);
	case HSR_EC_HVC: return trap_hvc(f, hsr, r);
	case HSR_EC_SMC: return trap_smc(f, hsr, r);
	case HSR_EC_IABT: return trap_iabt(f, hsr, r);
	case HSR_EC_DABT: return trap_dabt(f, hsr, r);
	}
	return trap_stop(r, TRAP_STOP_UNKNOWN_EC, BOARD_STATUS_FAULT);
}

/*
 * The record a handler fills. With the log off (hyp-nolog) no record is
 * kept, so only the fields the handlers themselves read are set.
 */
static inline void record_start(struct trap_record *r, uint32_t hsr, uint32_t pc)
{
#if HYP_TRAPLOG
	*r = (struct trap_record){ .hsr = hsr, .pc = pc, .flags = TR_HSR, .by = TRAP_BY_HYP };
#else
	r->hsr = hsr;
	r->pc = pc;
	r->flags = TR_HSR;
#endif
}

void hyp_trap(struct hyp_frame *f)
{
	uint32_t hsr = read_HSR();
	struct trap_record r;
	int resume;

	record_start(&r, hsr, f->elr);
	resume = dispatch(f, hsr, &r);
	logbuf_add(&r);
	if (resume != TRAP_RESUME)
		hyp_finish(hyp_vcpu.status);
}

/* Only the watchdog raises an interrupt (HCR.IMO routes IRQs here). */
void hyp_irq(struct hyp_frame *f)
{
	struct trap_record r = { .pc = f->elr, .by = TRAP_BY_HYP };
	unsigned id = watchdog_irq();

	if (id == GIC_SPURIOUS_ID)
		return;		/* nothing pending after all: resume */
	hyp_printf("hyp: watchdog: the guest ran out of time (irq %u) at pc=0x%08lx\n", id,
		   (unsigned long)f->elr);
	trap_stop(&r, TRAP_STOP_TIMEOUT, BOARD_STATUS_TIMEOUT);
	logbuf_add(&r);
	hyp_finish(hyp_vcpu.status);
}

int trap_stop(struct trap_record *r, enum trap_stop why, int status)
{
	r->outcome = TRAP_OUT_STOP;
	r->reg = why;
	r->v0 = (uint32_t)status;
	hyp_vcpu.status = status;
	return TRAP_STOPPED;
}

/* Thumb: HSR.IL gives the size (B3.13.6); inside an IT block ITSTATE advances. */
void frame_skip_thumb(struct hyp_frame *f, uint32_t hsr)
{
	f->elr += hsr & HSR_IL ? 4 : 2;
	f->spsr = psr_it_advance(f->spsr);	/* as if it ran */
}

/* r13-r15 (r0-r12 inline in hyp.h); r15: the trapped PC + 8. */
uint32_t guest_reg_banked(const struct hyp_frame *f, unsigned n)
{
	unsigned mode = f->spsr & PSR_MODE_MASK;
	bool user = mode == PSR_MODE_USR || mode == PSR_MODE_SYS;

	if (n == 13)
		return banked_sp_read(user ? PSR_MODE_USR : mode);
	if (n == 14)
		return user ? f->lr : banked_lr_read(mode);
	return f->elr + 8;
}

void set_guest_reg_banked(struct hyp_frame *f, unsigned n, uint32_t v)
{
	unsigned mode = f->spsr & PSR_MODE_MASK;
	bool user = mode == PSR_MODE_USR || mode == PSR_MODE_SYS;

	if (n == 13)
		banked_sp_write(user ? PSR_MODE_USR : mode, v);
	else if (n == 14 && user)
		f->lr = v;
	else if (n == 14)
		banked_lr_write(mode, v);
	/* r15: callers never load the PC (the decoder refuses it) */
}
