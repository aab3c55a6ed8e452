/*
 * The direct path for the tick of a HW-linked timer (vgic.h): the line
 * rose again after the guest finished the LR the last flush gave it, and
 * nothing else waits. vgic_fold_lr_state, vgic_inject and
 * vgic_flush_lr_state would then give the same LR 0 again and leave the
 * model as it was but for one bit; this returns that LR without the scan.
 * KVM's kvm_vgic_flush_hwstate has the same kind of shortcut (an empty
 * ap_list: nothing to do), and its vgic_flush_lr_state sorts only when
 * the interrupts outnumber the LRs.
 *
 * vc->direct_lr is the LR 0 of the last flush when that LR was the whole
 * list (one interrupt, so GICH_HCR EN alone: no UIE, no NPIE) and this
 * case: a PPI, HW-linked, pending. A fold clears it. The general path,
 * step by step, when the checks below pass:
 *   fold     LR 0 done (it was pending; hw_lr0 has no state): inactive,
 *            its latch cleared (level), its ap bit set. Inactive and the
 *            bit set since that flush; the latch: cleared here.
 *   inject   the line high; populate lowers it again (HW): no change.
 *   scan     this INTID alone: no other ap bit, no SPI (checked).
 *   wants_lr enabled: it was when that flush listed it pending, and only
 *            this vCPU's GICD writes change it, which fold first. The
 *            distributor: checked (any vCPU may turn it off).
 *   populate HW, pending, the same pINTID and priority (again only this
 *            vCPU's GICD writes change them), level (PPIs are fixed,
 *            vgic_dist.c): direct_lr.
 *   the rest used_lrs 1, owner this vCPU, hcr EN, direct_lr: as they were.
 * GICH_VMCR is not read (vc->vmcr stays): its one reader, the WFI check,
 * folds first, as KVM reads it at vcpu_put and kvm_vgic_vmcr_sync, not at
 * every exit. tests/board/vgic_direct_test.c holds this against the
 * general path on random states.
 */
#include "vgic.h"

uint32_t vgic_direct_hw_rise(struct vgic_dist *d, unsigned cpu, unsigned intid, uint32_t hw_lr0)
{
	struct vgic_cpu *vc = &d->cpu[cpu];
	uint32_t lr = vc->direct_lr;

	/* direct_lr 0 (no such flush) names INTID 0, never a PPI */
	if (GICH_LR_VIRTID(lr) != intid || (hw_lr0 & GICH_LR_STATE_MASK) ||
	    vc->ap_priv != 1u << intid || d->ap_spi || !d->enabled)
		return 0;
	vc->priv[intid].pending_latch = false; /* fold_one: acknowledged, the line says the rest */
	return lr;
}
