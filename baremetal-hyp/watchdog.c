/*
 * The watchdog: the Hyp physical timer (CNTHP, PPI 26) through the real
 * GIC (gic_phys.c); irq.c stops the guest when it fires. HCR.IMO sends the IRQ to Hyp mode (HVBAR+0x18) while the guest
 * runs, whatever the guest's CPSR.I; in Hyp mode our CPSR.I stays set, so
 * it is only ever taken from the guest.
 */
#include "hyp.h"
#include "sysregs.h"

/* clang-format off */
#define WATCHDOG_PPI	BOARD_PPI(BOARD_TIMER_HYP_PPI)	/* 26 */
#define WATCHDOG_PRIO	0x80		/* above the guest's timer: it always gets through */
#define QEMU_CNTFRQ	62500000u	/* if firmware left CNTFRQ 0 */
/* clang-format on */

void watchdog_start(unsigned ms)
{
	uint32_t hz = read_CNTFRQ() ? read_CNTFRQ() : QEMU_CNTFRQ;
	uint64_t ticks = (uint64_t)hz / 1000 * ms;

	gic_phys_enable_ppi(WATCHDOG_PPI, WATCHDOG_PRIO);
	isb(); /* CNTPCT read in order */
	/* CVAL, 64-bit: TVAL's 31 bits stop at 34.4 s of QEMU's 62.5 MHz */
	write_CNTHP_CVAL(read_CNTPCT() + ticks);
	write_CNTHP_CTL(CNT_CTL_ENABLE);
	isb();
}

bool watchdog_expired(void) { return read_CNTHP_CTL() & CNT_CTL_ISTATUS; }

void watchdog_stop(void)
{
	write_CNTHP_CTL(0);
	isb();
}
