/*
 * `traplog summary`: two logs as counts per class of trap (EC, outcome,
 * device register, CP15 register, PSCI call, interrupt INTID), side by side,
 * every class whose counts differ explained by an entry of a table of
 * count differences (tests/compare/summary-differences.txt). Pure C.
 */
#ifndef COMPARE_TLOG_SUMMARY_H
#define COMPARE_TLOG_SUMMARY_H

#include <stdio.h>
#include "tlog.h"

#define TLOG_CLASS_TEXT 96

/* The class of one event: "0x24 DABT mmio read uart.FR", "0x03 CP15 cp15 read SCTLR" ... */
void tlog_summary_class(const struct tlog_event *e, char *buf, size_t n);

#define TLOG_COUNT_GLOBS 12

/* One entry of the count-differences table: it explains a class any glob matches. */
struct tlog_count_cause {
	char name[48];
	char class_glob[TLOG_COUNT_GLOBS][TLOG_CLASS_TEXT];
	unsigned nglobs;
	char cause[400];
	unsigned lineno;
	unsigned used;
};

struct tlog_count_table {
	const char *path;
	struct tlog_count_cause *e;
	size_t n, cap;
};

/*
 * Reads "name: N", "class: GLOB" (one or more), "cause: TEXT" blocks (blank
 * lines between, '#' comments). 0, or -1 with "FILE:LINE: why".
 */
int tlog_count_table_load(const char *path, struct tlog_count_table *t, char *err, size_t n);
int tlog_count_table_stream(FILE *f, const char *path, struct tlog_count_table *t, char *err,
			    size_t n);
void tlog_count_table_free(struct tlog_count_table *t);

struct tlog_summary_row {
	char cls[TLOG_CLASS_TEXT];
	unsigned na, nb;
	int cause; /* index into the table, -1: unexplained (when na != nb) */
};

struct tlog_summary {
	struct tlog_summary_row *rows;
	size_t n;
	unsigned unexplained;
};

/* Counts a and b by class, sorted by class; t may be NULL. 0, or -1 (memory). */
int tlog_summarize(const struct tlog *a, const struct tlog *b, struct tlog_count_table *t,
		   struct tlog_summary *s);
void tlog_summary_free(struct tlog_summary *s);

/* The table (text or Markdown), then the causes used and the unexplained rows. */
void tlog_summary_print(FILE *out, bool md, const struct tlog *a, const struct tlog *b,
			const struct tlog_summary *s, const struct tlog_count_table *t);

#endif
