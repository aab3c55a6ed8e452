/*
 * Console comparison (`traplog console`): a run's console against the
 * native one, line by line, every difference explained by an entry of
 * tests/compare/console-differences.txt or reported as unexplained.
 */
#ifndef CDIFF_H
#define CDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CDIFF_MAX_LINES 4000 /* a guest's console is far smaller */
#define CDIFF_LINE_MAX	4096 /* a console line's bound, with its newline */
#define CDIFF_MAX_SIDES 8

struct cdiff_lines {
	char **line; /* without the "\r\n" */
	size_t n;
};

enum cdiff_kind { CD_SAME, CD_NATIVE, CD_OTHER, CD_CHANGED };

struct cdiff_row {
	enum cdiff_kind kind;
	const char *a, *b; /* the native line, the other run's (NULL: none) */
	long entry;	   /* the explaining entry; -1 none */
};

struct cdiff {
	struct cdiff_row *row;
	size_t n;
};

/* One entry: [name], guest: GLOB, native: PAT, SIDE: PAT ..., cause: TEXT. */
struct cdiff_entry {
	char name[64];
	char guest[64]; /* "*" unless given */
	char *native;	/* NULL: the line is absent natively */
	unsigned nsides;
	struct {
		char side[32]; /* a glob on the run's name: hyp, kvm* ... */
		char *pat;     /* NULL: absent in that run */
	} sides[CDIFF_MAX_SIDES];
	char *cause;
	unsigned lineno;
};

struct cdiff_table {
	const char *path;
	struct cdiff_entry *e;
	size_t n;
};

int cdiff_load(FILE *f, const char *path, struct cdiff_lines *l, char *err, size_t n);
void cdiff_lines_free(struct cdiff_lines *l);
int cdiff_diff(const struct cdiff_lines *a, const struct cdiff_lines *b, struct cdiff *d, char *err,
	       size_t n);
void cdiff_free(struct cdiff *d);
int cdiff_table_load(FILE *f, const char *path, struct cdiff_table *t, char *err, size_t n);
void cdiff_table_free(struct cdiff_table *t);
/* Marks each differing row with its entry; returns how many stay unexplained. */
size_t cdiff_explain(const struct cdiff_table *t, const char *guest, const char *side,
		     struct cdiff *d);
/* The differences (not the equal rows), text or Markdown. */
void cdiff_report(FILE *out, bool md, const char *side, const struct cdiff *d,
		  const struct cdiff_table *t);

#endif
