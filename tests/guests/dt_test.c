/*
 * Unit tests of the fdt guest's DTB reader (guests/lib/dt.c) on the host:
 * the board's own DTB (board_dtb) read back, bootargs parsing, and blobs
 * broken in each way the reader must refuse without reading past them.
 */
#include "board_desc.h"
#include "dt.h"
#include "dtb.h"
#include "unit.h"
#include <stdlib.h>

static uint8_t dtb[BOARD_DTB_MAX];
static long dtb_len;

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16), p[2] = (uint8_t)(v >> 8),
	p[3] = (uint8_t)v;
}

static void make(uint32_t ram, unsigned cpus, const char *bootargs)
{
	struct board_desc d;
	struct dtb_chosen c = { .bootargs = bootargs };
	char err[256];

	board_desc_default(&d, ram, cpus);
	dtb_len = board_dtb(&d, &c, dtb, sizeof(dtb), err, sizeof(err));
	if (dtb_len < 0)
		printf("board_dtb: %s\n", err);
}

static void test_board_dtb(void)
{
	struct dt_facts f;

	make(256u << 20, 1, "kit.mem=256M,kit.cpus=1,kit.psci=hvc");
	check(dtb_len > 0 && dt_header_ok(dtb, (size_t)dtb_len), "the board's DTB: header ok");
	check(dt_walk(dtb, (size_t)dtb_len, &f), "the board's DTB walks to FDT_END");
	check_eq(f.mem_base, 0x40000000, "/memory base");
	check_eq(f.mem_size, 256u << 20, "/memory size");
	check_eq(f.cpus, 1, "one cpu@ node");
	check_str(f.psci_method ? f.psci_method : "", "hvc", "/psci method");
	check_str(f.bootargs ? f.bootargs : "", "kit.mem=256M,kit.cpus=1,kit.psci=hvc", "bootargs");
	check(f.have_uart && f.uart_base == 0x09000000, "the pl011 node at 0x09000000");
	make(16u << 20, 4, NULL);
	check(dt_walk(dtb, (size_t)dtb_len, &f) && f.cpus == 4 && f.mem_size == 16u << 20 &&
		      f.bootargs == NULL,
	      "16 MiB, 4 CPUs, no bootargs: %u cpus", f.cpus);
}

static void test_args(void)
{
	char b[16];

	check_str(dt_arg("kit.mem=256M kit.cpus=1", "kit.cpus", b, sizeof(b)), "1",
		  "space-separated");
	check_str(dt_arg("a=1,kit.psci=smc,b", "kit.psci", b, sizeof(b)), "smc", "comma-separated");
	check(dt_arg("xkit.mem=1M", "kit.mem", b, sizeof(b)) == NULL, "a key must start a word");
	check(dt_arg("kit.memory=1M", "kit.mem", b, sizeof(b)) == NULL, "key= exactly");
	check(dt_arg(NULL, "kit.mem", b, sizeof(b)) == NULL, "no command line");
	check_str(dt_arg("kit.mem=123456789012345678901", "kit.mem", b, sizeof(b)),
		  "123456789012345", "a long value is cut to the buffer");
	check_eq(dt_size_arg("256M"), 256u << 20, "256M");
	check_eq(dt_size_arg("1G"), 1u << 30, "1G");
	check_eq(dt_size_arg("256"), 0, "no suffix: refused");
	check_eq(dt_size_arg("2MB"), 0, "MB: refused");
	check_eq(dt_count_arg("2"), 2, "2");
	check_eq(dt_count_arg(""), 0xffffffff, "empty: refused");
	check_eq(dt_count_arg("1x"), 0xffffffff, "1x: refused");
}

/* Each breakage, on a fresh copy of the board's DTB. */
static void test_broken(void)
{
	struct dt_facts f;
	uint32_t st, total;
	uint8_t *copy;

	make(256u << 20, 1, "kit.mem=256M");
	total = dt_be32(dtb + 4);
	st = dt_be32(dtb + 8);
	copy = malloc(total); /* exactly the blob: ASan sees a read past it */
#define BROKEN(name, change, max) \
	do { \
		memcpy(copy, dtb, total); \
		change; \
		check(!dt_walk(copy, (max), &f), "refused: %s", name); \
	} while (0)
	BROKEN("bad magic", copy[0] ^= 1, total);
	BROKEN("version 15", put_be32(copy + 20, 15), total);
	BROKEN("totalsize beyond the buffer", (void)0, total - 4);
	BROKEN("structure block past totalsize", put_be32(copy + 36, total), total);
	BROKEN("strings block past totalsize", put_be32(copy + 12, total - 1), total);
	BROKEN("unknown token", put_be32(copy + st, 7), total);
	BROKEN("no FDT_END", put_be32(copy + 36, dt_be32(copy + 36) - 4), total);
	BROKEN("END_NODE before any node", put_be32(copy + st, 2), total);
	{
		uint32_t off = st + 4 + 4; /* past the root's BEGIN_NODE and its "" */

		BROKEN("a property name past the strings",
		       (put_be32(copy + off, 3), put_be32(copy + off + 8, 0xfffffff0)), total);
		BROKEN("a property longer than the block",
		       (put_be32(copy + off, 3), put_be32(copy + off + 4, 0x7ffffff0)), total);
	}
	memcpy(copy, dtb, total);
	check(dt_walk(copy, total, &f), "the unbroken copy still walks");
	free(copy);
}

int main(void)
{
	test_board_dtb();
	test_args();
	test_broken();
	return unit_summary();
}
