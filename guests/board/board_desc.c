/*
 * The kit's board as data (docs/guest-abi.md, "The board as data"): one
 * table of devices that board_mmio() dispatches through and board_dtb()
 * describes, so the two can never disagree.
 */
#include <stdio.h>
#include "board_desc.h"

#define PAGE_SIZE	0x1000u
#define NAME_MAX_LEN	24	/* "name@base" stays within a DT node name's 31 */

/* Sorted by base, as board_desc_check requires. STATUS lives in the UART. */
static const struct board_dev kit_devs[] = {
	{ "gicd", BDEV_GICD, BOARD_GICD_BASE, BOARD_GIC_SIZE, -1 },
	{ "gicc", BDEV_GICC, BOARD_GICC_BASE, BOARD_GIC_SIZE, -1 },
	{ "uart", BDEV_UART, BOARD_UART_BASE, BOARD_UART_SIZE, BOARD_UART_SPI },
};

#define KIT_NDEVS	(sizeof(kit_devs) / sizeof(kit_devs[0]))

static const struct board_desc kit_board = {
	BOARD_RAM_BASE, BOARD_RAM_SIZE, 1, kit_devs, KIT_NDEVS,
};

void board_desc_default(struct board_desc *d, uint32_t ram_size, unsigned ncpus)
{
	*d = kit_board;
	d->ram_size = ram_size;
	d->ncpus = ncpus;
}

const struct board_desc *board_desc_kit(void)
{
	return &kit_board;
}

static int refuse(char *err, size_t n, const char *what, const struct board_dev *dev)
{
	int named = dev && dev->name;

	snprintf(err, n, "board: %s%s%s", named ? dev->name : "", named ? ": " : "", what);
	return -1;
}

/* [base, base + size) with the end computed wide, so a wrap shows. */
static int overlaps(uint64_t b1, uint64_t s1, uint64_t b2, uint64_t s2)
{
	return b1 < b2 + s2 && b2 < b1 + s1;
}

static int name_ok(const char *s)
{
	size_t len = 0;

	if (!s)
		return 0;
	for (; s[len]; len++) {
		char c = s[len];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return len > 0 && len <= NAME_MAX_LEN;
}

static int check_dev(const struct board_desc *d, unsigned i, char *err, size_t n)
{
	const struct board_dev *dev = &d->devs[i];

	if (!name_ok(dev->name))
		return refuse(err, n,
			      "device name missing, empty, over 24 characters or not [a-z0-9-]", NULL);
	if ((unsigned)dev->kind >= BDEV_KIND_COUNT)
		return refuse(err, n, "unknown device kind", dev);
	if (dev->size == 0 || dev->base % PAGE_SIZE || dev->size % PAGE_SIZE)
		return refuse(err, n, "window empty or not 4 KiB aligned", dev);
	if ((uint64_t)dev->base + dev->size > 0x100000000ull)
		return refuse(err, n, "window wraps past 4 GiB", dev);
	if (dev->spi < -1 || dev->spi > 987)
		return refuse(err, n, "SPI out of range (GICv2: 0..987)", dev);
	if (overlaps(dev->base, dev->size, d->ram_base, d->ram_size))
		return refuse(err, n, "window overlaps RAM", dev);
	if (i > 0 && dev->base < (uint64_t)d->devs[i - 1].base + d->devs[i - 1].size)
		return refuse(err, n, "window overlaps the one before or is not sorted by base",
			      dev);
	return 0;
}

/* Each VMM needs exactly one of each kind: the console, the GIC's two halves. */
static int check_kinds(const struct board_desc *d, char *err, size_t n)
{
	static const char *const kind_names[BDEV_KIND_COUNT] = { "UART", "GIC distributor",
								  "GIC CPU interface" };
	unsigned count[BDEV_KIND_COUNT] = { 0 };

	for (unsigned i = 0; i < d->ndevs; i++)
		count[d->devs[i].kind]++;
	for (unsigned k = 0; k < BDEV_KIND_COUNT; k++)
		if (count[k] != 1) {
			snprintf(err, n, "board: %u %s devices, need exactly 1", count[k],
				 kind_names[k]);
			return -1;
		}
	return 0;
}

int board_desc_check(const struct board_desc *d, char *err, size_t n)
{
	if (d->ram_size < BOARD_RAM_MIN || d->ram_size > BOARD_RAM_MAX ||
	    d->ram_size % BOARD_RAM_ALIGN) {
		snprintf(err, n, "board: RAM of %u bytes: need whole MiB from %u to %u MiB",
			 (unsigned)d->ram_size, BOARD_RAM_MIN >> 20, BOARD_RAM_MAX >> 20);
		return -1;
	}
	if (d->ram_base % BOARD_RAM_ALIGN || (uint64_t)d->ram_base + d->ram_size > 0x100000000ull)
		return refuse(err, n, "RAM base not MiB aligned, or RAM wraps past 4 GiB", NULL);
	if (d->ncpus < 1 || d->ncpus > BOARD_MAX_CPUS) {
		snprintf(err, n, "board: %u CPUs: need 1 to %u", d->ncpus, BOARD_MAX_CPUS);
		return -1;
	}
	if (!d->devs || d->ndevs == 0 || d->ndevs > BOARD_MAX_DEVS) {
		snprintf(err, n, "board: %u devices: need 1 to %u", d->ndevs, BOARD_MAX_DEVS);
		return -1;
	}
	for (unsigned i = 0; i < d->ndevs; i++)
		if (check_dev(d, i, err, n) < 0)
			return -1;
	return check_kinds(d, err, n);
}

/* A handful of devices: a linear scan beats a search in code and in time. */
const struct board_dev *board_desc_find(const struct board_desc *d, uint32_t ipa)
{
	for (unsigned i = 0; i < d->ndevs; i++)
		if (ipa - d->devs[i].base < d->devs[i].size)
			return &d->devs[i];
	return NULL;
}

uint32_t board_cpu_mpidr(unsigned n)
{
	return BOARD_MPIDR_M | (n & BOARD_MPIDR_AFF0_MASK);
}
