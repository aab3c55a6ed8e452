/*
 * The trap log's ring buffer: a trap's record is the ring's next slot
 * (no formatting on the trap path); the text is written at the end, as
 * "trap: " lines on the console. When full, the oldest records are
 * overwritten and counted as dropped, unless the log goes to a file
 * (traplog-file=PATH, run.sh --drain: a Linux boot's hundreds of thousands
 * of traps): then the ring drains into it, through semihosting, each time
 * it fills, so that nothing is lost, and the console keeps only the guest's
 * and the hypervisor's lines. The file is binary (traplog_bin.h): the
 * ring's records as they are, one or two writes a drain, and the host
 * formats them (run.sh, build/board/tlogbin), so a Linux boot's log costs
 * the guest no formatting time. Built with HYP_TRAPLOG=0 (hyp-nolog.elf)
 * only the count is kept.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "console.h"
#include "hyp.h"
#include "semihost.h"
#include "traplog_bin.h"
#include "smp.h"

#define LOGBUF_RECORDS 4096u /* a power of two: the index is a mask */

#define NEVER_DRAIN 0x7fffffffu /* drain_at this far ahead: not within 2^31 records */

struct logbuf_state logbuf;	/* .bss, beside the board: the trap path's one address for both */
static unsigned written;	/* records already written out (draining) */
static int file = -1;		/* traplog-file's handle */
static bool head_out, file_bad; /* the header is written once */

/* The next mark: the ring full of unwritten records, with a file. */
static void rearm(void)
{
	logbuf.drain_at = file < 0 ? logbuf.count + NEVER_DRAIN : written + logbuf.mask + 1;
}

void logbuf_init(void)
{
	logbuf.mask = LOGBUF_RECORDS - 1;
	rearm(); /* no file yet: never */
}

/* A smaller ring (a power of two, rounded down), to test the overflow. */
void logbuf_set_capacity(unsigned n)
{
	unsigned cap = LOGBUF_RECORDS;

	while (cap > 1 && cap > n)
		cap >>= 1;
	logbuf.mask = cap - 1;
	rearm();
}

static void file_write(const void *p, size_t n)
{
	if (n && semihost_write(file, p, n) < 0)
		file_bad = true;
}

int logbuf_set_file(const char *path)
{
	file = semihost_open(path);
	rearm();
	return file < 0 ? -1 : 0;
}

/* One line of the log, a "trap: " console line (no file). */
static void emit(const char *line) { console_line(TRAPLOG_CONSOLE_PREFIX, line); }

static void write_head(const char *guest)
{
	char line[320];
	struct traplog_bin_head h;

	if (head_out)
		return;
	head_out = true;
	if (file >= 0) {
		traplog_bin_head(&h, "hyp", guest, hyp_ncpus);
		file_write(&h, sizeof(h));
		return;
	}
	traplog_header_cpus(line, sizeof(line), "hyp", guest, hyp_ncpus);
	emit(line);
}

#if HYP_TRAPLOG
struct trap_record logbuf_ring[LOGBUF_RECORDS];

/* Records first..logbuf.count-1 to the file, as they are: the ring's one or two runs. */
static void file_records(unsigned first)
{
	struct traplog_bin_skip skip;

	if (first > written) {
		traplog_bin_skip(&skip, first - written);
		file_write(&skip, sizeof(skip));
	}
	while (first < logbuf.count) {
		unsigned at = first & logbuf.mask, n = logbuf.count - first;

		if (n > logbuf.mask + 1 - at)
			n = logbuf.mask + 1 - at; /* up to the ring's end */
		file_write(&logbuf_ring[at], n * sizeof(logbuf_ring[0]));
		first += n;
	}
	written = logbuf.count;
}

/* Records first..logbuf.count-1, as text, or to the file. */
static void write_records(unsigned first)
{
	char line[320];

	if (file >= 0) {
		file_records(first);
		return;
	}
	for (unsigned i = first; i < logbuf.count; i++) {
		traplog_format_cpus(line, sizeof(line), i + 1, &logbuf_ring[i & logbuf.mask],
				    hyp_ncpus);
		emit(line);
	}
	written = logbuf.count;
}

/*
 * logbuf_slot() reached the mark. With a file the ring is full: every
 * record in it is finished (its trap is over), so they go to the file
 * before this slot would overwrite the oldest. Without one the oldest are
 * overwritten (logbuf_print counts them dropped): the mark moves on.
 */
void logbuf_drain(void)
{
	if (file >= 0) {
		write_head(hyp_vcpu.guest);
		write_records(written);
	}
	rearm();
}

/*
 * An interrupt event, often inside a trap whose record (an earlier slot) is
 * not finished yet: it never drains, the next trap's slot does.
 */
void logbuf_add(const struct trap_record *r) { logbuf_ring[logbuf.count++ & logbuf.mask] = *r; }
#else
static void write_records(unsigned first) { (void)first; }

void logbuf_add(const struct trap_record *r)
{
	(void)r;
	trap_count();
}
#endif

void logbuf_print(const char *guest, int status)
{
	unsigned total = logbuf.count;
	unsigned first = total - written > logbuf.mask + 1 ? total - (logbuf.mask + 1) : written;
	unsigned dropped;
	char line[320];
	struct traplog_bin_end end;

	if (!HYP_TRAPLOG)
		first = total;	   /* nothing was stored */
	dropped = first - written; /* overwritten before they were written out */
	write_head(guest);
	write_records(first);
	if (file < 0) {
		traplog_footer(line, sizeof(line), total, dropped, status);
		emit(line);
		return;
	}
	traplog_bin_end(&end, total, dropped, status);
	file_write(&end, sizeof(end));
	if (semihost_close(file) < 0 || file_bad)
		hyp_printf("hyp: the trap log file could not be written in full\n");
	file = -1;
}
