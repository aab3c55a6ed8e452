/* Unit tests: the board's MMIO (UART registers, STATUS, GIC, no device). */
#include "board.h"
#include "board_hot.h"
#include "unit.h"

static char console[64];
static unsigned console_len;

static void to_console(void *ctx, char c)
{
	(void)ctx;
	if (console_len < sizeof(console) - 1)
		console[console_len++] = c;
}

static struct board b;

static enum board_reg rd(uint32_t ipa, uint8_t size, uint32_t *value)
{
	struct board_access a = { .ipa = ipa, .size = size, .write = false, .value = 0xdeadbeef };
	enum board_reg r = board_mmio(&b, &a);
	*value = a.value;
	return r;
}

static enum board_reg wr(uint32_t ipa, uint8_t size, uint32_t value)
{
	struct board_access a = { .ipa = ipa, .size = size, .write = true, .value = value };
	return board_mmio(&b, &a);
}

static void test_uart_registers(void)
{
	/* The kept registers (test_uart_kept) read their reset values, the rest 0. */
	static const struct {
		uint32_t off;
		enum board_reg reg;
		const char *name;
	} regs[] = {
		{ 0x000, BREG_UART_DR, "uart.DR" },
		{ 0x004, BREG_UART_RSR, "uart.RSR" },
		{ 0x018, BREG_UART_FR, "uart.FR" },
		{ 0x020, BREG_UART_ILPR, "uart.ILPR" },
		{ 0x024, BREG_UART_IBRD, "uart.IBRD" },
		{ 0x028, BREG_UART_FBRD, "uart.FBRD" },
		{ 0x02c, BREG_UART_LCR_H, "uart.LCR_H" },
		{ 0x030, BREG_UART_CR, "uart.CR" },
		{ 0x034, BREG_UART_IFLS, "uart.IFLS" },
		{ 0x038, BREG_UART_IMSC, "uart.IMSC" },
		{ 0x03c, BREG_UART_RIS, "uart.RIS" },
		{ 0x040, BREG_UART_MIS, "uart.MIS" },
		{ 0x044, BREG_UART_ICR, "uart.ICR" },
		{ 0x048, BREG_UART_DMACR, "uart.DMACR" },
		{ 0xfe0, BREG_UART_ID, "uart.ID" },
		{ 0x008, BREG_UART_RESERVED, "uart.reserved" },
		{ 0xffc, BREG_UART_ID, "uart.ID" },
		{ 0xefc, BREG_UART_RESERVED, "uart.reserved" },
	};
	uint32_t v;

	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		enum board_reg r = rd(BOARD_UART_BASE + regs[i].off, 4, &v);
		check(r == regs[i].reg, "offset 0x%03x is %s", (unsigned)regs[i].off, regs[i].name);
		check_str(board_reg_name(r), regs[i].name, "register name");
		if (regs[i].reg == BREG_UART_CR)
			check_eq(v, 0x300, "CR resets to TXE | RXE");
		else if (regs[i].reg == BREG_UART_IFLS)
			check_eq(v, 0x12, "IFLS resets to half-way");
		else if (regs[i].reg == BREG_UART_RIS)
			check_eq(v, 0x20, "RIS: TXRIS, raised by the DR write before");
		else if (regs[i].reg != BREG_UART_FR && regs[i].reg != BREG_UART_ID)
			check_eq(v, 0, "reads 0");
		check(wr(BOARD_UART_BASE + regs[i].off, 4, 0x41) == regs[i].reg, "write accepted");
	}
	check_eq(console_len, 1, "only the DR write printed");
	board_init(&b, to_console, NULL); /* the kept registers back to reset */
}

/* The whole UART page: 14 named words, 8 ID words, STATUS, the rest reserved. */
static void test_uart_page_scan(void)
{
	unsigned named = 0, id = 0, status = 0, reserved = 0;
	uint32_t v;

	for (uint32_t off = 0; off < BOARD_UART_SIZE; off += 4) {
		enum board_reg r = rd(BOARD_UART_BASE + off, 4, &v);

		if (r == BREG_UART_RESERVED)
			reserved++;
		else if (r == BREG_UART_ID)
			id += off >= 0xfe0;
		else if (r == BREG_STATUS)
			status += off == BOARD_STATUS_OFFSET;
		else if (r > BREG_NONE && r < BREG_UART_ID)
			named += off <= 0x048;
		check(r == rd(BOARD_UART_BASE + off + 3, 1, &v) || r == BREG_STATUS,
		      "offset 0x%03x: its last byte is the same register", (unsigned)off);
	}
	check(named == 14 && id == 8 && status == 1 && reserved == 1024 - 23,
	      "page scan: %u named, %u ID, %u STATUS, %u reserved", named, id, status, reserved);
}

static void test_uart_values(void)
{
	static const uint8_t id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
	uint32_t v;

	rd(BOARD_UART_BASE + 0x18, 4, &v);
	check_eq(v, 0x90, "FR: TXFE and RXFE, never BUSY");
	rd(BOARD_UART_BASE + 0x18, 1, &v);
	check_eq(v, 0x90, "FR byte read");
	rd(BOARD_UART_BASE + 0x1a, 2, &v);
	check_eq(v, 0, "FR upper halfword");
	for (unsigned i = 0; i < 8; i++) {
		rd(BOARD_UART_BASE + 0xfe0 + 4 * i, 4, &v);
		check_eq(v, id[i], "PL011 ID byte");
	}
	console_len = 0;
	wr(BOARD_UART_BASE, 1, 'H');
	wr(BOARD_UART_BASE, 4, 0x12345669); /* a word store prints its low byte */
	wr(BOARD_UART_BASE, 2, 0x0a0a);
	wr(BOARD_UART_BASE + 1, 1, 'X'); /* not DR's data byte */
	console[console_len] = '\0';
	check_str(console, "Hi\n", "DR writes are the console");
	rd(BOARD_UART_BASE, 4, &v);
	check_eq(v, 0, "DR reads 0 (no input)");
}

/* The registers a PL011 keeps: reset values, implemented bits, narrow stores. */
static void test_uart_kept(void)
{
	static const struct {
		uint32_t off, reset, mask;
	} kept[] = {
		{ 0x024, 0, 0xffff },	  { 0x028, 0, 0x3f },	 { 0x02c, 0, 0xff },
		{ 0x030, 0x300, 0xff87 }, { 0x034, 0x12, 0x3f }, { 0x038, 0, 0x7ff },
	};
	const uint32_t ibrd = BOARD_UART_BASE + 0x24;
	uint32_t v;

	for (unsigned i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		rd(BOARD_UART_BASE + kept[i].off, 4, &v);
		check_eq(v, kept[i].reset, "kept register's reset value");
		wr(BOARD_UART_BASE + kept[i].off, 4, 0xffffffff);
		rd(BOARD_UART_BASE + kept[i].off, 4, &v);
		check_eq(v, kept[i].mask, "kept register: only its implemented bits");
	}
	wr(ibrd, 4, 0x12345678);
	rd(ibrd, 4, &v);
	check_eq(v, 0x5678, "IBRD: 16 bits");
	wr(ibrd, 1, 0x1ff);
	rd(ibrd, 4, &v);
	check_eq(v, 0xff, "IBRD: a byte store zero-extends");
	wr(ibrd, 2, 0x8001);
	rd(ibrd, 2, &v);
	check_eq(v, 0x8001, "IBRD: halfword store and load");
	rd(ibrd + 1, 1, &v);
	check_eq(v, 0x80, "IBRD: its second byte");
	wr(ibrd + 1, 1, 0x55);
	rd(ibrd, 4, &v);
	check_eq(v, 0x8001, "IBRD: a store to its second byte is ignored");
	board_init(&b, to_console, NULL);
	rd(ibrd, 4, &v);
	check_eq(v, 0, "board_init resets IBRD");
	rd(BOARD_UART_BASE + 0x30, 4, &v);
	check_eq(v, 0x300, "board_init resets CR");
}

/* QEMU's PL011 interrupt: TXRIS on a DR write, cleared by ICR, out = RIS & IMSC. */
static void test_uart_irq(void)
{
	const uint32_t ris = BOARD_UART_BASE + 0x3c, mis = ris + 4, icr = ris + 8;
	const uint32_t imsc = BOARD_UART_BASE + 0x38;
	uint32_t v;

	board_init(&b, to_console, NULL);
	rd(ris, 4, &v);
	check_eq(v, 0, "RIS is 0 at reset");
	check(!board_uart_irq(&b), "no interrupt at reset");
	wr(BOARD_UART_BASE, 1, 'x');
	rd(ris, 4, &v);
	check_eq(v, 0x20, "a DR write raises TXRIS");
	rd(mis, 4, &v);
	check_eq(v, 0, "MIS: TX masked (IMSC 0)");
	check(!board_uart_irq(&b), "masked: no interrupt");
	wr(imsc, 4, 0x20);
	rd(mis, 4, &v);
	check_eq(v, 0x20, "MIS: TX once IMSC.TXIM is set");
	check(board_uart_irq(&b), "TXIM and TXRIS: the interrupt is up");
	wr(icr, 4, 0x10);
	check(board_uart_irq(&b), "ICR of another bit leaves TX");
	wr(icr, 4, 0x20);
	rd(ris, 4, &v);
	check_eq(v, 0, "ICR.TXIC clears TXRIS");
	check(!board_uart_irq(&b), "cleared: the interrupt is down");
	wr(BOARD_UART_BASE, 1, 'y');
	check(board_uart_irq(&b), "the next DR write raises it again");
	wr(imsc, 4, 0);
	check(!board_uart_irq(&b), "IMSC 0 masks it");
	board_init(&b, to_console, NULL);
	check(!board_uart_irq(&b), "board_init clears RIS");
}

static void test_status(void)
{
	uint32_t v;

	check_eq(b.status, 0, "STATUS starts at 0");
	check(wr(BOARD_STATUS_ADDR, 4, 3) == BREG_STATUS, "STATUS write");
	check_eq(b.status, 3, "STATUS holds the guest's status");
	check(rd(BOARD_STATUS_ADDR, 4, &v) == BREG_STATUS && v == 3, "STATUS reads back");
	check_str(board_reg_name(BREG_STATUS), "status.STATUS", "STATUS name");
	check(wr(BOARD_STATUS_ADDR, 1, 7) == BREG_NONE && b.status == 3,
	      "STATUS byte write refused");
	check(wr(BOARD_STATUS_ADDR + 4, 4, 7) == BREG_UART_RESERVED && b.status == 3,
	      "next word is reserved");
	wr(BOARD_STATUS_ADDR, 4, 0);
}

static void test_gic(void)
{
	uint32_t v;

	check(wr(BOARD_GICD_BASE, 4, 1) == BREG_GICD, "GICD_CTLR write");
	check(rd(BOARD_GICD_BASE + 0x100, 4, &v) == BREG_GICD && v == 0, "GICD reads 0");
	check(rd(BOARD_GICD_BASE + 0xfffc, 4, &v) == BREG_GICD, "last GICD word");
	check(rd(BOARD_GICC_BASE, 4, &v) == BREG_GICC && v == 0, "GICC reads 0");
	check(rd(BOARD_GICC_BASE + 0xfffc, 4, &v) == BREG_GICC, "last GICC word");
	check_str(board_reg_name(BREG_GICD), "gic.dist", "GICD name");
	check_str(board_reg_name(BREG_GICC), "gic.cpu", "GICC name");
}

static void test_no_device(void)
{
	static const uint32_t holes[] = {
		0x00000000,
		BOARD_GICD_BASE - 4,
		BOARD_GICC_BASE + BOARD_GIC_SIZE,
		BOARD_UART_BASE - 4,
		BOARD_UART_BASE + BOARD_UART_SIZE,
		0x0a000000,
		BOARD_RAM_BASE,
		0xfffffffc,
	};
	uint32_t v;

	for (unsigned i = 0; i < sizeof(holes) / sizeof(holes[0]); i++) {
		check(rd(holes[i], 4, &v) == BREG_NONE, "0x%08x: no device", (unsigned)holes[i]);
		check(wr(holes[i], 4, 0) == BREG_NONE, "0x%08x: write, no device",
		      (unsigned)holes[i]);
	}
	check_str(board_reg_name(BREG_NONE), "none", "no device name");
	check_str(board_reg_name(BREG_COUNT), "none", "out of range name");
}

static void test_bad_size(void)
{
	uint32_t v;

	console_len = 0;
	check(wr(BOARD_UART_BASE, 3, 'x') == BREG_NONE, "3-byte access refused");
	check(wr(BOARD_UART_BASE, 8, 'x') == BREG_NONE, "8-byte access refused");
	check(wr(BOARD_UART_BASE, 0, 'x') == BREG_NONE, "0-byte access refused");
	check(rd(BOARD_UART_BASE + 0x19, 2, &v) == BREG_NONE, "misaligned halfword refused");
	check(rd(BOARD_UART_BASE + 0x1a, 4, &v) == BREG_NONE, "misaligned word refused");
	check_eq(console_len, 0, "nothing printed");
}

/* The dispatch follows the description: move the UART and STATUS moves too. */
static void test_follows_desc(void)
{
	static const struct board_dev moved[] = {
		{ "gicd", BDEV_GICD, BOARD_GICD_BASE, BOARD_GIC_SIZE, -1 },
		{ "gicc", BDEV_GICC, BOARD_GICC_BASE, BOARD_GIC_SIZE, -1 },
		{ "uart", BDEV_UART, 0x0a000000, BOARD_UART_SIZE, BOARD_UART_SPI },
	};
	struct board_desc d;
	uint32_t v;

	board_desc_default(&d, BOARD_RAM_SIZE, 1);
	d.devs = moved;
	check(board_desc_check(&d, NULL, 0) == 0, "a board with the UART at 0x0a000000");
	board_set_desc(&b, &d);
	check(rd(BOARD_UART_BASE + 0x18, 4, &v) == BREG_NONE, "the old UART page: no device");
	check(rd(0x0a000018, 4, &v) == BREG_UART_FR && v == 0x90, "FR at the new base");
	check(wr(0x0a000000 + BOARD_STATUS_OFFSET, 4, 7) == BREG_STATUS && b.status == 7,
	      "STATUS in the new page");
	check(rd(BOARD_GICC_BASE, 4, &v) == BREG_GICC, "the GIC where it was");
	board_init(&b, to_console, NULL);
	check(b.desc == board_desc_kit() && b.status == 0, "board_init: the kit's board again");
}

/*
 * The fast entry (board_hot.h) answers exactly as board_mmio does, on two
 * boards side by side, for every size and direction at and around the hot
 * registers; elsewhere it declines (BOARD_NOT_HOT) and does nothing.
 */
static void test_hot_entry(uint32_t base)
{
	static const uint32_t offs[] = { 0x000, 0x001, 0x004, 0x018, 0x019, 0x01c,
					 0x020, 0xefc, 0xf00, 0xf01, 0xf04, 0xffc };
	static const uint8_t sizes[] = { 1, 2, 4, 8 };
	struct board fast, slow;
	unsigned hot = 0;

	board_init(&fast, to_console, NULL);
	board_init(&slow, to_console, NULL);
	board_set_desc(&fast, b.desc);
	board_set_desc(&slow, b.desc);
	for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++)
		for (size_t j = 0; j < sizeof(sizes) / sizeof(sizes[0]); j++)
			for (int write = 0; write < 2; write++) {
				uint32_t v = write ? 0x41424344u + (uint32_t)i : 0xdeadbeef;
				struct board_access a = { base + offs[i], sizes[j], write, v, 0 };
				enum board_reg rf = board_mmio_hot(&fast, a.ipa, a.size, write, &v);
				enum board_reg rs = board_mmio(&slow, &a);

				if (rf == BOARD_NOT_HOT) {
					check(v == (write ? 0x41424344u + (uint32_t)i : 0xdeadbeef),
					      "hot entry: declined, value untouched");
					continue;
				}
				hot++;
				check(rf == rs, "hot entry: the register board_mmio names");
				check(write || v == a.value,
				      "hot entry: the value board_mmio reads");
				check(fast.status == slow.status &&
					      fast.status_written == slow.status_written,
				      "hot entry: STATUS as board_mmio leaves it");
			}
	/* FR and STATUS reads, STATUS writes, DR byte/half/word writes */
	check_eq(hot, 6, "hot entry: the accesses it takes");
}

int main(void)
{
	board_init(&b, to_console, NULL);
	check(b.desc == board_desc_kit(), "board_init starts with the kit's board");
	test_uart_registers();
	test_uart_page_scan();
	test_uart_values();
	test_uart_kept();
	test_uart_irq();
	test_status();
	test_gic();
	test_no_device();
	test_bad_size();
	test_follows_desc();
	test_hot_entry(BOARD_UART_BASE);
	return unit_summary();
}
