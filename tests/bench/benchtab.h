/*
 * benchtab: reads the bench guest's console lines (guests/bench.S) from one
 * run per VMM and sets them side by side, with ratios and the issue's
 * targets. Pure C, no I/O beyond the FILE the caller gives.
 */
#ifndef BENCH_BENCHTAB_H
#define BENCH_BENCHTAB_H

#include <stdbool.h>
#include <stdio.h>

/* The rows, in the guest's order; BENCH_EMPTY is the loop baseline. */
enum bench_row {
	BENCH_EMPTY,
	BENCH_HVC,
	BENCH_HVC_WA1,
	BENCH_MMIO_ST,
	BENCH_MMIO_LD,
	BENCH_CP15,
	BENCH_SMC,
	BENCH_IRQ_LATENCY, /* issue 9: the virtual timer's expiry to the guest's handler */
	BENCH_IRQ_EOI,	   /* issue 9: the guest's GICC_EOIR */
	BENCH_NROWS
};

/* The key in "BENCH: row=KEY" ("hvc-wa1"), or NULL. */
const char *bench_row_key(enum bench_row r);
/* The table's label ("HVC SMCCC_ARCH_WORKAROUND_1"). */
const char *bench_row_label(enum bench_row r);

struct bench_cell {
	bool seen;    /* a row line was read */
	bool skipped; /* the CPU could not run it (skipped=undef) */
	long insns;   /* instructions per round trip */
	long ticks;   /* the median window, in CNTVCT ticks */
};

/* One run: the figures of one VMM. */
struct bench_run {
	char name[24]; /* column name: "hyp-nolog", "kvm-arm64" ... */
	bool present;  /* a console was read at all */
	bool cntfrq_ok, cal_ok;
	bool cntfrq_seen, cal_seen;
	struct bench_cell cell[BENCH_NROWS];
};

/*
 * Parses one console line into run. Lines that are not "BENCH: ..." are
 * ignored (returns 0); a malformed BENCH line returns -1 with err set.
 */
int bench_parse_line(struct bench_run *run, const char *line, char *err, size_t errlen);

/* Reads a whole console; -1 with "LINE: why" in err on a malformed line. */
int bench_read(struct bench_run *run, FILE *f, char *err, size_t errlen);

/* A run that parsed is complete when calibration and every row were seen. */
bool bench_complete(const struct bench_run *run);

/* Output forms. */
enum bench_fmt { BENCH_TEXT, BENCH_MD, BENCH_CSV };

/*
 * The table: rows down, one column per run, then "X/base" ratios for every
 * run after base (runs[base] is the bare hypervisor without log).
 */
void bench_table(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns, int base);

/* The targets against the figures: one line each, "met"/"missed". */
void bench_targets(FILE *out, enum bench_fmt fmt, const struct bench_run *runs, int nruns);

/* Index of the run named name, or -1. */
int bench_find(const struct bench_run *runs, int nruns, const char *name);

#endif
