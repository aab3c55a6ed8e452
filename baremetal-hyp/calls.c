/* HVC (PSCI through the board), SMC and WFI/WFE: the guest's calls. */
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "smp.h"
#include "sysregs.h"
#include "vgic.h"

/* The run ends at this call (SYSTEM_OFF, CPU_OFF, SYSTEM_RESET): the cold path. */
static HYP_COLD int hvc_stop(struct trap_record *r, int status, enum exit_source from)
{
	if (r) {
		r->flags |= TR_STOP;
		r->v1 = (uint32_t)status;
	}
	hyp_vcpu.status = status;
	if (from == EXIT_FROM_NONE) /* the board's rule: exitline.h */
		hyp_printf("hyp: the guest powered off without a status: 0\n");
	return TRAP_STOPPED;
}

static inline enum trap_outcome hvc_outcome(uint32_t fn)
{
	return psci_fn_is_psci(fn) ? TRAP_OUT_PSCI : TRAP_OUT_HVC;
}

/* An HVC's record: its PC is the HVC's own (ELR_hyp points past it: B1.8.4). */
static inline void hvc_record(struct trap_record *r, uint32_t fn, uint32_t ret)
{
	if (r) {
		r->pc -= 4;
		r->outcome = hvc_outcome(fn);
		r->v0 = fn;
		r->v1 = ret;
	}
}

/*
 * WFI blocks until the guest has an interrupt to take, as kvm_handle_wfx ->
 * kvm_vcpu_block: pending and enabled in its GIC, above its PMR, whatever
 * its CPSR.I (an interrupt wakes WFI even masked). Physical interrupts are
 * polled here with CPSR.I still set; the watchdog ends a guest that waits
 * for nothing. The lock is given up while the CPU sleeps: the other vCPUs
 * run on, and one that queues an interrupt for this one kicks it
 * (HYP_KICK_SGI), which wakes the WFI; a kick sent between the check and
 * the WFI stays pending in the GIC, so none is lost. WFE (HCR.TWE)
 * resumes at once (KVM yields: kvm_vcpu_on_spin).
 */
static void vcpu_block(uint32_t pc)
{
	unsigned cpu = this_cpu();

	for (;;) {
		vgic_fold(pc);
		if (vgic_cpu_pending(&hyp_vgic, cpu))
			return;
		while (!irq_handle(pc)) {
			hyp_unlock();
			wfi();
			hyp_lock();
		}
	}
}

/* WFI, and CPU_SUSPEND, which kvm_psci_vcpu_suspend makes "the same as WFI". */
static void vcpu_wait(uint32_t pc, struct trap_record *r)
{
	vgic_fold(pc);
	if (!vgic_cpu_pending(&hyp_vgic, this_cpu())) {
		if (r)
			r->flags |= TR_SLEPT; /* the record is whole before the lock is given up */
		vcpu_block(pc);
	}
	vgic_flush(pc);
}

/* Any call the board answers with more than a constant: out of line. */
static HYP_COLD int hvc_general(struct hyp_frame *f, uint32_t hsr, struct trap_record *r,
				uint32_t fn)
{
	struct psci_result res = { .stop = false };
	struct psci_call c = {
		.cpu = this_cpu(), .fn = fn, .a1 = f->r[1], .a2 = f->r[2], .a3 = f->r[3]
	};

	r = logbuf_start(r, hsr);
	board_psci_answer(&hyp_vcpu.board, &c, &res);
	hvc_record(r, fn, res.ret);
	if (res.stop)
		return hvc_stop(r, res.status, res.from);
	if (res.act == PSCI_ACT_CPU_OFF)
		smp_vcpu_off(frame_pc(f)); /* parked; a CPU_ON enters the guest afresh */
	if (res.act == PSCI_ACT_CPU_ON)
		smp_vcpu_on(res.target, res.entry, res.thumb, res.context_id);
	f->r[0] = res.ret;
	if (res.act == PSCI_ACT_SUSPEND) /* state kept: wait, then resume past the HVC */
		vcpu_wait(frame_pc(f), NULL);
	return TRAP_RESUME;
}

/*
 * HVC: PSCI and SMCCC through the board. The calls whose answer is a
 * constant (board_psci_const: PSCI_VERSION, SMCCC_VERSION, WORKAROUND_1)
 * need neither the arguments nor the CPU: answered here. HVC is a 32-bit
 * instruction in ARM and Thumb state alike, and ELR_hyp is already past it.
 */
int trap_hvc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t fn = f->r[0], ret;

	if (!board_psci_const(fn, &ret))
		return hvc_general(f, hsr, r, fn);
	if (r)
		logbuf_put(r,
			   &(struct record_words){ .hsr = hsr,
						   .pc = frame_pc(f) - 4,
						   .v0 = fn,
						   .v1 = ret,
						   .tail0 = logbuf_tail0(0, hvc_outcome(fn), 0),
						   .tail1 = logbuf_tail1(0, 0) },
			   TRAPLOG_WORDS_HVC);
	f->r[0] = ret;
	return TRAP_RESUME;
}

/* SMC (HCR.TSC): no secure world for the guest; skip it with r0 = -1, as KVM. */
int trap_smc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t pc = frame_pc(f);

	f->r[0] = PSCI_RET_NOT_SUPPORTED;
	if (r)
		logbuf_put(r,
			   &(struct record_words){ .hsr = hsr,
						   .pc = pc,
						   .v1 = PSCI_RET_NOT_SUPPORTED,
						   .tail0 = logbuf_tail0(0, TRAP_OUT_SMC, 0),
						   .tail1 = logbuf_tail1(0, 0) },
			   TRAPLOG_WORDS_SMC);
	frame_skip_from(f, hsr, pc);
	return TRAP_RESUME;
}

HYP_COLD int trap_wfx(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t pc = frame_pc(f);

	if (r)
		r->outcome = TRAP_OUT_WFX;
	frame_skip(f, hsr);
	if (hsr_wfx_is_wfe(hsr))
		return TRAP_RESUME;
	vcpu_wait(pc, r);
	return TRAP_RESUME;
}
