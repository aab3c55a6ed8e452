/*
 * The guest's GIC at PL2: the distributor model (guests/board/vgic_dist.c)
 * and the list registers (vgic_lr.c) on one side, the hardware's GICH on
 * the other (QEMU virt: 0x08030000, this CPU's view). Thin: fold reads the
 * LRs and VMCR the guest left, flush writes what the model wants, as KVM's
 * __vgic_v2_save_state / __vgic_v2_restore_state around
 * kvm_vgic_sync_hwstate / kvm_vgic_flush_hwstate. Unlike KVM, which does
 * both at every exit and entry, this runs only where the model can change:
 * a physical interrupt, a trapped GICD access, WFI. Other traps leave the
 * LRs to the hardware, which is what keeps the trap path as it was.
 */
#include "gicv2.h"
#include "hyp.h"
#include "smp.h"
#include "vgic.h"

#define MAINT_PRIO 0xa0 /* as the guest's timer: below the watchdog */

struct vgic_dist hyp_vgic;
/* LRs this CPU's GICH may hold nonzero: the last flush's used_lrs; the others are 0 */
static unsigned hw_lrs[BOARD_MAX_CPUS];
static uint32_t gicd_base, gicd_size; /* the board's GICD window (its description) */

static inline volatile uint32_t *gich(unsigned off)
{
	return (volatile uint32_t *)(HOST_GICH_BASE + off);
}

uint32_t gich_read(unsigned off) { return *gich(off); }

static const struct vgic_hw_ops hw_ops = { vtimer_line_level, vtimer_deactivate, NULL };

/* The model, every vCPU's (CPU 0, before any guest runs). */
void vgic_hyp_init(void)
{
	unsigned nr_lr = (gich_read(GICH_VTR) & GICH_VTR_LISTREGS_MASK) + 1;
	const struct board_desc *d = &hyp_vcpu.desc;

	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].kind == BDEV_GICD) {
			gicd_base = d->devs[i].base;
			gicd_size = d->devs[i].size;
		}
	vgic_init(&hyp_vgic, d->ncpus, nr_lr);
	hyp_vcpu.board.vgic = &hyp_vgic;
	vgic_hyp_cpu_init();
}

/* This CPU's GICH (banked: each CPU sees its own at HOST_GICH_BASE). */
void vgic_hyp_cpu_init(void)
{
	for (unsigned i = 0; i < hyp_vgic.nr_lr; i++)
		*gich(GICH_LR0 + 4 * i) = 0;
	hw_lrs[this_cpu()] = 0;
	*gich(GICH_VMCR) = 0; /* the binary points' reset values, PMR 0 (vgic_v2_enable) */
	*gich(GICH_HCR) = hyp_vgic.cpu[this_cpu()].hcr;
	gic_phys_enable_ppi(GIC_INTID_MAINT, MAINT_PRIO);
	gic_phys_enable_ppi(HYP_KICK_SGI, MAINT_PRIO);
	bgtimer_cpu_init();
}

/* After the guest ran: what it did with its LRs, into the model. */
void vgic_fold(uint32_t pc)
{
	unsigned cpu = this_cpu();
	struct vgic_cpu *vc = &hyp_vgic.cpu[cpu];
	uint32_t lr[GICH_LR_MAX];
	uint64_t done;

	for (unsigned i = 0; i < vc->used_lrs; i++)
		lr[i] = *gich(GICH_LR0 + 4 * i);
	done = vgic_fold_lr_state(&hyp_vgic, cpu, lr, *gich(GICH_VMCR), &hw_ops);
	for (; done; done &= done - 1) {
		unsigned i = vgic_lowest(done);

		irq_log(pc, TRAP_OUT_EOI, GICH_LR_VIRTID(lr[i]), i, lr[i]);
		if (lr[i] & GICH_LR_HW)
			gic_phys_resample(); /* its physical one may be pending again */
	}
}

/*
 * Before the guest runs again: the model's LRs and GICH_HCR into the
 * hardware. Only the LRs this flush fills or the last one did: the others
 * are 0 on both sides (vgic_v2_restore_state writes used_lrs of them).
 */
void vgic_flush(uint32_t pc)
{
	unsigned cpu = this_cpu();
	struct vgic_cpu *vc = &hyp_vgic.cpu[cpu];
	uint64_t changed = vgic_flush_lr_state(&hyp_vgic, cpu);
	unsigned n = vc->used_lrs > hw_lrs[cpu] ? vc->used_lrs : hw_lrs[cpu];
	uint32_t all = 0, fresh = 0;

	for (unsigned i = 0; i < n; i++) {
		*gich(GICH_LR0 + 4 * i) = vc->lr[i];
		all |= vc->lr[i]; /* an unused LR is 0 */
	}
	hw_lrs[cpu] = vc->used_lrs;
	for (; changed; changed &= changed - 1) {
		unsigned i = vgic_lowest(changed);

		fresh |= vc->lr[i];
		irq_log(pc, TRAP_OUT_VIRQ, GICH_LR_VIRTID(vc->lr[i]), i, vc->lr[i]);
	}
	*gich(GICH_HCR) = vc->hcr;
	bgtimer_watch(all & GICH_LR_HW, fresh & GICH_LR_HW);
}

/*
 * The direct path for the virtual timer's tick (vtimer_irq), in place of
 * vgic_fold, vgic_inject, vgic_flush: vgic_direct_hw_rise on LR 0 as the
 * guest left it, then LR 0 written again, with the records those would
 * make (the EOI, the VIRQ), and the background timer's 10 ms restarted
 * for the new HW LR. Not done, and why that is safe: the other LRs (0 in
 * the model and in GICH since the last flush), GICH_HCR (EN, unchanged),
 * GICH_VMCR (vgic_direct.c), gic_phys_resample (the physical interrupt it
 * would have the GIC signal is the one being taken). False: nothing done.
 */
bool vgic_direct_tick(uint32_t pc, unsigned intid)
{
	uint32_t lr0 = *gich(GICH_LR0);
	uint32_t val = vgic_direct_hw_rise(&hyp_vgic, this_cpu(), intid, lr0);

	if (!val)
		return false;
	irq_log(pc, TRAP_OUT_EOI, GICH_LR_VIRTID(lr0), 0, lr0);
	*gich(GICH_LR0) = val;
	irq_log(pc, TRAP_OUT_VIRQ, intid, 0, val);
	bgtimer_restart();
	return true;
}

/*
 * CPU_OFF: the LRs' state into the model and the interface quiet (no
 * maintenance interrupt while parked); CPU_ON's vgic_flush gives it back.
 * KVM keeps a powered-off vCPU's ap_list as it is: the same state.
 */
void vgic_park(uint32_t pc)
{
	vgic_fold(pc);
	for (unsigned i = 0; i < hyp_vgic.nr_lr; i++)
		*gich(GICH_LR0 + 4 * i) = 0;
	hw_lrs[this_cpu()] = 0;
	*gich(GICH_HCR) = 0;
	bgtimer_watch(false, false);
}

/*
 * The vCPUs running the guest elsewhere with something new to queue, sent
 * HYP_KICK_SGI: theirs to fold and flush (irq.c), as KVM's kvm_vcpu_kick
 * makes the target exit and flush. Parked and starting vCPUs flush anyway
 * when they enter.
 */
void vgic_kick_others(void)
{
	const struct psci_cpus *p = &hyp_vcpu.board.psci;
	unsigned mask = vgic_kick_mask(&hyp_vgic, this_cpu());

	for (unsigned c = 0; c < hyp_ncpus; c++)
		if (p->power[c] != PSCI_POWER_ON)
			mask &= ~(1u << c);
	if (mask)
		gic_phys_send_sgi(HYP_KICK_SGI, mask);
}

/* A trapped distributor access: the model must see the LRs' state first. */
enum board_reg vgic_board_mmio(struct board_access *a, uint32_t pc)
{
	enum board_reg reg;

	a->cpu = (uint8_t)this_cpu(); /* the banked registers and SGIR's sender */
	if (a->ipa - gicd_base >= gicd_size)
		return board_mmio(&hyp_vcpu.board, a);
	vgic_fold(pc);
	reg = board_mmio(&hyp_vcpu.board, a);
	vgic_flush(pc);
	if (a->write && hyp_ncpus > 1)
		vgic_kick_others();
	return reg;
}
