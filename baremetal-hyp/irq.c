/*
 * Physical interrupts, taken at HVBAR+0x18 while the guest runs (HCR.IMO:
 * whatever its CPSR.I) or polled in a blocking WFI (Hyp mode runs with
 * CPSR.I set): acknowledged at GICC_IAR, logged, sent on.
 *   26  the watchdog (CNTHP): the guest ran out of time
 *   27  the guest's virtual timer: a HW-linked virtual interrupt (vtimer.c)
 *   25  the GICH maintenance interrupt: fold the finished LRs, refill
 *    0  HYP_KICK_SGI from another CPU (SMP): the model has something new
 *       for this vCPU: fold and flush (gich.c's vgic_kick_others)
 *   33  the host UART's input: into the guest's UART (uart_in.c)
 *   30  the background timer (CNTP) while a HW-linked LR is outstanding:
 *       fold, so that a finished one is seen (bgtimer.c)
 */
#include "smp.h"
#include "gicv2.h"
#include "hyp.h"
#include "vgic.h"

/* clang-format off */
#define WATCHDOG_INTID	BOARD_PPI(BOARD_TIMER_HYP_PPI)	/* 26 */
#define VTIMER_INTID	BOARD_PPI(BOARD_TIMER_VIRT_PPI)	/* 27 */
/* clang-format on */

/* The watchdog: acknowledged and quiet, then the run ends (hyp_timeout). */
static void __attribute__((noreturn)) watchdog_fired(uint32_t iar, uint32_t pc)
{
	watchdog_stop();
	gic_phys_eoi(iar);
	gic_phys_deactivate(iar);
	hyp_timeout(pc);
}

/* The guest finished LRs (EOI bit), drained them (UIE) or has none pending (NPIE). */
static void maintenance(uint32_t iar, uint32_t pc)
{
	irq_log(pc, TRAP_OUT_MAINT, GIC_INTID_MAINT, gich_read(GICH_MISR), gich_read(GICH_EISR0));
	vgic_fold(pc);
	vgic_flush(pc); /* the condition is gone before the line is deactivated */
	gic_phys_eoi(iar);
	gic_phys_deactivate(iar);
}

/* Kicked: the other CPU changed the model under the lock; the LRs follow it. */
static void kicked(uint32_t iar, uint32_t pc)
{
	gic_phys_eoi(iar);
	gic_phys_deactivate(iar);
	vgic_fold(pc);
	vgic_flush(pc);
}

/* Each one taken: a wrapped PMU counter seen to, the interrupt logged (or counted). */
static inline void irq_taken(uint32_t pc, unsigned id)
{
	pmu_poll();
	irq_log(pc, TRAP_OUT_IRQ, id, 0, 0);
}

/* One physical interrupt, if any is pending: false if the GIC had none. */
bool irq_handle(uint32_t pc)
{
	uint32_t iar = gic_phys_ack();
	unsigned id = iar & GICC_IAR_ID_MASK;

	if (id == VTIMER_INTID) { /* the guest's tick first: no spurious test, no jump table */
		irq_taken(pc, id);
		vtimer_irq(iar, pc);
		return true;
	}
	if (id == GIC_INTID_SPURIOUS)
		return false; /* no EOI for a spurious read */
	irq_taken(pc, id);
	switch (id) {
	case WATCHDOG_INTID: watchdog_fired(iar, pc);
	case GIC_INTID_MAINT: maintenance(iar, pc); break;
	case HOST_UART_INTID: uart_in_irq(iar, pc); break;
	case HYP_KICK_SGI: kicked(iar, pc); break;
	case BGTIMER_INTID: bgtimer_irq(iar, pc); break;
	default:
		gic_phys_eoi(iar); /* nothing else is enabled: never */
		gic_phys_deactivate(iar);
	}
	return true;
}

/* From the guest, through hyp_vectors (one vCPU: no lock) or hyp_vectors_smp. */
void hyp_irq(struct hyp_frame *f)
{
	logbuf_quiet();
	irq_handle(frame_pc(f));
}

void hyp_irq_smp(struct hyp_frame *f)
{
	hyp_lock();	/* as every trap under SMP */
	logbuf_quiet(); /* under the lock: no trap's record is open on any CPU */
	irq_handle(frame_pc(f));
	hyp_unlock();
}
