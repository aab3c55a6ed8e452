/*
 * benchtab: the bench table from the guest consoles of several runs.
 *
 *   benchtab [--md FILE] [--csv FILE] [--base NAME] NAME=CONSOLE ...
 *
 * Prints the text table, the notes and the targets; --md writes the same as
 * Markdown, --csv the table alone (one shape of row). A console that is
 * missing or incomplete becomes an empty column and a note. Exit: 0 when every run is complete with its
 * calibration exact, 1 otherwise, 2 on bad usage.
 */
#include "benchtab.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RUNS 16 /* every column of make bench with both KVMs: 13 */

static void usage(void)
{
	fprintf(stderr,
		"usage: benchtab [--md FILE] [--csv FILE] [--base NAME] NAME=CONSOLE ...\n");
	exit(2);
}

/* Reads one NAME=CONSOLE; a problem becomes a note, not an exit. */
static bool load_run(struct bench_run *run, const char *arg, char *note, size_t n)
{
	const char *eq = strchr(arg, '=');
	char err[256];
	FILE *f;

	if (!eq || eq == arg || (size_t)(eq - arg) >= sizeof(run->name)) {
		fprintf(stderr, "benchtab: '%s' is not NAME=CONSOLE\n", arg);
		exit(2);
	}
	memset(run, 0, sizeof(*run));
	memcpy(run->name, arg, eq - arg);
	f = fopen(eq + 1, "r");
	if (!f)
		return snprintf(note, n, "%s: no run (%s: %s)", run->name, eq + 1, strerror(errno)),
		       false;
	int rc = bench_read(run, f, err, sizeof(err));
	fclose(f);
	if (rc < 0) {
		run->present = false;
		return snprintf(note, n, "%s: %s: %s", run->name, eq + 1, err), false;
	}
	if (!bench_complete(run))
		return snprintf(note, n, "%s: incomplete output (no calibration or a row missing)",
				run->name),
		       false;
	if (!run->cntfrq_ok || !run->cal_ok)
		return snprintf(
			       note,
			       n, "%s: calibration off: figures are not instructions (-icount shift=0?)",
			       run->name),
		       false;
	return snprintf(note, n, "%s: calibration exact", run->name), true;
}

static void write_file(const char *path, enum bench_fmt fmt, const struct bench_run *runs,
		       int nruns, int base, char notes[][300])
{
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "benchtab: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	if (fmt == BENCH_MD)
		fputs("# Trap round trips, in instructions (make bench)\n\n", f);
	bench_table(f, fmt, runs, nruns, base);
	if (fmt == BENCH_MD) {
		fputs("\nRuns:\n", f);
		for (int i = 0; i < nruns; i++)
			fprintf(f, "- %s\n", notes[i]);
		fputs("\nTargets (reported, not asserted):\n", f);
		bench_targets(f, fmt, runs, nruns);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	static struct bench_run runs[MAX_RUNS];
	static char notes[MAX_RUNS][300];
	const char *md = NULL, *csv = NULL, *base_name = "hyp-nolog";
	int nruns = 0, i, base;
	bool all_ok = true;

	for (i = 1; i < argc && argv[i][0] == '-'; i += 2) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--md") == 0)
			md = argv[i + 1];
		else if (strcmp(argv[i], "--csv") == 0)
			csv = argv[i + 1];
		else if (strcmp(argv[i], "--base") == 0)
			base_name = argv[i + 1];
		else
			usage();
	}
	if (i == argc)
		usage();
	if (argc - i > MAX_RUNS) {
		fprintf(stderr, "benchtab: %d runs given, at most %d\n", argc - i, MAX_RUNS);
		return 2;
	}
	for (; i < argc; i++, nruns++)
		all_ok &= load_run(&runs[nruns], argv[i], notes[nruns], sizeof(notes[0]));
	base = bench_find(runs, nruns, base_name);
	if (base < 0) {
		fprintf(stderr, "benchtab: no run named '%s' to compare against\n", base_name);
		return 2;
	}
	bench_table(stdout, BENCH_TEXT, runs, nruns, base);
	for (i = 0; i < nruns; i++)
		printf("run: %s\n", notes[i]);
	bench_targets(stdout, BENCH_TEXT, runs, nruns);
	if (md)
		write_file(md, BENCH_MD, runs, nruns, base, notes);
	if (csv)
		write_file(csv, BENCH_CSV, runs, nruns, base, notes);
	return all_ok ? 0 : 1;
}
