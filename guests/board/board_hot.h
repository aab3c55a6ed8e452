/*
 * The board's fast entry for a trap path (docs/performance.md): the
 * registers every guest of the kit uses most, UART DR and FR and STATUS,
 * answered inline; any other access goes through board_mmio(). The same
 * answers as board_mmio() gives (tests/board/board_test.c checks them
 * against each other): STATUS as board_status_access(), DR through
 * uart_dr_write(), FR from uart_fr().
 */
#ifndef BOARD_BOARD_HOT_H
#define BOARD_BOARD_HOT_H

#include "board.h"
#include "uart.h"

/* STATUS: a 32-bit register; any other width is a guest bug, not a write. */
static inline enum board_reg board_status_access(struct board *b, unsigned size, bool write,
						 uint32_t *value)
{
	if (size != 4)
		return BREG_NONE;
	if (write) {
		b->status = *value;
		b->status_written = true;
	} else
		*value = b->status;
	return BREG_STATUS;
}

#define BOARD_NOT_HOT BREG_COUNT /* board_mmio_hot: not one of them, ask board_mmio() */

/*
 * One access of size bytes at offset in the UART's page (a checked board
 * has one UART of a page or more: all three registers exist), *value in
 * (write) or out (read), if it is one of the hot registers: returns that
 * register, else BOARD_NOT_HOT with nothing done. A trap path that knows
 * the page from the fault (the bare hypervisor's HPFAR) starts here.
 */
static inline enum board_reg board_mmio_hot_at(struct board *b, uint32_t offset, unsigned size,
					       bool write, uint32_t *value)
{
	if (!write && size == 4 && offset == UART_FR) {
		*value = uart_fr(b);
		return BREG_UART_FR;
	}
	if (size == 4 && offset == BOARD_STATUS_OFFSET)
		return board_status_access(b, size, write, value);
	if (write && size <= 4 && offset == UART_DR) {
		uart_dr_write(b, *value);
		return BREG_UART_DR;
	}
	return BOARD_NOT_HOT;
}

/* The same at an IPA: inline and on scalars, so that a trap path keeps the access in registers. */
static inline enum board_reg board_mmio_hot(struct board *b, uint32_t ipa, unsigned size,
					    bool write, uint32_t *value)
{
	return board_mmio_hot_at(b, ipa - b->uart_base, size, write, value);
}

#endif
