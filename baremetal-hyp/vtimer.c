/*
 * The guest's virtual timer: the CPU's own CNTV, which the guest programs
 * directly (CNTV_* are not trapped), and its PPI 27 linked to the guest's
 * virtual PPI 27 by a HW list register, as KVM maps it (kvm_timer_enable ->
 * kvm_vgic_map_phys_irq). When it fires, the physical interrupt is taken
 * here (HCR.IMO), its priority dropped and left active; the virtual one is
 * made pending (kvm_timer_update_irq -> kvm_vgic_inject_irq); the guest's
 * EOI of the virtual one deactivates the physical one in the GIC.
 */
#include "hyp.h"
#include "smp.h"
#include "vgic.h"

/* clang-format off */
#define VTIMER_INTID	BOARD_PPI(BOARD_TIMER_VIRT_PPI)	/* 27, the same on both sides */
#define VTIMER_PRIO	0xa0		/* below the watchdog's 0x80: it preempts nothing */
/* clang-format on */

/* Every vCPU's virtual 27 linked to its own CPU's physical 27 (PPIs are banked). */
void vtimer_init(void)
{
	for (unsigned c = 0; c < hyp_ncpus; c++)
		vgic_map_hw(&hyp_vgic, c, VTIMER_INTID, VTIMER_INTID);
	vtimer_cpu_init();
}

void vtimer_cpu_init(void) { gic_phys_enable_ppi(VTIMER_INTID, VTIMER_PRIO); }

/*
 * A vCPU started again by CPU_ON: its timer off and its interrupt inactive
 * on both sides, as kvm_timer_vcpu_reset (CNTV_CTL = 0,
 * kvm_vgic_reset_mapped_irq); else a 27 left active at CPU_OFF would never
 * fire again.
 */
void vtimer_reset(void)
{
	struct vgic_irq *irq = vgic_get_irq(&hyp_vgic, this_cpu(), VTIMER_INTID);

	write_CNTV_CTL(0);
	isb();
	irq->active = irq->pending_latch = irq->line_level = false;
	gic_phys_deactivate(VTIMER_INTID);
}

/* The timer's output (kvm_timer_should_fire): enabled, condition met, not masked. */
bool vtimer_line_level(void *ctx, unsigned cpu, unsigned hwintid)
{
	uint32_t ctl = read_CNTV_CTL();

	(void)ctx, (void)cpu, (void)hwintid;
	return (ctl & (CNT_CTL_ENABLE | CNT_CTL_IMASK | CNT_CTL_ISTATUS)) ==
		(CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
}

/* The line fell while the virtual one waited: the physical one must fire again. */
void vtimer_deactivate(void *ctx, unsigned cpu, unsigned hwintid)
{
	(void)ctx, (void)cpu;
	gic_phys_deactivate(hwintid);
}

/* Physical PPI 27 taken at PL2: the guest's virtual 27 goes pending. */
void vtimer_irq(uint32_t iar, uint32_t pc)
{
	gic_phys_eoi(iar); /* priority drop only (EOImode 1): it stays active */
	if (vgic_direct_tick(pc, VTIMER_INTID))
		return; /* the last tick's LR freed, nothing else queued (gich.c) */
	vgic_fold(pc);
	vgic_inject(&hyp_vgic, this_cpu(), VTIMER_INTID, true);
	vgic_flush(pc);
}
