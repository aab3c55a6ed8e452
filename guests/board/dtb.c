/*
 * The board's device tree (dtb.h), from its description. What each node
 * carries is what Linux's bindings (Documentation/devicetree/bindings) and
 * kvm-unit-tests read; names and values follow QEMU's virt board and
 * kvmtool where those agree (docs/guest-abi.md lists the DTS).
 */
#include <stdio.h>
#include <string.h>
#include "board.h"
#include "dtb.h"
#include "fdt.h"

/* clang-format off */
#define PHANDLE_GIC	1
#define PHANDLE_CLK	2
#define APB_PCLK_HZ	24000000	/* QEMU virt's and kvmtool's fixed 24 MHz clock */
/* clang-format on */

/* GIC binding: interrupts = <type number flags>. */
/* clang-format off */
#define GIC_SPI			0
#define GIC_PPI			1
#define IRQ_LEVEL_HIGH		4
#define IRQ_LEVEL_LOW		8	/* the timers, as kvmtool gives them */
#define GIC_PPI_CPUS(n)		(((1u << (n)) - 1) << 8)	/* which CPUs see the PPI */
/* clang-format on */

static void node_at(struct fdt *f, const char *name, uint32_t addr)
{
	char full[40];

	snprintf(full, sizeof(full), "%s@%x", name, (unsigned)addr);
	fdt_begin_node(f, full);
}

static void reg2(struct fdt *f, uint32_t base, uint32_t size)
{
	const uint32_t reg[] = { base, size };

	fdt_prop_cells(f, "reg", reg, 2);
}

static void chosen(struct fdt *f, const struct board_dev *uart, const struct dtb_chosen *c)
{
	char path[40];

	snprintf(path, sizeof(path), "/%s@%x", uart->name, (unsigned)uart->base);
	fdt_begin_node(f, "chosen");
	fdt_prop_str(f, "stdout-path", path);
	if (c && c->bootargs && c->bootargs[0])
		fdt_prop_str(f, "bootargs", c->bootargs);
	if (c && c->initrd_end != c->initrd_start) {
		fdt_prop_u32(f, "linux,initrd-start", c->initrd_start);
		fdt_prop_u32(f, "linux,initrd-end", c->initrd_end);
	}
	fdt_end_node(f);
}

static void memory(struct fdt *f, const struct board_desc *d)
{
	node_at(f, "memory", d->ram_base);
	fdt_prop_str(f, "device_type", "memory");
	reg2(f, d->ram_base, d->ram_size);
	fdt_end_node(f);
}

static void cpus(struct fdt *f, const struct board_desc *d)
{
	fdt_begin_node(f, "cpus");
	fdt_prop_u32(f, "#address-cells", 1);
	fdt_prop_u32(f, "#size-cells", 0);
	for (unsigned i = 0; i < d->ncpus; i++) {
		uint32_t aff = board_cpu_mpidr(i) & BOARD_MPIDR_AFF_MASK;

		node_at(f, "cpu", aff);
		fdt_prop_str(f, "device_type", "cpu");
		fdt_prop_str(f, "compatible", "arm,cortex-a15");
		fdt_prop_u32(f, "reg", aff);
		fdt_prop_str(f, "enable-method", "psci");
		fdt_end_node(f);
	}
	fdt_end_node(f);
}

/* The 0.1 function-id properties too, as kvmtool and QEMU give them. */
static void psci(struct fdt *f)
{
	static const char *const compat[] = { "arm,psci-0.2", "arm,psci" };

	fdt_begin_node(f, "psci");
	fdt_prop_strs(f, "compatible", compat, 2);
	fdt_prop_str(f, "method", "hvc");
	fdt_prop_u32(f, "cpu_suspend", PSCI_CPU_SUSPEND_FN);
	fdt_prop_u32(f, "cpu_off", PSCI_CPU_OFF_FN);
	fdt_prop_u32(f, "cpu_on", PSCI_CPU_ON_FN);
	fdt_prop_u32(f, "migrate", PSCI_MIGRATE_FN);
	fdt_end_node(f);
}

/* arm,arch_timer.yaml: secure physical, non-secure physical, virtual, hyp. */
static void timer(struct fdt *f, unsigned ncpus)
{
	const uint32_t flags = GIC_PPI_CPUS(ncpus) | IRQ_LEVEL_LOW;
	const uint32_t irqs[] = {
		GIC_PPI, BOARD_TIMER_SEC_PPI,  flags, GIC_PPI, BOARD_TIMER_PHYS_PPI, flags,
		GIC_PPI, BOARD_TIMER_VIRT_PPI, flags, GIC_PPI, BOARD_TIMER_HYP_PPI,  flags,
	};

	fdt_begin_node(f, "timer");
	fdt_prop_str(f, "compatible", "arm,armv7-timer");
	fdt_prop_cells(f, "interrupts", irqs, 12);
	fdt_prop_empty(f, "always-on"); /* no power state stops it under a VMM */
	fdt_end_node(f);
}

/* The PL011's clock: the amba bus will not probe a primecell without apb_pclk. */
static void apb_pclk(struct fdt *f)
{
	fdt_begin_node(f, "apb-pclk");
	fdt_prop_str(f, "compatible", "fixed-clock");
	fdt_prop_u32(f, "#clock-cells", 0);
	fdt_prop_u32(f, "clock-frequency", APB_PCLK_HZ);
	fdt_prop_str(f, "clock-output-names", "clk24mhz");
	fdt_prop_u32(f, "phandle", PHANDLE_CLK);
	fdt_end_node(f);
}

static void uart(struct fdt *f, const struct board_dev *dev)
{
	static const char *const compat[] = { "arm,pl011", "arm,primecell" };
	static const char *const clock_names[] = { "uartclk", "apb_pclk" };
	const uint32_t clocks[] = { PHANDLE_CLK, PHANDLE_CLK };
	const uint32_t irq[] = { GIC_SPI, (uint32_t)dev->spi, IRQ_LEVEL_HIGH };

	node_at(f, dev->name, dev->base);
	fdt_prop_strs(f, "compatible", compat, 2);
	reg2(f, dev->base, dev->size);
	if (dev->spi >= 0)
		fdt_prop_cells(f, "interrupts", irq, 3);
	fdt_prop_cells(f, "clocks", clocks, 2);
	fdt_prop_strs(f, "clock-names", clock_names, 2);
	fdt_end_node(f);
}

/* GICv2's CPU interface is 8 KiB in the binding (GICC_DIR at 0x1000). */
static void gic(struct fdt *f, const struct board_dev *gicd, const struct board_dev *gicc)
{
	uint32_t gicc_size = gicc->size < BOARD_GICC_DT_SIZE ? gicc->size : BOARD_GICC_DT_SIZE;
	const uint32_t reg[] = { gicd->base, gicd->size, gicc->base, gicc_size };

	node_at(f, "intc", gicd->base);
	fdt_prop_str(f, "compatible", "arm,cortex-a15-gic");
	fdt_prop_u32(f, "#interrupt-cells", 3);
	fdt_prop_u32(f, "#address-cells", 0); /* an interrupt provider with no children */
	fdt_prop_empty(f, "interrupt-controller");
	fdt_prop_cells(f, "reg", reg, 4);
	fdt_prop_u32(f, "phandle", PHANDLE_GIC);
	fdt_end_node(f);
}

static const struct board_dev *dev_of(const struct board_desc *d, enum board_dev_kind k)
{
	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].kind == k)
			return &d->devs[i];
	return NULL;
}

static void devices(struct fdt *f, const struct board_desc *d)
{
	for (unsigned i = 0; i < d->ndevs; i++) {
		const struct board_dev *dev = &d->devs[i];

		switch (dev->kind) {
		case BDEV_UART: uart(f, dev); break;
		case BDEV_GICD: gic(f, dev, dev_of(d, BDEV_GICC)); break;
		case BDEV_GICC: break; /* in the GICD's node */
		case BDEV_KIND_COUNT: break;
		}
	}
}

static int check_chosen(const struct board_desc *d, const struct dtb_chosen *c, char *err, size_t n)
{
	uint64_t ram_end = (uint64_t)d->ram_base + d->ram_size;

	if (!c || c->initrd_start == c->initrd_end)
		return 0;
	if (c->initrd_start > c->initrd_end || c->initrd_start < d->ram_base ||
	    c->initrd_end > ram_end) {
		snprintf(err, n, "device tree: initrd 0x%08x..0x%08x is not inside RAM",
			 (unsigned)c->initrd_start, (unsigned)c->initrd_end);
		return -1;
	}
	return 0;
}

long board_dtb(const struct board_desc *d, const struct dtb_chosen *c, void *buf, size_t cap,
	       char *err, size_t n)
{
	static const char *const compat[] = { "linux,dummy-virt" };
	struct fdt f;
	const char *why;
	long size;

	if (board_desc_check(d, err, n) < 0 || check_chosen(d, c, err, n) < 0)
		return -1;
	fdt_begin(&f, buf, cap);
	fdt_begin_node(&f, "");
	fdt_prop_u32(&f, "#address-cells", 1); /* a 32-bit board: one cell each */
	fdt_prop_u32(&f, "#size-cells", 1);
	fdt_prop_strs(&f, "compatible", compat, 1);
	fdt_prop_str(&f, "model", "linux,dummy-virt");
	fdt_prop_u32(&f, "interrupt-parent", PHANDLE_GIC);
	chosen(&f, dev_of(d, BDEV_UART), c);
	memory(&f, d);
	cpus(&f, d);
	psci(&f);
	timer(&f, d->ncpus);
	apb_pclk(&f);
	devices(&f, d);
	fdt_end_node(&f);
	size = fdt_finish(&f, &why);
	if (size < 0)
		snprintf(err, n, "device tree: %s (%lu bytes given)", why, (unsigned long)cap);
	return size;
}
