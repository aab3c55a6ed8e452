/*
 * `traplog summary` (tlog_summary.h): a class per event from its EC and
 * outcome, counts on each side, the count differences matched by glob.
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include "lineread.h"
#include "tlog_summary.h"

/* The n-th blank-separated word of s (0 first) into buf; "" if none. */
static void word(const char *s, unsigned nth, char *buf, size_t n)
{
	size_t len;

	for (;;) {
		while (*s == ' ')
			s++;
		len = strcspn(s, " ");
		if (nth-- == 0 || !*s)
			break;
		s += len;
	}
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = 0;
}

/* The value of "key=" among the words of s into buf; "" if absent. */
static void field(const char *s, const char *key, char *buf, size_t n)
{
	size_t k = strlen(key);

	buf[0] = 0;
	for (const char *p = s; (p = strstr(p, key)); p += k)
		if ((p == s || p[-1] == ' ') && p[k] == '=') {
			word(p + k + 1, 0, buf, n);
			return;
		}
}

void tlog_summary_class(const struct tlog_event *e, char *buf, size_t n)
{
	const struct traplog_line *l = &e->l;
	char w1[40], w2[40], extra[96] = "";

	word(l->outcome, 1, w1, sizeof(w1));
	word(l->outcome, 2, w2, sizeof(w2));
	if (!strcmp(e->kind, "mmio") || !strcmp(e->kind, "inject"))
		snprintf(extra, sizeof(extra), "%s %s", w1, w2); /* read uart.FR; undef why=cp15 */
	else if (!strcmp(e->kind, "cp15") || !strcmp(e->kind, "cp14")) {
		char reg[40], crn[8], crm[8], opc1[8], opc2[8];

		field(l->syndrome, "reg", reg, sizeof(reg));
		if (!reg[0] || !strcmp(reg, "?")) {
			field(l->syndrome, "opc1", opc1, sizeof(opc1));
			field(l->syndrome, "crn", crn, sizeof(crn));
			field(l->syndrome, "crm", crm, sizeof(crm));
			field(l->syndrome, "opc2", opc2, sizeof(opc2));
			snprintf(reg, sizeof(reg), "%s,c%s,c%s,%s", opc1, crn, crm, opc2);
		}
		snprintf(extra, sizeof(extra), "%s %s", w1, reg);
	} else {
		char intid[16];

		field(l->syndrome, "intid", intid, sizeof(intid)); /* interrupt events (v2) */
		if (intid[0])
			snprintf(extra, sizeof(extra), "intid=%s", intid);
		else
			snprintf(extra, sizeof(extra), "%s",
				 w1); /* PSCI_VERSION, skipped, reason=... */
	}
	if (l->ec ==
	    TRAPLOG_EC_EVENT) /* an interrupt event (version 2): "-- IRQ irq taken intid=27" */
		snprintf(buf, n, "-- %s %s%s%s", l->name, e->kind, extra[0] ? " " : "", extra);
	else
		snprintf(buf, n, "0x%02x %s %s%s%s", l->ec, l->name, e->kind, extra[0] ? " " : "",
			 extra);
}

/* ---- the table of count differences ---- */

static int add_entry(struct tlog_count_table *t, struct tlog_count_cause *c, char *err, size_t n,
		     unsigned ln)
{
	if (!c->name[0] && !c->nglobs && !c->cause[0])
		return 0;
	if (!c->name[0] || !c->nglobs || !c->cause[0])
		return tlog_fail(err, n, t->path, ln, "an entry needs name:, class: and cause:");
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		struct tlog_count_cause *e = realloc(t->e, cap * sizeof(*e));

		if (!e)
			return tlog_fail(err, n, t->path, ln, "out of memory");
		t->e = e;
		t->cap = cap;
	}
	t->e[t->n++] = *c;
	memset(c, 0, sizeof(*c));
	return 0;
}

static int set_value(char *dst, size_t dn, const char *v, const char *key, const char *path,
		     unsigned ln, char *err, size_t n)
{
	if (dst[0])
		return tlog_fail(err, n, path, ln, "%s: given twice in one entry", key);
	if (strlen(v) >= dn)
		return tlog_fail(err, n, path, ln, "%s: too long (at most %zu characters)", key,
				 dn - 1);
	strcpy(dst, v);
	return 0;
}

int tlog_count_table_stream(FILE *f, const char *path, struct tlog_count_table *t, char *err,
			    size_t n)
{
	struct tlog_count_cause c;
	struct line_reader rd = { .f = f };
	char line[600], why[64];
	unsigned ln = 0, start = 0;
	int r;

	memset(t, 0, sizeof(*t));
	memset(&c, 0, sizeof(c));
	t->path = path;
	while ((r = line_next(&rd, line, sizeof(line), why, sizeof(why))) > 0) {
		ln = rd.lineno;
		if (line[0] == '#')
			continue;
		if (!line[0]) {
			if (add_entry(t, &c, err, n, start) < 0)
				return -1;
			continue;
		}
		if (!c.name[0] && !c.nglobs && !c.cause[0])
			start = ln;
		if (!strncmp(line, "name: ", 6)) {
			if (set_value(c.name, sizeof(c.name), line + 6, "name", path, ln, err, n) <
			    0)
				return -1;
			c.lineno = ln;
		} else if (!strncmp(line, "class: ", 7)) {
			if (c.nglobs == TLOG_COUNT_GLOBS)
				return tlog_fail(err, n, path, ln, "more than %d class: lines",
						 TLOG_COUNT_GLOBS);
			if (set_value(c.class_glob[c.nglobs], sizeof(c.class_glob[0]), line + 7,
				      "class", path, ln, err, n) < 0)
				return -1;
			c.nglobs++;
		} else if (!strncmp(line, "cause: ", 7)) {
			if (set_value(c.cause, sizeof(c.cause), line + 7, "cause", path, ln, err,
				      n) < 0)
				return -1;
		} else
			return tlog_fail(err, n, path, ln,
					 "expected 'name: ', 'class: ' or 'cause: '");
	}
	if (r < 0)
		return tlog_fail(err, n, path, ln + 1, "%s", why);
	return add_entry(t, &c, err, n, start);
}

int tlog_count_table_load(const char *path, struct tlog_count_table *t, char *err, size_t n)
{
	FILE *f = fopen(path, "r");
	int r;

	if (!f)
		return tlog_fail(err, n, path, 0, "cannot open");
	r = tlog_count_table_stream(f, path, t, err, n);
	fclose(f);
	if (r < 0)
		tlog_count_table_free(t);
	return r;
}

void tlog_count_table_free(struct tlog_count_table *t)
{
	free(t->e);
	memset(t, 0, sizeof(*t));
}

/* ---- counting ---- */

static int row_cmp(const void *x, const void *y)
{
	return strcmp(((const struct tlog_summary_row *)x)->cls,
		      ((const struct tlog_summary_row *)y)->cls);
}

/* Adds one event's class to s (a handful of classes: a linear search is enough). */
static int count(struct tlog_summary *s, size_t *cap, const struct tlog_event *e, int side)
{
	char cls[TLOG_CLASS_TEXT];
	size_t i;

	tlog_summary_class(e, cls, sizeof(cls));
	for (i = 0; i < s->n; i++)
		if (!strcmp(s->rows[i].cls, cls))
			break;
	if (i == s->n) {
		if (s->n == *cap) {
			size_t c = *cap ? 2 * *cap : 64;
			struct tlog_summary_row *r = realloc(s->rows, c * sizeof(*r));

			if (!r)
				return -1;
			s->rows = r;
			*cap = c;
		}
		memset(&s->rows[i], 0, sizeof(s->rows[i]));
		strcpy(s->rows[i].cls, cls);
		s->rows[i].cause = -1;
		s->n++;
	}
	if (side == 0)
		s->rows[i].na++;
	else
		s->rows[i].nb++;
	return 0;
}

int tlog_summarize(const struct tlog *a, const struct tlog *b, struct tlog_count_table *t,
		   struct tlog_summary *s)
{
	size_t cap = 0;

	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < a->n; i++)
		if (count(s, &cap, &a->ev[i], 0) < 0)
			return -1;
	for (size_t i = 0; i < b->n; i++)
		if (count(s, &cap, &b->ev[i], 1) < 0)
			return -1;
	if (s->n)
		qsort(s->rows, s->n, sizeof(s->rows[0]), row_cmp);
	for (size_t i = 0; i < s->n; i++) {
		struct tlog_summary_row *r = &s->rows[i];

		if (r->na == r->nb)
			continue;
		for (size_t k = 0; t && k < t->n && r->cause < 0; k++)
			for (unsigned g = 0; g < t->e[k].nglobs && r->cause < 0; g++)
				if (fnmatch(t->e[k].class_glob[g], r->cls, 0) == 0) {
					r->cause = (int)k;
					t->e[k].used++;
				}
		if (r->cause < 0)
			s->unexplained++;
	}
	return 0;
}

void tlog_summary_free(struct tlog_summary *s)
{
	free(s->rows);
	memset(s, 0, sizeof(*s));
}

static const char *row_cause(const struct tlog_summary_row *r, const struct tlog_count_table *t)
{
	if (r->na == r->nb)
		return "";
	return r->cause >= 0 ? t->e[r->cause].name : "UNEXPLAINED";
}

void tlog_summary_print(FILE *out, bool md, const struct tlog *a, const struct tlog *b,
			const struct tlog_summary *s, const struct tlog_count_table *t)
{
	unsigned ta = 0, tb = 0;

	if (md)
		fprintf(out, "| class | %s | %s | cause |\n|---|---:|---:|---|\n", a->side,
			b->side);
	else
		fprintf(out, "  %-44s %9s %9s  %s\n", "class", a->side, b->side, "cause");
	for (size_t i = 0; i < s->n; i++) {
		const struct tlog_summary_row *r = &s->rows[i];

		ta += r->na;
		tb += r->nb;
		if (md)
			fprintf(out, "| `%s` | %u | %u | %s |\n", r->cls, r->na, r->nb,
				row_cause(r, t));
		else
			fprintf(out, "%c %-44s %9u %9u  %s\n", r->na == r->nb ? '=' : '~', r->cls,
				r->na, r->nb, row_cause(r, t));
	}
	if (md)
		fprintf(out, "| all | %u | %u | |\n", ta, tb);
	else
		fprintf(out, "  %-44s %9u %9u\n", "all", ta, tb);
	fputs(md ? "\n" : "", out);
	for (size_t k = 0; t && k < t->n; k++)
		if (t->e[k].used)
			fprintf(out, "%s%s: %s\n", md ? "- **" : "  ", t->e[k].name, t->e[k].cause);
	if (s->unexplained)
		fprintf(out, "%u classes with other counts on each side, unexplained\n",
			s->unexplained);
}
