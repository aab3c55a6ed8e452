/*
 * The board's DTB for 1, 4 and 8 CPUs, 1, 16 and 512 MiB, with and without
 * bootargs and an initrd, read back by dtc and checked node by node against
 * what Linux's bindings and kvm-unit-tests read; then every description
 * board_desc_check refuses, and a buffer too small.
 */
#include "board.h"
#include "dtb.h"
#include "dts_read.h"
#include "unit.h"

static uint8_t blob[BOARD_DTB_MAX];
static char err[160];

static int has(const char *flat, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	return dts_has(flat, line);
}

static void common_nodes(const char *flat, const struct board_desc *d)
{
	check(has(flat, "/:#address-cells=<0x01>") && has(flat, "/:#size-cells=<0x01>"),
	      "root: one address cell, one size cell");
	check(has(flat, "/:compatible=\"linux,dummy-virt\""), "root compatible linux,dummy-virt");
	check(has(flat, "/:interrupt-parent=<0x01>") && has(flat, "/intc@8000000:phandle=<0x01>"),
	      "interrupt-parent is the GIC's phandle");
	check(has(flat, "/memory@40000000:device_type=\"memory\"") &&
		      has(flat, "/memory@40000000:reg=<0x40000000 0x%x>", d->ram_size),
	      "memory@40000000: %u MiB", d->ram_size >> 20);
	check(has(flat, "/psci:compatible=\"arm,psci-0.2\\0arm,psci\"") &&
		      has(flat, "/psci:method=\"hvc\"") && has(flat, "/psci:cpu_off=<0x84000002>"),
	      "psci: 0.2, method hvc");
	check(has(flat, "/intc@8000000:compatible=\"arm,cortex-a15-gic\"") &&
		      has(flat, "/intc@8000000:#interrupt-cells=<0x03>") &&
		      has(flat, "/intc@8000000:interrupt-controller") &&
		      has(flat, "/intc@8000000:reg=<0x8000000 0x10000 0x8010000 0x2000>"),
	      "GIC: cortex-a15-gic, 3 cells, GICD 64 KiB and GICC 8 KiB");
	check(has(flat, "/uart@9000000:compatible=\"arm,pl011\\0arm,primecell\"") &&
		      has(flat, "/uart@9000000:reg=<0x9000000 0x1000>") &&
		      has(flat, "/uart@9000000:interrupts=<0x00 0x01 0x04>"),
	      "PL011 primecell at 0x09000000, SPI 1 level-high");
	check(has(flat, "/uart@9000000:clocks=<0x02 0x02>") &&
		      has(flat, "/uart@9000000:clock-names=\"uartclk\\0apb_pclk\"") &&
		      has(flat, "/apb-pclk:phandle=<0x02>") &&
		      has(flat, "/apb-pclk:compatible=\"fixed-clock\"") &&
		      has(flat, "/apb-pclk:clock-frequency=<0x16e3600>") &&
		      has(flat, "/apb-pclk:#clock-cells=<0x00>"),
	      "PL011 clocks uartclk and apb_pclk: a 24 MHz fixed clock");
	check(has(flat, "/chosen:stdout-path=\"/uart@9000000\"") &&
		      dts_nodes(flat, "/uart@9000000"),
	      "stdout-path names the UART node");
}

static void cpus_and_timer(const char *flat, unsigned ncpus)
{
	unsigned ok = 0;
	uint32_t fl = ((1u << ncpus) - 1) << 8 | 8;

	check(has(flat, "/cpus:#address-cells=<0x01>") && has(flat, "/cpus:#size-cells=<0x00>"),
	      "cpus: one address cell, no size");
	check_eq(dts_nodes(flat, "/cpus/cpu@"), ncpus, "one cpu node per vCPU");
	for (unsigned i = 0; i < ncpus; i++)
		ok += has(flat, "/cpus/cpu@%x:reg=<0x%02x>", i, i) &&
			has(flat, "/cpus/cpu@%x:device_type=\"cpu\"", i) &&
			has(flat, "/cpus/cpu@%x:compatible=\"arm,cortex-a15\"", i) &&
			has(flat, "/cpus/cpu@%x:enable-method=\"psci\"", i);
	check_eq(ok, ncpus, "cpu@N: reg = MPIDR affinity, cortex-a15, enable-method psci");
	check(has(flat, "/timer:compatible=\"arm,armv7-timer\"") &&
		      has(flat,
			  "/timer:interrupts=<0x01 0x0d 0x%x 0x01 0x0e 0x%x 0x01 0x0b 0x%x "
			  "0x01 0x0a 0x%x>",
			  fl, fl, fl, fl) &&
		      has(flat, "/timer:always-on"),
	      "timer: PPIs 13 14 11 10, flags 0x%x (CPU mask, level-low)", fl);
}

static void chosen(const char *flat, const struct dtb_chosen *c)
{
	int want_args = c->bootargs && c->bootargs[0];
	int want_initrd = c->initrd_start != c->initrd_end;

	check(want_args ? has(flat, "/chosen:bootargs=\"%s\"", c->bootargs)
			: !strstr(flat, "/chosen:bootargs"),
	      "bootargs %s", want_args ? "given" : "absent");
	check(want_initrd ? has(flat, "/chosen:linux,initrd-start=<0x%x>", c->initrd_start) &&
			      has(flat, "/chosen:linux,initrd-end=<0x%x>", c->initrd_end)
			  : !strstr(flat, "/chosen:linux,initrd"),
	      "initrd %s", want_initrd ? "given" : "absent");
}

static void one_board(uint32_t mib, unsigned ncpus, const char *args, uint32_t initrd_size)
{
	struct board_desc d;
	uint32_t top = BOARD_RAM_BASE + (mib << 20) - BOARD_DTB_MAX;
	struct dtb_chosen c = { args, top - initrd_size, top };
	long n;
	char *dts, *flat;

	board_desc_default(&d, mib << 20, ncpus);
	n = board_dtb(&d, &c, blob, sizeof(blob), err, sizeof(err));
	check(n > 0 && n <= BOARD_DTB_MAX,
	      "%u MiB, %u CPUs, bootargs %s, initrd %u bytes: %ld bytes", mib, ncpus,
	      args ? args : "none", initrd_size, n);
	dts = n > 0 ? dts_of(blob, (size_t)n) : NULL;
	flat = dts ? dts_flatten(dts) : NULL;
	check(dts && !strstr(dts, "Warning") && !strstr(dts, "ERROR"),
	      "dtc reads it, no warning%s%s", dts && strstr(dts, "Warning") ? ":\n" : "",
	      dts && strstr(dts, "Warning") ? dts : "");
	if (flat) {
		common_nodes(flat, &d);
		cpus_and_timer(flat, ncpus);
		chosen(flat, &c);
	}
	free(dts);
	free(flat);
}

/* A copy of the kit's devices that a test may spoil. */
static struct board_dev devs[BOARD_MAX_DEVS + 1];

static struct board_desc spoilable(void)
{
	struct board_desc d;

	board_desc_default(&d, BOARD_RAM_SIZE, 1);
	memcpy(devs, d.devs, d.ndevs * sizeof(devs[0]));
	d.devs = devs;
	return d;
}

static void refused(const struct board_desc *d, const char *want, const char *name)
{
	long n = board_dtb(d, NULL, blob, sizeof(blob), err, sizeof(err));

	check(n < 0 && strstr(err, want) && board_desc_check(d, err, sizeof(err)) < 0,
	      "refused: %s: \"%s\"", name, err);
}

static void test_bad_descriptions(void)
{
	struct board_desc d = spoilable();

	check(board_desc_check(&d, err, sizeof(err)) == 0, "the kit's board passes its check");
	d.ram_size = 0, refused(&d, "RAM of 0 bytes", "no RAM");
	d.ram_size = BOARD_RAM_MAX + BOARD_RAM_ALIGN, refused(&d, "need whole MiB", "513 MiB");
	d.ram_size = BOARD_RAM_SIZE + 0x1000, refused(&d, "need whole MiB", "16 MiB + 4 KiB");
	d = spoilable(), d.ncpus = 0, refused(&d, "0 CPUs", "no CPU");
	d.ncpus = BOARD_MAX_CPUS + 1, refused(&d, "9 CPUs: need 1 to 8", "9 CPUs");
	d = spoilable(), d.ram_base = 0xfff00000, refused(&d, "wraps", "RAM wrapping 4 GiB");
	d = spoilable(), devs[2].base = BOARD_RAM_BASE,
	refused(&d, "uart: window overlaps RAM", "UART inside RAM");
	d = spoilable(), devs[1].base = BOARD_GICD_BASE + 0x1000,
	refused(&d, "gicc: window overlaps the one before", "GICC over GICD");
	d = spoilable(), devs[0].base = BOARD_UART_BASE + 0x10000,
	refused(&d, "not sorted by base", "devices out of order");
	d = spoilable(), devs[2].size = 0x800, refused(&d, "not 4 KiB aligned", "half a page");
	d = spoilable(), devs[2].base = 0xfffff000, devs[2].size = 0x2000,
	refused(&d, "wraps past 4 GiB", "window wrapping 4 GiB");
	d = spoilable(), devs[2].spi = 988, refused(&d, "SPI out of range", "SPI 988");
	d = spoilable(), devs[2].name = "UART", refused(&d, "device name", "upper-case name");
	d = spoilable(), devs[2].name = "a-device-name-of-25-chars",
	refused(&d, "over 24", "long name");
	d = spoilable(), devs[2].name = NULL, refused(&d, "device name missing", "no name");
	d = spoilable(), devs[2].kind = BDEV_KIND_COUNT,
	refused(&d, "unknown device kind", "bad kind");
	d = spoilable(), d.ndevs = 2, refused(&d, "0 UART devices", "no UART");
	d = spoilable(), devs[1].kind = BDEV_GICD,
	refused(&d, "2 GIC distributor devices", "two GICDs");
	d = spoilable(), d.ndevs = 0, refused(&d, "0 devices", "no devices");
	d = spoilable(), d.ndevs = BOARD_MAX_DEVS + 1,
	refused(&d, "17 devices: need 1 to 16", "17 devices (oversized)");
}

static void test_bad_chosen(void)
{
	struct board_desc d = spoilable();
	struct dtb_chosen outside = { NULL, BOARD_RAM_BASE - 0x1000, BOARD_RAM_BASE + 0x1000 };
	struct dtb_chosen backwards = { NULL, BOARD_RAM_BASE + 0x2000, BOARD_RAM_BASE + 0x1000 };
	static char huge[BOARD_DTB_MAX + 1];
	struct dtb_chosen big = { huge, 0, 0 };
	long n;

	check(board_dtb(&d, &outside, blob, sizeof(blob), err, sizeof(err)) < 0 &&
		      strstr(err, "not inside RAM"),
	      "initrd starting below RAM refused: \"%s\"", err);
	check(board_dtb(&d, &backwards, blob, sizeof(blob), err, sizeof(err)) < 0 &&
		      strstr(err, "not inside RAM"),
	      "initrd ending before its start refused");
	memset(huge, 'x', sizeof(huge) - 1);
	check(board_dtb(&d, &big, blob, sizeof(blob), err, sizeof(err)) < 0 &&
		      strstr(err, "FDT buffer too small"),
	      "64 KiB of bootargs: \"%s\"", err);
	n = board_dtb(&d, NULL, blob, sizeof(blob), err, sizeof(err));
	check(n > 0 && board_dtb(&d, NULL, blob, (size_t)n - 1, err, sizeof(err)) < 0 &&
		      strstr(err, "FDT buffer too small"),
	      "a buffer one byte short refused: \"%s\"", err);
	check(board_dtb(&d, NULL, blob, (size_t)n, err, sizeof(err)) == n, "its own size fits");
}

static void test_find_and_mpidr(void)
{
	const struct board_desc *k = board_desc_kit();
	const struct board_dev *dev;

	check(k->ram_base == BOARD_RAM_BASE && k->ram_size == BOARD_RAM_SIZE && k->ncpus == 1,
	      "the kit's board: 16 MiB at 0x40000000, one CPU");
	dev = board_desc_find(k, BOARD_STATUS_ADDR);
	check(dev && dev->kind == BDEV_UART && dev->spi == BOARD_UART_SPI, "STATUS is in the UART");
	dev = board_desc_find(k, BOARD_GICC_BASE + BOARD_GIC_SIZE - 1);
	check(dev && dev->kind == BDEV_GICC, "the last byte of the GICC window");
	check(!board_desc_find(k, BOARD_GICC_BASE + BOARD_GIC_SIZE), "past the GICC: nothing");
	check(!board_desc_find(k, BOARD_UART_BASE - 1), "below the UART: nothing");
	check(!board_desc_find(k, BOARD_RAM_BASE), "RAM is not a device");
	check_eq(board_cpu_mpidr(0), 0x80000000, "MPIDR of vCPU 0");
	check_eq(board_cpu_mpidr(7), 0x80000007, "MPIDR of vCPU 7");
}

int main(void)
{
	one_board(16, 1, NULL, 0);
	one_board(16, 4, "console=ttyAMA0", 0);
	one_board(512, 4, "console=ttyAMA0 earlycon rdinit=/init", 0x123456);
	one_board(512, 1, NULL, 0x1000);
	one_board(1, 8, "", 0);
	test_bad_descriptions();
	test_bad_chosen();
	test_find_and_mpidr();
	return unit_summary();
}
