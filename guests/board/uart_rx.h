/*
 * The PL011's receive side (uart_rx.c): the 32-entry receive FIFO of the
 * PL011 r1p5 (TRM 2.4.3), filled by the VMM from its own input, emptied by
 * the guest's DR reads. Its own header so that struct board can hold it.
 */
#ifndef BOARD_UART_RX_H
#define BOARD_UART_RX_H

#include <stdbool.h>
#include <stdint.h>

/* clang-format off */
#define UART_RX_FIFO		32		/* entries with LCR_H.FEN; one without */
#define UART_FR_RXFE		(1u << 4)	/* receive FIFO empty */
#define UART_FR_RXFF		(1u << 6)	/* receive FIFO full */
#define UART_FR_TXFE		(1u << 7)	/* transmit FIFO empty: always */
#define UART_INT_RX		(1u << 4)	/* RXRIS: the FIFO at its IFLS level */
#define UART_INT_TX		(1u << 5)	/* TXRIS (TRM 3.3.11-3.3.14) */
#define UART_INT_RT		(1u << 6)	/* RTRIS: data waits, the line is idle */
#define UART_INT_OE		(1u << 10)	/* OERIS: a byte came to a full FIFO */
#define UART_DR_OE		(1u << 11)	/* DR read: an overrun before this byte */
#define UART_RSR_OE		(1u << 3)	/* RSR: an overrun since the last ECR write */
#define UART_LCR_H_FEN		(1u << 4)	/* FIFOs enabled */
#define UART_CR_UARTEN		(1u << 0)	/* the UART on */
#define UART_CR_RXE		(1u << 9)	/* its receiver on */
/* clang-format on */

struct uart_rx {
	uint8_t fifo[UART_RX_FIFO];
	uint8_t head, count; /* the oldest byte's slot; bytes held */
	bool overrun;	     /* a byte was lost since the last DR read (DR.OE) */
	uint8_t fr;	     /* FR, kept with count and depth: a hot FR read is one load */
};

#endif
