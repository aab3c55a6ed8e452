/*
 * Unit tests: list-register allocation (guests/board/vgic_lr.c): priority
 * order, overflow with more pending interrupts than LRs (GICH_HCR.UIE), the
 * maintenance path for level interrupts (LR.EOI), a HW-linked timer, SGIs
 * from several senders (NPIE), the WFI wake-up test, and the ap bits the
 * flush scans.
 */
#include "traplog.h"
#include "unit.h"
#include "vgic.h"

static struct vgic_dist d;

/* The guest ran and did nothing: the LRs read back as written. */
static uint64_t fold_same(unsigned cpu)
{
	uint32_t lr[GICH_LR_MAX];

	for (unsigned i = 0; i < GICH_LR_MAX; i++)
		lr[i] = d.cpu[cpu].lr[i];
	return vgic_fold_lr_state(&d, cpu, lr, 0xf8u << 24, NULL);
}

/* The guest acknowledged (pending -> active) or finished LR i (-> invalid). */
static uint64_t fold_with(unsigned cpu, unsigned i, uint32_t state)
{
	uint32_t lr[GICH_LR_MAX];

	for (unsigned k = 0; k < GICH_LR_MAX; k++)
		lr[k] = d.cpu[cpu].lr[k];
	lr[i] = (lr[i] & ~GICH_LR_STATE_MASK) | state;
	return vgic_fold_lr_state(&d, cpu, lr, 0xf8u << 24, NULL);
}

static void pend_spi(unsigned intid, uint8_t prio)
{
	struct vgic_irq *irq = vgic_get_irq(&d, 0, intid);

	irq->enabled = true;
	irq->priority = prio;
	irq->edge = true;
	vgic_inject(&d, 0, intid, true);
}

static void test_priority_order(void)
{
	uint64_t changed;

	vgic_init(&d, 1, 4);
	d.enabled = true;
	pend_spi(40, 0x80);
	pend_spi(33, 0xa0);
	pend_spi(35, 0x20);
	changed = vgic_flush_lr_state(&d, 0);
	check_eq(d.cpu[0].used_lrs, 3, "three pending SPIs, three LRs");
	check_eq(changed, 0x7, "all three new");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[0]), 35, "LR0: the highest priority (0x20)");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[1]), 40, "LR1: 0x80");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[2]), 33, "LR2: 0xa0");
	check_eq(d.cpu[0].lr[0], GICH_LR_PENDING | (0x20 >> 3) << 23 | 35,
		 "LR0 = pending, priority 0x20 >> 3, INTID 35, no EOI (edge)");
	check_eq(d.cpu[0].lr[3], 0, "LR3 empty");
	check_eq(d.cpu[0].hcr, GICH_HCR_EN, "GICH_HCR: EN only, nothing waits");
	check(!vgic_get_irq(&d, 0, 35)->pending_latch, "an edge's pending state moved into the LR");

	check_eq(fold_same(0), 0, "nothing finished");
	check(vgic_get_irq(&d, 0, 35)->pending_latch, "fold gives the pending edge back");
	check_eq(vgic_flush_lr_state(&d, 0), 0, "a second flush changes no LR");

	fold_with(0, 0, GICH_LR_ACTIVE);
	check(vgic_get_irq(&d, 0, 35)->active, "the guest's acknowledge: active in the model");
	pend_spi(34, 0x00);
	vgic_flush_lr_state(&d, 0);
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[0]), 35, "an active one keeps the first LR");
	check_eq(GICH_LR_STATE(d.cpu[0].lr[0]), 2, "as active");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[1]), 34, "then the new highest priority");
	check_eq(fold_with(0, 0, 0), 1, "the guest's EOI of LR0 is reported");
	check(!vgic_get_irq(&d, 0, 35)->active, "and 35 is inactive");

	vgic_init(&d, 1, 4);
	pend_spi(33, 0);
	check_eq(vgic_flush_lr_state(&d, 0), 0, "distributor off: nothing queued");
	d.enabled = true;
	vgic_get_irq(&d, 0, 33)->enabled = false;
	check_eq(vgic_flush_lr_state(&d, 0), 0, "interrupt disabled: nothing queued");
	vgic_get_irq(&d, 0, 33)->targets = 2;
	vgic_get_irq(&d, 0, 33)->enabled = true;
	check_eq(vgic_flush_lr_state(&d, 0), 0, "an SPI for another vCPU is not queued here");
}

static void test_overflow(void)
{
	vgic_init(&d, 1, 4);
	d.enabled = true;
	for (unsigned i = 0; i < 6; i++)
		pend_spi(32 + i, (uint8_t)(0x80 - 8 * i));
	vgic_flush_lr_state(&d, 0);
	check_eq(d.cpu[0].used_lrs, 4, "six pending, four LRs used");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[0]), 37, "the four best: 37 first");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[3]), 34, "34 last");
	check_eq(d.cpu[0].hcr, GICH_HCR_EN | GICH_HCR_UIE, "overflow: GICH_HCR.UIE");
	check(vgic_get_irq(&d, 0, 33)->pending_latch && vgic_get_irq(&d, 0, 32)->pending_latch,
	      "the two that did not fit stay pending in the model");
	/* the guest takes and finishes three: underflow maintenance, then refill */
	uint32_t lr[GICH_LR_MAX] = { 0 };
	for (unsigned i = 0; i < 4; i++)
		lr[i] = d.cpu[0].lr[i] & ~GICH_LR_STATE_MASK;
	lr[3] = d.cpu[0].lr[3];
	check_eq(vgic_fold_lr_state(&d, 0, lr, 0, NULL), 0x7, "three LRs finished");
	check_eq(d.cpu[0].hcr & GICH_HCR_UIE, 0, "fold clears UIE");
	vgic_flush_lr_state(&d, 0);
	check_eq(d.cpu[0].used_lrs, 3, "34, 33 and 32 now fit");
	check_eq(d.cpu[0].hcr, GICH_HCR_EN, "no overflow: UIE off");
	check_eq(GICH_LR_VIRTID(d.cpu[0].lr[2]), 32, "32 queued last");
}

static void test_level_maintenance(void)
{
	struct vgic_irq *uart;

	vgic_init(&d, 1, 4);
	d.enabled = true;
	uart = vgic_get_irq(&d, 0, 33);
	uart->enabled = true;
	uart->edge = false; /* level, as Linux's GIC driver configures every SPI */
	vgic_inject(&d, 0, 33, true);
	vgic_flush_lr_state(&d, 0);
	check(d.cpu[0].lr[0] & GICH_LR_EOI, "a level SPI asks for the maintenance interrupt");
	check(!(d.cpu[0].lr[0] & GICH_LR_HW), "not HW-linked");
	fold_with(0, 0, GICH_LR_ACTIVE);
	vgic_inject(&d, 0, 33, false); /* the device's line fell while it was handled */
	vgic_flush_lr_state(&d, 0);
	check_eq(GICH_LR_STATE(d.cpu[0].lr[0]), 2, "active, not pending again (line low)");
	check_eq(fold_with(0, 0, 0), 1, "the EOI maintenance: LR0 finished");
	check_eq(vgic_flush_lr_state(&d, 0), 0, "line low: not queued again");
	vgic_inject(&d, 0, 33, true);
	vgic_flush_lr_state(&d, 0);
	fold_with(0, 0, 0);
	check_eq(vgic_flush_lr_state(&d, 0), 1, "line still high after EOI: queued again");
}

static bool timer_line;
static unsigned deactivated;
static bool line(void *ctx, unsigned cpu, unsigned id)
{
	(void)ctx, (void)cpu, (void)id;
	return timer_line;
}
static void deact(void *ctx, unsigned cpu, unsigned id)
{
	(void)ctx, (void)cpu;
	deactivated = id;
}

static void test_hw_timer(void)
{
	const struct vgic_hw_ops ops = { line, deact, NULL };
	struct vgic_irq *t;
	uint32_t lr[GICH_LR_MAX] = { 0 };

	vgic_init(&d, 1, 4);
	d.enabled = true;
	vgic_map_hw(&d, 0, 27, 27);
	t = vgic_get_irq(&d, 0, 27);
	t->enabled = true;
	t->priority = 0xa0;
	vgic_inject(&d, 0, 27, true);
	vgic_flush_lr_state(&d, 0);
	check_eq(d.cpu[0].lr[0], GICH_LR_HW | GICH_LR_PENDING | 0x14u << 23 | 27u << 10 | 27,
		 "LR0 = HW, pending, prio 0xa0, pINTID 27, vINTID 27");
	check(!t->line_level, "the line is lowered: the next rise comes from the hardware");
	/* the guest did not take it yet and the timer still fires */
	timer_line = true;
	lr[0] = d.cpu[0].lr[0];
	vgic_fold_lr_state(&d, 0, lr, 0xf8u << 24, &ops);
	check(t->line_level && deactivated == 0,
	      "still high: resampled pending, nothing deactivated");
	check_eq(vgic_flush_lr_state(&d, 0), 0,
		 "the same LR again: no change (the background timer keeps its deadline)");
	/* the guest turned the timer off before taking it */
	timer_line = false;
	lr[0] = d.cpu[0].lr[0];
	vgic_fold_lr_state(&d, 0, lr, 0xf8u << 24, &ops);
	check(!t->line_level && deactivated == 27, "line low: physical 27 deactivated");
	check_eq(vgic_flush_lr_state(&d, 0), 0, "and nothing queued");
	/* it fires again; the guest takes it and EOIs: the hardware deactivates */
	vgic_inject(&d, 0, 27, true);
	vgic_flush_lr_state(&d, 0);
	lr[0] = (d.cpu[0].lr[0] & ~GICH_LR_STATE_MASK) | GICH_LR_ACTIVE;
	vgic_fold_lr_state(&d, 0, lr, 0xf8u << 24, &ops);
	t->line_level = true; /* a new expiry while active */
	vgic_flush_lr_state(&d, 0);
	check_eq(GICH_LR_STATE(d.cpu[0].lr[0]), 2, "HW: never pending+active, only active");
	lr[0] = d.cpu[0].lr[0] & ~GICH_LR_STATE_MASK;
	check_eq(vgic_fold_lr_state(&d, 0, lr, 0xf8u << 24, &ops), 1, "the guest's EOI seen");
	/* the next tick in the LR the EOI freed: a change (bgtimer restarts at it) */
	vgic_inject(&d, 0, 27, true);
	check_eq(vgic_flush_lr_state(&d, 0), 1, "the next tick's HW LR is new");
}

static void test_multi_sgi(void)
{
	uint32_t v = 0x01000002; /* all others: SGI 2 */

	vgic_init(&d, 3, 4);
	d.enabled = true;
	vgic_dist_mmio(&d, 1, GICD_SGIR, 4, true, &v);
	vgic_dist_mmio(&d, 2, GICD_SGIR, 4, true, &v);
	vgic_flush_lr_state(&d, 0);
	check_eq(d.cpu[0].used_lrs, 1, "one LR for SGI 2");
	check_eq(d.cpu[0].lr[0], GICH_LR_PENDING | 1u << 10 | 2, "from the lowest sender, vCPU 1");
	check_eq(d.cpu[0].hcr, GICH_HCR_EN | GICH_HCR_NPIE, "another sender waits: NPIE");
	fold_with(0, 0, 0);
	vgic_flush_lr_state(&d, 0);
	check_eq(d.cpu[0].lr[0], GICH_LR_PENDING | 2u << 10 | 2, "then vCPU 2's");
	check_eq(d.cpu[0].hcr, GICH_HCR_EN, "the last sender: no NPIE");
}

static void test_wfi_pending(void)
{
	vgic_init(&d, 1, 4);
	pend_spi(33, 0xa0);
	check(!vgic_cpu_pending(&d, 0), "distributor off: WFI keeps waiting");
	d.enabled = true;
	check(!vgic_cpu_pending(&d, 0), "PMR 0 masks everything");
	d.cpu[0].vmcr = 0xf8u << 24;
	check(vgic_cpu_pending(&d, 0), "PMR 0xf8: 0xa0 wakes WFI");
	d.cpu[0].vmcr = 0xa0u << 24;
	check(!vgic_cpu_pending(&d, 0), "PMR 0xa0: priority 0xa0 is masked");
	vgic_flush_lr_state(&d, 0);
	d.cpu[0].vmcr = 0xf8u << 24;
	fold_same(0);
	check(vgic_cpu_pending(&d, 0), "pending in an LR the guest has not taken: still wakes");
}

/*
 * An SPI another vCPU's LRs hold stays there until that vCPU folds it, and
 * an active one until it is deactivated (vgic_target_oracle); a retarget
 * moves it only then (vgic_prune_ap_list).
 */
static void test_retarget(void)
{
	struct vgic_irq *spi;

	vgic_init(&d, 2, 4);
	d.enabled = true;
	spi = vgic_get_irq(&d, 0, 40);
	spi->enabled = true;
	spi->edge = false;
	vgic_inject(&d, 0, 40, true); /* a level line: pending until it falls */
	check_eq(vgic_flush_lr_state(&d, 1), 0, "ITARGETSR 0: vCPU 1 does not take it");
	check_eq(vgic_flush_lr_state(&d, 0), 1, "vCPU 0 takes it");
	spi->targets = 2; /* vCPU 1 retargets it while it sits in vCPU 0's LR */
	check_eq(vgic_flush_lr_state(&d, 1), 0, "in vCPU 0's LR: not queued twice");
	check(!vgic_cpu_pending(&d, 1), "nor does it wake vCPU 1");
	fold_same(0);
	check_eq(spi->owner, VGIC_NO_VCPU, "vCPU 0's fold lets it go (still pending)");
	check_eq(vgic_flush_lr_state(&d, 0), 0, "vCPU 0 no longer queues it");
	check_eq(vgic_flush_lr_state(&d, 1), 1, "vCPU 1, its new target, does");
	fold_with(1, 0, GICH_LR_ACTIVE);
	spi->targets = 1;
	vgic_flush_lr_state(&d, 1);
	check_eq(GICH_LR_STATE(d.cpu[1].lr[0]), 3,
		 "active (and pending: the line is high): stays with vCPU 1");
	check_eq(vgic_flush_lr_state(&d, 0), 0, "and vCPU 0 waits for it");
	fold_with(1, 0, 0); /* the guest's EOI; the line is still high */
	check_eq(vgic_flush_lr_state(&d, 1), 0, "deactivated: vCPU 1 lets it go");
	check_eq(vgic_flush_lr_state(&d, 0), 1, "pending again, at its new target vCPU 0");

	vgic_init(&d, 2, 4);
	d.enabled = true;
	spi = vgic_get_irq(&d, 0, 41);
	spi->enabled = true;
	spi->targets = 2;
	vgic_dist_mmio(&d, 1, GICD_ISACTIVER + 4, 4, true, &(uint32_t){ 1u << 9 }); /* 41 active */
	vgic_flush_lr_state(&d, 1);
	fold_same(1);
	check_eq(spi->owner, 1, "active in vCPU 1's LR: vCPU 1 keeps it");
	spi->targets = 1;
	vgic_inject(&d, 0, 41, true);
	check_eq(vgic_flush_lr_state(&d, 0), 0, "active elsewhere: not queued at its new target");
	{
		uint32_t v = 1u << 9; /* ICACTIVER1, INTID 41 */

		vgic_dist_mmio(&d, 1, GICD_ICACTIVER + 4, 4, true, &v);
	}
	check_eq(vgic_flush_lr_state(&d, 0), 1, "ICACTIVER frees it: its target queues it");
}

/* Whom a VMM kicks after vCPU 0's access: the others with something new to queue. */
static void test_kick_mask(void)
{
	uint32_t sgir = 0x00060003; /* list: vCPUs 1 and 2, SGI 3 */

	vgic_init(&d, 3, 4);
	vgic_dist_mmio(&d, 0, GICD_SGIR, 4, true, &sgir);
	check_eq(vgic_kick_mask(&d, 0), 0, "distributor off: nobody to kick");
	d.enabled = true;
	check_eq(vgic_kick_mask(&d, 0), 0x6, "SGI 3 to vCPUs 1 and 2: kick both");
	check_eq(vgic_kick_mask(&d, 1), 0x4, "never the caller itself");
	vgic_flush_lr_state(&d, 1);
	check_eq(vgic_kick_mask(&d, 0), 0x4, "vCPU 1 flushed: its SGI is in an LR, only 2 left");
	fold_with(1, 0, GICH_LR_ACTIVE);
	vgic_flush_lr_state(&d, 1);
	check_eq(vgic_kick_mask(&d, 0), 0x4, "an active one in the LR: nothing new for 1");
	vgic_flush_lr_state(&d, 2);
	check_eq(vgic_kick_mask(&d, 0), 0, "both flushed: no kick");
	fold_same(2);
	check_eq(vgic_kick_mask(&d, 0), 0x4,
		 "vCPU 2 folded (blocked in WFI): its SGI to take, kick");

	vgic_init(&d, 3, 4);
	d.enabled = true;
	vgic_get_irq(&d, 0, 40)->targets = 0x6; /* the lowest-numbered target takes it */
	vgic_get_irq(&d, 0, 40)->enabled = true;
	vgic_inject(&d, 0, 40, true);
	check_eq(vgic_kick_mask(&d, 0), 0x2, "an SPI to vCPUs 1 and 2: vCPU 1 only");
	vgic_get_irq(&d, 0, 40)->targets = 0;
	check_eq(vgic_kick_mask(&d, 0), 0, "targets 0 (reset): vCPU 0's, no kick from it");
	check_eq(vgic_kick_mask(&d, 1), 0x1, "but from vCPU 1: kick vCPU 0");
	vgic_get_irq(&d, 0, 40)->enabled = false;
	check_eq(vgic_kick_mask(&d, 1), 0, "disabled: no kick");
	vgic_get_irq(&d, 1, 27)->priority = 0xf8;
	vgic_get_irq(&d, 1, 27)->enabled = true;
	vgic_inject(&d, 1, 27, true);
	check_eq(vgic_kick_mask(&d, 0), 0x2,
		 "a PPI of vCPU 1 at the lowest priority: kick (PMR is the guest's)");
}

/* The ap bits (KVM's ap_list): what the flush's scan visits, pruned and queued again. */
static void test_ap_bits(void)
{
	uint32_t spi33 = 1u << 1, level = 0, edge = 0xaaaaaaaau, active27 = 1u << 27;
	uint32_t sgir = 0x00020003; /* list: vCPU 1, SGI 3 */
	struct vgic_irq *irq;

	vgic_init(&d, 2, 4);
	check_eq(d.ap_spi | d.cpu[0].ap_priv | d.cpu[1].ap_priv, 0,
		 "reset: none pending or active");
	d.enabled = true;
	pend_spi(33, 0x80);
	irq = vgic_get_irq(&d, 0, 33);
	irq->enabled = false;
	check_eq(vgic_flush_lr_state(&d, 0), 0, "pending but disabled: not queued");
	check_eq(d.ap_spi, 1u << 1, "yet kept on the list: the scan checks the enable");
	vgic_dist_mmio(&d, 0, GICD_ISENABLER + 4, 4, true, &spi33);
	check_eq(vgic_flush_lr_state(&d, 0), 1, "enabled later: queued with no new event");
	fold_with(0, 0, 0);
	check_eq(d.ap_spi, 1u << 1, "folded back: on the list until a scan");
	check_eq(vgic_flush_lr_state(&d, 0), 0, "the guest finished it: nothing queued");
	check_eq(d.ap_spi, 0, "and off the list (vgic_prune_ap_list)");
	vgic_inject(&d, 0, 33, true);
	check_eq(d.ap_spi, 1u << 1, "an edge again: on the list");
	vgic_flush_lr_state(&d, 0);
	fold_with(0, 0, 0);

	vgic_dist_mmio(&d, 0, GICD_ICFGR + 8, 4, true, &level);
	vgic_inject(&d, 0, 33, true);
	check_eq(vgic_flush_lr_state(&d, 0), 1, "made level, its line high: queued");
	fold_with(0, 0, 0);
	vgic_dist_mmio(&d, 0, GICD_ICFGR + 8, 4, true, &edge);
	check_eq(vgic_flush_lr_state(&d, 0), 0, "made edge: the high line alone is nothing");
	check_eq(d.ap_spi, 0, "off the list");
	vgic_dist_mmio(&d, 0, GICD_ICFGR + 8, 4, true, &level);
	check_eq(vgic_flush_lr_state(&d, 0), 1, "level again, the line still high: queued");

	vgic_dist_mmio(&d, 0, GICD_SGIR, 4, true, &sgir);
	check_eq(d.cpu[1].ap_priv, 1u << 3, "SGI 3 to vCPU 1: on vCPU 1's list");
	check_eq(d.cpu[0].ap_priv, 0, "not the sender's");
	check_eq(vgic_flush_lr_state(&d, 1), 1, "vCPU 1 queues it");
	fold_same(1);
	vgic_dist_mmio(&d, 1, GICD_ISACTIVER, 4, true, &active27);
	check(d.cpu[1].ap_priv >> 27 & 1, "ISACTIVER from vCPU 1: its PPI 27 on its list");
	check_eq(vgic_flush_lr_state(&d, 1), 3, "27 active: an LR beside SGI 3");
	check_eq(GICH_LR_VIRTID(d.cpu[1].lr[0]), 27, "active first");
}

int main(void)
{
	test_priority_order();
	test_overflow();
	test_level_maintenance();
	test_hw_timer();
	test_multi_sgi();
	test_wfi_pending();
	test_retarget();
	test_kick_mask();
	test_ap_bits();
	return unit_summary();
}
