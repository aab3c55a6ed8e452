/*
 * The board's PL011 (docs/guest-abi.md): a DR write is the console, a DR
 * read takes from the receive FIFO (uart_rx.c); FR is never busy, its RX
 * flags the FIFO's; IBRD, FBRD, LCR_H, CR, IFLS and IMSC keep what is
 * written (the bits a real PL011 implements) so that a guest reads back
 * what it set, as on QEMU's PL011. The interrupt is QEMU's too: a DR write
 * raises TXRIS (the FIFO is never full), the receive side RXRIS, RTRIS and
 * OERIS, ICR clears what it names, RIS and MIS read it, and the output is
 * MIS != 0 (board_uart_irq). RSR reads OE, a write to it (ECR) clears it.
 * ILPR and DMACR read 0 and ignore writes; the ID registers read the
 * PL011's IDs. Register offsets: ARM PrimeCell UART (PL011) TRM, table 3-1.
 */
#include <stddef.h>
#include "uart.h"

/* clang-format off */
#define UART_INT_MASK	0x7ffu		/* the eleven interrupt bits */
/* clang-format on */

/* The registers that keep their value are consecutive in enum board_reg. */
_Static_assert(BREG_UART_IMSC - BREG_UART_IBRD + 1 == BOARD_UART_KEPT, "kept: IBRD..IMSC");
#define KEPT(reg) UART_KEPT(reg)

/* Their reset values and implemented bits (TRM 3.3), by slot. */
static const struct {
	uint32_t reset, mask;
} kept[BOARD_UART_KEPT] = {
	[KEPT(BREG_UART_IBRD)] = { 0, 0xffff },	  /* integer baud rate divisor */
	[KEPT(BREG_UART_FBRD)] = { 0, 0x3f },	  /* fractional divisor */
	[KEPT(BREG_UART_LCR_H)] = { 0, 0xff },	  /* line control */
	[KEPT(BREG_UART_CR)] = { 0x300, 0xff87 }, /* TXE RXE at reset; bits 6:3 reserved */
	[KEPT(BREG_UART_IFLS)] = { 0x12, 0x3f },  /* FIFO levels: half-way at reset */
	[KEPT(BREG_UART_IMSC)] = { 0, 0x7ff },	  /* interrupt mask */
};

/* Its slot in b->uart_kept, or -1: one subtraction, no search. */
static int kept_slot(enum board_reg reg)
{
	unsigned slot = (unsigned)reg - BREG_UART_IBRD;

	return slot < BOARD_UART_KEPT ? (int)slot : -1;
}

void uart_reset(struct board *b)
{
	for (int i = 0; i < BOARD_UART_KEPT; i++)
		b->uart_kept[i] = kept[i].reset;
	b->uart_ris = 0;
	uart_rx_reset(b);
}

static uint32_t uart_mis(const struct board *b)
{
	return b->uart_ris & b->uart_kept[kept_slot(BREG_UART_IMSC)];
}

bool board_uart_irq(const struct board *b) { return uart_mis(b) != 0; }

/* The named registers, by word index (offset / 4); 0 (BREG_NONE) in the gaps. */
static const uint8_t uart_regs[] = {
	[UART_DR / 4] = BREG_UART_DR,	    [UART_RSR / 4] = BREG_UART_RSR,
	[UART_FR / 4] = BREG_UART_FR,	    [UART_ILPR / 4] = BREG_UART_ILPR,
	[UART_IBRD / 4] = BREG_UART_IBRD,   [UART_FBRD / 4] = BREG_UART_FBRD,
	[UART_LCR_H / 4] = BREG_UART_LCR_H, [UART_CR / 4] = BREG_UART_CR,
	[UART_IFLS / 4] = BREG_UART_IFLS,   [UART_IMSC / 4] = BREG_UART_IMSC,
	[UART_RIS / 4] = BREG_UART_RIS,	    [UART_MIS / 4] = BREG_UART_MIS,
	[UART_ICR / 4] = BREG_UART_ICR,	    [UART_DMACR / 4] = BREG_UART_DMACR,
};

/* The PL011's identification bytes, PeriphID0 first (TRM 3.3.14-3.3.15). */
static const uint8_t uart_id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

enum board_reg uart_reg_at(uint32_t offset)
{
	uint32_t word = offset & ~3u;

	if (word / 4 < sizeof(uart_regs) && uart_regs[word / 4] != BREG_NONE)
		return uart_regs[word / 4];
	if (word >= UART_ID_BASE && word < UART_ID_BASE + 4 * sizeof(uart_id))
		return BREG_UART_ID;
	return BREG_UART_RESERVED;
}

/* The 32-bit value a read of the word at offset returns. */
static uint32_t uart_read_word(const struct board *b, enum board_reg reg, uint32_t word)
{
	int slot = kept_slot(reg);

	if (slot >= 0)
		return b->uart_kept[slot];
	if (reg == BREG_UART_FR)
		return uart_fr(b);
	if (reg == BREG_UART_RSR)
		return b->uart_rsr;
	if (reg == BREG_UART_RIS)
		return b->uart_ris;
	if (reg == BREG_UART_MIS)
		return uart_mis(b);
	if (reg == BREG_UART_ID)
		return uart_id[(word - UART_ID_BASE) / 4];
	return 0;
}

/*
 * A store at a kept register's address sets it to the stored value, zero-
 * extended from a narrower store, as QEMU's PL011 does; a store to one of
 * its other bytes is ignored.
 */
static void uart_keep(struct board *b, enum board_reg reg, const struct board_access *a)
{
	int slot = kept_slot(reg);
	uint32_t value = a->value;

	uint32_t old_lcr_h = b->uart_kept[KEPT(BREG_UART_LCR_H)];

	if (slot < 0)
		return;
	if (a->size < 4)
		value &= (1u << (8 * a->size)) - 1;
	b->uart_kept[slot] = value & kept[slot].mask;
	if (reg == BREG_UART_LCR_H || reg == BREG_UART_IFLS)
		uart_rx_config(b, old_lcr_h);
}

void uart_dr_write(struct board *b, uint32_t value)
{
	char c = (char)(value & 0xff); /* DR's data: its low byte */

	exit_line_feed(&b->exit_line, c);
	if (b->console)
		b->console(b->ctx, c);
	b->uart_ris |= UART_INT_TX; /* sent at once: TXRIS, as QEMU's PL011 (both paths) */
}

enum board_reg uart_mmio(struct board *b, uint32_t offset, struct board_access *a)
{
	enum board_reg reg = uart_reg_at(offset);
	unsigned shift = (offset & 3) * 8;

	if (!a->write && reg == BREG_UART_DR)
		a->value = uart_rx_pop(b) >> shift; /* any byte of DR: a FIFO read */
	else if (!a->write)
		a->value = uart_read_word(b, reg, offset & ~3u) >> shift;
	else if (shift != 0)
		; /* not a register's first byte: ignored */
	else if (reg == BREG_UART_DR)
		uart_dr_write(b, a->value);
	else if (reg == BREG_UART_ICR)
		b->uart_ris &= ~(a->value & UART_INT_MASK);
	else if (reg == BREG_UART_RSR)
		b->uart_rsr = 0; /* ECR: any value clears the error flags */
	else
		uart_keep(b, reg, a);
	return reg;
}
