/*
 * The trap log's ring buffer: a trap stores one binary record (no
 * formatting on the trap path); the text is written once, at the end.
 * When full, the oldest records are overwritten and counted as dropped.
 * Built with HYP_TRAPLOG=0 (hyp-nolog.elf) only the count is kept.
 */
#include <stdio.h>
#include "console.h"
#include "hyp.h"

#define LOGBUF_RECORDS 4096u /* a power of two: the index is a mask */

unsigned logbuf_count;
static unsigned mask = LOGBUF_RECORDS - 1;

/* A smaller ring (a power of two, rounded down), to test the overflow. */
void logbuf_set_capacity(unsigned n)
{
	unsigned cap = LOGBUF_RECORDS;

	while (cap > 1 && cap > n)
		cap >>= 1;
	mask = cap - 1;
}

#if HYP_TRAPLOG
static struct trap_record ring[LOGBUF_RECORDS];

struct trap_record *logbuf_slot(void) { return &ring[logbuf_count++ & mask]; }

void logbuf_add(const struct trap_record *r) { *logbuf_slot() = *r; }
#else
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
	unsigned first = total > mask + 1 ? total - (mask + 1) : 0;
	char line[320];

	if (!HYP_TRAPLOG)
		first = total; /* nothing was stored */
	traplog_header(line, sizeof(line), "hyp", guest);
	console_line(TRAPLOG_CONSOLE_PREFIX, line);
#if HYP_TRAPLOG
	for (unsigned i = first; i < total; i++) {
		traplog_format(line, sizeof(line), i + 1, &ring[i & mask]);
		console_line(TRAPLOG_CONSOLE_PREFIX, line);
	}
#endif
	traplog_footer(line, sizeof(line), total, first, status);
	console_line(TRAPLOG_CONSOLE_PREFIX, line);
}
