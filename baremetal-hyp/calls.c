/* HVC (PSCI through the board), SMC and WFI/WFE: the guest's calls. */
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "sysregs.h"
#include "vgic.h"

/*
 * HVC: ELR_hyp already points past the instruction (B1.8.4); HVC is a
 * 32-bit instruction in ARM and Thumb state alike.
 */
int trap_hvc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct psci_result res;
	uint32_t fn = f->r[0];

	(void)hsr;
	r->pc -= 4;
	board_psci_answer(&hyp_vcpu.board, fn, f->r[1], &res);
	r->outcome = psci_fn_is_psci(fn) ? TRAP_OUT_PSCI : TRAP_OUT_HVC;
	r->v0 = fn;
	if (res.stop) {
		r->flags |= TR_STOP;
		r->v1 = (uint32_t)res.status;
		hyp_vcpu.status = res.status;
		if (res.from == EXIT_FROM_NONE) /* the board's rule: exitline.h */
			hyp_printf("hyp: the guest powered off without a status: 0\n");
		return TRAP_STOPPED;
	}
	r->v1 = res.ret;
	f->r[0] = res.ret;
	return TRAP_RESUME;
}

/* SMC (HCR.TSC): no secure world for the guest; skip it with r0 = -1, as KVM. */
int trap_smc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	f->r[0] = PSCI_RET_NOT_SUPPORTED;
	r->outcome = TRAP_OUT_SMC;
	r->v1 = f->r[0];
	frame_skip(f, hsr);
	return TRAP_RESUME;
}

/*
 * WFI blocks until the guest has an interrupt to take, as kvm_handle_wfx ->
 * kvm_vcpu_block: pending and enabled in its GIC, above its PMR, whatever
 * its CPSR.I (an interrupt wakes WFI even masked). Physical interrupts are
 * polled here with CPSR.I still set; the watchdog ends a guest that waits
 * for nothing. WFE (HCR.TWE) resumes at once (KVM yields: kvm_vcpu_on_spin).
 */
static void vcpu_block(uint32_t pc)
{
	for (;;) {
		vgic_fold(pc);
		if (vgic_cpu_pending(&hyp_vgic, 0))
			return;
		while (!irq_handle(pc))
			wfi();
	}
}

int trap_wfx(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	r->outcome = TRAP_OUT_WFX;
	frame_skip(f, hsr);
	if (hsr_wfx_is_wfe(hsr))
		return TRAP_RESUME;
	vgic_fold(r->pc);
	if (!vgic_cpu_pending(&hyp_vgic, 0)) {
		r->flags |= TR_SLEPT;
		vcpu_block(r->pc);
	}
	vgic_flush(r->pc);
	return TRAP_RESUME;
}
