/*
 * The trap-log comparison (`traplog diff`, `traplog check`): logs loaded
 * through the board's one parser (traplog_parse), lined up event by event,
 * and every difference matched against a table of expected differences.
 * Pure C over files and memory: host unit tests drive it directly.
 */
#ifndef COMPARE_TLOG_H
#define COMPARE_TLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "traplog.h"

/* clang-format off */
#define TLOG_TEXT 400		/* one event as matching text */
#define TLOG_MAX_TRAPS 2000000u	/* a log's bound: about 800 MB of events */
/* clang-format on */

/* One trap line of a log, with where it came from. */
struct tlog_event {
	struct traplog_line l;
	unsigned lineno;
	char kind[16]; /* outcome kind: mmio, psci, cp15, stage2 ... */
};

struct tlog {
	const char *path;
	char side[32]; /* from the header: hyp, kvm ... */
	char guest[64];
	unsigned version; /* 1, or 2 (interrupt events, cpu=) */
	unsigned cpus;	  /* from cpus=: 1 without it; > 1: every line has cpu= */
	struct tlog_event *ev;
	size_t n, cap;
	bool has_end; /* the "# end" line was seen */
	unsigned end_traps, end_dropped;
	int end_status;
};

/* Loading. console: read only "trap: " lines, skip the rest (a console capture). */
struct tlog_opts {
	bool console;
};

/*
 * Reads a log. Returns 0, or -1 with "FILE:LINE: why" in err. A missing end
 * line is not an error here (tlog_validate says so): a cut-short log is
 * exactly what one wants to diff.
 */
int tlog_load(const char *path, const struct tlog_opts *o, struct tlog *log, char *err,
	      size_t errlen);
int tlog_load_stream(FILE *f, const char *path, const struct tlog_opts *o, struct tlog *log,
		     char *err, size_t errlen);
void tlog_free(struct tlog *log);

/* Writes "path:line: message" into err and returns -1 (every loader's error form). */
int tlog_fail(char *err, size_t n, const char *path, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Completeness: end line present and consistent. 0, or -1 with err. */
int tlog_validate(const struct tlog *log, char *err, size_t errlen);

/*
 * "EC NAME pc=PC SYNDROME : OUTCOME by=WHO", single spaces, no seq; EC is
 * "--" for an interrupt event. No cpu=: the table's patterns hold for every
 * vCPU; the vCPU is part of the key instead (tlog_same_key).
 */
void tlog_event_text(const struct tlog_event *e, char *buf, size_t n);

/* "0x24" of a trap, "--" of an interrupt event (buf of 8). */
const char *tlog_event_ec(const struct tlog_event *e, char *buf, size_t n);

/*
 * The pc that is part of an event's key: a trap's pc; 0 for an interrupt
 * event, whose pc is where the guest happened to be (asynchronous: it
 * differs from run to run and KVM's events mostly do not give it).
 */
uint32_t tlog_key_pc(const struct tlog_event *e);

/* ---- alignment ---- */

enum tlog_mark {
	TLOG_SAME = '=', /* same trap, same details */
	TLOG_ONLY_A = '<',
	TLOG_ONLY_B = '>',
	TLOG_CHANGED = '~', /* same trap (EC, PC, outcome kind), other details */
};

struct tlog_row {
	enum tlog_mark mark;
	const struct tlog_event *a, *b; /* NULL on the side it is missing */
	char differs[160]; /* '~': the words that differ, "a -> b"; '<' '>': "moved: row N" */
	int expect;	   /* index of the explaining entry, or -1 */
};

struct tlog_diff {
	struct tlog_row *rows;
	size_t n;
	struct tlog_event *owned; /* several vCPUs: the per-vCPU copies rows point at */
};

/*
 * Lines up a and b. Returns 0, or -1 with err (too large, no memory). Logs
 * of several vCPUs (cpus > 1) are lined up vCPU by vCPU, each vCPU's traps
 * in their own order, the rows of vCPU 0 first: the order between vCPUs is
 * their scheduling's, not the guest's, and is not a difference.
 */
int tlog_align(const struct tlog *a, const struct tlog *b, struct tlog_diff *d, char *err,
	       size_t errlen);
void tlog_diff_free(struct tlog_diff *d);

/*
 * Same trap for alignment: EC, PC and outcome kind (events: kind alone),
 * on the same vCPU (SMP logs).
 */
bool tlog_same_key(const struct tlog_event *x, const struct tlog_event *y);

/*
 * Compares details token by token ("key=value"); a value "?" (a field the
 * writer could not know) matches anything; by= is not compared. Fills
 * differs (may be NULL) and returns true when they are the same.
 */
bool tlog_same_details(const struct tlog_event *x, const struct tlog_event *y, char *differs,
		       size_t n);

/* ---- expected differences ---- */

#define TLOG_MAX_PATS 12

struct tlog_expect {
	char name[48];
	bool differs;	/* "when: differs" ('~'); else "when: only" */
	bool moved;	/* "when: moved": a '<'/'>' row whose equal twin is elsewhere */
	bool status;	/* "when: status": the logs' exit statuses differ, no row */
	char guest[32]; /* "guest: GLOB" on the logs' guest= name; "" any */
	unsigned npats;
	char side[TLOG_MAX_PATS][32];	    /* glob on the log's side name */
	char pat[TLOG_MAX_PATS][TLOG_TEXT]; /* glob on tlog_event_text */
	bool absent[TLOG_MAX_PATS];	    /* a condition: no event of the side matches */
	char cause[400];
	unsigned lineno;
	unsigned used; /* rows it explained */
};

struct tlog_table {
	const char *path;
	struct tlog_expect *e;
	size_t n, cap;
};

int tlog_table_load(const char *path, struct tlog_table *t, char *err, size_t errlen);
int tlog_table_load_stream(FILE *f, const char *path, struct tlog_table *t, char *err,
			   size_t errlen);
void tlog_table_free(struct tlog_table *t);

/*
 * The first "when: status" entry explaining why la and lb end with other
 * exit statuses (each pattern a glob on the decimal status of a log whose
 * side its SIDE names), or -1.
 */
int tlog_table_status(const struct tlog_table *t, const struct tlog *la, const struct tlog *lb);

/* The first entry explaining row r (sides named by la, lb), or -1. */
int tlog_table_match(struct tlog_table *t, const struct tlog_row *r, const struct tlog *la,
		     const struct tlog *lb);

/* Sets every row's expect; returns how many differences stay unexplained. */
size_t tlog_explain(struct tlog_table *t, struct tlog_diff *d, const struct tlog *a,
		    const struct tlog *b);

/* ---- output ---- */

enum tlog_format { TLOG_FMT_TEXT, TLOG_FMT_MD };

/*
 * The side-by-side table, then the causes and the unexplained rows.
 * Also reports log-level differences (exit status, dropped records).
 * context >= 0: runs of '=' rows further than that from a difference are
 * folded into one line. Returns the number of unexplained differences.
 */
size_t tlog_report(FILE *out, enum tlog_format fmt, int context, const struct tlog *a,
		   const struct tlog *b, const struct tlog_diff *d, const struct tlog_table *t);

/* Row i is folded: '=' and more than context rows from any difference. */
bool tlog_folded(const struct tlog_diff *d, size_t i, int context);

#endif
