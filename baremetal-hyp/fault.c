/*
 * A guest fault the board cannot satisfy: by default the guest takes the
 * exception at its own vectors, as KVM gives it (kvm_inject_undefined,
 * kvm_inject_dabt, kvm_inject_pabt); with --strict the run stops (126), as
 * the kit's first hypervisor did. A guest that re-takes one exception with
 * no progress is stopped (BOARD_STATUS_STUCK), so it never reads as a hang.
 */
#include "console.h"
#include "hyp.h"

/*
 * The same injection (PC, syndrome, address) this many times in a row, with
 * no other trap between them, is a guest stuck in its handlers: e.g. one
 * with no vectors (VBAR 0, outside RAM) faults on its own vector for ever.
 */
#define STUCK_REPEATS 32u

static const char *const kind_text[] = {
	[TRAP_INJ_UNDEF] = "undefined instruction",
	[TRAP_INJ_PABT] = "prefetch abort",
	[TRAP_INJ_DABT] = "data abort",
};

/*
 * True when this injection (the trap at pc with syndrome hsr) repeats the
 * previous trap's, STUCK_REPEATS times.
 */
static bool stuck(struct vcpu *v, uint32_t pc, uint32_t hsr, const struct fault *flt)
{
	struct inject_history *h = &v->injected;
	unsigned trap = logbuf_total();
	bool chained = h->count && h->trap + 1 == trap;

	if (!chained) {
		h->chain_pc = pc;
		h->chain_reg = TRAP_INJECT(flt->kind, flt->why);
	}
	if (chained && h->pc == pc && h->hsr == hsr && h->addr == flt->addr)
		h->repeats++;
	else
		h->repeats = 1;
	h->count++;
	h->trap = trap;
	h->pc = pc;
	h->hsr = hsr;
	h->addr = flt->addr;
	return h->repeats >= STUCK_REPEATS;
}

HYP_COLD int guest_fault(struct hyp_frame *f, struct trap_record *r, const struct fault *flt)
{
	struct vcpu *v = &hyp_vcpu;
	struct guest_pl1 pl1;
	struct injection inj;

	if (v->strict)
		return trap_stop(r, flt->strict_stop, BOARD_STATUS_FAULT);
	/* Every fault is at the trapped instruction, ELR_hyp; HSR is still this trap's. */
	if (stuck(v, frame_pc(f), read_HSR(), flt)) {
		hyp_printf(
			"hyp: guest stuck taking exceptions at PC 0x%08lx: %s (%s) "
			"%u times in a row, no progress; it began with a %s (%s) at PC 0x%08lx\n",
			(unsigned long)frame_pc(f), kind_text[flt->kind],
			traplog_why_name(flt->why), STUCK_REPEATS,
			kind_text[TRAP_INJECT_KIND(v->injected.chain_reg)],
			traplog_why_name(TRAP_INJECT_WHY(v->injected.chain_reg)),
			(unsigned long)v->injected.chain_pc);
		return trap_stop(r, TRAP_STOP_STUCK, BOARD_STATUS_STUCK);
	}
	guest_pl1_read(&pl1);
	inject_plan(flt->kind, frame_pc(f), frame_cpsr(f), &pl1, flt->addr, &inj);
	guest_take_exception(f, &inj);
	if (r) {
		r->outcome = TRAP_OUT_INJECT;
		r->reg = TRAP_INJECT(flt->kind, flt->why);
		r->v0 = inj.pc;
		r->v1 = inj.far;
	}
	return TRAP_INJECTED;
}

/* For the watchdog's line: was the guest looping in its exception handlers? */
bool guest_in_handlers(const struct vcpu *v)
{
	return v->injected.count && logbuf_total() - v->injected.trap <= STUCK_REPEATS;
}
