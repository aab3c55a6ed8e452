/*
 * The trap log's ring buffer: a trap's record is the ring's next slot
 * (no formatting on the trap path); the text is written at the end. When
 * full, the oldest records are overwritten and counted as dropped, unless
 * the ring drains (traplog-drain, run.sh --drain: a Linux boot's hundreds
 * of thousands of traps): then the finished records are written out as it
 * fills, at a guest line's end once three quarters are used, at once when
 * full, so that nothing is lost. Built with HYP_TRAPLOG=0 (hyp-nolog.elf)
 * only the count is kept.
 */
#include <stdbool.h>
#include <stdio.h>
#include "console.h"
#include "hyp.h"

#define LOGBUF_RECORDS 4096u /* a power of two: the index is a mask */

unsigned logbuf_count;
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

#if HYP_TRAPLOG
static struct trap_record ring[LOGBUF_RECORDS];

/* Records first..logbuf_count-1, as text. */
static void write_records(unsigned first)
{
	char line[320];

	for (unsigned i = first; i < logbuf_count; i++) {
		traplog_format(line, sizeof(line), i + 1, &ring[i & mask]);
		console_line(TRAPLOG_CONSOLE_PREFIX, line);
	}
	written = logbuf_count;
}

/*
 * Draining: every record before this slot is finished (its trap is over),
 * so they can go out before the slot would overwrite the oldest of them.
 */
static void drain_some(void)
{
	unsigned used = logbuf_count - written;

	if (used > mask || (used > (mask + 1) / 4 * 3 && console_at_line_start())) {
		write_head(hyp_vcpu.guest);
		write_records(written);
	}
}

struct trap_record *logbuf_slot(void)
{
	if (drain)
		drain_some();
	return &ring[logbuf_count++ & mask];
}

void logbuf_add(const struct trap_record *r) { *logbuf_slot() = *r; }
#else
static void write_records(unsigned first) { (void)first; }

struct trap_record *logbuf_slot(void)
{
	logbuf_count++;
	return NULL;
}

void logbuf_add(const struct trap_record *r)
{
	(void)r;
	logbuf_count++;
}
#endif

void logbuf_print(const char *guest, int status)
{
	unsigned total = logbuf_count;
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
