/*
 * The table of expected differences (tests/compare/expected-differences.txt):
 *
 *   [name]
 *   when: only | differs | moved | status
 *   guest: GLOB          optional: only for logs whose guest= matches
 *   SIDE: PATTERN        one or more; SIDE and PATTERN are fnmatch globs
 *   absent SIDE: PATTERN optional: the entry holds only while no event of
 *                        the log of SIDE matches PATTERN
 *   cause: why the two VMMs differ here
 *
 * "only": a row present in one log only; it is explained when that log's
 * side matches SIDE and its event text matches PATTERN. "differs": the same
 * trap with other details ('~'); every pattern must match the event of a
 * side its SIDE names. "moved": as "only", for a row whose same event sits
 * elsewhere in the other log ("moved: row N"): the order differs, not the
 * events. "status": no row; the two logs' exit statuses differ, and each
 * pattern matches the decimal status of a log its SIDE names (the end
 * line's status=). Event text: tlog_event_text().
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "lineread.h"
#include "tlog.h"


static char *trim(char *s)
{
	char *e;

	s += strspn(s, " \t");
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = 0;
	return s;
}

static int finish(struct tlog_table *t, char *err, size_t n)
{
	struct tlog_expect *e;

	if (!t->n)
		return 0;
	e = &t->e[t->n - 1];
	unsigned pats = 0;

	for (unsigned k = 0; k < e->npats; k++)
		pats += !e->absent[k];
	if (!e->cause[0] || !pats)
		return tlog_fail(err, n, t->path, e->lineno,
				 "entry [%s] needs a cause: and at "
				 "least one SIDE: pattern",
				 e->name);
	return 0;
}

static int start(struct tlog_table *t, char *s, unsigned ln, char *err, size_t n)
{
	char *end = strchr(s, ']');

	if (!end || end[1] || end == s + 1 || (size_t)(end - s - 1) >= sizeof(t->e->name))
		return tlog_fail(err, n, t->path, ln, "bad entry name (want \"[name]\")");
	if (finish(t, err, n) < 0)
		return -1;
	if (t->n == t->cap) {
		size_t c = t->cap ? 2 * t->cap : 16;
		void *p = realloc(t->e, c * sizeof(*t->e));

		if (!p)
			return tlog_fail(err, n, t->path, ln, "out of memory");
		t->e = p;
		t->cap = c;
	}
	memset(&t->e[t->n], 0, sizeof(*t->e));
	memcpy(t->e[t->n].name, s + 1, end - s - 1);
	t->e[t->n++].lineno = ln;
	return 0;
}

static int field(struct tlog_table *t, char *key, char *val, unsigned ln, char *err, size_t n)
{
	struct tlog_expect *e = &t->e[t->n - 1];

	if (strcmp(key, "when") == 0) {
		if (strcmp(val, "only") && strcmp(val, "differs") && strcmp(val, "moved") &&
		    strcmp(val, "status"))
			return tlog_fail(
				err, n, t->path, ln,
				"when: must be \"only\", \"differs\", \"moved\" or \"status\"");
		e->differs = strcmp(val, "differs") == 0;
		e->moved = strcmp(val, "moved") == 0;
		e->status = strcmp(val, "status") == 0;
	} else if (strcmp(key, "guest") == 0) {
		if (snprintf(e->guest, sizeof(e->guest), "%s", val) >= (int)sizeof(e->guest))
			return tlog_fail(err, n, t->path, ln, "guest pattern too long");
	} else if (strcmp(key, "cause") == 0) {
		if (snprintf(e->cause, sizeof(e->cause), "%s", val) >= (int)sizeof(e->cause))
			return tlog_fail(err, n, t->path, ln, "cause too long");
	} else {
		bool absent = strncmp(key, "absent ", 7) == 0;

		if (absent)
			key = trim(key + 7);
		if (e->npats == TLOG_MAX_PATS)
			return tlog_fail(err, n, t->path, ln, "more than %d patterns",
					 TLOG_MAX_PATS);
		if (!key[0] || strlen(key) >= sizeof(e->side[0]) ||
		    strlen(val) >= sizeof(e->pat[0]))
			return tlog_fail(err, n, t->path, ln, "bad side or pattern too long");
		strcpy(e->side[e->npats], key);
		e->absent[e->npats] = absent;
		strcpy(e->pat[e->npats++], val);
	}
	return 0;
}

static int table_line(struct tlog_table *t, char *s, unsigned ln, char *err, size_t n)
{
	char *colon;

	s = trim(s);
	if (!s[0] || s[0] == '#')
		return 0;
	if (s[0] == '[')
		return start(t, s, ln, err, n);
	if (!t->n)
		return tlog_fail(err, n, t->path, ln, "a field before the first [name]");
	colon = strchr(s, ':');
	if (!colon || colon == s)
		return tlog_fail(err, n, t->path, ln, "want \"key: value\"");
	*colon = 0;
	return field(t, trim(s), trim(colon + 1), ln, err, n);
}

int tlog_table_load_stream(FILE *f, const char *path, struct tlog_table *t, char *err,
			   size_t errlen)
{
	struct line_reader rd = { .f = f };
	char buf[1024], why[100];
	int got;

	memset(t, 0, sizeof(*t));
	t->path = path;
	while ((got = line_next(&rd, buf, sizeof(buf), why, sizeof(why))) > 0)
		if (table_line(t, buf, rd.lineno, err, errlen) < 0)
			return -1;
	if (got < 0)
		return tlog_fail(err, errlen, path, rd.lineno + 1, "%s", why);
	return finish(t, err, errlen);
}

int tlog_table_load(const char *path, struct tlog_table *t, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	int r;

	if (!f) {
		memset(t, 0, sizeof(*t));
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	r = tlog_table_load_stream(f, path, t, err, errlen);
	fclose(f);
	return r;
}

void tlog_table_free(struct tlog_table *t)
{
	free(t->e);
	t->e = NULL;
	t->n = t->cap = 0;
}

/* The event texts of one row, made once for all the entries tried on it. */
struct row_text {
	const char *a, *b; /* NULL on the side it is missing */
};

/* Pattern k matches the event whose text is text, of a log whose side is side. */
static bool pat_match(const struct tlog_expect *e, unsigned k, const char *side, const char *text)
{
	return text && fnmatch(e->side[k], side, 0) == 0 && fnmatch(e->pat[k], text, 0) == 0;
}

/* Some event of log l matches pattern k. */
static bool log_has(const struct tlog_expect *e, unsigned k, const struct tlog *l)
{
	char text[TLOG_TEXT];

	if (fnmatch(e->side[k], l->side, 0) != 0)
		return false;
	for (size_t i = 0; i < l->n; i++) {
		tlog_event_text(&l->ev[i], text, sizeof(text));
		if (fnmatch(e->pat[k], text, 0) == 0)
			return true;
	}
	return false;
}

/* Every "absent" condition holds: the same for every row, so asked once per diff. */
static bool conditions(const struct tlog_expect *e, const struct tlog *la, const struct tlog *lb)
{
	for (unsigned k = 0; k < e->npats; k++)
		if (e->absent[k] && (log_has(e, k, la) || log_has(e, k, lb)))
			return false;
	return true;
}

/* Entry e explains row r, its conditions holding. */
static bool explains(const struct tlog_expect *e, const struct tlog_row *r,
		     const struct row_text *tx, const struct tlog *la, const struct tlog *lb)
{
	if (r->mark == TLOG_SAME || e->status || e->differs != (r->mark == TLOG_CHANGED))
		return false;
	if (e->guest[0] && fnmatch(e->guest, la->guest, 0) != 0)
		return false;
	if (e->moved && strncmp(r->differs, "moved: ", 7))
		return false;
	if (!e->differs) {
		for (unsigned k = 0; k < e->npats; k++)
			if (!e->absent[k] &&
			    (pat_match(e, k, la->side, tx->a) || pat_match(e, k, lb->side, tx->b)))
				return true;
		return false;
	}
	for (unsigned k = 0; k < e->npats; k++) {
		if (e->absent[k])
			continue;
		bool side_a = fnmatch(e->side[k], la->side, 0) == 0;
		bool side_b = fnmatch(e->side[k], lb->side, 0) == 0;

		if (!side_a && !side_b)
			return false;
		if (!(side_a && pat_match(e, k, la->side, tx->a)) &&
		    !(side_b && pat_match(e, k, lb->side, tx->b)))
			return false;
	}
	return true;
}

/* The first entry explaining r whose conditions hold (held[k], or asked if NULL). */
static int match(struct tlog_table *t, const struct tlog_row *r, const bool *held,
		 const struct tlog *la, const struct tlog *lb)
{
	char ta[TLOG_TEXT], tb[TLOG_TEXT];
	struct row_text tx = { r->a ? ta : NULL, r->b ? tb : NULL };

	if (r->mark == TLOG_SAME)
		return -1;
	if (r->a)
		tlog_event_text(r->a, ta, sizeof(ta));
	if (r->b)
		tlog_event_text(r->b, tb, sizeof(tb));
	for (size_t k = 0; t && k < t->n; k++)
		if (explains(&t->e[k], r, &tx, la, lb) &&
		    (held ? held[k] : conditions(&t->e[k], la, lb)))
			return (int)k;
	return -1;
}

/* Every pattern whose SIDE names log l matches its status, and one does. */
static bool status_side(const struct tlog_expect *e, const struct tlog *l)
{
	char num[16];
	bool any = false;

	snprintf(num, sizeof(num), "%d", l->end_status);
	for (unsigned k = 0; k < e->npats; k++) {
		if (e->absent[k] || fnmatch(e->side[k], l->side, 0) != 0)
			continue;
		if (fnmatch(e->pat[k], num, 0) != 0)
			return false;
		any = true;
	}
	return any;
}

int tlog_table_status(const struct tlog_table *t, const struct tlog *la, const struct tlog *lb)
{
	for (size_t k = 0; t && k < t->n; k++) {
		const struct tlog_expect *e = &t->e[k];

		if (e->status && (!e->guest[0] || fnmatch(e->guest, la->guest, 0) == 0) &&
		    status_side(e, la) && status_side(e, lb))
			return (int)k;
	}
	return -1;
}

int tlog_table_match(struct tlog_table *t, const struct tlog_row *r, const struct tlog *la,
		     const struct tlog *lb)
{
	return match(t, r, NULL, la, lb);
}

size_t tlog_explain(struct tlog_table *t, struct tlog_diff *d, const struct tlog *a,
		    const struct tlog *b)
{
	size_t unexplained = 0, n = t ? t->n : 0;
	bool *held = calloc(n ? n : 1, sizeof(*held));

	for (size_t k = 0; held && k < n; k++)
		held[k] = conditions(&t->e[k], a, b);
	for (size_t i = 0; i < d->n; i++) {
		struct tlog_row *r = &d->rows[i];

		if (r->mark == TLOG_SAME)
			continue;
		r->expect = match(t, r, held, a, b);
		if (r->expect < 0)
			unexplained++;
		else
			t->e[r->expect].used++;
	}
	free(held);
	return unexplained;
}
