/*
 * Unit tests: the guest's GICv2 distributor model (guests/board/vgic_dist.c),
 * register by register, with per-vCPU banking of SGIs and PPIs.
 */
#include "unit.h"
#include "vgic.h"

static struct vgic_dist d;

static uint32_t rd(unsigned cpu, uint32_t off, unsigned size)
{
	uint32_t v = 0xdeadbeef;

	vgic_dist_mmio(&d, cpu, off, size, false, &v);
	return v;
}

static bool wr(unsigned cpu, uint32_t off, unsigned size, uint32_t v)
{
	return vgic_dist_mmio(&d, cpu, off, size, true, &v);
}

static void test_ids(void)
{
	vgic_init(&d, 1, 4);
	check_eq(rd(0, GICD_CTLR, 4), 0, "CTLR resets disabled");
	wr(0, GICD_CTLR, 4, 0xffffffff);
	check_eq(rd(0, GICD_CTLR, 4), 1, "CTLR keeps only Enable");
	check(d.enabled, "CTLR.Enable sets the model's");
	check_eq(rd(0, GICD_TYPER, 4), 1, "TYPER: 64 INTIDs, 1 CPU");
	vgic_init(&d, 4, 4);
	check_eq(rd(0, GICD_TYPER, 4), 1 | 3 << 5, "TYPER: CPUNumber = 3 with 4 vCPUs");
	check_eq(rd(0, GICD_IIDR, 4), 0x4b00243b, "IIDR as KVM's (product K, rev 2, ARM)");
	check_eq(rd(0, GICD_PIDR2, 4) >> 4 & 0xf, 2, "PIDR2.ArchRev = 2: GICv2");
	check_eq(rd(0, GICD_CIDR0, 4), 0x0d, "CIDR0");
	check(!wr(0, 0x00c, 4, 1), "a reserved offset is refused (RAZ/WI)");
	check_eq(rd(0, 0x00c, 4), 0, "and reads as zero");
	check(!wr(0, GICD_CTLR, 2, 1), "a halfword access is refused");
	check(!wr(0, GICD_ISENABLER, 1, 1), "a byte access to ISENABLER is refused");
	check(!wr(0, GICD_IPRIORITYR + 2, 4, 1), "a misaligned word is refused");
	check(!wr(7, GICD_CTLR, 4, 1), "a vCPU that does not exist is refused");
}

static void test_enable_pending_active(void)
{
	struct vgic_irq *timer, *spi;

	vgic_init(&d, 2, 4);
	check_eq(rd(0, GICD_ISENABLER, 4), 0xffff, "SGIs enabled at reset, PPIs not");
	wr(0, GICD_ISENABLER, 4, 1u << 27);
	timer = vgic_get_irq(&d, 0, 27);
	check(timer->enabled, "ISENABLER0 bit 27 enables PPI 27 of vCPU 0");
	check(!vgic_get_irq(&d, 1, 27)->enabled, "but not vCPU 1's (banked)");
	check_eq(rd(1, GICD_ISENABLER, 4), 0xffff, "vCPU 1 reads its own bank");
	wr(0, GICD_ICENABLER, 4, 1u << 27);
	check(!timer->enabled, "ICENABLER0 clears it");

	wr(0, GICD_ISENABLER + 4, 4, 1u << 1); /* INTID 33 */
	spi = vgic_get_irq(&d, 0, 33);
	check(spi->enabled && vgic_get_irq(&d, 1, 33) == spi, "SPIs are shared by all vCPUs");
	check_eq(rd(1, GICD_ISENABLER + 4, 4), 2, "and read the same from vCPU 1");

	wr(0, GICD_ISPENDR + 4, 4, 1u << 1);
	check(spi->pending_latch, "ISPENDR1 makes SPI 33 pending");
	check_eq(rd(0, GICD_ICPENDR + 4, 4), 2, "ICPENDR reads the pending state too");
	wr(0, GICD_ICPENDR + 4, 4, 1u << 1);
	check(!spi->pending_latch, "ICPENDR clears it");
	spi->edge = false;
	vgic_inject(&d, 0, 33, true);
	check_eq(rd(0, GICD_ISPENDR + 4, 4), 2, "a level line high reads pending");
	wr(0, GICD_ICPENDR + 4, 4, 1u << 1);
	check_eq(rd(0, GICD_ISPENDR + 4, 4), 2, "and stays so after ICPENDR (the line is high)");
	vgic_inject(&d, 0, 33, false);
	check_eq(rd(0, GICD_ISPENDR + 4, 4), 0, "until the line falls");

	wr(0, GICD_ISPENDR, 4, 1u << 3);
	check(!vgic_get_irq(&d, 0, 3)->pending_latch, "ISPENDR ignores SGIs (GICv2, as KVM)");

	wr(0, GICD_ISACTIVER, 4, 1u << 27);
	check(timer->active, "ISACTIVER0 sets PPI 27 active");
	check_eq(rd(0, GICD_ICACTIVER, 4), 1u << 27, "ICACTIVER reads it");
	wr(0, GICD_ICACTIVER, 4, 1u << 27);
	check(!timer->active, "ICACTIVER clears it");
	check_eq(rd(0, GICD_ISENABLER + 8, 4), 0, "INTIDs past TYPER read as zero");
}

static void test_priority_targets_config(void)
{
	vgic_init(&d, 2, 4);
	check_eq(rd(0, GICD_ITARGETSR + 32, 4), 0, "SPIs target nobody at reset (KVM's vgic_init)");
	check_eq(rd(0, GICD_ICFGR + 8, 4), 0xaaaaaaaa, "SPIs are edge at reset (KVM's vgic_init)");
	check_eq(rd(0, GICD_ICFGR + 12, 4), 0xaaaaaaaa, "all of them");
	wr(0, GICD_IPRIORITYR + 24, 4, 0xa0ffa1ff);
	check_eq(rd(0, GICD_IPRIORITYR + 24, 4), 0xa0f8a0f8, "priorities keep five bits");
	check_eq(vgic_get_irq(&d, 0, 27)->priority, 0xa0, "INTID 27's byte");
	wr(0, GICD_IPRIORITYR + 27, 1, 0x48);
	check_eq(rd(0, GICD_IPRIORITYR + 27, 1), 0x48, "a byte write and read");
	check_eq(vgic_get_irq(&d, 1, 27)->priority, 0, "vCPU 1's PPI 27 untouched");

	check_eq(rd(0, GICD_ITARGETSR, 4), 0x01010101, "private targets: vCPU 0's bit");
	check_eq(rd(0, GICD_ITARGETSR + 32, 4), 0, "SPIs' targets reset 0, as KVM's");
	check_eq(rd(1, GICD_ITARGETSR + 28, 4), 0x02020202, "vCPU 1's bit in its bank");
	wr(0, GICD_ITARGETSR, 4, 0x02020202);
	check_eq(rd(0, GICD_ITARGETSR, 4), 0x01010101, "private targets are read-only");
	wr(0, GICD_ITARGETSR + 33, 1, 0xff);
	check_eq(rd(0, GICD_ITARGETSR + 33, 1), 0x03, "an SPI targets only existing vCPUs");

	check_eq(rd(0, GICD_ICFGR, 4), 0xaaaaaaaa, "SGIs are edge");
	check_eq(rd(0, GICD_ICFGR + 4, 4), 0, "PPIs are level");
	wr(0, GICD_ICFGR + 4, 4, 0xaaaaaaaa);
	check_eq(rd(0, GICD_ICFGR + 4, 4), 0, "and fixed");
	check_eq(rd(0, GICD_ICFGR + 8, 4), 0xaaaaaaaa, "SPIs reset edge (kvm_vgic_dist_init)");
	wr(0, GICD_ICFGR + 8, 4, 0x8);
	check(vgic_get_irq(&d, 0, 33)->edge && !vgic_get_irq(&d, 0, 32)->edge,
	      "ICFGR2 makes SPI 33 edge, SPI 32 level");
	vgic_inject(&d, 0, 33, true);
	vgic_inject(&d, 0, 33, false);
	check(vgic_get_irq(&d, 0, 33)->pending_latch, "an edge stays pending when the line falls");
}

static void test_sgi(void)
{
	vgic_init(&d, 3, 4);
	wr(0, GICD_SGIR, 4, 0x00060005); /* list: vCPUs 1 and 2, SGI 5 */
	check(!vgic_get_irq(&d, 0, 5)->pending_latch, "SGIR list: not the sender");
	check(vgic_get_irq(&d, 1, 5)->pending_latch && vgic_get_irq(&d, 2, 5)->sources == 1,
	      "vCPUs 1 and 2 have SGI 5 from vCPU 0");
	wr(2, GICD_SGIR, 4, 0x02000003); /* self */
	check_eq(vgic_get_irq(&d, 2, 3)->sources, 4, "SGIR self: vCPU 2 from itself");
	wr(1, GICD_SGIR, 4, 0x01000005); /* all others */
	check_eq(vgic_get_irq(&d, 0, 5)->sources, 2, "SGIR others: vCPU 0 from 1");
	check_eq(vgic_get_irq(&d, 2, 5)->sources, 3, "vCPU 2 from 0 and 1");
	check_eq(rd(2, GICD_SPENDSGIR + 4, 4), 0x0300, "SPENDSGIR1 byte 1: SGI 5's sources");
	check_eq(rd(0, GICD_SGIR, 4), 0, "SGIR is write-only");
	wr(2, GICD_CPENDSGIR + 5, 1, 0x01);
	check_eq(vgic_get_irq(&d, 2, 5)->sources, 2, "CPENDSGIR clears one source");
	wr(2, GICD_CPENDSGIR + 5, 1, 0x02);
	check(!vgic_get_irq(&d, 2, 5)->pending_latch, "the last source cleared: not pending");
	wr(0, GICD_SPENDSGIR + 1, 1, 0x04);
	check(vgic_get_irq(&d, 0, 1)->pending_latch && vgic_get_irq(&d, 0, 1)->sources == 4,
	      "SPENDSGIR sets SGI 1 as from vCPU 2");
	wr(0, GICD_SGIR, 4, 0x03000001);
	check_eq(vgic_get_irq(&d, 0, 1)->sources, 4, "a reserved filter sends nothing");
}

/* GICD_SGIR's TargetListFilter alone: the mask a VMM kicks. */
static void test_sgir_targets(void)
{
	check_eq(vgic_sgir_targets(0x00060005, 0, 3), 0x6, "list: vCPUs 1 and 2");
	check_eq(vgic_sgir_targets(0x00ff0005, 0, 3), 0x7, "list: absent vCPUs' bits dropped");
	check_eq(vgic_sgir_targets(0x00010005, 0, 3), 0x1, "list: the sender may name itself");
	check_eq(vgic_sgir_targets(0x00000005, 1, 3), 0, "list: an empty list sends nothing");
	check_eq(vgic_sgir_targets(0x01000000, 1, 4), 0xd, "others: all of 4 but vCPU 1");
	check_eq(vgic_sgir_targets(0x01ff0000, 0, 1), 0, "others: one vCPU has no others");
	check_eq(vgic_sgir_targets(0x02ff0000, 2, 4), 0x4, "self: vCPU 2 only, the list ignored");
	check_eq(vgic_sgir_targets(0x03ff0000, 0, 8), 0, "reserved filter 3: nobody");
	check_eq(vgic_sgir_targets(0x01000000, 7, 8), 0x7f, "others: 8 vCPUs, the last sends");
}

int main(void)
{
	test_ids();
	test_enable_pending_active();
	test_priority_targets_config();
	test_sgi();
	test_sgir_targets();
	return unit_summary();
}
