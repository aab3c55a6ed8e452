/*
 * List registers: which interrupts the guest's virtual CPU interface holds
 * (flush, before it runs) and what it did with them (fold, after), as
 * KVM's vgic_flush_lr_state/vgic_v2_populate_lr and vgic_v2_fold_lr_state.
 * The LRs are rebuilt from the model at every flush: the model is the
 * truth between a fold and the next flush. Pure C (vgic.h).
 */
#include <stddef.h>
#include "traplog.h" /* GICH_LR_* fields */
#include "vgic.h"

static bool irq_pending(const struct vgic_irq *irq)
{
	return irq->pending_latch || (!irq->edge && irq->line_level);
}

static bool is_sgi(const struct vgic_irq *irq) { return irq->intid < GIC_NR_SGIS; }

/*
 * Is irq vCPU cpu's now (vgic_target_oracle)? A private one always; one
 * that another vCPU's LRs hold, or that is active there, stays there until
 * that vCPU folds it (vgic_prune_ap_list migrates it then); else an SPI
 * goes to the lowest-numbered vCPU of ITARGETSR, vCPU 0 for none
 * (vgic_mmio_write_target).
 */
static bool routed_to(const struct vgic_irq *irq, unsigned cpu)
{
	unsigned t = irq->targets ? irq->targets : 1;

	if (irq->intid < GIC_NR_PRIVATE)
		return true;
	if (irq->owner != VGIC_NO_VCPU)
		return irq->owner == cpu;
	return (t & (0u - t)) == 1u << cpu; /* the lowest target bit */
}

/* vgic_target_oracle: an active one stays; a pending one needs both enables. */
static bool wants_lr(const struct vgic_dist *d, const struct vgic_irq *irq)
{
	return irq->active || (d->enabled && irq->enabled && irq_pending(irq));
}

/* Active first, then the higher priority (lower value), then the lower INTID. */
static bool before(const struct vgic_irq *a, const struct vgic_irq *b)
{
	if (a->active != b->active)
		return a->active;
	if (a->priority != b->priority)
		return a->priority < b->priority;
	return a->intid < b->intid;
}

/* vCPU cpu's ap bits as one mask of INTIDs: its private ones, the SPIs above. */
static uint64_t ap_bits(const struct vgic_dist *d, unsigned cpu)
{
	return (uint64_t)d->ap_spi << GIC_NR_PRIVATE | d->cpu[cpu].ap_priv;
}

/* Neither pending nor active: off the list until vgic_queue (vgic_prune_ap_list). */
static bool pruned(struct vgic_dist *d, unsigned cpu, const struct vgic_irq *irq)
{
	unsigned i = irq->intid;

	if (irq->active || irq_pending(irq))
		return false;
	if (i < GIC_NR_PRIVATE)
		d->cpu[cpu].ap_priv &= ~(1u << i);
	else
		d->ap_spi &= ~(1u << (i - GIC_NR_PRIVATE));
	return true;
}

/*
 * The interrupts vCPU cpu's LRs should hold, best first. Returns how many.
 * Only the ap bits' INTIDs, in INTID order as a scan of all would find them.
 */
static unsigned candidates(struct vgic_dist *d, unsigned cpu, struct vgic_irq **out)
{
	unsigned n = 0;

	for (uint64_t bits = ap_bits(d, cpu); bits; bits &= bits - 1) {
		unsigned i = vgic_lowest(bits);
		struct vgic_irq *irq = vgic_get_irq(d, cpu, i);
		unsigned j;

		if (pruned(d, cpu, irq) || !wants_lr(d, irq) || !routed_to(irq, cpu))
			continue;
		for (j = n; j > 0 && before(irq, out[j - 1]); j--)
			out[j] = out[j - 1];
		out[j] = irq;
		n++;
	}
	return n;
}

/* One LR for irq (vgic_v2_populate_lr); takes the pending state it hands over. */
static uint32_t populate(struct vgic_irq *irq)
{
	uint32_t val = irq->intid;

	if (irq_pending(irq)) {
		val |= GICH_LR_PENDING;
		if (irq->edge)
			irq->pending_latch = false; /* the LR holds it now */
		if (is_sgi(irq) && irq->sources) {
			unsigned src = 0;

			while (!(irq->sources >> src & 1))
				src++;
			val |= src << GICH_LR_PHYSID_SHIFT;
			irq->sources &= (uint8_t) ~(1u << src);
			irq->pending_latch = irq->sources != 0; /* the other senders wait */
		}
	}
	if (irq->active) {
		val |= GICH_LR_ACTIVE;
		if (is_sgi(irq))
			val |= (uint32_t)irq->active_src << GICH_LR_PHYSID_SHIFT;
	}
	if (irq->hw) {
		val |= GICH_LR_HW | (uint32_t)irq->hwintid << GICH_LR_PHYSID_SHIFT;
		if (irq->active)
			val &= ~GICH_LR_PENDING; /* the physical GIC keeps that pending */
		if (!irq->edge && (val & GICH_LR_PENDING))
			irq->line_level = false; /* the next rise comes from the hardware */
	} else if (!irq->edge) {
		val |= GICH_LR_EOI; /* a maintenance interrupt at EOI: resample the line */
	}
	return val | (uint32_t)(irq->priority >> 3) << GICH_LR_PRIO_SHIFT;
}

/* An LR vgic_direct_hw_rise can give again: a PPI's, HW-linked, pending only. */
static bool direct_case(uint32_t lr)
{
	unsigned id = GICH_LR_VIRTID(lr);

	return (lr & (GICH_LR_HW | GICH_LR_STATE_MASK)) == (GICH_LR_HW | GICH_LR_PENDING) &&
		id >= GIC_NR_SGIS && id < GIC_NR_PRIVATE;
}

uint64_t vgic_flush_lr_state(struct vgic_dist *d, unsigned cpu)
{
	struct vgic_cpu *vc = &d->cpu[cpu];
	struct vgic_irq *list[BOARD_GIC_NR_IRQS];
	unsigned n, used;
	bool multi_sgi = false;
	uint64_t changed = 0;

	n = candidates(d, cpu, list);
	used = n < d->nr_lr ? n : d->nr_lr;
	for (unsigned i = 0; i < used; i++) {
		uint32_t val = populate(list[i]);

		list[i]->owner = (uint8_t)cpu; /* no other vCPU queues it now */
		multi_sgi |= is_sgi(list[i]) && list[i]->sources;
		if (val != vc->lr[i] && GICH_LR_STATE(val))
			changed |= 1ull << i;
		vc->lr[i] = val;
	}
	for (unsigned i = used; i < d->nr_lr; i++)
		vc->lr[i] = 0; /* the rest empty, as vgic_flush_lr_state's vgic_clear_lr */
	vc->used_lrs = used;
	vc->hcr = GICH_HCR_EN;
	if (n > used)
		vc->hcr |= GICH_HCR_UIE; /* overflow: tell us when the LRs drain */
	if (multi_sgi)
		vc->hcr |= GICH_HCR_NPIE; /* more senders wait: tell us when none is pending */
	vc->direct_lr = n == 1 && direct_case(vc->lr[0]) ? vc->lr[0] : 0; /* hcr: EN alone */
	return changed;
}

/* A HW-linked level interrupt still pending: what is the physical line doing? */
static void resample_hw(struct vgic_irq *irq, unsigned cpu, const struct vgic_hw_ops *ops)
{
	if (!ops) {
		irq->line_level = true; /* as it was before populate lowered it */
		return;
	}
	irq->line_level = ops->line_level(ops->ctx, cpu, irq->hwintid);
	if (!irq->line_level)
		ops->deactivate(ops->ctx, cpu, irq->hwintid); /* else it never fires again */
}

static void fold_one(struct vgic_irq *irq, uint32_t val, unsigned cpu,
		     const struct vgic_hw_ops *ops)
{
	bool pending = val & GICH_LR_PENDING;
	uint8_t src = (uint8_t)((val & GICH_LR_CPUID_MASK) >> GICH_LR_PHYSID_SHIFT);

	irq->active = val & GICH_LR_ACTIVE;
	if (irq->active && is_sgi(irq))
		irq->active_src = src;
	if (irq->edge && pending) {
		irq->pending_latch = true;
		if (is_sgi(irq))
			irq->sources |= (uint8_t)(1u << src);
	}
	if (!irq->edge && !pending)
		irq->pending_latch = false; /* acknowledged: the line alone says more */
	if (irq->hw && !irq->edge && pending)
		resample_hw(irq, cpu, ops);
	/* back in the model: only an active one stays with this vCPU */
	irq->owner = irq->active ? (uint8_t)cpu : VGIC_NO_VCPU;
}

uint64_t vgic_fold_lr_state(struct vgic_dist *d, unsigned cpu, const uint32_t *hw_lr, uint32_t vmcr,
			    const struct vgic_hw_ops *ops)
{
	struct vgic_cpu *vc = &d->cpu[cpu];
	uint64_t done = 0;

	vc->vmcr = vmcr;
	vc->hcr &= ~(GICH_HCR_UIE | GICH_HCR_NPIE);
	for (unsigned i = 0; i < vc->used_lrs; i++) {
		uint32_t val = hw_lr[i];
		struct vgic_irq *irq = vgic_get_irq(d, cpu, GICH_LR_VIRTID(val));

		if (GICH_LR_STATE(vc->lr[i]) && !GICH_LR_STATE(val))
			done |= 1ull << i;
		vc->lr[i] = val;
		if (irq) {
			fold_one(irq, val, cpu, ops);
			vgic_queue(d, cpu, irq); /* back in the model: its state is here now */
		}
	}
	vc->used_lrs = 0;
	vc->direct_lr = 0;
	return done;
}

/* Is irq among the interrupts vCPU cpu's last flush put in its LRs? */
static bool in_lrs(const struct vgic_cpu *vc, const struct vgic_irq *irq)
{
	for (unsigned i = 0; i < vc->used_lrs; i++)
		if (GICH_LR_VIRTID(vc->lr[i]) == irq->intid && GICH_LR_STATE(vc->lr[i]))
			return true;
	return false;
}

unsigned vgic_kick_mask(struct vgic_dist *d, unsigned self)
{
	struct vgic_irq *list[BOARD_GIC_NR_IRQS];
	unsigned mask = 0;

	for (unsigned c = 0; c < d->ncpus; c++) {
		unsigned n = c == self ? 0 : candidates(d, c, list);

		for (unsigned i = 0; i < n; i++)
			if (irq_pending(list[i]) && !in_lrs(&d->cpu[c], list[i])) {
				mask |= 1u << c;
				break;
			}
	}
	return mask;
}

bool vgic_cpu_pending(struct vgic_dist *d, unsigned cpu)
{
	unsigned pmr = vgic_vmcr_pmr(d->cpu[cpu].vmcr);

	if (!d->enabled || cpu >= d->ncpus)
		return false;
	for (uint64_t bits = ap_bits(d, cpu); bits; bits &= bits - 1) {
		unsigned i = vgic_lowest(bits);
		struct vgic_irq *irq = vgic_get_irq(d, cpu, i);

		if (!routed_to(irq, cpu))
			continue;
		if (irq->enabled && irq_pending(irq) && irq->priority < pmr)
			return true;
	}
	return false;
}
