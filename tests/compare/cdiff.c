/*
 * Console comparison: the lines of two consoles lined up by their longest
 * common subsequence. In a run of differing lines, a native line pairs with
 * the first other line after the last pair that an entry explains as its
 * changed form (a '~' row); every other line stands alone ('<' native only,
 * '>' the other run's only) and needs an entry of its own.
 * Table format: tests/compare/console-differences.txt.
 */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cdiff.h"
#include "lineread.h"

static int fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return -1;
}

static char *chomp(char *s)
{
	size_t k = strlen(s);

	while (k && (s[k - 1] == '\n' || s[k - 1] == '\r'))
		s[--k] = '\0';
	return s;
}

int cdiff_load(FILE *f, const char *path, struct cdiff_lines *l, char *err, size_t n)
{
	struct line_reader rd = { .f = f };
	char buf[CDIFF_LINE_MAX], why[100];
	int got;

	memset(l, 0, sizeof(*l));
	while ((got = line_next(&rd, buf, sizeof(buf), why, sizeof(why))) > 0) {
		if (l->n == CDIFF_MAX_LINES) {
			cdiff_lines_free(l);
			return fail(err, n, "%s: more than %d lines", path, CDIFF_MAX_LINES);
		}
		if (!(l->n & (l->n + 1))) { /* grow at 0, 1, 3, 7 ... */
			char **p = realloc(l->line, 2 * (l->n + 1) * sizeof(*p));

			if (!p) {
				cdiff_lines_free(l);
				return fail(err, n, "%s: out of memory", path);
			}
			l->line = p;
		}
		if (!(l->line[l->n] = strdup(chomp(buf)))) {
			cdiff_lines_free(l);
			return fail(err, n, "%s: out of memory", path);
		}
		l->n++;
	}
	if (got < 0) {
		cdiff_lines_free(l);
		return fail(err, n, "%s:%u: %s", path, rd.lineno + 1, why);
	}
	return 0;
}

void cdiff_lines_free(struct cdiff_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	memset(l, 0, sizeof(*l));
}

static void push(struct cdiff *d, enum cdiff_kind k, const char *a, const char *b)
{
	d->row[d->n++] = (struct cdiff_row){.kind = k, .a = a, .b = b, .entry = -1};
}

/* One run of differing lines, native first; cdiff_explain pairs them. */
static void hunk(struct cdiff *d, const struct cdiff_lines *a, size_t a0, size_t a1,
		 const struct cdiff_lines *b, size_t b0, size_t b1)
{
	while (a0 < a1)
		push(d, CD_NATIVE, a->line[a0++], NULL);
	while (b0 < b1)
		push(d, CD_OTHER, NULL, b->line[b0++]);
}

int cdiff_diff(const struct cdiff_lines *a, const struct cdiff_lines *b, struct cdiff *d, char *err,
	       size_t n)
{
	size_t w = b->n + 1, i = 0, j = 0, i0 = 0, j0 = 0;
	uint16_t *lcs = calloc((a->n + 1) * w, sizeof(*lcs)); /* lcs[i][j]: of a[i..], b[j..] */

	d->n = 0;
	d->row = calloc(a->n + b->n + 1, sizeof(*d->row));
	if (!lcs || !d->row) {
		free(lcs);
		cdiff_free(d);
		return fail(err, n, "out of memory");
	}
	for (size_t x = a->n; x-- > 0;)
		for (size_t y = b->n; y-- > 0;)
			lcs[x * w + y] =
				!strcmp(a->line[x], b->line[y]) ? lcs[(x + 1) * w + y + 1] + 1
				: lcs[(x + 1) * w + y] > lcs[x * w + y + 1] ? lcs[(x + 1) * w + y]
									    : lcs[x * w + y + 1];
	while (i < a->n || j < b->n) {
		if (i < a->n && j < b->n && !strcmp(a->line[i], b->line[j])) {
			hunk(d, a, i0, i, b, j0, j);
			push(d, CD_SAME, a->line[i], b->line[j]);
			i0 = ++i;
			j0 = ++j;
		} else if (j == b->n || (i < a->n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
			i++;
		} else {
			j++;
		}
	}
	hunk(d, a, i0, i, b, j0, j);
	free(lcs);
	return 0;
}

void cdiff_free(struct cdiff *d)
{
	free(d->row);
	memset(d, 0, sizeof(*d));
}

/* ---- the table ---- */

static char *trim(char *s)
{
	char *e;

	s += strspn(s, " \t");
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* "(absent)" stands for no line at all. */
static char *pattern(const char *v)
{
	return strcmp(v, "(absent)") ? strdup(v) : NULL;
}

static int entry_done(const struct cdiff_table *t, char *err, size_t n)
{
	const struct cdiff_entry *e = t->n ? &t->e[t->n - 1] : NULL;
	bool any = false;

	if (!e)
		return 0;
	for (unsigned k = 0; k < e->nsides; k++)
		any |= e->sides[k].pat || e->native;
	if (!e->cause || !e->nsides || !any)
		return fail(err, n,
			    "%s:%u: entry [%s] needs a cause:, a SIDE: line and a line "
			    "on at least one side",
			    t->path, e->lineno, e->name);
	return 0;
}

static int entry_start(struct cdiff_table *t, const char *s, unsigned ln, char *err, size_t n)
{
	const char *end = strchr(s, ']');
	struct cdiff_entry *e;

	if (!end || end[1] || end == s + 1 || (size_t)(end - s - 1) >= sizeof(e->name))
		return fail(err, n, "%s:%u: bad entry name (want \"[name]\")", t->path, ln);
	if (entry_done(t, err, n) < 0)
		return -1;
	e = realloc(t->e, (t->n + 1) * sizeof(*e));
	if (!e)
		return fail(err, n, "%s: out of memory", t->path);
	t->e = e;
	e = &t->e[t->n++];
	memset(e, 0, sizeof(*e));
	memcpy(e->name, s + 1, (size_t)(end - s - 1));
	strcpy(e->guest, "*");
	e->lineno = ln;
	return 0;
}

static int entry_key(struct cdiff_table *t, char *key, char *v, unsigned ln, char *err, size_t n)
{
	struct cdiff_entry *e = t->n ? &t->e[t->n - 1] : NULL;

	if (!e)
		return fail(err, n, "%s:%u: \"%s:\" before any [entry]", t->path, ln, key);
	if (!strcmp(key, "cause")) {
		free(e->cause);
		e->cause = strdup(v);
	} else if (!strcmp(key, "guest")) {
		if (strlen(v) >= sizeof(e->guest))
			return fail(err, n, "%s:%u: guest pattern too long", t->path, ln);
		strcpy(e->guest, v);
	} else if (!strcmp(key, "native")) {
		free(e->native);
		e->native = pattern(v);
	} else {
		if (e->nsides == CDIFF_MAX_SIDES || strlen(key) >= sizeof(e->sides[0].side))
			return fail(err, n, "%s:%u: too many sides, or a side name too long",
				    t->path, ln);
		strcpy(e->sides[e->nsides].side, key);
		e->sides[e->nsides++].pat = pattern(v);
	}
	return 0;
}

int cdiff_table_load(FILE *f, const char *path, struct cdiff_table *t, char *err, size_t n)
{
	struct line_reader rd = { .f = f };
	char buf[CDIFF_LINE_MAX], why[100];
	unsigned ln = 0;
	int rc = 0, got = 0;

	memset(t, 0, sizeof(*t));
	t->path = path;
	while (rc == 0 && (got = line_next(&rd, buf, sizeof(buf), why, sizeof(why))) > 0) {
		char *s = trim(chomp(buf)), *colon;

		ln = rd.lineno;
		if (!*s || *s == '#')
			continue;
		if (*s == '[') {
			rc = entry_start(t, s, ln, err, n);
			continue;
		}
		colon = strchr(s, ':');
		if (!colon || colon == s) {
			rc = fail(err, n, "%s:%u: want \"[name]\" or \"key: value\"", path, ln);
			continue;
		}
		*colon = '\0';
		rc = entry_key(t, trim(s), trim(colon + 1), ln, err, n);
	}
	if (rc == 0 && got < 0)
		rc = fail(err, n, "%s:%u: %s", path, rd.lineno + 1, why);
	if (rc == 0)
		rc = entry_done(t, err, n);
	if (rc < 0)
		cdiff_table_free(t);
	return rc;
}

void cdiff_table_free(struct cdiff_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->e[i].native);
		free(t->e[i].cause);
		for (unsigned k = 0; k < t->e[i].nsides; k++)
			free(t->e[i].sides[k].pat);
	}
	free(t->e);
	memset(t, 0, sizeof(*t));
}

/* NULL pattern: no line; otherwise an fnmatch glob on the whole line. */
static bool line_matches(const char *pat, const char *line)
{
	if (!pat || !line)
		return !pat && !line;
	return fnmatch(pat, line, 0) == 0;
}

static bool explains(const struct cdiff_entry *e, const char *guest, const char *side,
		     const struct cdiff_row *r)
{
	if (fnmatch(e->guest, guest, 0) != 0 || !line_matches(e->native, r->a))
		return false;
	for (unsigned k = 0; k < e->nsides; k++)
		if (fnmatch(e->sides[k].side, side, 0) == 0 && line_matches(e->sides[k].pat, r->b))
			return true;
	return false;
}

/* The first entry explaining row r, or -1. */
static long find_entry(const struct cdiff_table *t, const char *guest, const char *side,
		       const struct cdiff_row *r)
{
	for (size_t k = 0; k < t->n; k++)
		if (explains(&t->e[k], guest, side, r))
			return (long)k;
	return -1;
}

/*
 * One run of differing rows, rows[0..n) (native-only ones first): pairs
 * written to out as '~' rows, in the other run's order, with the lines
 * left alone in between. Returns the rows written.
 */
static size_t pair_hunk(const struct cdiff_table *t, const char *guest, const char *side,
			const struct cdiff_row *rows, size_t n, struct cdiff_row *out)
{
	size_t na = 0, nb, next = 0, w = 0; /* next: the first other line not yet written */

	while (na < n && rows[na].kind == CD_NATIVE)
		na++;
	nb = n - na;
	for (size_t i = 0; i < na; i++) {
		struct cdiff_row pair = {.kind = CD_CHANGED, .a = rows[i].a};
		size_t j;

		for (j = next; j < nb; j++) {
			pair.b = rows[na + j].b;
			if ((pair.entry = find_entry(t, guest, side, &pair)) >= 0)
				break;
		}
		if (j == nb) {
			out[w++] = rows[i];
			continue;
		}
		while (next < j)
			out[w++] = rows[na + next++];
		out[w++] = pair;
		next++;
	}
	while (next < nb)
		out[w++] = rows[na + next++];
	return w;
}

size_t cdiff_explain(const struct cdiff_table *t, const char *guest, const char *side,
		     struct cdiff *d)
{
	struct cdiff_row *out = calloc(d->n + 1, sizeof(*out));
	size_t w = 0, left = 0;

	if (!out)
		return d->n; /* nothing explained */
	for (size_t i = 0; i < d->n;) {
		size_t end = i;

		while (end < d->n && d->row[end].kind != CD_SAME)
			end++;
		w += pair_hunk(t, guest, side, d->row + i, end - i, out + w);
		if (end < d->n)
			out[w++] = d->row[end++];
		i = end;
	}
	for (size_t i = 0; i < w; i++) {
		if (out[i].kind == CD_NATIVE || out[i].kind == CD_OTHER)
			out[i].entry = find_entry(t, guest, side, &out[i]);
		left += out[i].kind != CD_SAME && out[i].entry < 0;
	}
	free(d->row);
	d->row = out;
	d->n = w;
	return left;
}

void cdiff_report(FILE *out, bool md, const char *side, const struct cdiff *d,
		  const struct cdiff_table *t)
{
	static const char mark[] = {
		[CD_SAME] = '=', [CD_NATIVE] = '<', [CD_OTHER] = '>', [CD_CHANGED] = '~'};

	bool *told = calloc(t->n + 1, sizeof(*told)); /* an entry's cause, once */

	if (md)
		fprintf(out, "| | native | %s | cause |\n|---|---|---|---|\n", side);
	for (size_t i = 0; i < d->n; i++) {
		const struct cdiff_row *r = &d->row[i];
		const char *name = r->entry < 0 ? "UNEXPLAINED" : t->e[r->entry].name;

		if (r->kind == CD_SAME)
			continue;
		if (md) {
			fprintf(out, "| %c | `%s` | `%s` | %s%s%s |\n", mark[r->kind],
				r->a ? r->a : "", r->b ? r->b : "",
				r->entry < 0 ? "**UNEXPLAINED**" : name, r->entry < 0 ? "" : ": ",
				r->entry < 0 ? "" : t->e[r->entry].cause);
			continue;
		}
		fprintf(out, "  %c [%s]\n", mark[r->kind], name);
		if (r->a)
			fprintf(out, "      native: %s\n", r->a);
		if (r->b)
			fprintf(out, "      %-6s: %s\n", side, r->b);
		if (r->entry >= 0 && told && !told[r->entry])
			fprintf(out, "      cause: %s\n", t->e[r->entry].cause);
		if (r->entry >= 0 && told)
			told[r->entry] = true;
	}
	free(told);
}
