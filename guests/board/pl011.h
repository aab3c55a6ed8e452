/*
 * The ARM PrimeCell UART (PL011 r1p5): register offsets (TRM table 3-1) and
 * the bits the kit uses (TRM 3.3), for the board's model, the bare
 * hypervisor's console on the host's PL011, and the guests' assembly:
 * #defines only.
 */
#ifndef BOARD_PL011_H
#define BOARD_PL011_H

/* clang-format off */
#define UART_DR			0x000		/* data: the console out, the input in */
#define UART_RSR		0x004		/* receive status / error clear */
#define UART_FR			0x018		/* flags */
#define UART_ILPR		0x020		/* IrDA low-power counter */
#define UART_IBRD		0x024		/* integer baud rate */
#define UART_FBRD		0x028		/* fractional baud rate */
#define UART_LCR_H		0x02c		/* line control */
#define UART_CR			0x030		/* control */
#define UART_IFLS		0x034		/* interrupt FIFO level select */
#define UART_IMSC		0x038		/* interrupt mask set/clear */
#define UART_RIS		0x03c		/* raw interrupt status */
#define UART_MIS		0x040		/* masked interrupt status */
#define UART_ICR		0x044		/* interrupt clear */
#define UART_DMACR		0x048		/* DMA control */
#define UART_ID_BASE		0xfe0		/* PeriphID0-3, PCellID0-3 */

#define UART_FR_BUSY		(1u << 3)	/* transmitting */
#define UART_FR_RXFE		(1u << 4)	/* receive FIFO empty */
#define UART_FR_TXFF		(1u << 5)	/* transmit FIFO full */
#define UART_FR_RXFF		(1u << 6)	/* receive FIFO full */
#define UART_FR_TXFE		(1u << 7)	/* transmit FIFO empty */
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

#endif
