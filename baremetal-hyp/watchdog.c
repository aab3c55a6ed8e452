/*
 * The watchdog: the Hyp physical timer (CNTHP, PPI 26) through the real
 * GIC. HCR.IMO sends the IRQ to Hyp mode (HVBAR+0x18) while the guest
 * runs, whatever the guest's CPSR.I; in Hyp mode our CPSR.I stays set, so
 * it is only ever taken from the guest.
 */
#include "hyp.h"
#include "sysregs.h"

/* clang-format off */
#define WATCHDOG_PPI	26
#define GICD_CTLR	0x000
#define GICD_ISENABLER0	0x100
#define GICD_IPRIORITYR	0x400
#define GICC_CTLR	0x000
#define GICC_PMR	0x004
#define GICC_IAR	0x00c
#define GICC_EOIR	0x010
#define GIC_IRQ_ID_MASK	0x3ff
#define QEMU_CNTFRQ	62500000u	/* if firmware left CNTFRQ 0 */
/* clang-format on */

static inline volatile uint32_t *gicd(unsigned off)
{
	return (volatile uint32_t *)(HOST_GICD_BASE + off);
}
static inline volatile uint32_t *gicc(unsigned off)
{
	return (volatile uint32_t *)(HOST_GICC_BASE + off);
}

static void gic_enable_ppi(unsigned id)
{
	volatile uint32_t *prio = gicd(GICD_IPRIORITYR + (id & ~3u));

	*prio = (*prio & ~(0xffu << 8 * (id & 3))) | (0x80u << 8 * (id & 3));
	*gicd(GICD_ISENABLER0) = 1u << id;
	*gicd(GICD_CTLR) = 1;
	*gicc(GICC_PMR) = 0xf0; /* let priority 0x80 through */
	*gicc(GICC_CTLR) = 1;
}

void watchdog_start(unsigned ms)
{
	uint32_t hz = read_CNTFRQ() ? read_CNTFRQ() : QEMU_CNTFRQ;
	uint64_t ticks = (uint64_t)hz / 1000 * ms;

	gic_enable_ppi(WATCHDOG_PPI);
	write_CNTHP_TVAL(ticks > 0x7fffffff ? 0x7fffffff : (uint32_t)ticks);
	write_CNTHP_CTL(CNT_CTL_ENABLE);
	isb();
}

bool watchdog_expired(void) { return read_CNTHP_CTL() & CNT_CTL_ISTATUS; }

void watchdog_stop(void)
{
	write_CNTHP_CTL(0);
	isb();
}

unsigned watchdog_irq(void)
{
	uint32_t iar = *gicc(GICC_IAR);

	if ((iar & GIC_IRQ_ID_MASK) == GIC_SPURIOUS_ID)
		return GIC_SPURIOUS_ID; /* no EOI for a spurious read */
	watchdog_stop();
	*gicc(GICC_EOIR) = iar;
	return iar & GIC_IRQ_ID_MASK;
}
