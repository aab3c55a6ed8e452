/*
 * The board's MMIO dispatch (docs/guest-abi.md): the UART page with the
 * STATUS register in it, and the two RAZ/WI GIC pages. Anything else is
 * not a device: BREG_NONE, and the VMM stops the guest.
 */
#include <stddef.h>
#include "board.h"
#include "uart.h"

static const char *const reg_names[BREG_COUNT] = {
	[BREG_NONE] = "none",
	[BREG_UART_DR] = "uart.DR", [BREG_UART_RSR] = "uart.RSR",
	[BREG_UART_FR] = "uart.FR", [BREG_UART_ILPR] = "uart.ILPR",
	[BREG_UART_IBRD] = "uart.IBRD", [BREG_UART_FBRD] = "uart.FBRD",
	[BREG_UART_LCR_H] = "uart.LCR_H", [BREG_UART_CR] = "uart.CR",
	[BREG_UART_IFLS] = "uart.IFLS", [BREG_UART_IMSC] = "uart.IMSC",
	[BREG_UART_RIS] = "uart.RIS", [BREG_UART_MIS] = "uart.MIS",
	[BREG_UART_ICR] = "uart.ICR", [BREG_UART_DMACR] = "uart.DMACR",
	[BREG_UART_ID] = "uart.ID", [BREG_UART_RESERVED] = "uart.reserved",
	[BREG_STATUS] = "status.STATUS",
	[BREG_GICD] = "gic.dist", [BREG_GICC] = "gic.cpu",
};

const char *board_reg_name(enum board_reg r)
{
	if ((unsigned)r >= BREG_COUNT)
		return "none";
	return reg_names[r];
}

void board_init(struct board *b, void (*console)(void *, char), void *ctx)
{
	b->console = console;
	b->ctx = ctx;
	b->status = BOARD_STATUS_PASS;
	b->stopped = false;
}

static bool in_range(uint32_t ipa, uint32_t base, uint32_t size)
{
	return ipa - base < size;
}

/* Naturally aligned 1-, 2- or 4-byte accesses only (docs/guest-abi.md). */
static bool access_ok(const struct board_access *a)
{
	return (a->size == 1 || a->size == 2 || a->size == 4) &&
	       (a->ipa & (a->size - 1u)) == 0;
}

static uint32_t size_mask(unsigned size)
{
	return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}

/* STATUS: a 32-bit register; any other width is a guest bug, not a write. */
static enum board_reg status_access(struct board *b, struct board_access *a)
{
	if (a->size != 4)
		return BREG_NONE;
	if (a->write)
		b->status = a->value;
	else
		a->value = b->status;
	return BREG_STATUS;
}

enum board_reg board_mmio(struct board *b, struct board_access *a)
{
	enum board_reg reg = BREG_NONE;
	uint32_t loaded = 0;

	if (!access_ok(a))
		return BREG_NONE;
	if (a->ipa == BOARD_STATUS_ADDR)
		return status_access(b, a);
	if (in_range(a->ipa, BOARD_UART_BASE, BOARD_UART_SIZE)) {
		uint32_t offset = a->ipa - BOARD_UART_BASE;
		reg = uart_reg_at(offset);
		loaded = uart_access(b, reg, offset, a);
	} else if (in_range(a->ipa, BOARD_GICD_BASE, BOARD_GIC_SIZE)) {
		reg = BREG_GICD;	/* RAZ/WI */
	} else if (in_range(a->ipa, BOARD_GICC_BASE, BOARD_GIC_SIZE)) {
		reg = BREG_GICC;
	}
	if (reg != BREG_NONE && !a->write)
		a->value = loaded & size_mask(a->size);
	return reg;
}
