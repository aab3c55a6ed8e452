/*
 * Unit tests: the binary trap log (traplog_bin.h) decodes to the very text
 * the hypervisor's text log has for the same records (traplog_format_cpus),
 * skips renumber, a run that never stopped keeps its records, and what is
 * not such a log is refused with a message.
 */
#include <stdlib.h>
#include <string.h>
#include "board.h"
#include "traplog_bin.h"
#include "unit.h"

static const struct trap_record recs[] = {
	{ .hsr = 0x93020045,
	  .pc = 0x4000000c,
	  .ipa = 0x09000000,
	  .v0 = 0x48,
	  .reg = BREG_UART_DR,
	  .outcome = TRAP_OUT_MMIO,
	  .flags = TR_HSR | TR_WRITE,
	  .size = 1 },
	{ .hsr = 0x07e00000, .pc = 0x40000050, .outcome = TRAP_OUT_WFX, .flags = TR_HSR },
	{ .hsr = 0x4a000000,
	  .pc = 0x40000060,
	  .v0 = 0x84000008,
	  .outcome = TRAP_OUT_PSCI,
	  .flags = TR_HSR | TR_STOP,
	  .cpu = 1 },
};
#define NRECS (sizeof(recs) / sizeof(recs[0]))

struct text {
	char buf[4096];
	size_t len;
	unsigned lines;
};

static void collect(void *ctx, const char *line)
{
	struct text *t = ctx;
	size_t n = strlen(line);

	if (t->len + n + 2 < sizeof(t->buf)) {
		memcpy(t->buf + t->len, line, n);
		t->buf[t->len + n] = '\n';
		t->len += n + 1;
		t->buf[t->len] = '\0';
	}
	t->lines++;
}

/* head, the records (a skip of `skip` after the first when > 0), the end when `end`. */
static size_t build(unsigned char *out, unsigned cpus, unsigned skip, int end)
{
	size_t n = 0;
	struct traplog_bin_head h;
	struct traplog_bin_skip s;
	struct traplog_bin_end e;

	traplog_bin_head(&h, "hyp", "linux", cpus);
	memcpy(out + n, &h, sizeof(h)), n += sizeof(h);
	for (unsigned i = 0; i < NRECS; i++) {
		if (i == 1 && skip) {
			traplog_bin_skip(&s, skip);
			memcpy(out + n, &s, sizeof(s)), n += sizeof(s);
		}
		memcpy(out + n, &recs[i], sizeof(recs[i])), n += sizeof(recs[i]);
	}
	if (end) {
		traplog_bin_end(&e, NRECS + skip, skip, 3);
		memcpy(out + n, &e, sizeof(e)), n += sizeof(e);
	}
	return n;
}

/* The text log the hypervisor writes to its console for the same records. */
static void expected(struct text *t, unsigned cpus, unsigned skip, int end)
{
	char line[320];

	memset(t, 0, sizeof(*t));
	traplog_header_cpus(line, sizeof(line), "hyp", "linux", cpus);
	collect(t, line);
	for (unsigned i = 0; i < NRECS; i++) {
		traplog_format_cpus(line, sizeof(line), i + 1 + (i >= 1 ? skip : 0), &recs[i],
				    cpus);
		collect(t, line);
	}
	if (end) {
		traplog_footer(line, sizeof(line), NRECS + skip, skip, 3);
		collect(t, line);
	}
}

static void test_round_trip(void)
{
	static const unsigned cases[][3] = { { 1, 0, 1 }, { 2, 0, 1 }, { 1, 7, 1 }, { 1, 0, 0 } };
	unsigned char bin[1024];
	char err[128] = "";

	for (unsigned c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		unsigned cpus = cases[c][0], skip = cases[c][1], end = cases[c][2];
		struct text got = { 0 }, want;
		size_t n = build(bin, cpus, skip, (int)end);
		int rc = traplog_bin_decode(bin, n, collect, &got, err, sizeof(err));

		expected(&want, cpus, skip, (int)end);
		check(rc == (end ? 0 : 1), "cpus=%u skip=%u end=%u: status %d", cpus, skip, end,
		      rc);
		check(strcmp(got.buf, want.buf) == 0,
		      "cpus=%u skip=%u end=%u: the text log, as the hypervisor writes it", cpus,
		      skip, end);
		if (!end)
			check(strstr(err, "no end block") != NULL, "no end: said (%s)", err);
	}
}

static void test_refused(void)
{
	unsigned char bin[1024], bad[1024];
	size_t n = build(bin, 1, 0, 1);
	char err[128];
	struct text t;
	struct traplog_bin_end e;

	memset(&t, 0, sizeof(t));
	check_eq(traplog_bin_decode(bin, 40, collect, &t, err, sizeof(err)), -1,
		 "shorter than a head");
	memcpy(bad, bin, n);
	bad[0] = 'X';
	check_eq(traplog_bin_decode(bad, n, collect, &t, err, sizeof(err)), -1, "no magic");
	check(strstr(err, "magic") != NULL, "no magic: said (%s)", err);
	memcpy(bad, bin, n);
	bad[8] = 16; /* block size */
	check_eq(traplog_bin_decode(bad, n, collect, &t, err, sizeof(err)), -1,
		 "another block size");
	check_eq(traplog_bin_decode(bin, n - 5, collect, &t, err, sizeof(err)), -1,
		 "a block cut short");
	memcpy(bad, bin, n);
	traplog_bin_end(&e, 1, 0, 0);
	memcpy(bad + n, &e, sizeof(e));
	check_eq(traplog_bin_decode(bad, n + sizeof(e), collect, &t, err, sizeof(err)), -1,
		 "blocks after the end block");
	memcpy(bad, bin, n);
	memset(bad + 16, 'a', 16); /* side, unterminated */
	check_eq(traplog_bin_decode(bad, n, collect, &t, err, sizeof(err)), -1,
		 "an unterminated name");
	memcpy(bad, bin, n);
	bad[12] = 0; /* cpus = 0 */
	check_eq(traplog_bin_decode(bad, n, collect, &t, err, sizeof(err)), -1, "cpus 0");
}

/* A special block of version 1: its fields as now, padded to 36 bytes. */
static size_t put_v1_block(unsigned char *out, const void *b, size_t n)
{
	memset(out, 0, TRAPLOG_BIN_BLOCK_V1);
	memcpy(out, b, n);
	return TRAPLOG_BIN_BLOCK_V1;
}

/* Version 1 (36-byte blocks, as the hypervisor wrote them before) decodes to the same text. */
static void test_version1(void)
{
	unsigned char bin[1024];
	size_t n = 0;
	struct traplog_bin_head h;
	struct traplog_bin_skip s;
	struct traplog_bin_end e;
	struct text got = { 0 }, want;
	char err[128] = "";
	int rc;

	traplog_bin_head(&h, "hyp", "linux", 2);
	memcpy(h.magic, TRAPLOG_BIN_MAGIC_V1, sizeof(h.magic));
	h.block = TRAPLOG_BIN_BLOCK_V1;
	memcpy(bin, &h, sizeof(h)), n += sizeof(h);
	for (unsigned i = 0; i < NRECS; i++) {
		const struct trap_record *r = &recs[i];
		struct traplog_bin_v1_record o = { r->hsr,  r->pc,  r->ipa,	r->insn, r->v0,
						   r->v1,   r->reg, r->outcome, r->by,	 r->flags,
						   r->size, r->srt, r->srt2,	r->cpu };

		if (i == 1) {
			traplog_bin_skip(&s, 7);
			n += put_v1_block(bin + n, &s, sizeof(s));
		}
		memcpy(bin + n, &o, sizeof(o)), n += sizeof(o);
	}
	traplog_bin_end(&e, NRECS + 7, 7, 3);
	n += put_v1_block(bin + n, &e, sizeof(e));
	expected(&want, 2, 7, 1);
	rc = traplog_bin_decode(bin, n, collect, &got, err, sizeof(err));
	check(rc == 0, "version 1: decoded whole (%s)", err);
	check(strcmp(got.buf, want.buf) == 0, "version 1: the same text log as version 2's");
	h.block = TRAPLOG_BIN_BLOCK;
	memcpy(bin, &h, sizeof(h));
	check_eq(traplog_bin_decode(bin, n, collect, &got, err, sizeof(err)), -1,
		 "version 1 with 32-byte blocks: refused");
}

static void test_long_guest(void)
{
	struct traplog_bin_head h;
	char name[100];

	memset(name, 'g', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	traplog_bin_head(&h, "hyp", name, 1);
	check(h.guest[sizeof(h.guest) - 1] == '\0' && strlen(h.guest) == sizeof(h.guest) - 1,
	      "a long guest name cut to fit, terminated");
}

int main(void)
{
	test_round_trip();
	test_refused();
	test_version1();
	test_long_guest();
	return unit_summary();
}
