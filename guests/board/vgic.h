/*
 * The guest's GICv2 as KVM's vgic-v2 models it (virt/kvm/arm/vgic): a
 * distributor emulated by trap (vgic_dist.c) and the list registers the
 * hardware's virtual CPU interface presents to the guest (vgic_lr.c).
 * Plain C, no hardware access: a VMM reads and writes the real GICH_LRs
 * and hands their values over; the host unit tests drive it directly.
 *
 * SGIs and PPIs (INTID 0..31) are banked: one set per vCPU in struct
 * vgic_cpu, from the start, so that SMP is more vCPUs, not a new model.
 */
#ifndef BOARD_VGIC_H
#define BOARD_VGIC_H

#include <stdbool.h>
#include <stdint.h>
#include "gicv2.h"
#include "memmap.h"

#define VGIC_NR_SPIS   (BOARD_GIC_NR_IRQS - GIC_NR_PRIVATE)
/* KVM's GICv2 keeps five bits of priority (VGIC_PRI_BITS): the LR's field */
#define VGIC_PRIO_MASK 0xf8u
/* struct vgic_irq.owner when no vCPU's list registers hold the interrupt */
#define VGIC_NO_VCPU   0xffu

/* One interrupt's state (KVM's struct vgic_irq). */
struct vgic_irq {
	uint16_t intid;
	uint16_t hwintid;   /* hw: the physical INTID the LR links to */
	uint8_t priority;   /* GICD_IPRIORITYR, top five bits */
	uint8_t targets;    /* SPIs: GICD_ITARGETSR; private: the owner's bit */
	uint8_t sources;    /* SGIs: bit n = vCPU n made it pending */
	bool enabled;	    /* GICD_ISENABLER */
	bool pending_latch; /* edge seen, or ISPENDR written */
	bool line_level;    /* level-sensitive: the input line */
	bool active;	    /* acknowledged by the guest, not yet deactivated */
	bool edge;	    /* GICD_ICFGR: edge-triggered */
	bool hw;	    /* linked to a physical interrupt (GICH_LR.HW) */
	uint8_t active_src; /* SGIs: the source of the active one */
	uint8_t owner;	    /* the vCPU whose LRs hold it, or where it is active
			       (KVM's irq->vcpu, its ap_list); VGIC_NO_VCPU */
};

/*
 * KVM's ap_list (the interrupts pending or active for a vCPU) as bits, one
 * per INTID: set wherever an interrupt may become pending or active
 * (vgic_queue), cleared by the flush's scan when it is neither
 * (vgic_prune_ap_list), so that the scan visits those alone, not all
 * BOARD_GIC_NR_IRQS. A superset: enables, priorities and targets are
 * checked by the scan itself.
 */
typedef uint32_t vgic_ap_bits; /* private INTIDs per vCPU; SPIs (INTID - 32) once */
_Static_assert(GIC_NR_PRIVATE == 32 && VGIC_NR_SPIS <= 32, "the ap bits are two words");

/* One vCPU's banked interrupts and its list registers. */
struct vgic_cpu {
	struct vgic_irq priv[GIC_NR_PRIVATE];
	vgic_ap_bits ap_priv;	  /* its private INTIDs that may be pending or active */
	uint32_t lr[GICH_LR_MAX]; /* as flush wrote them; fold reads them back */
	unsigned used_lrs;	  /* LRs flush filled: fold reads back this many */
	uint32_t direct_lr;	  /* LR 0 of the last flush if it was the whole list, a PPI,
				     HW-linked, pending (vgic_direct.c); 0 after a fold */
	uint32_t hcr;		  /* GICH_HCR for the next entry: EN, UIE, NPIE */
	uint32_t vmcr;		  /* GICH_VMCR as last read: the guest's PMR */
};

struct vgic_dist {
	bool enabled; /* GICD_CTLR.Enable */
	unsigned ncpus;
	unsigned nr_lr; /* GICH_VTR.ListRegs + 1 */
	struct vgic_irq spi[VGIC_NR_SPIS];
	vgic_ap_bits
		ap_spi; /* the SPIs that may be pending or active: each vCPU's scan routes them */
	struct vgic_cpu cpu[BOARD_MAX_CPUS];
};

/*
 * What the VMM does for a HW-linked interrupt at fold time (KVM's
 * vgic_get_phys_line_level and vgic_irq_set_phys_active): the level of the
 * physical line, and making the physical interrupt inactive.
 */
struct vgic_hw_ops {
	bool (*line_level)(void *ctx, unsigned cpu, unsigned hwintid);
	void (*deactivate)(void *ctx, unsigned cpu, unsigned hwintid);
	void *ctx;
};

/*
 * Reset state (kvm_vgic_vcpu_init, kvm_vgic_dist_init): SGIs enabled and
 * edge, PPIs level; SPIs edge (ICFGR 0xaaaaaaaa), ITARGETSR 0 and taken by
 * vCPU 0 until the guest names targets.
 */
void vgic_init(struct vgic_dist *d, unsigned ncpus, unsigned nr_lr);

/* INTID's state as vCPU cpu sees it, or NULL outside 0..BOARD_GIC_NR_IRQS-1. */
struct vgic_irq *vgic_get_irq(struct vgic_dist *d, unsigned cpu, unsigned intid);

/*
 * One guest access at offset in the distributor's page, as vCPU cpu made
 * it. Byte accesses to IPRIORITYR, ITARGETSR, CPENDSGIR/SPENDSGIR, words
 * everywhere; reserved offsets and other widths read as zero and ignore
 * writes (RAZ/WI), as on the real GIC. Returns false for those.
 */
bool vgic_dist_mmio(struct vgic_dist *d, unsigned cpu, uint32_t offset, unsigned size, bool write,
		    uint32_t *val);

/*
 * The vCPUs a GICD_SGIR write by vCPU cpu sends to, as a mask, as KVM's
 * vgic_mmio_write_sgir: the CPUTargetList (bits of absent vCPUs dropped),
 * all but the sender, or the sender; none for the reserved filter.
 */
unsigned vgic_sgir_targets(uint32_t sgir, unsigned cpu, unsigned ncpus);

/*
 * An input line (kvm_vgic_inject_irq): level-sensitive interrupts follow
 * level; edge-triggered ones become pending on level = true.
 */
void vgic_inject(struct vgic_dist *d, unsigned cpu, unsigned intid, bool level);

/* The lowest set bit of a nonzero mask (INTIDs, LRs): two 32-bit CTZs, no libgcc call. */
static inline unsigned vgic_lowest(uint64_t bits)
{
	uint32_t lo = (uint32_t)bits;

	return lo ? (unsigned)__builtin_ctz(lo)
		  : 32u + (unsigned)__builtin_ctz((uint32_t)(bits >> 32));
}

/*
 * irq (vCPU cpu's if private) may be pending or active now: the flush's
 * scan must see it (vgic_queue_irq_unlock puts it on the ap_list).
 */
static inline void vgic_queue(struct vgic_dist *d, unsigned cpu, const struct vgic_irq *irq)
{
	if (irq->intid < GIC_NR_PRIVATE)
		d->cpu[cpu].ap_priv |= 1u << irq->intid;
	else
		d->ap_spi |= 1u << (irq->intid - GIC_NR_PRIVATE);
}

/* Links a virtual interrupt to a physical one (kvm_vgic_map_phys_irq). */
void vgic_map_hw(struct vgic_dist *d, unsigned cpu, unsigned intid, unsigned hwintid);

/*
 * The list registers (vgic_lr.c).
 * vgic_flush_lr_state: before the vCPU runs, fills cpu->lr[] from the
 * interrupts pending or active for it, highest priority first (active
 * ones first), sets used_lrs, and cpu->hcr: EN, UIE when more wait than
 * there are LRs (overflow), NPIE for an SGI pending from several sources.
 * Returns a mask of the LRs whose value changed (new interrupts queued).
 */
uint64_t vgic_flush_lr_state(struct vgic_dist *d, unsigned cpu);

/*
 * vgic_fold_lr_state: after the vCPU ran, takes the LR values read from
 * the hardware (hw_lr[0..used_lrs-1]) and GICH_VMCR back into the model:
 * active as is, edge pending as is, level pending from the line (HW-linked:
 * ops->line_level; a line gone low deactivates the physical interrupt).
 * Returns a mask of the LRs the guest finished (valid before, invalid now).
 */
uint64_t vgic_fold_lr_state(struct vgic_dist *d, unsigned cpu, const uint32_t *hw_lr, uint32_t vmcr,
			    const struct vgic_hw_ops *ops);

/*
 * vgic_direct_hw_rise (vgic_direct.c): the line of HW-linked level PPI
 * intid rose again for vCPU cpu (a timer's tick); hw_lr0 is GICH_LR0 as
 * the guest left it. When the general path's outcome is certain (the last
 * flush gave LR 0 alone to intid, pending: direct_lr; the guest finished
 * it; nothing else is on the ap bits), does what vgic_fold_lr_state,
 * vgic_inject and vgic_flush_lr_state would (LR 0 done, then the same LR 0
 * again) and returns that LR, else 0 with the model untouched.
 */
uint32_t vgic_direct_hw_rise(struct vgic_dist *d, unsigned cpu, unsigned intid, uint32_t hw_lr0);

/*
 * The vCPUs other than self that have a pending interrupt to queue which
 * their last flush did not put in an LR: those a VMM must kick (make fold
 * and flush again), as KVM's vgic_queue_irq_unlock kicks the target vCPU of
 * an interrupt it adds to the vCPU's list (kvm_vcpu_kick). Whatever the
 * guest's PMR, as KVM: the kick queues, the guest's GICV masks.
 */
unsigned vgic_kick_mask(struct vgic_dist *d, unsigned self);

/*
 * True if vCPU cpu has an interrupt to take: pending, enabled, above the
 * guest's priority mask, distributor on (kvm_vgic_vcpu_pending_irq): what
 * ends a blocking WFI.
 */
bool vgic_cpu_pending(struct vgic_dist *d, unsigned cpu);

/* The guest's priority mask from GICH_VMCR.VMPriMask. */
static inline unsigned vgic_vmcr_pmr(uint32_t vmcr) { return (vmcr >> GICH_VMCR_PMR_SHIFT) << 3; }

#endif
