/*
 * Printing a trap-log diff: the rows side by side (terminal text or a
 * Markdown table), the causes of the expected differences, the unexplained
 * ones, and the log-level checks (exit status, dropped records, cut short).
 */
#include <string.h>
#include "tlog.h"

#define COL_MAX 72 /* widest detail column padded in text mode */

/*
 * "SYNDROME : OUTCOME" of one event, or "" for the missing side. An
 * interrupt event's pc is its side's own (not the row's key): it leads,
 * after the vCPU of an SMP log.
 */
static void detail(const struct tlog_event *e, char *buf, size_t n)
{
	char pc[16] = "", cpu[16] = "";

	if (!e) {
		buf[0] = 0;
		return;
	}
	if (e->l.cpu != TRAPLOG_NO_CPU)
		snprintf(cpu, sizeof(cpu), "cpu=%d ", e->l.cpu);
	if (e->l.ec == TRAPLOG_EC_EVENT && e->l.pc_unknown)
		snprintf(pc, sizeof(pc), "pc=? ");
	else if (e->l.ec == TRAPLOG_EC_EVENT)
		snprintf(pc, sizeof(pc), "pc=0x%08x ", (unsigned)e->l.pc);
	snprintf(buf, n, "%s%s%s%s: %s", cpu, pc, e->l.syndrome, e->l.syndrome[0] ? " " : "",
		 e->l.outcome);
}

/* The PC column: a trap's pc; "-" for an interrupt event (in its detail). */
static const char *row_pc(const struct tlog_event *e, char *buf, size_t n)
{
	if (e->l.ec == TRAPLOG_EC_EVENT)
		snprintf(buf, n, "-");
	else if (e->l.pc_unknown)
		snprintf(buf, n, "?");
	else
		snprintf(buf, n, "0x%08x", (unsigned)e->l.pc);
	return buf;
}

bool tlog_folded(const struct tlog_diff *d, size_t i, int context)
{
	size_t lo, hi;

	if (context < 0 || d->rows[i].mark != TLOG_SAME)
		return false;
	lo = i > (size_t)context ? i - context : 0;
	hi = i + context < d->n ? i + context : d->n - 1;
	for (size_t k = lo; k <= hi; k++)
		if (d->rows[k].mark != TLOG_SAME)
			return false;
	return true;
}

/* At the first row of a folded run: how many rows it holds; else 0. */
static size_t fold_start(const struct tlog_diff *d, size_t i, int context)
{
	size_t n = 0;

	if (!tlog_folded(d, i, context) || (i > 0 && tlog_folded(d, i - 1, context)))
		return 0;
	while (i + n < d->n && tlog_folded(d, i + n, context))
		n++;
	return n;
}

static const struct tlog_event *any_side(const struct tlog_row *r) { return r->a ? r->a : r->b; }

static const char *cause_name(const struct tlog_table *t, const struct tlog_row *r)
{
	if (r->mark == TLOG_SAME)
		return "";
	return r->expect >= 0 ? t->e[r->expect].name : "UNEXPLAINED";
}

/* Markdown cell: '|' escaped. */
static void md_cell(FILE *out, const char *s)
{
	fputs(" ", out);
	for (; *s; s++) {
		if (*s == '|')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputs(" |", out);
}

static void text_rows(FILE *out, int ctx, const struct tlog *a, const struct tlog *b,
		      const struct tlog_diff *d, const struct tlog_table *t)
{
	char da[TLOG_TEXT], db[TLOG_TEXT], ec[8], pc[16];
	int w = 8;

	for (size_t i = 0; i < d->n; i++) {
		detail(d->rows[i].a, da, sizeof(da));
		if ((int)strlen(da) > w)
			w = strlen(da) > COL_MAX ? COL_MAX : (int)strlen(da);
	}
	fprintf(out, "  %-4s %-8s %-10s  %-*s | %s\n", "EC", "NAME", "PC", w, a->side, b->side);
	for (size_t i = 0; i < d->n; i++) {
		const struct tlog_row *r = &d->rows[i];
		const struct tlog_event *e = any_side(r);
		size_t fold = fold_start(d, i, ctx);

		if (fold)
			fprintf(out, "  ... %zu same row%s ...\n", fold, fold == 1 ? "" : "s");
		if (tlog_folded(d, i, ctx))
			continue;

		detail(r->a, da, sizeof(da));
		detail(r->b, db, sizeof(db));
		fprintf(out, "%c %-4s %-8s %-10s  %-*s | %s", r->mark,
			tlog_event_ec(e, ec, sizeof(ec)), e->l.name, row_pc(e, pc, sizeof(pc)), w,
			da, db);
		if (r->mark != TLOG_SAME)
			fprintf(out, "   [%s]", cause_name(t, r));
		fputc('\n', out);
		if (r->mark == TLOG_CHANGED)
			fprintf(out, "%*s  differs: %s\n", 26, "", r->differs);
		else if (r->differs[0])
			fprintf(out, "%*s  %s\n", 26, "", r->differs);
	}
}

static void md_rows(FILE *out, int ctx, const struct tlog *a, const struct tlog *b,
		    const struct tlog_diff *d, const struct tlog_table *t)
{
	char buf[TLOG_TEXT], ec[8], pc[16];

	fprintf(out, "| | EC | name | PC | %s | %s | cause |\n", a->side, b->side);
	fputs("|---|---|---|---|---|---|---|\n", out);
	for (size_t i = 0; i < d->n; i++) {
		const struct tlog_row *r = &d->rows[i];
		const struct tlog_event *e = any_side(r);
		size_t fold = fold_start(d, i, ctx);

		if (fold)
			fprintf(out, "| | | | | *%zu same row%s* | | |\n", fold,
				fold == 1 ? "" : "s");
		if (tlog_folded(d, i, ctx))
			continue;
		fprintf(out, "| `%c` | %s | %s | %s |", r->mark, tlog_event_ec(e, ec, sizeof(ec)),
			e->l.name, row_pc(e, pc, sizeof(pc)));
		detail(r->a, buf, sizeof(buf));
		md_cell(out, buf);
		detail(r->b, buf, sizeof(buf));
		md_cell(out, buf);
		if (r->differs[0])
			snprintf(buf, sizeof(buf), "%s (%s)", cause_name(t, r), r->differs);
		else
			snprintf(buf, sizeof(buf), "%s", cause_name(t, r));
		md_cell(out, buf);
		fputc('\n', out);
	}
}

static void causes(FILE *out, enum tlog_format fmt, const struct tlog_table *t)
{
	bool any = false;

	for (size_t k = 0; t && k < t->n; k++) {
		const struct tlog_expect *e = &t->e[k];

		if (!e->used)
			continue;
		if (!any)
			fputs(fmt == TLOG_FMT_MD ? "\nExpected differences:\n\n"
						 : "\nExpected differences:\n",
			      out);
		any = true;
		if (fmt == TLOG_FMT_MD)
			fprintf(out, "- **%s** (%u row%s): %s\n", e->name, e->used,
				e->used == 1 ? "" : "s", e->cause);
		else
			fprintf(out, "  %s (%u row%s): %s\n", e->name, e->used,
				e->used == 1 ? "" : "s", e->cause);
	}
}

static size_t unexplained_rows(FILE *out, const struct tlog *a, const struct tlog *b,
			       const struct tlog_diff *d)
{
	char text[TLOG_TEXT];
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct tlog_row *r = &d->rows[i];
		const struct tlog *l = r->a ? a : b;
		const struct tlog_event *e = any_side(r);

		if (r->mark == TLOG_SAME || r->expect >= 0)
			continue;
		if (!n++)
			fputs("\nUnexplained differences:\n", out);
		tlog_event_text(e, text, sizeof(text));
		fprintf(out, "  %c %s:%u: %s", r->mark, l->path, e->lineno, text);
		if (r->mark == TLOG_CHANGED)
			fprintf(out, " (differs: %s)", r->differs);
		else if (r->differs[0])
			fprintf(out, " (%s)", r->differs);
		fputc('\n', out);
	}
	return n;
}

/* Exit status, completeness and dropped records: each problem counts. */
static size_t log_checks(FILE *out, const struct tlog *a, const struct tlog *b,
			 const struct tlog_table *t)
{
	const struct tlog *l[2] = { a, b };
	size_t bad = 0;

	for (int k = 0; k < 2; k++) {
		if (!l[k]->has_end) {
			fprintf(out, "  %s: no end line: the log was cut short\n", l[k]->path);
			bad++;
		} else if (l[k]->end_dropped) {
			fprintf(out, "  %s: %u trap records were dropped: rows may be missing\n",
				l[k]->path, l[k]->end_dropped);
			bad++;
		}
	}
	if (a->has_end && b->has_end && a->end_status != b->end_status) {
		int k = tlog_table_status(t, a, b);

		fprintf(out, "  exit status differs: %s %d, %s %d", a->side, a->end_status, b->side,
			b->end_status);
		if (k >= 0)
			fprintf(out, ": explained by [%s]: %s\n", t->e[k].name, t->e[k].cause);
		else
			fputs("\n", out);
		bad += k < 0;
	}
	if (a->cpus != b->cpus) {
		fprintf(out, "  vCPU count differs: %s cpus=%u, %s cpus=%u\n", a->side, a->cpus,
			b->side, b->cpus);
		bad++;
	}
	if (strcmp(a->guest, b->guest) != 0)
		fprintf(out, "  warning: different guests: %s and %s\n", a->guest, b->guest);
	return bad;
}

size_t tlog_report(FILE *out, enum tlog_format fmt, int ctx, const struct tlog *a,
		   const struct tlog *b, const struct tlog_diff *d, const struct tlog_table *t)
{
	size_t same = 0, rows_bad, log_bad;

	const char *item = fmt == TLOG_FMT_MD ? "- " : "";

	fprintf(out, "%s%s: side=%s guest=%s, %zu traps\n", item, a->path, a->side, a->guest, a->n);
	fprintf(out, "%s%s: side=%s guest=%s, %zu traps\n\n", item, b->path, b->side, b->guest,
		b->n);
	fprintf(out,
		"%s= the same, < only in %s, > only in %s, ~ the same trap with other "
		"details\n\n",
		fmt == TLOG_FMT_MD ? "Marks: " : "", a->side, b->side);
	if (fmt == TLOG_FMT_MD)
		md_rows(out, ctx, a, b, d, t);
	else
		text_rows(out, ctx, a, b, d, t);
	causes(out, fmt, t);
	if (fmt == TLOG_FMT_MD)
		fputs("\n```\n", out);
	rows_bad = unexplained_rows(out, a, b, d);
	log_bad = log_checks(out, a, b, t);
	for (size_t i = 0; i < d->n; i++)
		same += d->rows[i].mark == TLOG_SAME;
	fprintf(out, "\n%zu rows: %zu same, %zu differences (%zu explained, %zu unexplained)", d->n,
		same, d->n - same, d->n - same - rows_bad, rows_bad);
	fprintf(out, "; %zu log-level problem%s\n", log_bad, log_bad == 1 ? "" : "s");
	if (fmt == TLOG_FMT_MD)
		fputs("```\n", out);
	return rows_bad + log_bad;
}
