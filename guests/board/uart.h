/* The board's PL011 subset; board_mmio() is the public entry (board.h). */
#ifndef BOARD_UART_H
#define BOARD_UART_H

#include <stdint.h>
#include "board.h"

/* clang-format off */
#define UART_DR		0x000		/* data: the console */
#define UART_FR		0x018		/* flags */
#define UART_FR_TXFE	(1u << 7)	/* transmit FIFO empty */
#define UART_FR_RXFE	(1u << 4)	/* receive FIFO empty: never any input */
#define UART_FR_VALUE	(UART_FR_TXFE | UART_FR_RXFE)	/* FR as the board reads it */
/* clang-format on */

/* A store to DR: its low byte to the console (and the exit-line watcher). */
void uart_dr_write(struct board *b, uint32_t value);

/* The register at an offset in the UART page (BREG_UART_RESERVED if none). */
enum board_reg uart_reg_at(uint32_t offset);

/*
 * One access inside the UART page: returns the register; a read leaves in
 * a->value the word's bytes from the accessed one up (the caller masks).
 */
enum board_reg uart_mmio(struct board *b, uint32_t offset, struct board_access *a);

/* The kept registers (IBRD ... IMSC) to their PL011 reset values. */
void uart_reset(struct board *b);

#endif
