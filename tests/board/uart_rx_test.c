/* Unit tests: the PL011's receive FIFO, its flags and interrupts (uart_rx.c). */
#include "board.h"
#include "board_hot.h"
#include "uart.h"
#include "unit.h"

/* clang-format off */
#define DR	(BOARD_UART_BASE + 0x000)
#define RSR	(BOARD_UART_BASE + 0x004)
#define FR	(BOARD_UART_BASE + 0x018)
#define LCR_H	(BOARD_UART_BASE + 0x02c)
#define CR	(BOARD_UART_BASE + 0x030)
#define IFLS	(BOARD_UART_BASE + 0x034)
#define IMSC	(BOARD_UART_BASE + 0x038)
#define RIS	(BOARD_UART_BASE + 0x03c)
#define MIS	(BOARD_UART_BASE + 0x040)
#define ICR	(BOARD_UART_BASE + 0x044)
#define FEN	0x10
#define RXIS	0x10
#define RTIS	0x40
#define OEIS	0x400
/* clang-format on */

static struct board b;

static uint32_t rd(uint32_t ipa, uint8_t size)
{
	struct board_access a = { .ipa = ipa, .size = size, .write = false, .value = 0xdeadbeef };

	check(board_mmio(&b, &a) != BREG_NONE, "read at 0x%x is a register", (unsigned)ipa);
	return a.value;
}

static void wr(uint32_t ipa, uint32_t value)
{
	struct board_access a = { .ipa = ipa, .size = 4, .write = true, .value = value };

	board_mmio(&b, &a);
}

/* FR as the hot path reads it, which must agree with board_mmio's. */
static uint32_t fr_hot(void)
{
	uint32_t v = 0;

	check(board_mmio_hot(&b, FR, 4, false, &v) == BREG_UART_FR, "FR is hot");
	check_eq(v, rd(FR, 4), "hot FR = general FR");
	return v;
}

static void fresh(uint32_t lcr_h)
{
	board_init(&b, NULL, NULL);
	wr(LCR_H, lcr_h);
	wr(CR, 0x301); /* UARTEN, TXE, RXE: as Linux's pl011_startup */
}

/* Nothing is received before CR has UARTEN and RXE. */
static void test_receiver_off(void)
{
	board_init(&b, NULL, NULL);
	wr(LCR_H, FEN);
	check_eq(uart_rx_room(&b), 0, "reset CR (TXE RXE, no UARTEN): no room");
	check_eq(uart_rx_feed(&b, "ab", 2), 0, "nothing taken");
	check_eq(rd(FR, 4), 0x90, "still empty");
	check_eq(rd(RIS, 4) | rd(RSR, 4), 0, "no overrun: the line is not sampled");
	wr(CR, 0x101); /* UARTEN, TXE */
	check_eq(uart_rx_room(&b), 0, "RXE clear: no room");
	wr(CR, 0x301);
	check_eq(uart_rx_room(&b), 32, "UARTEN and RXE: room for 32");
}

/* The FIFO in order, its flags, and a read of an empty one. */
static void test_fifo_order(void)
{
	fresh(FEN | 0x60); /* 8 bits, FIFOs on: as Linux's pl011 */
	check_eq(fr_hot(), 0x90, "empty: TXFE RXFE");
	check_eq(rd(DR, 4), 0, "an empty FIFO's DR reads 0");
	check_eq(uart_rx_feed(&b, "ab", 2), 2, "two bytes taken");
	check_eq(fr_hot(), 0x80, "data: RXFE clear, RXFF clear");
	check_eq(rd(DR, 4), 'a', "DR: the oldest byte first");
	check_eq(rd(DR, 1), 'b', "a byte read of DR pops too");
	check_eq(fr_hot(), 0x90, "read out: RXFE again");
	/* Wrap around the ring: 40 bytes through a 32-entry FIFO, 20 at a time. */
	char s[20];
	unsigned ok = 0;
	for (unsigned round = 0; round < 4; round++) {
		for (unsigned i = 0; i < 20; i++)
			s[i] = (char)('A' + round * 5 + i);
		uart_rx_feed(&b, s, 20);
		for (unsigned i = 0; i < 20; i++)
			ok += rd(DR, 4) == (uint32_t)(unsigned char)s[i];
	}
	check_eq(ok, 80, "80 bytes through the ring in order");
}

/* 32 entries with FEN, one without; RXFF when full; the rest is overrun. */
static void test_full_and_overrun(void)
{
	char s[40];

	for (unsigned i = 0; i < sizeof(s); i++)
		s[i] = (char)('0' + i);
	fresh(FEN);
	check_eq(uart_rx_room(&b), 32, "FEN: room for 32");
	check_eq(uart_rx_feed(&b, s, 31), 31, "31 taken");
	check_eq(fr_hot() & 0x40, 0, "31 of 32: not full");
	check_eq(uart_rx_feed(&b, s + 31, 9), 1, "one more fills it, 8 are lost");
	check_eq(fr_hot(), 0xc0, "full: RXFF, TXFE");
	check_eq(uart_rx_room(&b), 0, "no room");
	check(rd(RIS, 4) & OEIS, "OERIS after the overrun");
	check_eq(rd(RSR, 4), 0x8, "RSR.OE");
	check_eq(rd(DR, 4), 0x800 | '0', "the next DR read: its byte with OE");
	check_eq(rd(DR, 4), '1', "OE only once");
	wr(RSR, 0);
	check_eq(rd(RSR, 4), 0, "a write to ECR clears RSR");
	wr(ICR, OEIS);
	check_eq(rd(RIS, 4) & OEIS, 0, "ICR.OEIC clears OERIS");
	unsigned n = 0;
	while (!(rd(FR, 4) & 0x10) && n < 40)
		n++, rd(DR, 4);
	check_eq(n, 30, "the other 30 bytes, nothing of the lost 8");

	fresh(0); /* character mode: a one-byte holding register */
	check_eq(uart_rx_room(&b), 1, "no FEN: room for one");
	check_eq(uart_rx_feed(&b, "xy", 2), 1, "the second byte is lost");
	check_eq(fr_hot(), 0xc0, "one byte: full");
	check_eq(rd(DR, 4), 0x800 | 'x', "x, then the overrun flagged");
}

/* RXRIS by IFLS level, RTRIS while data waits, MIS through IMSC, the line's level. */
static void test_interrupts(void)
{
	char s[32] = { 0 };

	fresh(FEN);
	wr(IFLS, 2 << 3); /* RXIFLSEL 1/2: 16 entries */
	wr(IMSC, RXIS | RTIS);
	check(!board_uart_irq(&b), "nothing received: the line is low");
	uart_rx_feed(&b, s, 15);
	check_eq(rd(RIS, 4), RTIS, "15 of 16: RT only");
	check(board_uart_irq(&b), "RTIM: the line is up");
	uart_rx_feed(&b, s, 1);
	check_eq(rd(RIS, 4), RXIS | RTIS, "16: RX at the level");
	check_eq(rd(MIS, 4), RXIS | RTIS, "MIS: both unmasked");
	wr(IMSC, RXIS);
	check_eq(rd(MIS, 4), RXIS, "MIS: RT masked");
	rd(DR, 4);
	check_eq(rd(RIS, 4), RTIS, "15 left: RX cleared below the level");
	check(!board_uart_irq(&b), "only RX unmasked: low");
	wr(IMSC, RXIS | RTIS);
	wr(ICR, RTIS);
	check_eq(rd(RIS, 4), 0, "ICR.RTIC clears RT");
	uart_rx_feed(&b, s, 1);
	check_eq(rd(RIS, 4), RXIS | RTIS, "16 again: RX and RT");
	wr(ICR, RXIS);
	rd(DR, 4);
	for (unsigned i = 0; i < 14; i++)
		rd(DR, 4);
	check_eq(rd(RIS, 4), RTIS, "RX stays clear after ICR; RT while one byte waits");
	rd(DR, 4);
	check_eq(rd(RIS, 4), 0, "empty: RT cleared");
	check(!board_uart_irq(&b), "empty: the line is low");

	wr(IFLS, 0); /* 1/8: 4 entries */
	uart_rx_feed(&b, s, 4);
	check(rd(RIS, 4) & RXIS, "1/8: RX at 4");
	wr(IFLS, 4 << 3); /* 7/8: 28, now above the FIFO's 4 */
	check_eq(rd(RIS, 4) & RXIS, 0, "IFLS raised above the level: RX clears");
	wr(LCR_H, 0); /* FEN off: emptied */
	check_eq(rd(FR, 4), 0x90, "FEN changed: the FIFO emptied");
	check_eq(rd(RIS, 4), 0, "and its interrupts gone");
	uart_rx_feed(&b, "z", 1);
	check_eq(rd(RIS, 4), RXIS | RTIS, "character mode: RX at one byte");
	check_eq(rd(DR, 4), 'z', "its byte");
	check_eq(rd(RIS, 4), 0, "read: both clear");
	uart_rx_feed(&b, "q", 1);
	check_eq(rd(FR, 4), 0xc0, "q received: one byte fills character mode");
	board_init(&b, NULL, NULL);
	check_eq(rd(FR, 4), 0x90, "board_init empties the FIFO");
	check_eq(rd(RIS, 4) | rd(RSR, 4), 0, "and clears RIS, RSR");
}

int main(void)
{
	test_receiver_off();
	test_fifo_order();
	test_full_and_overrun();
	test_interrupts();
	return unit_summary();
}
