/*
 * The C side of a guest trap: dispatch on HSR.EC (a class with no case
 * is UNDEFINED for the guest), log the trap, resume or finish.
 */
#include <stddef.h>
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "smp.h"
#include "sysregs.h"

_Static_assert(sizeof(struct hyp_frame) == HYP_FRAME_SIZE, "vectors.S pushes 14 words");
_Static_assert(offsetof(struct hyp_frame, r) == 0, "r0 at the lowest address");

/*
 * EC 0x00, a cp14 LDC/STC or a class with no handler: UNDEF for the guest,
 * as Linux's kvm_handle_unknown_ec and kvm_handle_cp14_load_store do (cp14
 * MRC/MCR/MRRC/MCRR are RAZ/WI: cp14.c).
 */
static HYP_COLD int trap_undef(struct hyp_frame *f, struct trap_record *r, enum trap_inject_why why)
{
	enum trap_stop strict = why == TRAP_WHY_UNKNOWN_EC ? TRAP_STOP_UNDEF : TRAP_STOP_UNKNOWN_EC;

	return guest_fault(f, r, &(struct fault){ TRAP_INJ_UNDEF, why, 0, strict });
}

/*
 * One case per class the hypervisor traps; the compiler makes the switch a
 * jump table indexed by EC, and (-flto) inlines the handlers into it. r is
 * the trap's slot, not yet written: the hot handlers (CP15_32, HVC, SMC,
 * DABT) write their record whole (logbuf_put) or start it on their cold
 * paths; for the others it is started here (logbuf_start).
 */
static int dispatch(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	switch (hsr_ec(hsr)) {
	case HSR_EC_UNKNOWN: return trap_undef(f, logbuf_start(r, hsr), TRAP_WHY_UNKNOWN_EC);
	case HSR_EC_WFX: return trap_wfx(f, hsr, logbuf_start(r, hsr));
	case HSR_EC_CP15_32: return trap_cp15_32(f, hsr, r);
	case HSR_EC_CP15_64: return trap_cp15_64(f, hsr, logbuf_start(r, hsr));
	case HSR_EC_CP14_MR: return trap_cp14_32(f, hsr, logbuf_start(r, hsr));
	case HSR_EC_CP14_64: return trap_cp14_64(f, hsr, logbuf_start(r, hsr));
	case HSR_EC_CP14_LS: return trap_undef(f, logbuf_start(r, hsr), TRAP_WHY_CP14);
	case HSR_EC_CP_0_13: return trap_vfp(f, hsr, logbuf_start(r, hsr));
	case HSR_EC_HVC: return trap_hvc(f, hsr, r);
	case HSR_EC_SMC: return trap_smc(f, hsr, r);
	case HSR_EC_IABT: return trap_iabt(f, hsr, logbuf_start(r, hsr));
	case HSR_EC_DABT: return trap_dabt(f, hsr, r);
	}
	return trap_undef(f, logbuf_start(r, hsr), TRAP_WHY_CLASS);
}

/*
 * hyp_vectors (one vCPU): nothing is shared, so no lock. Never inlined into
 * hyp_trap_smp: one copy, so that the handlers are inlined into it.
 */
__attribute__((noinline)) void hyp_trap(struct hyp_frame *f)
{
	uint32_t hsr = read_HSR();
	struct trap_record *r = logbuf_slot(); /* NULL with the log off */

	if (dispatch(f, hsr, r) == TRAP_STOPPED)
		hyp_finish(hyp_vcpu.status);
}

/* hyp_vectors_smp: one trap at a time (smp.h), the record's slot too. */
void hyp_trap_smp(struct hyp_frame *f)
{
	hyp_lock();
	hyp_trap(f);
	hyp_unlock();
}

void hyp_timeout(uint32_t pc)
{
	struct trap_record *r;

	/* Called with the lock held (irq.c, smp.c), kept to the end: the others wait. */
	hyp_printf("hyp: watchdog: the guest ran out of time at pc=0x%08lx\n", (unsigned long)pc);
	if (guest_in_handlers(&hyp_vcpu))
		hyp_printf("hyp: watchdog: the guest was looping in its exception handlers "
			   "(exceptions given: %u, the last at PC 0x%08lx)\n",
			   hyp_vcpu.injected.count, (unsigned long)hyp_vcpu.injected.pc);
	r = logbuf_start(logbuf_slot(), 0);
	if (r) {
		r->pc = pc;
		r->flags = 0; /* no syndrome: an interrupt */
	}
	trap_stop(r, TRAP_STOP_TIMEOUT, BOARD_STATUS_TIMEOUT);
	hyp_finish(hyp_vcpu.status);
}

HYP_COLD int trap_stop(struct trap_record *r, enum trap_stop why, int status)
{
	if (r) {
		r->outcome = TRAP_OUT_STOP;
		r->reg = why;
		r->v0 = (uint32_t)status;
	}
	hyp_vcpu.status = status;
	return TRAP_STOPPED;
}
