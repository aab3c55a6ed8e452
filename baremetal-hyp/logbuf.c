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

#define LOGBUF_RECORDS	  4096u /* a power of two: a lap is a multiple of the size */
/*
 * With a file, the ring drains this many slots before it is full: room for
 * the interrupt events that come before the next drain can (one physical
 * interrupt's: its IRQ, and an EOI and a VIRQ per list register, at most
 * 1 + 2 * 4), so that an event never overwrites an unwritten record. A
 * small ring (--ring) keeps half.
 */
#define LOGBUF_EVENT_ROOM 16u

struct logbuf_state logbuf; /* .bss, beside the board: the trap path's one address for both */
static unsigned written;    /* records already written out (draining) */
static unsigned skipped;    /* of those, overwritten before a drain: in the end line's dropped */
static int file = -1;	    /* traplog-file's handle */
static bool head_out, file_bad; /* the header is written once */

#if HYP_TRAPLOG
struct trap_record logbuf_ring[LOGBUF_RECORDS];

/* With a file: unwritten records past which the ring drains. */
static unsigned drain_level(void)
{
	unsigned size = logbuf.mask + 1;

	return size > 2 * LOGBUF_EVENT_ROOM ? size - LOGBUF_EVENT_ROOM : size / 2;
}

/*
 * The next mark: the ring's end, or with a file the slot where the ring
 * holds drain_level() unwritten records, if that comes first. Past it, a
 * trap's slot drains (logbuf_turn), and so does a physical interrupt taken
 * from the guest (logbuf_quiet); the events in between take the room left.
 */
static void rearm(void)
{
	int size = (int)logbuf.mask + 1, at = size;
	int full = (int)(written - logbuf.lap) + (int)drain_level();

	if (file >= 0 && full < at)
		at = full < 0 ? 0 : full; /* below 0: overwritten in the last lap */
	logbuf.mark = logbuf_ring + at;
}

void logbuf_init(void)
{
	logbuf.mask = LOGBUF_RECORDS - 1;
	logbuf.next = logbuf_ring;
	rearm(); /* no file yet: the ring's end */
}

/* A smaller ring (a power of two, rounded down), to test the overflow. */
void logbuf_set_capacity(unsigned n)
{
	unsigned cap = LOGBUF_RECORDS, total = logbuf_total();

	while (cap > 1 && cap > n)
		cap >>= 1;
	logbuf.mask = cap - 1;
	logbuf.lap = total & ~logbuf.mask;
	logbuf.next = logbuf_ring + (total & logbuf.mask);
	rearm();
}
#else
static void rearm(void) {}
void logbuf_init(void) {}
void logbuf_set_capacity(unsigned n) { (void)n; }
#endif

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
/* The first record the ring still holds, of those not written out: the rest were overwritten. */
static unsigned first_kept(unsigned total)
{
	return total - written > logbuf.mask + 1 ? total - (logbuf.mask + 1) : written;
}

/* Records first..total-1 to the file, as they are: the ring's one or two runs. */
static void file_records(unsigned first, unsigned total)
{
	struct traplog_bin_skip skip;

	if (first >
	    written) { /* never with the room kept: counted, and the line numbers skip them */
		skipped += first - written;
		traplog_bin_skip(&skip, first - written);
		file_write(&skip, sizeof(skip));
	}
	while (first < total) {
		unsigned at = first & logbuf.mask, n = total - first;

		if (n > logbuf.mask + 1 - at)
			n = logbuf.mask + 1 - at; /* up to the ring's end */
		file_write(&logbuf_ring[at], n * sizeof(logbuf_ring[0]));
		first += n;
	}
	written = total;
}

/* Records first..the last, as text, or to the file. */
static void write_records(unsigned first)
{
	unsigned total = logbuf_total();
	char line[320];

	if (file >= 0) {
		file_records(first, total);
		return;
	}
	for (unsigned i = first; i < total; i++) {
		traplog_format_cpus(line, sizeof(line), i + 1, &logbuf_ring[i & logbuf.mask],
				    hyp_ncpus);
		emit(line);
	}
	written = total;
}

/*
 * next reached the mark. With a file and drain_level() records unwritten
 * (drain: no record is open, as at a trap's first slot), they go to the
 * file while the room is left; an interrupt event never drains (its trap's
 * record may not be finished yet). At the ring's end the next lap starts
 * at its first slot. Without a file the oldest records are overwritten
 * (logbuf_print counts them dropped).
 */
static struct trap_record *turn(bool drain)
{
	if (drain && file >= 0 && logbuf_total() - written >= drain_level()) {
		write_head(hyp_vcpu.guest);
		file_records(first_kept(logbuf_total()), logbuf_total());
	}
	if (logbuf.next == logbuf_ring + logbuf.mask + 1) {
		logbuf.lap += logbuf.mask + 1;
		logbuf.next = logbuf_ring;
	}
	rearm();
	return logbuf.next;
}

struct trap_record *logbuf_turn(void) { return turn(true); }

struct trap_record *logbuf_start(struct trap_record *r, uint32_t hsr)
{
	logbuf_put(
		r,
		&(struct record_words){ .hsr = hsr,
					.pc = frame_pc(NULL),
					.tail0 = logbuf_tail0(0, 0, 0), /* outcome: the handler's */
					.tail1 = logbuf_tail1(0, 0) },
		TRAPLOG_WORDS_ALL);
	return r;
}

/* An interrupt event's slot at the mark: it never drains (logbuf_event). */
struct trap_record *logbuf_turn_event(void) { return turn(false); }
#else
static unsigned first_kept(unsigned total) { return total; } /* nothing was stored */
static void write_records(unsigned first) { (void)first; }

#endif

void logbuf_print(const char *guest, int status)
{
	unsigned total = logbuf_total();
	unsigned first = first_kept(total);
	unsigned dropped;
	char line[320];
	struct traplog_bin_end end;

	dropped = skipped + first - written; /* overwritten before they were written out */
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
