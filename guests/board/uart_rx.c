/*
 * The PL011's receive FIFO and its interrupts (TRM 2.4.3, 3.3.1, 3.3.11):
 * the VMM hands in what its input holds (uart_rx_feed), the guest's DR
 * reads take it out. RXRIS follows the FIFO's level against IFLS's
 * RXIFLSEL (set at or above it, cleared below it); RTRIS stands for the
 * hardware's 32-bit-period timeout: raised at the end of each feed while
 * anything waits, as the line goes quiet, and cleared when the FIFO
 * empties. A byte that finds the FIFO full is lost: OERIS, RSR.OE and OE
 * in the next byte's DR read. Nothing is received until CR has UARTEN
 * and RXE (TRM 3.3.8; QEMU's PL011 does not check): the room is 0, so a
 * VMM holds its input until the guest has set its UART up. Without
 * LCR_H.FEN the FIFO is one byte deep and its level 1; a change of FEN
 * empties it, as QEMU's.
 */
#include "board.h"
#include "uart.h"

#define IFLS_RX(ifls) ((ifls) >> 3 & 7) /* RXIFLSEL */

/* RXIFLSEL's level: 1/8, 1/4, 1/2, 3/4, 7/8 of the FIFO (reserved codes: 1/2). */
static unsigned rx_level(const struct board *b)
{
	static const uint8_t eighths[8] = { 1, 2, 4, 6, 7, 4, 4, 4 };

	if (uart_rx_depth(b) == 1)
		return 1;
	return UART_RX_FIFO * eighths[IFLS_RX(b->uart_kept[UART_KEPT(BREG_UART_IFLS)])] / 8;
}

/* FR's receive flags from the count and depth: after each change of either. */
static void fr_update(struct board *b)
{
	unsigned count = b->uart_rx.count;

	b->uart_rx.fr = (uint8_t)(UART_FR_TXFE | (count ? 0 : UART_FR_RXFE) |
				  (count && count >= uart_rx_depth(b) ? UART_FR_RXFF : 0));
}

static void rx_level_update(struct board *b)
{
	if (b->uart_rx.count >= rx_level(b))
		b->uart_ris |= UART_INT_RX;
	else
		b->uart_ris &= ~UART_INT_RX;
}

static bool rx_enabled(const struct board *b)
{
	uint32_t cr = b->uart_kept[UART_KEPT(BREG_UART_CR)];

	return (cr & (UART_CR_UARTEN | UART_CR_RXE)) == (UART_CR_UARTEN | UART_CR_RXE);
}

unsigned uart_rx_room(const struct board *b)
{
	unsigned depth = uart_rx_depth(b);

	if (!rx_enabled(b))
		return 0;
	return b->uart_rx.count < depth ? depth - b->uart_rx.count : 0;
}

unsigned uart_rx_feed(struct board *b, const char *s, unsigned n)
{
	struct uart_rx *rx = &b->uart_rx;
	unsigned taken = 0;

	if (!rx_enabled(b))
		return 0; /* the receiver is off: the line is not sampled */
	for (unsigned i = 0; i < n; i++) {
		if (!uart_rx_room(b)) {
			rx->overrun = true; /* the shift register's byte is lost */
			b->uart_rsr |= UART_RSR_OE;
			b->uart_ris |= UART_INT_OE;
			continue;
		}
		rx->fifo[(rx->head + rx->count) % UART_RX_FIFO] = (uint8_t)s[i];
		rx->count++;
		taken++;
	}
	rx_level_update(b);
	fr_update(b);
	if (rx->count)
		b->uart_ris |= UART_INT_RT; /* nothing follows at once: the line is idle */
	return taken;
}

uint32_t uart_rx_pop(struct board *b)
{
	struct uart_rx *rx = &b->uart_rx;
	uint32_t v;

	if (!rx->count)
		return 0; /* an empty FIFO reads 0, as QEMU's */
	v = rx->fifo[rx->head] | (rx->overrun ? UART_DR_OE : 0);
	rx->overrun = false;
	rx->head = (uint8_t)((rx->head + 1) % UART_RX_FIFO);
	rx->count--;
	if (rx->count < rx_level(b))
		b->uart_ris &= ~UART_INT_RX; /* below the level; at or above it ICR's clear stays */
	if (!rx->count)
		b->uart_ris &= ~UART_INT_RT;
	fr_update(b);
	return v;
}

void uart_rx_config(struct board *b, uint32_t old_lcr_h)
{
	if ((old_lcr_h ^ b->uart_kept[UART_KEPT(BREG_UART_LCR_H)]) & UART_LCR_H_FEN) {
		b->uart_rx.head = b->uart_rx.count = 0; /* FEN changed: emptied, as QEMU's PL011 */
		b->uart_ris &= ~UART_INT_RT;
	}
	rx_level_update(b);
	fr_update(b);
}

void uart_rx_reset(struct board *b)
{
	b->uart_rx.head = b->uart_rx.count = 0;
	b->uart_rx.overrun = false;
	b->uart_rsr = 0;
	fr_update(b);
}
