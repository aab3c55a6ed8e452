/* The binary trap log (traplog_bin.h): its blocks, and its text. */
#include <stdio.h>
#include <string.h>
#include "traplog_bin.h"

static void copy_str(char *dst, size_t n, const char *src)
{
	size_t len = src ? strlen(src) : 0;

	if (len >= n)
		len = n - 1;
	memset(dst, 0, n);
	if (len)
		memcpy(dst, src, len);
}

void traplog_bin_head(struct traplog_bin_head *h, const char *side, const char *guest,
		      unsigned cpus)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->magic, TRAPLOG_BIN_MAGIC, sizeof(h->magic));
	h->block = TRAPLOG_BIN_BLOCK;
	h->cpus = cpus;
	copy_str(h->side, sizeof(h->side), side);
	copy_str(h->guest, sizeof(h->guest), guest);
}

void traplog_bin_skip(struct traplog_bin_skip *s, unsigned n)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->magic, TRAPLOG_BIN_SKIP, sizeof(s->magic));
	s->n = n;
}

void traplog_bin_end(struct traplog_bin_end *e, unsigned traps, unsigned dropped, int status)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->magic, TRAPLOG_BIN_END, sizeof(e->magic));
	e->traps = traps;
	e->dropped = dropped;
	e->status = status;
}

/* A version 1 block as the record it was. */
static void record_v1(struct trap_record *r, const unsigned char *b)
{
	struct traplog_bin_v1_record o;

	memcpy(&o, b, sizeof(o));
	*r = (struct trap_record){ .hsr = o.hsr,
				   .pc = o.pc,
				   .ipa = o.ipa,
				   .insn = o.insn,
				   .v0 = o.v0,
				   .v1 = o.v1,
				   .reg = o.reg,
				   .outcome = o.outcome,
				   .by = o.by,
				   .flags = o.flags,
				   .size = o.size,
				   .srt = o.srt,
				   .srt2 = o.srt2,
				   .cpu = o.cpu };
}

static int bad(char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "not a binary trap log: %s", what);
	return -1;
}

int traplog_bin_decode(const void *buf, size_t n, void (*emit)(void *ctx, const char *line),
		       void *ctx, char *err, size_t errlen)
{
	const unsigned char *p = buf;
	struct traplog_bin_head h;
	char line[320];
	unsigned seq = 1;
	size_t block;
	bool v1 = false;

	if (n < sizeof(h))
		return bad(err, errlen, "shorter than its head");
	memcpy(&h, p, sizeof(h));
	if (memcmp(h.magic, TRAPLOG_BIN_MAGIC_V1, sizeof(h.magic)) == 0)
		v1 = true;
	else if (memcmp(h.magic, TRAPLOG_BIN_MAGIC, sizeof(h.magic)))
		return bad(err, errlen,
			   "no " TRAPLOG_BIN_MAGIC " or " TRAPLOG_BIN_MAGIC_V1 " magic");
	block = v1 ? TRAPLOG_BIN_BLOCK_V1 : TRAPLOG_BIN_BLOCK;
	if (h.block != block)
		return bad(err, errlen, "another block size");
	if (h.cpus < 1 || h.cpus > TRAPLOG_MAX_CPUS)
		return bad(err, errlen, "cpus out of range");
	if (memchr(h.side, 0, sizeof(h.side)) == NULL ||
	    memchr(h.guest, 0, sizeof(h.guest)) == NULL)
		return bad(err, errlen, "an unterminated name");
	if ((n - sizeof(h)) % block)
		return bad(err, errlen, "a block cut short");
	traplog_header_cpus(line, sizeof(line), h.side, h.guest, h.cpus);
	emit(ctx, line);
	for (size_t off = sizeof(h); off < n; off += block) {
		const unsigned char *b = p + off;

		if (memcmp(b, TRAPLOG_BIN_END, 8) == 0) {
			struct traplog_bin_end e;

			if (off + block != n)
				return bad(err, errlen, "blocks after the end block");
			memcpy(&e, b, sizeof(e));
			traplog_footer(line, sizeof(line), e.traps, e.dropped, e.status);
			emit(ctx, line);
			return 0;
		}
		if (memcmp(b, TRAPLOG_BIN_SKIP, 8) == 0) {
			struct traplog_bin_skip s;

			memcpy(&s, b, sizeof(s));
			seq += s.n;
			continue;
		}
		struct trap_record r;

		if (v1)
			record_v1(&r, b);
		else
			memcpy(&r, b, sizeof(r));
		traplog_format_cpus(line, sizeof(line), seq++, &r, h.cpus);
		emit(ctx, line);
	}
	snprintf(err, errlen, "no end block: the run did not stop");
	return 1;
}
