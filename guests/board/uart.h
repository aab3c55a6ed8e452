/* The board's PL011 subset; board_mmio() is the public entry (board.h). */
#ifndef BOARD_UART_H
#define BOARD_UART_H

#include <stdint.h>
#include "board.h"
#include "pl011.h"

/* A kept register's slot in b->uart_kept (they are consecutive in enum board_reg). */
#define UART_KEPT(reg) ((reg)-BREG_UART_IBRD)

/* The receive FIFO's depth: 32 with LCR_H.FEN, else a one-byte holding register. */
static inline unsigned uart_rx_depth(const struct board *b)
{
	return (b->uart_kept[UART_KEPT(BREG_UART_LCR_H)] & UART_LCR_H_FEN) ? UART_RX_FIFO : 1;
}

/*
 * FR: the transmit FIFO always empty (never busy), the receive FIFO's
 * state, as uart_rx.c keeps it at each change of the FIFO's count or depth.
 */
static inline uint32_t uart_fr(const struct board *b) { return b->uart_rx.fr; }

/* A store to DR: its low byte to the console (and the exit-line watcher). */
void uart_dr_write(struct board *b, uint32_t value);

/* The register at an offset in the UART page (BREG_UART_RESERVED if none). */
enum board_reg uart_reg_at(uint32_t offset);

/*
 * One access inside the UART page: returns the register; a read leaves in
 * a->value the word's bytes from the accessed one up (the caller masks).
 */
enum board_reg uart_mmio(struct board *b, uint32_t offset, struct board_access *a);

/* The kept registers (IBRD ... IMSC) to their PL011 reset values, the FIFO empty. */
void uart_reset(struct board *b);

/* The receive side (uart_rx.c). */
/*
 * Bytes the FIFO can take now (0 until CR has UARTEN and RXE): a VMM feeds
 * no more, keeping the rest for later.
 */
unsigned uart_rx_room(const struct board *b);
/*
 * Input for the guest: each byte into the FIFO, or lost to an overrun when
 * it is full (all lost, without OE, while the receiver is off); then RXRIS
 * by level and RTRIS (the line idle). Returns the bytes taken. The VMM forwards board_uart_irq() afterwards.
 */
unsigned uart_rx_feed(struct board *b, const char *s, unsigned n);
/* A DR read: the oldest byte (with DR.OE after an overrun), or 0 when empty. */
uint32_t uart_rx_pop(struct board *b);
/* After a store to LCR_H or IFLS: FEN changed flushes the FIFO; RXRIS by the new level. */
void uart_rx_config(struct board *b, uint32_t old_lcr_h);
void uart_rx_reset(struct board *b);

#endif
