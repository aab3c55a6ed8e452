/*
 * traplog: check and compare trap logs (docs/trap-log.md, docs/comparison.md).
 *
 *   traplog check [--console] FILE...
 *   traplog diff [-e TABLE] [--md] [--context N] [--console] A B
 *   traplog console [-e TABLE] [--md] --guest G --side S NATIVE OTHER
 *   traplog summary [-e TABLE] [--md] [--console] A B
 *
 * Exit: 0 valid / no unexplained difference, 1 invalid log / unexplained
 * differences, 2 usage or unreadable input (a missing file: 2 for both).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cdiff.h"
#include "tlog.h"
#include "tlog_summary.h"

static const char usage[] =
	"usage: traplog check [--console] FILE...\n"
	"       traplog diff [-e TABLE] [--md] [--context N] [--console] A B\n"
	"       traplog console [-e TABLE] [--md] --guest G --side S NATIVE OTHER\n"
	"       traplog summary [-e TABLE] [--md] [--console] A B\n"
	"  check      validate logs (header, every trap line, end line)\n"
	"  diff       line A and B up trap by trap; every difference must be\n"
	"             explained by an entry of TABLE (expected differences)\n"
	"  console    a run's console against the native one; every differing\n"
	"             line must be explained by an entry of TABLE (console\n"
	"             differences) for guest G and the run's side S\n"
	"  summary    counts per class of trap on each side; every class whose\n"
	"             counts differ must be explained by an entry of TABLE\n"
	"             (count differences)\n"
	"  --console  read only the \"trap: \" lines of a console capture\n"
	"  --md       print the diff as Markdown\n"
	"  --context N  fold the same rows more than N rows from a difference\n"
	"exit: 0 ok, 1 invalid log or unexplained differences, 2 usage/input error\n";

struct args {
	const char *table;
	enum tlog_format fmt;
	struct tlog_opts o;
	int context;		  /* -1: every row */
	const char *guest, *side; /* console */
	int first;		  /* optind of the first file */
};

static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "expected", required_argument, NULL, 'e' },
		{ "md", no_argument, NULL, 'm' },
		{ "console", no_argument, NULL, 'c' },
		{ "context", required_argument, NULL, 'C' },
		{ "guest", required_argument, NULL, 'g' },
		{ "side", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	char *end;

	memset(a, 0, sizeof(*a));
	a->context = -1;
	optind = 2;
	while ((c = getopt_long(argc, argv, "e:h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': a->table = optarg; break;
		case 'm': a->fmt = TLOG_FMT_MD; break;
		case 'c': a->o.console = true; break;
		case 'g': a->guest = optarg; break;
		case 's': a->side = optarg; break;
		case 'C':
			a->context = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || a->context < 0 || a->context > 100000)
				return -1;
			break;
		case 'h': fputs(usage, stdout); exit(0);
		default: return -1;
		}
	}
	a->first = optind;
	return 0;
}

/* One log checked: 0 valid, 1 invalid, 2 unreadable (as diff says for it). */
static int check_one(const char *path, const struct args *a)
{
	FILE *f = fopen(path, "r");
	char err[512];
	struct tlog log;
	int bad = 0;

	if (!f) {
		fprintf(stderr, "traplog: %s: %s\n", path, strerror(errno));
		return 2;
	}
	if (tlog_load_stream(f, path, &a->o, &log, err, sizeof(err)) < 0 ||
	    tlog_validate(&log, err, sizeof(err)) < 0) {
		fprintf(stderr, "traplog: %s\n", err);
		bad = 1;
	} else {
		printf("%s: ok: side=%s guest=%s traps=%zu dropped=%u status=%d\n", path, log.side,
		       log.guest, log.n, log.end_dropped, log.end_status);
	}
	tlog_free(&log);
	fclose(f);
	return bad;
}

/* The worst of the files' results: 2 unreadable, 1 invalid, 0 all valid. */
static int cmd_check(int argc, char **argv, const struct args *a)
{
	int rc = 0;

	if (a->first >= argc) {
		fputs("traplog check: no file given\n", stderr);
		return 2;
	}
	for (int i = a->first; i < argc; i++) {
		int r = check_one(argv[i], a);

		if (r > rc)
			rc = r;
	}
	return rc;
}

static int cmd_diff(int argc, char **argv, const struct args *a)
{
	struct tlog la, lb;
	struct tlog_table t = { 0 };
	struct tlog_diff d = { 0 };
	char err[512];
	int rc = 2;

	if (argc - a->first != 2) {
		fputs("traplog diff: want two logs, A and B\n", stderr);
		return 2;
	}
	memset(&lb, 0, sizeof(lb));
	if (tlog_load(argv[a->first], &a->o, &la, err, sizeof(err)) < 0 ||
	    tlog_load(argv[a->first + 1], &a->o, &lb, err, sizeof(err)) < 0 ||
	    (a->table && tlog_table_load(a->table, &t, err, sizeof(err)) < 0) ||
	    tlog_align(&la, &lb, &d, err, sizeof(err)) < 0) {
		fprintf(stderr, "traplog: %s\n", err);
		goto out;
	}
	tlog_explain(&t, &d, &la, &lb);
	rc = tlog_report(stdout, a->fmt, a->context, &la, &lb, &d, &t) ? 1 : 0;
out:
	tlog_diff_free(&d);
	tlog_table_free(&t);
	tlog_free(&la);
	tlog_free(&lb);
	return rc;
}

static int load_file(const char *path, struct cdiff_lines *l, struct cdiff_table *t, char *err,
		     size_t n)
{
	FILE *f = fopen(path, "r");
	int rc;

	if (!f) {
		snprintf(err, n, "%s: cannot open", path);
		return -1;
	}
	rc = l ? cdiff_load(f, path, l, err, n) : cdiff_table_load(f, path, t, err, n);
	fclose(f);
	return rc;
}

static int cmd_console(int argc, char **argv, const struct args *a)
{
	struct cdiff_lines la = { 0 }, lb = { 0 };
	struct cdiff_table t = { 0 };
	struct cdiff d = { 0 };
	char err[512];
	size_t left;
	int rc = 2;

	if (argc - a->first != 2 || !a->guest || !a->side) {
		fputs("traplog console: want --guest, --side and two consoles, NATIVE and OTHER\n",
		      stderr);
		return 2;
	}
	if (load_file(argv[a->first], &la, NULL, err, sizeof(err)) < 0 ||
	    load_file(argv[a->first + 1], &lb, NULL, err, sizeof(err)) < 0 ||
	    (a->table && load_file(a->table, NULL, &t, err, sizeof(err)) < 0) ||
	    cdiff_diff(&la, &lb, &d, err, sizeof(err)) < 0) {
		fprintf(stderr, "traplog: %s\n", err);
		goto out;
	}
	left = cdiff_explain(&t, a->guest, a->side, &d);
	cdiff_report(stdout, a->fmt == TLOG_FMT_MD, a->side, &d, &t);
	rc = left ? 1 : 0;
out:
	cdiff_free(&d);
	cdiff_table_free(&t);
	cdiff_lines_free(&la);
	cdiff_lines_free(&lb);
	return rc;
}

static int cmd_summary(int argc, char **argv, const struct args *a)
{
	struct tlog la, lb;
	struct tlog_count_table t = { 0 };
	struct tlog_summary s = { 0 };
	char err[512];
	int rc = 2;

	if (argc - a->first != 2) {
		fputs("traplog summary: want two logs, A and B\n", stderr);
		return 2;
	}
	memset(&la, 0, sizeof(la));
	memset(&lb, 0, sizeof(lb));
	if (tlog_load(argv[a->first], &a->o, &la, err, sizeof(err)) < 0 ||
	    tlog_load(argv[a->first + 1], &a->o, &lb, err, sizeof(err)) < 0 ||
	    (a->table && tlog_count_table_load(a->table, &t, err, sizeof(err)) < 0)) {
		fprintf(stderr, "traplog: %s\n", err);
		goto out;
	}
	if (tlog_summarize(&la, &lb, &t, &s) < 0) {
		fputs("traplog: out of memory\n", stderr);
		goto out;
	}
	tlog_summary_print(stdout, a->fmt == TLOG_FMT_MD, &la, &lb, &s, &t);
	rc = s.unexplained ? 1 : 0;
out:
	tlog_summary_free(&s);
	tlog_count_table_free(&t);
	tlog_free(&la);
	tlog_free(&lb);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a;

	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (parse_args(argc, argv, &a) < 0) {
		fputs(usage, stderr);
		return 2;
	}
	if (strcmp(argv[1], "check") == 0)
		return cmd_check(argc, argv, &a);
	if (strcmp(argv[1], "diff") == 0)
		return cmd_diff(argc, argv, &a);
	if (strcmp(argv[1], "console") == 0)
		return cmd_console(argc, argv, &a);
	if (strcmp(argv[1], "summary") == 0)
		return cmd_summary(argc, argv, &a);
	fprintf(stderr, "traplog: unknown command \"%s\" (check, diff, console, summary)\n",
		argv[1]);
	return 2;
}
