/*
 * The board's MMIO dispatch (docs/guest-abi.md): through the description
 * (board_desc.h) to the device's model: the UART page with the STATUS
 * register in it, the GIC distributor (vgic_dist.c when the VMM gives the
 * board one, else RAZ/WI like the CPU interface page). Anything else is not a
 * device: BREG_NONE, and the VMM stops the guest.
 */
#include <stddef.h>
#include "board.h"
#include "board_hot.h"
#include "uart.h"
#include "vgic.h"

static const char *const reg_names[BREG_COUNT] = {
	[BREG_NONE] = "none",
	[BREG_UART_DR] = "uart.DR",
	[BREG_UART_RSR] = "uart.RSR",
	[BREG_UART_FR] = "uart.FR",
	[BREG_UART_ILPR] = "uart.ILPR",
	[BREG_UART_IBRD] = "uart.IBRD",
	[BREG_UART_FBRD] = "uart.FBRD",
	[BREG_UART_LCR_H] = "uart.LCR_H",
	[BREG_UART_CR] = "uart.CR",
	[BREG_UART_IFLS] = "uart.IFLS",
	[BREG_UART_IMSC] = "uart.IMSC",
	[BREG_UART_RIS] = "uart.RIS",
	[BREG_UART_MIS] = "uart.MIS",
	[BREG_UART_ICR] = "uart.ICR",
	[BREG_UART_DMACR] = "uart.DMACR",
	[BREG_UART_ID] = "uart.ID",
	[BREG_UART_RESERVED] = "uart.reserved",
	[BREG_STATUS] = "status.STATUS",
	[BREG_GICD] = "gic.dist",
	[BREG_GICC] = "gic.cpu",
};

const char *board_reg_name(enum board_reg r)
{
	if ((unsigned)r >= BREG_COUNT)
		return "none";
	return reg_names[r];
}

/*
 * The UART's page is every guest's hottest device (its console, STATUS):
 * board_mmio tries it before searching the description.
 */
void board_set_desc(struct board *b, const struct board_desc *d)
{
	b->desc = d;
	b->uart_base = 0;
	b->uart_size = 0;
	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].kind == BDEV_UART) {
			b->uart_base = d->devs[i].base;
			b->uart_size = d->devs[i].size;
			break;
		}
}

void board_init(struct board *b, void (*console)(void *, char), void *ctx)
{
	board_set_desc(b, board_desc_kit());
	b->console = console;
	b->ctx = ctx;
	b->status = BOARD_STATUS_PASS;
	b->status_written = false;
	exit_line_init(&b->exit_line);
	b->stopped = false;
	b->vgic = NULL;
	psci_cpus_reset(&b->psci, PSCI_AS_KVM_6_1);
	uart_reset(b);
}

uint32_t board_exit_status(const struct board *b, enum exit_source *src)
{
	return exit_status_pick(b->status_written, b->status, &b->exit_line, src);
}

/*
 * Naturally aligned 1-, 2- or 4-byte accesses only (docs/guest-abi.md):
 * bit n of 0x16 is set for n = 1, 2 and 4.
 */
static bool access_ok(const struct board_access *a)
{
	return a->size <= 4 && (0x16u >> a->size & 1) && (a->ipa & (a->size - 1u)) == 0;
}

static uint32_t size_mask(unsigned size)
{
	return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}


/* The UART's 4 KiB page, STATUS included. */
static enum board_reg uart_page(struct board *b, struct board_access *a, uint32_t offset)
{
	enum board_reg reg;

	if (offset == BOARD_STATUS_OFFSET)
		return board_status_access(b, a->size, a->write, &a->value);
	reg = uart_mmio(b, offset, a);
	if (!a->write)
		a->value &= size_mask(a->size);
	return reg;
}

/* A GIC page: reads 0, writes ignored. */
static enum board_reg raz_wi(struct board_access *a, enum board_reg reg)
{
	if (!a->write)
		a->value = 0;
	return reg;
}

/* The distributor model; a width it refuses is RAZ/WI, as on a real GIC. */
static enum board_reg gicd_access(struct board *b, struct board_access *a, uint32_t base)
{
	if (!b->vgic)
		return raz_wi(a, BREG_GICD);
	vgic_dist_mmio(b->vgic, a->cpu, a->ipa - base, a->size, a->write, &a->value);
	return BREG_GICD;
}

enum board_reg board_mmio(struct board *b, struct board_access *a)
{
	const struct board_dev *dev;

	if (!access_ok(a))
		return BREG_NONE;
	if (a->ipa - b->uart_base < b->uart_size)
		return uart_page(b, a, a->ipa - b->uart_base);
	if (!(dev = board_desc_find(b->desc, a->ipa)))
		return BREG_NONE;
	switch (dev->kind) {
	case BDEV_UART: return uart_page(b, a, a->ipa - dev->base);
	case BDEV_GICD: return gicd_access(b, a, dev->base);
	case BDEV_GICC: return raz_wi(a, BREG_GICC);
	case BDEV_KIND_COUNT: break;
	}
	return BREG_NONE;
}
