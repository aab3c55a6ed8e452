/*
 * The trap log's ring buffer: a trap stores one binary record (no
 * formatting on the trap path); the text is written at the end. When full,
 * the oldest records are overwritten and counted as dropped, unless the
 * ring drains (traplog-drain, run.sh --drain: a Linux boot's hundreds of
 * thousands of traps): then its records are written out as it fills, at a
 * guest line's end once three quarters are used, at once when full, so
 * that nothing is lost. Built with HYP_TRAPLOG=0 (hyp-nolog.elf) only the
 * count is kept.
 */
#include <stdbool.h>
#include <stdio.h>
#include "console.h"
#include "hyp.h"

#define LOGBUF_RECORDS 4096u /* a power of two: the index is a mask */

#if HYP_TRAPLOG
static struct trap_record ring[LOGBUF_RECORDS];
#endif
static unsigned total;
static unsigned mask = LOGBUF_RECORDS - 1;
static unsigned written;     /* records already written out (draining) */
static bool drain, head_out; /* the header line is written once */

/* A smaller ring (a power of two, rounded down), to test the overflow. */
void logbuf_set_capacity(unsigned n)
{
	unsigned cap = LOGBUF_RECORDS;

	while (cap > 1 && cap > n)
		cap >>= 1;
	mask = cap - 1;
}

void logbuf_set_drain(bool on) { drain = on; }

static void write_head(const char *guest)
{
	char line[320];

	if (head_out)
		return;
	head_out = true;
	traplog_header(line, sizeof(line), "hyp", guest);
	console_line(TRAPLOG_CONSOLE_PREFIX, line);
}

/* Records first..total-1, as text. */
static void write_records(unsigned first)
{
#if HYP_TRAPLOG
	char line[320];

	for (unsigned i = first; i < total; i++) {
		traplog_format(line, sizeof(line), i + 1, &ring[i & mask]);
		console_line(TRAPLOG_CONSOLE_PREFIX, line);
	}
#else
	(void)first;
#endif
	written = total;
}

void logbuf_add(const struct trap_record *r)
{
#if HYP_TRAPLOG
	unsigned used;

	ring[total & mask] = *r;
	total++;
	if (!drain)
		return;
	used = total - written;
	if (used > mask || (used > (mask + 1) / 4 * 3 && console_at_line_start())) {
		write_head(hyp_vcpu.guest);
		write_records(written);
	}
#else
	(void)r;
	total++;
#endif
}

unsigned logbuf_total(void) { return total; }

void logbuf_print(const char *guest, int status)
{
	unsigned first = total - written > mask + 1 ? total - (mask + 1) : written;
	unsigned dropped;
	char line[320];

	if (!HYP_TRAPLOG)
		first = total;	   /* nothing was stored */
	dropped = first - written; /* overwritten before they were written out */
	write_head(guest);
	write_records(first);
	traplog_footer(line, sizeof(line), total, dropped, status);
	console_line(TRAPLOG_CONSOLE_PREFIX, line);
}
