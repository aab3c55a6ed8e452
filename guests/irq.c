/*
 * irq: the GICv2 and the virtual timer as a guest sees them (issue 9).
 * Natively that is QEMU's GIC; under the bare hypervisor its distributor
 * model and GICV at the GICC address; under KVM the in-kernel vgic-v2.
 * The console is the same on all three: no check prints a value that a
 * GIC may choose (TYPER's line count, IIDR, the priority bits kept beyond
 * the four every GICv2 has).
 *
 *   init      distributor and CPU interface on, PMR 0xf0, BPR at its least
 *   spurious  IAR reads 1023 when nothing is pending
 *   states    an SPI through ISPENDR/ISACTIVER/ICPENDR/ICACTIVER, then
 *             IAR (pending -> active) and EOIR (active -> inactive)
 *   priority  of two pending, the higher first; the lower waits for the EOI
 *   pmr       an interrupt not above PMR stays pending: IAR reads 1023
 *   sgi       GICD_SGIR to self, taken at the IRQ vector, from CPU 0
 *   timer     TICKS virtual-timer interrupts (PPI 27), each re-armed in the
 *             handler: count, never before CNTV_CVAL, at least the period
 *             apart (counter ticks), none once the timer is stopped
 *
 * The register walks run with CPSR.I set and read IAR by hand; the SGI
 * and the timer are taken at the IRQ vector (guests/lib/vectors.S).
 */
#include "board/gicv2.h"
#include "board/gtimer.h"
#include "guest.h"

#define GICD(off) (BOARD_GICD_BASE + (off))
#define GICC(off) (BOARD_GICC_BASE + (off))

#define TIMER_INTID BOARD_PPI(BOARD_TIMER_VIRT_PPI) /* 27 */
#define SGI_INTID   5u
#define SPI_LOW	    40u /* SPI 8: no device on the board or on QEMU virt drives it */
#define SPI_HIGH    41u
#define PRIO_LOW    0xa0u /* multiples of 0x10: every GICv2 keeps four bits */
#define PRIO_HIGH   0x80u
#define PRIO_SGI    0x90u
#define PRIO_TIMER  0xa0u
#define PMR_OPEN    0xf0u
#define TICKS	    8u

static inline uint32_t bit(unsigned intid) { return 1u << (intid % 32); }
static inline uintptr_t word(uintptr_t reg, unsigned intid) { return GICD(reg) + intid / 32 * 4; }

/* ---- the virtual timer (CP15 c14) ---- */

static uint32_t cntfrq(void)
{
	uint32_t v;
	asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	return v;
}

static uint64_t cntvct(void)
{
	uint64_t v;
	asm volatile("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r"(v));
	return v;
}

static uint64_t cntv_cval(void)
{
	uint64_t v;
	asm volatile("mrrc p15, 3, %Q0, %R0, c14" : "=r"(v));
	return v;
}

static void cntv_tval_set(uint32_t v)
{
	asm volatile("mcr p15, 0, %0, c14, c3, 0\n\tisb" ::"r"(v));
}

static uint32_t cntv_ctl(void)
{
	uint32_t v;
	asm volatile("mrc p15, 0, %0, c14, c3, 1" : "=r"(v));
	return v;
}

static void cntv_ctl_set(uint32_t v) { asm volatile("mcr p15, 0, %0, c14, c3, 1\n\tisb" ::"r"(v)); }

static void irq_enable(void) { asm volatile("cpsie i" ::: "memory"); }
static void irq_disable(void) { asm volatile("cpsid i" ::: "memory"); }
static void wfi(void) { asm volatile("dsb\n\twfi" ::: "memory"); }

/* ---- what the IRQ handler saw ---- */

static volatile struct {
	unsigned ticks, early, close, not_asserted, sgis, sgi_bad_source, others;
	uint32_t other_iar;
	uint64_t last;	 /* CNTVCT at the previous tick */
	uint32_t period; /* counter ticks between re-arm and expiry */
} seen;

static void timer_tick(void)
{
	uint64_t now = cntvct();

	if (!(cntv_ctl() & CNT_CTL_ISTATUS))
		seen.not_asserted++;
	if (now < cntv_cval())
		seen.early++;
	if (seen.ticks && now - seen.last < seen.period)
		seen.close++;
	seen.last = now;
	if (++seen.ticks < TICKS)
		cntv_tval_set(seen.period); /* re-armed from now: the next is >= period away */
	else
		cntv_ctl_set(0); /* stopped: its level drops, no tick after the last */
}

static void on_irq(struct exc_frame *f)
{
	uint32_t iar = readl(GICC(GICC_IAR));
	uint32_t id = iar & GICC_IAR_ID_MASK;

	f->lr -= 4; /* an IRQ's LR is the next instruction + 4 */
	if (id == GIC_INTID_SPURIOUS)
		return; /* gone before it was acknowledged: allowed, nothing to EOI */
	if (id == TIMER_INTID) {
		timer_tick();
	} else if (id == SGI_INTID) {
		seen.sgis++;
		if (iar >> GICC_IAR_CPU_SHIFT & 7)
			seen.sgi_bad_source++;
	} else {
		seen.others++;
		seen.other_iar = iar;
	}
	writel(GICC(GICC_EOIR), iar);
}

/* ---- distributor helpers ---- */

static bool is_pending(unsigned id) { return readl(word(GICD_ISPENDR, id)) & bit(id); }
static bool is_active(unsigned id) { return readl(word(GICD_ISACTIVER, id)) & bit(id); }

static void set_priority(unsigned id, uint32_t prio)
{
	uintptr_t a = GICD(GICD_IPRIORITYR) + (id & ~3u);
	unsigned shift = (id % 4) * 8;

	writel(a, (readl(a) & ~(0xffu << shift)) | prio << shift);
}

/* An SPI as the walks want it: edge-triggered, to CPU 0, not pending or active. */
static void spi_setup(unsigned id, uint32_t prio)
{
	uintptr_t cfg = GICD(GICD_ICFGR) + id / 16 * 4;
	uintptr_t tgt = GICD(GICD_ITARGETSR) + (id & ~3u);
	unsigned shift = (id % 4) * 8;

	writel(cfg, readl(cfg) | GICD_ICFGR_EDGE << (id % 16 * 2));
	writel(tgt, (readl(tgt) & ~(0xffu << shift)) | 1u << shift);
	set_priority(id, prio);
	writel(word(GICD_ICPENDR, id), bit(id));
	writel(word(GICD_ICACTIVER, id), bit(id));
}

static const char *state_name(unsigned id)
{
	bool p = is_pending(id), a = is_active(id);

	return p && a ? "pending+active" : p ? "pending" : a ? "active" : "inactive";
}

static bool expect_state(unsigned id, const char *want, const char *step)
{
	const char *got = state_name(id);

	if (!report(!strcmp(got, want), "states: %s: INTID %u %s", step, id, want))
		report_info("states: got %s", got);
	return !strcmp(got, want);
}

static uint32_t ack(void) { return readl(GICC(GICC_IAR)); }
static void eoi(uint32_t iar) { writel(GICC(GICC_EOIR), iar); }

static bool expect_ack(uint32_t want, const char *what)
{
	uint32_t iar = ack();
	bool ok = (iar & GICC_IAR_ID_MASK) == want;

	if (!report(ok, "%s: IAR = %u", what, want))
		report_info("got IAR 0x%08x", iar);
	if (!ok && (iar & GICC_IAR_ID_MASK) != GIC_INTID_SPURIOUS)
		eoi(iar); /* leave no interrupt active behind a failure */
	return ok;
}

/* ---- the checks ---- */

static void check_init(void)
{
	uint32_t typer = readl(GICD(GICD_TYPER));

	writel(GICD(GICD_CTLR), GICD_CTLR_ENABLE);
	writel(GICC(GICC_PMR), PMR_OPEN);
	writel(GICC(GICC_BPR), 0); /* the least BPR the GIC has: every priority preempts */
	writel(GICC(GICC_CTLR), GICC_CTLR_ENABLE);
	report((typer & GICD_TYPER_ITLINES_MASK) >= 1, "init: GICD_TYPER: INTIDs 0..63 at least");
	report((typer >> GICD_TYPER_CPUS_SHIFT & 7) == 0, "init: GICD_TYPER: one CPU interface");
	report(readl(GICD(GICD_CTLR)) & GICD_CTLR_ENABLE, "init: GICD_CTLR enabled");
	report(readl(GICC(GICC_CTLR)) & GICC_CTLR_ENABLE, "init: GICC_CTLR enabled");
	report(readl(GICC(GICC_PMR)) == PMR_OPEN, "init: GICC_PMR = 0x%02x", PMR_OPEN);
}

static void check_spurious(void) { expect_ack(GIC_INTID_SPURIOUS, "spurious: nothing pending"); }

static void check_states(void)
{
	spi_setup(SPI_LOW, PRIO_LOW);
	writel(word(GICD_ICENABLER, SPI_LOW), bit(SPI_LOW));
	if (!expect_state(SPI_LOW, "inactive", "cleared"))
		return;
	/* Disabled: only the set and clear registers move it. */
	writel(word(GICD_ISPENDR, SPI_LOW), bit(SPI_LOW));
	expect_state(SPI_LOW, "pending", "ISPENDR");
	writel(word(GICD_ISACTIVER, SPI_LOW), bit(SPI_LOW));
	expect_state(SPI_LOW, "pending+active", "ISACTIVER");
	writel(word(GICD_ICPENDR, SPI_LOW), bit(SPI_LOW));
	expect_state(SPI_LOW, "active", "ICPENDR");
	writel(word(GICD_ICACTIVER, SPI_LOW), bit(SPI_LOW));
	expect_state(SPI_LOW, "inactive", "ICACTIVER");

	/* Enabled: the CPU interface acknowledges and ends it. */
	writel(word(GICD_ISENABLER, SPI_LOW), bit(SPI_LOW));
	report(readl(word(GICD_ISENABLER, SPI_LOW)) & bit(SPI_LOW), "states: ISENABLER reads set");
	writel(word(GICD_ISPENDR, SPI_LOW), bit(SPI_LOW));
	report((readl(GICC(GICC_HPPIR)) & GICC_IAR_ID_MASK) == SPI_LOW,
	       "states: HPPIR = %u while pending", SPI_LOW);
	if (!expect_ack(SPI_LOW, "states: acknowledged"))
		return;
	expect_state(SPI_LOW, "active", "after IAR");
	expect_ack(GIC_INTID_SPURIOUS, "states: while active, nothing else");
	eoi(SPI_LOW);
	expect_state(SPI_LOW, "inactive", "after EOIR");
}

static void check_priority(void)
{
	uint32_t v;

	spi_setup(SPI_HIGH, PRIO_HIGH);
	writel(word(GICD_ISENABLER, SPI_HIGH), bit(SPI_HIGH));
	v = readl(GICD(GICD_IPRIORITYR) + (SPI_LOW & ~3u));
	report((v & 0xffff) == (PRIO_LOW | PRIO_HIGH << 8),
	       "priority: IPRIORITYR reads back 0x%02x, 0x%02x", PRIO_LOW, PRIO_HIGH);
	/* Both pending at once: the higher (lower value) first. */
	writel(word(GICD_ISPENDR, SPI_LOW), bit(SPI_LOW) | bit(SPI_HIGH));
	if (!expect_ack(SPI_HIGH, "priority: 0x80 before 0xa0"))
		return;
	expect_ack(GIC_INTID_SPURIOUS, "priority: 0xa0 cannot preempt the active 0x80");
	eoi(SPI_HIGH);
	if (expect_ack(SPI_LOW, "priority: 0xa0 after the EOI of 0x80"))
		eoi(SPI_LOW);
	expect_ack(GIC_INTID_SPURIOUS, "priority: both ended");
	expect_state(SPI_HIGH, "inactive", "priority, both ended");
}

static void check_pmr(void)
{
	writel(GICC(GICC_PMR), PRIO_LOW);
	report(readl(GICC(GICC_PMR)) == PRIO_LOW, "pmr: GICC_PMR = 0x%02x", PRIO_LOW);
	writel(word(GICD_ISPENDR, SPI_LOW), bit(SPI_LOW));
	expect_ack(GIC_INTID_SPURIOUS, "pmr: priority 0xa0 masked by PMR 0xa0");
	expect_state(SPI_LOW, "pending", "masked by PMR");
	writel(GICC(GICC_PMR), PRIO_LOW + 0x10);
	if (expect_ack(SPI_LOW, "pmr: taken once PMR is 0xb0"))
		eoi(SPI_LOW);
	writel(GICC(GICC_PMR), PMR_OPEN);
	writel(word(GICD_ICENABLER, SPI_LOW), bit(SPI_LOW) | bit(SPI_HIGH));
}

/* Waits with WFI until cond() or the counter passes limit; true if cond(). */
static bool wait_for(bool (*cond)(void), uint64_t limit)
{
	while (!cond()) {
		if (cntvct() > limit)
			return false;
		wfi();
	}
	return true;
}

static bool sgi_taken(void) { return seen.sgis > 0; }
static bool ticks_done(void) { return seen.ticks >= TICKS; }

static void check_sgi(void)
{
	set_priority(SGI_INTID, PRIO_SGI);
	writel(word(GICD_ISENABLER, SGI_INTID), bit(SGI_INTID));
	irq_enable();
	writel(GICD(GICD_SGIR), GICD_SGIR_FILTER_SELF << GICD_SGIR_FILTER_SHIFT | SGI_INTID);
	/* Bounded in counter ticks (0.5 s), not in loop turns: a VMM may skip WFI. */
	wait_for(sgi_taken, cntvct() + cntfrq() / 2);
	irq_disable();
	report(seen.sgis == 1, "sgi: SGI %u to self through GICD_SGIR taken once", SGI_INTID);
	report(seen.sgis && !seen.sgi_bad_source, "sgi: IAR names CPU 0 as its source");
}

static void check_timer(void)
{
	uint32_t freq = cntfrq();
	uint64_t start, settle;

	seen.period = freq / 1000; /* 1 ms of the counter */
	report(freq != 0, "timer: CNTFRQ set");
	set_priority(TIMER_INTID, PRIO_TIMER);
	writel(word(GICD_ISENABLER, TIMER_INTID), bit(TIMER_INTID));
	cntv_tval_set(seen.period);
	cntv_ctl_set(CNT_CTL_ENABLE);
	start = cntvct();
	irq_enable();
	/*
	 * Generous: 2 s of counter for 8 ms of ticks, so only a lost interrupt
	 * runs out; within the bare hypervisor's watchdog (3 s of guest time).
	 */
	wait_for(ticks_done, start + 2ull * freq);
	/* Then ten periods more: a tick after the last one is a stray. */
	settle = cntvct() + 10ull * seen.period;
	while (cntvct() < settle)
		;
	irq_disable();
	cntv_ctl_set(0);
	writel(word(GICD_ICENABLER, TIMER_INTID), bit(TIMER_INTID));
	if (!report(seen.ticks == TICKS, "timer: %u ticks of PPI %u, none after the timer stopped",
		    TICKS, TIMER_INTID))
		report_info("timer: got %u", seen.ticks);
	report(seen.ticks && !seen.not_asserted, "timer: CNTV_CTL.ISTATUS set at every tick");
	report(seen.ticks && !seen.early, "timer: no tick before its CNTV_CVAL");
	if (!report(seen.ticks > 1 && !seen.close, "timer: ticks at least CNTFRQ/1000 apart"))
		report_info("timer: %u of %u intervals shorter", seen.close,
			    seen.ticks ? seen.ticks - 1 : 0);
}

int main(void)
{
	exc_set_handler(EXC_IRQ, on_irq);
	report_prefix("irq");
	check_init();
	check_spurious();
	check_states();
	check_priority();
	check_pmr();
	check_sgi();
	check_timer();
	if (!report(!seen.others, "no other interrupt taken"))
		report_info("last IAR 0x%08x", seen.other_iar);
	return report_summary();
}
