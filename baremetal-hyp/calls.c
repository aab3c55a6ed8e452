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

/*
 * HVC: ELR_hyp already points past the instruction (B1.8.4); HVC is a
 * 32-bit instruction in ARM and Thumb state alike.
 */
int trap_hvc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct psci_result res = { .stop = false };
	uint32_t fn = f->r[0];
	struct psci_call c = {
		.cpu = this_cpu(), .fn = fn, .a1 = f->r[1], .a2 = f->r[2], .a3 = f->r[3]
	};

	(void)hsr;
	if (!board_psci_const(fn, &res.ret)) /* the board's fast entry first */
		board_psci_answer(&hyp_vcpu.board, &c, &res);
	if (r) {
		r->pc -= 4;
		r->outcome = psci_fn_is_psci(fn) ? TRAP_OUT_PSCI : TRAP_OUT_HVC;
		r->v0 = fn;
		r->v1 = res.ret;
	}
	if (res.stop)
		return hvc_stop(r, res.status, res.from);
	if (res.act == PSCI_ACT_CPU_OFF)
		smp_vcpu_off(frame_pc(f)); /* parked; a CPU_ON enters the guest afresh */
	if (res.act == PSCI_ACT_CPU_ON)
		smp_vcpu_on(res.target, res.entry, res.thumb, res.context_id);
	f->r[0] = res.ret; /* CPU_SUSPEND: 0 at once, the WFI policy */
	return TRAP_RESUME;
}

/* SMC (HCR.TSC): no secure world for the guest; skip it with r0 = -1, as KVM. */
int trap_smc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	f->r[0] = PSCI_RET_NOT_SUPPORTED;
	if (r) {
		r->outcome = TRAP_OUT_SMC;
		r->v1 = PSCI_RET_NOT_SUPPORTED;
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
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

HYP_COLD int trap_wfx(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t pc = frame_pc(f);

	if (r)
		r->outcome = TRAP_OUT_WFX;
	frame_skip(f, hsr);
	if (hsr_wfx_is_wfe(hsr))
		return TRAP_RESUME;
	vgic_fold(pc);
	if (!vgic_cpu_pending(&hyp_vgic, this_cpu())) {
		if (r)
			r->flags |= TR_SLEPT; /* the record is whole before the lock is given up */
		vcpu_block(pc);
	}
	vgic_flush(pc);
	return TRAP_RESUME;
}
