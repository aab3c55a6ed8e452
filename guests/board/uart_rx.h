/*
 * The PL011's receive side (uart_rx.c): the 32-entry receive FIFO of the
 * PL011 r1p5 (TRM 2.4.3), filled by the VMM from its own input, emptied by
 * the guest's DR reads. Its own header so that struct board can hold it.
 */
#ifndef BOARD_UART_RX_H
#define BOARD_UART_RX_H

#include <stdbool.h>
#include <stdint.h>
#include "pl011.h"

#define UART_RX_FIFO 32 /* entries with LCR_H.FEN; one without */

struct uart_rx {
	uint8_t fifo[UART_RX_FIFO];
	uint8_t head, count; /* the oldest byte's slot; bytes held */
	bool overrun;	     /* a byte was lost since the last DR read (DR.OE) */
	uint8_t fr;	     /* FR, kept with count and depth: a hot FR read is one load */
};

#endif
