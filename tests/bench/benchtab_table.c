/* benchtab: the table and the targets, as text, Markdown or CSV. */
#include "benchtab.h"

#include <string.h>

/* A cell's text: "-" no run, "?" no line, "skip" undefined there. */
static const char *cell_text(const struct bench_run *run, int r, char *buf, size_t n)
{
	const struct bench_cell *c = &run->cell[r];

	if (!run->present)
		return "-";
	if (!c->seen)
		return "?";
	if (c->skipped)
		return "skip";
	snprintf(buf, n, "%ld", c->insns);
	return buf;
}

static bool cell_value(const struct bench_run *run, int r, long *v)
{
	const struct bench_cell *c = &run->cell[r];

	if (!run->present || !c->seen || c->skipped)
		return false;
	*v = c->insns;
	return true;
}

static const char *ratio_text(const struct bench_run *a, const struct bench_run *base, int r,
			      enum bench_fmt fmt, char *buf, size_t n)
{
	long x, y;

	if (!cell_value(a, r, &x) || !cell_value(base, r, &y) || y <= 0)
		return fmt == BENCH_CSV ? "" : "-";
	snprintf(buf, n, fmt == BENCH_CSV ? "%.2f" : "%.1fx", (double)x / (double)y);
	return buf;
}

/* One field of a row in the chosen form; first = the leftmost column. */
static void put_field(FILE *out, enum bench_fmt fmt, const char *s, bool first, int width)
{
	switch (fmt) {
	case BENCH_TEXT: fprintf(out, first ? "%-*s" : " %*s", width, s); break;
	case BENCH_MD: fprintf(out, first ? "| %s |" : " %s |", s); break;
	case BENCH_CSV: fprintf(out, first ? "%s" : ",%s", s); break;
	}
}

#define LABEL_W 28
#define COL_W	11

static void header(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns, int base)
{
	char buf[64];

	put_field(out, fmt, fmt == BENCH_CSV ? "row" : "round trip (instructions)", true, LABEL_W);
	for (int i = 0; i < nruns; i++)
		put_field(out, fmt, runs[i].name, false, COL_W);
	for (int i = base + 1; i < nruns; i++) {
		snprintf(buf, sizeof(buf), "%s/%s", runs[i].name, runs[base].name);
		put_field(out, fmt, buf, false, COL_W);
	}
	fputc('\n', out);
	if (fmt != BENCH_MD)
		return;
	fputs("|---|", out);
	for (int i = 0; i < nruns + (nruns - base - 1); i++)
		fputs("---:|", out);
	fputc('\n', out);
}

void bench_table(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns, int base)
{
	char buf[32];

	header(out, fmt, runs, nruns, base);
	for (int r = 0; r < BENCH_NROWS; r++) {
		put_field(out, fmt, fmt == BENCH_CSV ? bench_row_key(r) : bench_row_label(r), true,
			  LABEL_W);
		for (int i = 0; i < nruns; i++)
			put_field(out, fmt, cell_text(&runs[i], r, buf, sizeof(buf)), false, COL_W);
		for (int i = base + 1; i < nruns; i++)
			put_field(out, fmt,
				  ratio_text(&runs[i], &runs[base], r, fmt, buf, sizeof(buf)),
				  false, COL_W);
		fputc('\n', out);
	}
}

/* The targets for the bare hypervisor. */
static const struct {
	enum bench_row row;
	long max;
} nolog_targets[] = {
	{ BENCH_HVC, 30 },
	{ BENCH_MMIO_ST, 45 },
	{ BENCH_MMIO_LD, 45 },
	{ BENCH_CP15, 45 },
};
/* Rows where the trap log must cost no more than 1.3 times the run without it. */
static const enum bench_row log_rows[] = {
	BENCH_HVC, BENCH_HVC_WA1, BENCH_MMIO_ST, BENCH_MMIO_LD, BENCH_CP15, BENCH_SMC,
};

static void target_line(FILE *out, enum bench_fmt fmt, const char *what, const char *got,
			const char *verdict)
{
	if (fmt == BENCH_CSV)
		fprintf(out, "target,%s,%s,%s\n", what, got, verdict);
	else
		fprintf(out, "%s%s: %s: %s\n", fmt == BENCH_MD ? "- " : "target: ", what, got,
			verdict);
}

/*
 * kvm-runner with its trap log against the bare KVM_RUN loop of the same
 * KVM (issue 13): the MMIO round trip within 10 %.
 */
static void loop_targets(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns)
{
	static const enum bench_row mmio[] = { BENCH_MMIO_ST, BENCH_MMIO_LD };
	static const char *const pairs[][2] = {
		{ "kvm-arm64", "kvm-loop" },	   { "kvm-trace", "kvm-loop" },
		{ "kvm-ftrace", "kvm-loop" }, /* the same log from the trace events */
		{ "kvm-armv7", "kvm-armv7-loop" }, { "kvm-armv7-trace", "kvm-armv7-loop" },
	};
	char what[96], got[64];
	long x, y;

	for (size_t p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++) {
		int runner = bench_find(runs, nruns, pairs[p][0]);
		int loop = bench_find(runs, nruns, pairs[p][1]);

		for (size_t i = 0; i < sizeof(mmio) / sizeof(mmio[0]); i++) {
			snprintf(what, sizeof(what), "%s %s <= 1.10 x %s", pairs[p][0],
				 bench_row_label(mmio[i]), pairs[p][1]);
			if (runner < 0 && p > 0) { /* a column this run did not have */
				target_line(out, fmt, what, "no figure", "not run here");
				continue;
			}
			if (runner < 0 || loop < 0 || !cell_value(&runs[runner], mmio[i], &x) ||
			    !cell_value(&runs[loop], mmio[i], &y) || y <= 0) {
				target_line(out, fmt, what, "no figure", "not measured");
				continue;
			}
			snprintf(got, sizeof(got), "%ld vs %ld (%.2fx)", x, y, (double)x / y);
			target_line(out, fmt, what, got, 10 * x <= 11 * y ? "met" : "missed");
		}
	}
}

/*
 * The bare hypervisor's interrupt delivery (issue 13): the virtual timer's
 * expiry to the guest's handler within 3 times its HVC round trip.
 */
static void irq_target(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns)
{
	int nolog = bench_find(runs, nruns, "hyp-nolog");
	char what[96], got[64];
	long x, y;

	snprintf(what, sizeof(what), "hyp-nolog %s <= 3 x hyp-nolog %s",
		 bench_row_label(BENCH_IRQ_LATENCY), bench_row_label(BENCH_HVC));
	if (nolog < 0 || !cell_value(&runs[nolog], BENCH_IRQ_LATENCY, &x) ||
	    !cell_value(&runs[nolog], BENCH_HVC, &y) || y <= 0) {
		target_line(out, fmt, what, "no figure", "not measured");
		return;
	}
	snprintf(got, sizeof(got), "%ld vs %ld (%.1fx)", x, y, (double)x / y);
	target_line(out, fmt, what, got, x <= 3 * y ? "met" : "missed");
}

void bench_targets(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns)
{
	int nolog = bench_find(runs, nruns, "hyp-nolog");
	int log = bench_find(runs, nruns, "hyp");
	char what[96], got[64];
	long x, y;

	for (size_t i = 0; i < sizeof(nolog_targets) / sizeof(nolog_targets[0]); i++) {
		enum bench_row r = nolog_targets[i].row;
		snprintf(what, sizeof(what), "hyp-nolog %s <= %ld", bench_row_label(r),
			 nolog_targets[i].max);
		if (nolog < 0 || !cell_value(&runs[nolog], r, &x)) {
			target_line(out, fmt, what, "no figure", "not measured");
			continue;
		}
		snprintf(got, sizeof(got), "%ld", x);
		target_line(out, fmt, what, got, x <= nolog_targets[i].max ? "met" : "missed");
	}
	for (size_t i = 0; i < sizeof(log_rows) / sizeof(log_rows[0]); i++) {
		enum bench_row r = log_rows[i];
		snprintf(what, sizeof(what), "hyp (log on) %s <= 1.3 x hyp-nolog",
			 bench_row_label(r));
		if (nolog < 0 || log < 0 || !cell_value(&runs[nolog], r, &y) ||
		    !cell_value(&runs[log], r, &x)) {
			target_line(out, fmt, what, "no figure", "not measured");
			continue;
		}
		snprintf(got, sizeof(got), "%ld vs %ld (%.2fx)", x, y, (double)x / y);
		target_line(out, fmt, what, got, 10 * x <= 13 * y ? "met" : "missed");
	}
	irq_target(out, fmt, runs, nruns);
	loop_targets(out, fmt, runs, nruns);
}
