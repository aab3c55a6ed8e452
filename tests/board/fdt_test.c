/*
 * The FDT writer: the header and blocks DTSpec v0.3 asks for, read back by
 * dtc; strings stored once; values padded; every error sticky and named; a
 * buffer too small by one byte refused.
 */
#include "dts_read.h"
#include "fdt.h"
#include "unit.h"

static uint8_t buf[4096];

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A small tree with every kind of property, two "reg"s and a nested node. */
static long sample(void *to, size_t cap, const char **err)
{
	static const uint32_t cells[] = { 0x40000000, 0x1000000 };
	static const char *const strs[] = { "arm,pl011", "arm,primecell" };
	static const uint8_t bytes[] = { 1, 2, 3 };
	struct fdt f;

	fdt_begin(&f, to, cap);
	fdt_begin_node(&f, "");
	fdt_prop_u32(&f, "#address-cells", 1);
	fdt_prop_u32(&f, "#size-cells", 1);
	fdt_prop_str(&f, "model", "kit");
	fdt_begin_node(&f, "memory@40000000");
	fdt_prop_cells(&f, "reg", cells, 2);
	fdt_end_node(&f);
	fdt_begin_node(&f, "soc");
	fdt_prop_u32(&f, "#address-cells", 1);
	fdt_prop_u32(&f, "#size-cells", 0);
	fdt_begin_node(&f, "uart@9000000");
	fdt_prop_strs(&f, "compatible", strs, 2);
	fdt_prop_u32(&f, "reg", 0x09000000);
	fdt_prop(&f, "bytes", bytes, 3);
	fdt_prop_empty(&f, "always-on");
	fdt_end_node(&f);
	fdt_end_node(&f);
	fdt_end_node(&f);
	return fdt_finish(&f, err);
}

static void test_header(void)
{
	const char *err = "unset";
	long n = sample(buf, sizeof(buf), &err);
	uint32_t st = be32(buf + 8), strs = be32(buf + 12), rsv = be32(buf + 16);
	uint32_t st_len = be32(buf + 36), strs_len = be32(buf + 32);
	static const uint8_t zero[16];

	check(n > 0 && err == NULL, "sample tree written: %ld bytes", n);
	check_eq(be32(buf), FDT_MAGIC, "magic");
	check_eq(be32(buf + 4), n, "totalsize is the size returned");
	check_eq(be32(buf + 20), 17, "version 17");
	check_eq(be32(buf + 24), 16, "last_comp_version 16");
	check_eq(be32(buf + 28), 0, "boot_cpuid_phys 0");
	check(rsv % 8 == 0 && rsv >= 40 && !memcmp(buf + rsv, zero, 16),
	      "reservation block 8-byte aligned, only its terminating entry");
	check(st == rsv + 16 && st % 4 == 0, "structure block after it, 4-byte aligned");
	check_eq(strs, st + st_len, "strings block right after the structure block");
	check_eq(strs + strs_len, n, "strings block ends the blob");
	check_eq(be32(buf + st), 1, "structure starts with FDT_BEGIN_NODE");
	check_eq(be32(buf + st + st_len - 4), 9, "structure ends with FDT_END");
	/* #address-cells #size-cells model reg compatible bytes always-on, each once. */
	check_eq(strs_len, sizeof("#address-cells") + sizeof("#size-cells") + sizeof("model") +
		 sizeof("reg") + sizeof("compatible") + sizeof("bytes") + sizeof("always-on"),
		 "strings deduplicated: each name stored once, used twice");
}

static void test_dtc_reads_it(void)
{
	long n = sample(buf, sizeof(buf), NULL);
	char *dts = n > 0 ? dts_of(buf, (size_t)n) : NULL;
	char *flat = dts ? dts_flatten(dts) : NULL;

	check(dts != NULL, "dtc reads the blob");
	if (!flat)
		return;
	check(!strstr(dts, "Warning") && !strstr(dts, "ERROR"), "dtc has no complaint%s%s",
	      strstr(dts, "Warning") ? ": " : "", strstr(dts, "Warning") ? dts : "");
	check(dts_has(flat, "/:#address-cells=<0x01>"), "u32 property");
	check(dts_has(flat, "/:model=\"kit\""), "string property");
	check(dts_has(flat, "/memory@40000000:reg=<0x40000000 0x1000000>"), "cells property");
	check(dts_has(flat, "/soc/uart@9000000:compatible=\"arm,pl011\\0arm,primecell\""),
	      "string list, in a nested node");
	check(dts_has(flat, "/soc/uart@9000000:bytes=[01 02 03]"), "3-byte value, padded after");
	check(dts_has(flat, "/soc/uart@9000000:reg=<0x9000000>"), "property after the padding");
	check(dts_has(flat, "/soc/uart@9000000:always-on"), "empty property");
	check_eq(dts_nodes(flat, "/"), 4, "four nodes");
	free(dts);
	free(flat);
}

/* Every size below the blob's fails, with the same first error; its own works. */
static void test_too_small(void)
{
	static uint8_t small[4096];
	long n = sample(buf, sizeof(buf), NULL);
	unsigned refused = 0;
	const char *err;

	for (long cap = 0; cap < n; cap++)
		refused += sample(small, (size_t)cap, &err) < 0 && err &&
			   !strcmp(err, "FDT buffer too small");
	check_eq(refused, n, "every buffer smaller than the blob refused, \"FDT buffer too small\"");
	check(sample(small, (size_t)n, &err) == n && !memcmp(small, buf, (size_t)n),
	      "a buffer of exactly the blob's size holds the same blob");
}

/* 200 characters: two of them overflow a string list. */
static char long_str[201];

enum misuse { OPEN_LEFT, CLOSE_EXTRA, PROP_OUTSIDE, SECOND_ROOT, NAMED_ROOT, LONG_NAME,
	      BAD_CHAR, SLASH, AT_FIRST, EMPTY_CHILD, BAD_PROP, LONG_PROP, NO_ROOT, MANY_CELLS,
	      LONG_LIST, MISUSES };

static const char *misuse(enum misuse m)
{
	static const uint32_t cells[17];
	static const char *const list[] = { long_str, long_str };
	static uint8_t b[1024];
	const char *err = NULL;
	struct fdt f;

	memset(long_str, 'x', sizeof(long_str) - 1);
	fdt_begin(&f, b, sizeof(b));
	if (m == PROP_OUTSIDE)
		fdt_prop_u32(&f, "x", 1);
	if (m == NAMED_ROOT)
		fdt_begin_node(&f, "root");
	if (m != NO_ROOT)
		fdt_begin_node(&f, "");
	switch (m) {
	case LONG_NAME: fdt_begin_node(&f, "a-node-name-of-32-characters-xyz"); break;
	case BAD_CHAR: fdt_begin_node(&f, "a node"); break;
	case SLASH: fdt_begin_node(&f, "a/b"); break;
	case AT_FIRST: fdt_begin_node(&f, "@1000"); break;
	case EMPTY_CHILD: fdt_begin_node(&f, ""); break;
	case BAD_PROP: fdt_prop_u32(&f, "a=b", 1); break;
	case LONG_PROP: fdt_prop_u32(&f, "a-property-name-of-32-characters", 1); break;
	case MANY_CELLS: fdt_prop_cells(&f, "reg", cells, 17); break;
	case LONG_LIST: fdt_prop_strs(&f, "compatible", list, 2); break;
	default: break;
	}
	/* The error is sticky: a valid node after it changes nothing. */
	if (m != NO_ROOT)
		fdt_begin_node(&f, "fine"), fdt_end_node(&f);
	if (m != OPEN_LEFT && m != NO_ROOT)
		fdt_end_node(&f);
	if (m == CLOSE_EXTRA)
		fdt_end_node(&f);
	if (m == SECOND_ROOT)
		fdt_begin_node(&f, ""), fdt_end_node(&f);
	return fdt_finish(&f, &err) < 0 ? err : NULL;
}

static void test_misuse(void)
{
	static const char *const want[MISUSES] = {
		[OPEN_LEFT] = "FDT nodes left open",
		[CLOSE_EXTRA] = "FDT node closed that was never opened",
		[PROP_OUTSIDE] = "FDT property outside any node",
		[SECOND_ROOT] = "FDT node after the root was closed",
		[NAMED_ROOT] = "FDT root node with a name",
		[LONG_NAME] = "FDT node name over 31 characters",
		[BAD_CHAR] = "FDT node name with a character DTSpec does not allow",
		[SLASH] = "FDT node name with a character DTSpec does not allow",
		[AT_FIRST] = "FDT node name with a character DTSpec does not allow",
		[EMPTY_CHILD] = "FDT node name empty",
		[BAD_PROP] = "FDT property name with a character DTSpec does not allow",
		[LONG_PROP] = "FDT property name over 31 characters",
		[NO_ROOT] = "FDT without a root node",
		[MANY_CELLS] = "FDT property of over 16 cells",
		[LONG_LIST] = "FDT string list over 256 bytes",
	};

	for (unsigned m = 0; m < MISUSES; m++)
		check_str(misuse(m), want[m], "misuse refused with its first error");
}

/* 31 characters is the limit, not 30; unit addresses and ',' '.' '_' '+' pass. */
static void test_names_allowed(void)
{
	static uint8_t b[512];
	struct fdt f;
	const char *err;

	fdt_begin(&f, b, sizeof(b));
	fdt_begin_node(&f, "");
	fdt_begin_node(&f, "a-node-name-of-31-characters-xy");
	fdt_prop_u32(&f, "linux,initrd-start", 1);
	fdt_prop_u32(&f, "#size-cells", 0);
	fdt_prop_u32(&f, "a?b+c_d.e", 0);
	fdt_end_node(&f);
	fdt_begin_node(&f, "cpu@0,1.x_y+z");
	fdt_end_node(&f);
	fdt_end_node(&f);
	check(fdt_finish(&f, &err) > 0, "names at the limit and with DTSpec's characters pass");
}

int main(void)
{
	test_header();
	test_dtc_reads_it();
	test_too_small();
	test_misuse();
	test_names_allowed();
	return unit_summary();
}
