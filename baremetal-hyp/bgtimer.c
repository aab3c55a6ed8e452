/*
 * The background timer: the PL1 physical timer (CNTP, PPI 30), the
 * hypervisor's own (CNTHCTL.PL1PCEN clear: the guest cannot reach it),
 * armed while a HW-linked LR is in this CPU's GICH. When it fires, its
 * line's rise alone makes QEMU's GIC look again, and GICC_IAR gives the
 * waiting 27 first (same priority, lower INTID), whose new LR re-arms
 * CNTP; if 30 is taken, its IRQ folds the LRs, and vgic_fold resamples
 * the physical GIC when it finds a HW LR done.
 *
 * Why: the guest's EOI of a HW-linked LR deactivates the physical PPI 27.
 * If the timer's line is high again by then (the guest re-armed it late,
 * as Linux's arch_timer_set_next_event under load), a GICv2 signals it at
 * once and KVM, which relies on that, takes it as a new physical IRQ
 * (kvm_arch_timer_handler). QEMU's GIC does not: its gic_complete_irq
 * clears the physical active bit but recomputes only the virtual interface
 * (gic_update_virt), so the pending 27 waits for the next GIC event, and a
 * guest that then runs without a GICD access or a WFI never gets one.
 * (KVM under QEMU gets one from its host's own timer tick.) A HW LR cannot
 * ask for the EOI maintenance interrupt (bit 19 is its pINTID), NPIE fires
 * at the guest's acknowledge, not its EOI, and UIE with one LR valid fires
 * at once: none marks the EOI. So the hypervisor looks itself, once
 * BGTIMER_MS has passed without a new tick.
 */
#include "hyp.h"
#include "smp.h"
#include "sysregs.h"

/* clang-format off */
#define BGTIMER_MS	10		/* past a 4 ms Linux tick (HZ=250): ticks that flow restart it first */
#define BGTIMER_PRIO	0xa0		/* as the guest's timer: below the watchdog */
#define QEMU_CNTFRQ	62500000u	/* if firmware left CNTFRQ 0 */
/* clang-format on */

static bool armed[BOARD_MAX_CPUS];
static uint32_t period; /* BGTIMER_MS in counter ticks */

/* This CPU's background timer: off, its PPI on (below the watchdog). */
void bgtimer_cpu_init(void)
{
	uint32_t hz = read_CNTFRQ() ? read_CNTFRQ() : QEMU_CNTFRQ;

	period = hz / 1000 * BGTIMER_MS;
	write_CNTP_CTL(0);
	gic_phys_enable_ppi(BGTIMER_INTID, BGTIMER_PRIO);
}

/*
 * After a flush: off without a HW-linked LR; with a new one, BGTIMER_MS
 * from now, so that while the guest's ticks keep coming it never fires;
 * else (the same LR still there) armed again if it had fired.
 */
void bgtimer_watch(bool hw_lr, bool new_hw_lr)
{
	unsigned cpu = this_cpu();

	if (!hw_lr) {
		if (armed[cpu])
			write_CNTP_CTL(0);
		armed[cpu] = false;
	} else if (new_hw_lr || !armed[cpu]) {
		write_CNTP_TVAL(period);
		write_CNTP_CTL(CNT_CTL_ENABLE);
		armed[cpu] = true;
	}
}

/*
 * The same HW-linked LR given again (gich.c's direct path): 10 ms from
 * now. Armed already: the flush that gave the LR first armed it, and
 * bgtimer_irq, which disarms, flushes anew.
 */
void bgtimer_restart(void) { write_CNTP_TVAL(period); }

/* PPI 30: quiet it, then fold (which resamples) and flush (which re-arms). */
void bgtimer_irq(uint32_t iar, uint32_t pc)
{
	write_CNTP_CTL(0);
	isb(); /* the line low before the GIC deactivates it */
	armed[this_cpu()] = false;
	gic_phys_eoi(iar);
	gic_phys_deactivate(iar);
	vgic_fold(pc);
	vgic_flush(pc);
}
