/*
 * Unit tests: the direct path for a HW-linked timer's tick
 * (guests/board/vgic_direct.c) against the general one (fold, inject,
 * flush). A steady tick takes it; each condition that must send a tick to
 * the general path does; and on random runs of two vCPUs (guest GICD
 * writes between a fold and a flush as a VMM makes them, the guest
 * acknowledging and finishing LRs, an SPI's line, ticks) every tick the
 * direct path takes leaves the model byte for byte as the general path
 * would, with the LR it would write.
 */
#include "unit.h"
#include "vgic.h"

#define TIMER 27 /* the virtual timer's PPI, HW-linked to physical 27 */
#define SPI   40
#define NCPUS 2

static struct vgic_dist d;
static uint32_t hw[NCPUS][GICH_LR_MAX]; /* each vCPU's GICH LRs as its guest left them */
static bool line[NCPUS];		/* each vCPU's timer output */
static bool phys_active[NCPUS];		/* each CPU's physical 27: taken, not yet deactivated */

static bool line_level(void *ctx, unsigned cpu, unsigned id)
{
	(void)ctx, (void)id;
	return line[cpu];
}
static void deactivate(void *ctx, unsigned cpu, unsigned id)
{
	(void)ctx, (void)id;
	phys_active[cpu] = false;
}
static const struct vgic_hw_ops ops = { line_level, deactivate, NULL };

static uint64_t fold(struct vgic_dist *m, unsigned c)
{
	return vgic_fold_lr_state(m, c, hw[c], m->cpu[c].vmcr, &ops);
}

static uint64_t flush(struct vgic_dist *m, unsigned c)
{
	uint64_t changed = vgic_flush_lr_state(m, c);

	for (unsigned i = 0; i < m->nr_lr; i++)
		hw[c][i] = m->cpu[c].lr[i];
	return changed;
}

/* A guest's distributor access, as the hypervisor makes it: fold, access, flush. */
static void gicd(unsigned c, uint32_t off, unsigned size, uint32_t val)
{
	fold(&d, c);
	vgic_dist_mmio(&d, c, off, size, true, &val);
	flush(&d, c);
}

static void setup(unsigned nr_lr)
{
	vgic_init(&d, NCPUS, nr_lr);
	for (unsigned c = 0; c < NCPUS; c++) {
		vgic_map_hw(&d, c, TIMER, TIMER);
		for (unsigned i = 0; i < GICH_LR_MAX; i++)
			hw[c][i] = 0;
		line[c] = false;
		phys_active[c] = false;
	}
}

/* The general path for a tick: what vtimer_irq did before the direct one. */
static void general_tick(struct vgic_dist *m, unsigned c, uint64_t *done, uint64_t *changed)
{
	*done = fold(m, c);
	vgic_inject(m, c, TIMER, true);
	*changed = flush(m, c);
}

/* Set by a random run: its ticks are checked quietly, the first mismatch kept. */
static bool quiet;
static unsigned mismatches;
static char first_mismatch[160];

static void expect(bool ok, const char *what, const char *cond)
{
	if (!quiet) {
		check(ok, "%s: %s", what, cond);
	} else if (!ok && !mismatches++) {
		snprintf(first_mismatch, sizeof(first_mismatch), "%s: %s", what, cond);
	}
}

/*
 * One tick on vCPU c both ways. Returns whether the direct path took it;
 * the model goes on from the general path's result.
 */
static bool tick(unsigned c, const char *what)
{
	static struct vgic_dist direct;
	uint32_t val;
	uint64_t done, changed;

	line[c] = true;
	phys_active[c] = true; /* EOImode 1: the priority dropped, still active */
	memcpy(&direct, &d, sizeof(d));
	val = vgic_direct_hw_rise(&direct, c, TIMER, hw[c][0]);
	if (!val) {
		expect(!memcmp(&direct, &d, sizeof(d)), what, "refused, the model untouched");
		general_tick(&d, c, &done, &changed);
		return false;
	}
	general_tick(&d, c, &done, &changed);
	expect(done == 1 && changed == 1, what, "the general path finds LR 0 done, then LR 0 new");
	expect(val == d.cpu[c].lr[0], what, "the LR the general path writes");
	expect(!memcmp(&direct, &d, sizeof(d)), what, "the model as the general path leaves it");
	return true;
}

/* The guest takes its LR 0 (pending -> active), then EOIs it (-> invalid). */
static void guest_ack_eoi(unsigned c)
{
	hw[c][0] = (hw[c][0] & ~GICH_LR_STATE_MASK) | GICH_LR_ACTIVE;
	hw[c][0] &= ~GICH_LR_STATE_MASK;
	if (hw[c][0] & GICH_LR_HW)
		phys_active[c] = false; /* the EOI of a HW LR deactivates the physical one */
}

static void test_steady(void)
{
	setup(4);
	gicd(0, GICD_CTLR, 4, GICD_CTLR_ENABLE);
	gicd(0, GICD_IPRIORITYR + TIMER, 1, 0xa0);
	gicd(0, GICD_ISENABLER, 4, 1u << TIMER);
	check(!tick(0, "first tick: LR 0 was never the timer's"), "first tick: the general path");
	check_eq(d.cpu[0].direct_lr,
		 GICH_LR_HW | GICH_LR_PENDING | 0x14u << 23 | TIMER << 10 | TIMER,
		 "direct_lr: the timer's pending HW LR");
	hw[0][0] = (hw[0][0] & ~GICH_LR_STATE_MASK) | GICH_LR_ACTIVE;
	check(!tick(0, "LR 0 still active"), "the guest in its handler: general");
	guest_ack_eoi(0);
	check(!tick(0, "after an active LR 0"), "that flush's LR 0 was active: general");
	guest_ack_eoi(0);
	check(tick(0, "steady tick"), "the guest's EOI done, nothing else: direct");
	guest_ack_eoi(0);
	check(tick(0, "again"), "and again");
}

static void test_refusals(void)
{
	setup(4);
	gicd(0, GICD_CTLR, 4, GICD_CTLR_ENABLE);
	gicd(0, GICD_ISENABLER, 4, 1u << TIMER | 1u << 26);
	tick(0, "setup");
	guest_ack_eoi(0);
	/* another PPI pending on this vCPU: it wants an LR too */
	fold(&d, 0);
	vgic_inject(&d, 0, 26, true);
	flush(&d, 0);
	guest_ack_eoi(0);
	check(!tick(0, "PPI 26 too"), "another PPI queued: general");
	fold(&d, 0);
	vgic_inject(&d, 0, 26, false);
	flush(&d, 0); /* 26 pruned, 27 still pending in LR 0 */
	guest_ack_eoi(0);
	check(tick(0, "26 gone"), "26 pruned: direct again");
	/* an SPI pending for vCPU 1, written there: the ap bits are shared */
	guest_ack_eoi(0);
	gicd(1, GICD_ISENABLER + 4, 4, 1u << (SPI - 32));
	gicd(1, GICD_ITARGETSR + SPI, 1, 2);
	gicd(1, GICD_ISPENDR + 4, 4, 1u << (SPI - 32));
	check(!tick(0, "SPI on vCPU 1"), "an SPI on the ap bits: general");
	gicd(1, GICD_ICPENDR + 4, 4, 1u << (SPI - 32)); /* vCPU 1's flush prunes it */
	guest_ack_eoi(0);
	check(tick(0, "SPI gone"), "the SPI pruned: direct again");
	/*
	 * LR 0 the timer's, LR 1 an SPI's; vCPU 1's flush prunes the SPI's
	 * ap bit (the state is in vCPU 0's LR): the ap bits alone look clear
	 */
	guest_ack_eoi(0);
	gicd(0, GICD_IPRIORITYR + SPI, 1, 0xc0);
	gicd(0, GICD_ITARGETSR + SPI, 1, 1);
	tick(0, "before the SPI");
	gicd(0, GICD_ISPENDR + 4, 4, 1u << (SPI - 32));
	check_eq(d.cpu[0].used_lrs, 2, "the timer and the SPI listed");
	fold(&d, 1);
	flush(&d, 1);
	check(!d.ap_spi, "vCPU 1's flush pruned the SPI's bit");
	hw[0][1] = (hw[0][1] & ~GICH_LR_STATE_MASK) | GICH_LR_ACTIVE;
	guest_ack_eoi(0);
	check(!tick(0, "SPI in LR 1"), "two LRs in use: general");
	check_eq(GICH_LR_VIRTID(hw[0][0]), SPI, "the active SPI first, in LR 0");
	hw[0][0] &= ~GICH_LR_STATE_MASK; /* the guest's EOI of the SPI */
	fold(&d, 0);
	flush(&d, 0);
	guest_ack_eoi(0);
	check(tick(0, "SPI done"), "the SPI done: direct again");
	/* the distributor turned off by vCPU 1, vCPU 0 not folded since */
	guest_ack_eoi(0);
	gicd(1, GICD_CTLR, 4, 0);
	check(!tick(0, "GICD off"), "distributor off: general");
	check(!d.cpu[0].used_lrs, "and the general path lists nothing");
	gicd(1, GICD_CTLR, 4, GICD_CTLR_ENABLE);
	/* a fold with no flush since (WFI, CPU_OFF): no direct_lr */
	gicd(0, GICD_ISPENDR, 4, 1u << TIMER);
	guest_ack_eoi(0);
	fold(&d, 0);
	check(!tick(0, "folded"), "after a fold, before a flush: general");
}

/* A small LCG: the same runs every time. */
static uint32_t seed = 12345;
static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) % n;
}

static const uint32_t spi_bit = 1u << (SPI - 32);

/* A random guest distributor write by vCPU c. */
static void random_gicd(unsigned c)
{
	switch (rnd(10)) {
	case 0: gicd(c, GICD_CTLR, 4, rnd(4) ? GICD_CTLR_ENABLE : 0); break;
	case 1: gicd(c, GICD_ISENABLER, 4, rnd(2) ? 1u << TIMER : 1u << 26); break;
	case 2: gicd(c, GICD_ICENABLER, 4, rnd(2) ? 1u << TIMER : 1u << 26); break;
	case 3: gicd(c, GICD_IPRIORITYR + TIMER, 1, rnd(256)); break;
	case 4: gicd(c, GICD_ISPENDR, 4, 1u << TIMER); break;
	case 5: gicd(c, GICD_ICPENDR, 4, 1u << TIMER); break;
	case 6: gicd(c, GICD_ISENABLER + 4, 4, spi_bit); break;
	case 7: gicd(c, rnd(2) ? GICD_ISPENDR + 4 : GICD_ICPENDR + 4, 4, spi_bit); break;
	case 8: gicd(c, GICD_SGIR, 4, 1u << (1 - c) << GICD_SGIR_TARGETS_SHIFT | 3); break;
	default: gicd(c, GICD_ICFGR + 4, 4, rnd(2) ? 0 : 0xffffffffu); break; /* PPIs: fixed */
	}
}

/* The guest of vCPU c acts on one of its LRs: acknowledge, or finish an active one. */
static void random_guest(unsigned c)
{
	unsigned i = rnd(d.cpu[c].used_lrs ? d.cpu[c].used_lrs : 1);

	if (GICH_LR_STATE(hw[c][i]) & 1)
		hw[c][i] = (hw[c][i] & ~GICH_LR_STATE_MASK) | GICH_LR_ACTIVE;
	else if (GICH_LR_STATE(hw[c][i]) == 2) {
		hw[c][i] &= ~GICH_LR_STATE_MASK;
		if (hw[c][i] & GICH_LR_HW)
			phys_active[c] = false;
	}
}

static void test_random(unsigned nr_lr)
{
	unsigned taken = 0, ticks = 0;

	quiet = true;
	mismatches = 0;
	setup(nr_lr);
	gicd(0, GICD_CTLR, 4, GICD_CTLR_ENABLE);
	for (unsigned c = 0; c < NCPUS; c++)
		gicd(c, GICD_ISENABLER, 4, 1u << TIMER);
	for (unsigned step = 0; step < 20000; step++) {
		unsigned c = rnd(NCPUS);

		switch (rnd(32)) {
		case 0: random_gicd(c); break;
		case 1: /* an SPI's line (console input), folded and flushed on vCPU 0 */
			fold(&d, 0);
			vgic_inject(&d, 0, SPI, !rnd(3));
			flush(&d, 0);
			break;
		case 2: /* a kick or the background timer: fold and flush */
			fold(&d, c);
			flush(&d, c);
			break;
		case 3: line[c] = false; break; /* the guest masks its timer */
		default:
			if (rnd(2)) {
				random_guest(c);
				break;
			}
			if (!phys_active[c]) { /* else the physical 27 cannot fire */
				ticks++;
				taken += tick(c, "random tick");
			}
		}
	}
	quiet = false;
	check(!mismatches, "%u LRs, %u ticks, %u direct: each as the general path (%u wrong; %s)",
	      nr_lr, ticks, taken, mismatches, mismatches ? first_mismatch : "none");
	check(taken > ticks / 10 && taken < ticks, "%u LRs: ticks take both paths", nr_lr);
}

int main(void)
{
	test_steady();
	test_refusals();
	test_random(4);
	test_random(1);
	return unit_summary();
}
