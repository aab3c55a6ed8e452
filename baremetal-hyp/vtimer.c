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
#include "vgic.h"

/* clang-format off */
#define VTIMER_INTID	BOARD_PPI(BOARD_TIMER_VIRT_PPI)	/* 27, the same on both sides */
#define VTIMER_PRIO	0xa0		/* below the watchdog's 0x80: it preempts nothing */
/* clang-format on */

void vtimer_init(void)
{
	vgic_map_hw(&hyp_vgic, 0, VTIMER_INTID, VTIMER_INTID);
	gic_phys_enable_ppi(VTIMER_INTID, VTIMER_PRIO);
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
	vgic_fold(pc);
	vgic_inject(&hyp_vgic, 0, VTIMER_INTID, true);
	vgic_flush(pc);
}
