/*
 * kutplan: run-kut.sh's pure part.
 *
 *   kutplan plan --vmm VMM [--max-smp N] [--group G] [--all] [--timeout S]
 *                [--only "PATTERN..."] CFG
 *       one line per test, fields split by 0x1f: action (RUN/SKIP), name,
 *       image, smp, mem MiB (0: default), timeout s, guest command line,
 *       QEMU words (native; split by 0x1e), note, skip reason.
 *   kutplan verdict --status N --console FILE [--why LINE] [--timeout S]
 *                   [--note TEXT] NAME
 *       prints the test's line as run_tests.sh does ("PASS name (2 tests)")
 *       and exits 0 pass, 1 fail, 77 skip.
 *   kutplan errata --kernel VERSION ERRATA.TXT
 *       the ERRATA_x=y|n lines for a KVM host of that kernel version.
 *   kutplan env --vmm VMM
 *       the environment's first line, TARGET=qemu|kit (as disabled_if sees it).
 *
 * Bad input: one line on stderr, exit 2.
 */
#include "kuterrata.h"
#include "kutplan.h"
#include "kutverdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS "\x1f"
#define WS "\x1e"
#define MAX_FILE (1 << 20)

static void die(const char *fmt, const char *a)
{
	fprintf(stderr, "kutplan: ");
	fprintf(stderr, fmt, a);
	fputc('\n', stderr);
	exit(2);
}

/* A whole file, NUL-ended; the caller frees it. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		die("cannot read %s", path);
	buf = malloc(MAX_FILE + 1);
	if (!buf)
		die("out of memory reading %s", path);
	n = fread(buf, 1, MAX_FILE + 1, f);
	fclose(f);
	if (n > MAX_FILE) {
		free(buf);
		die("%s is larger than 1 MiB", path);
	}
	buf[n] = '\0';
	return buf;
}

static unsigned number(const char *opt, const char *v, unsigned lo, unsigned hi)
{
	char *end;
	unsigned long n = v ? strtoul(v, &end, 10) : 0;

	if (!v || end == v || *end || n < lo || n > hi)
		die("%s needs a number in range", opt);
	return (unsigned)n;
}

/* The value after option argv[i] ("--all" takes none: the caller steps back). */
static const char *value(int argc, char **argv, int i)
{
	if (!strcmp(argv[i], "--all"))
		return NULL;
	if (i + 1 >= argc)
		die("option '%s' needs a value", argv[i]);
	return argv[i + 1];
}

/* Whether name holds one of the space-separated patterns (none: every name). */
static int selected(const char *name, const char *only)
{
	char buf[KUT_VALUE_MAX], *save, *p;
	int any = 0;

	if (!only)
		return 1;
	snprintf(buf, sizeof(buf), "%s", only);
	for (p = strtok_r(buf, " ", &save); p; p = strtok_r(NULL, " ", &save), any = 1)
		if (strstr(name, p))
			return 1;
	return !any;
}

static void print_run(const struct kut_test *t, const struct kut_run *r)
{
	printf("%s" FS "%s" FS "%s" FS "%d" FS "%u" FS "%u" FS "%s" FS,
	       r->action == KUT_RUN ? "RUN" : "SKIP", t->name, r->image, r->smp, r->mem_mib,
	       r->timeout_s, r->args);
	for (int i = 0; i < r->qemu.n; i++)
		printf("%s%s", i ? WS : "", r->qemu.w[i]);
	printf(FS "%s" FS "%s\n", r->note, r->reason);
}

static int cmd_plan(int argc, char **argv)
{
	struct kut_opts o = {.max_smp = 1};
	const struct kut_vmm *vmm = NULL;
	const char *only = NULL;
	static struct kut_cfg cfg;
	char err[256], *text;
	int i, r;

	for (i = 1; i < argc && argv[i][0] == '-'; i += 2) {
		const char *v = value(argc, argv, i);

		if (!strcmp(argv[i], "--vmm") && !(vmm = kut_vmm_find(v)))
			die("unknown VMM '%s' (native, hyp, kvm, kvm-armv7)", v);
		else if (!strcmp(argv[i], "--max-smp"))
			o.max_smp = (int)number("--max-smp", v, 1, 4096);
		else if (!strcmp(argv[i], "--group"))
			o.group = v;
		else if (!strcmp(argv[i], "--all"))
			o.all = 1, i--;
		else if (!strcmp(argv[i], "--timeout"))
			o.timeout_s = number("--timeout", v, 0, 86400);
		else if (!strcmp(argv[i], "--only"))
			only = v;
		else if (strcmp(argv[i], "--vmm"))
			die("unknown option '%s'", argv[i]);
	}
	if (i != argc - 1)
		die("%s", "usage: kutplan plan --vmm VMM [options] CFG");
	if (!vmm)
		die("%s", "plan needs --vmm");
	text = slurp(argv[i]);
	r = kut_cfg_parse(text, &cfg, err, sizeof(err));
	free(text);
	if (r) {
		fprintf(stderr, "kutplan: %s: %s\n", argv[i], err);
		return 2;
	}
	for (int k = 0; k < cfg.n; k++) {
		struct kut_run r;

		if (selected(cfg.tests[k].name, only) &&
		    kut_plan(&cfg.tests[k], vmm, &o, &r) != KUT_FILTERED)
			print_run(&cfg.tests[k], &r);
	}
	return 0;
}

static int cmd_verdict(int argc, char **argv)
{
	const char *console = NULL, *why = NULL, *note = NULL;
	unsigned timeout_s = KUT_DEFAULT_TIMEOUT;
	int status = -1, i;
	struct kut_verdict v;
	char *text;

	for (i = 1; i < argc && argv[i][0] == '-'; i += 2) {
		const char *v = value(argc, argv, i);

		if (!strcmp(argv[i], "--status"))
			status = (int)number("--status", v, 0, 255);
		else if (!strcmp(argv[i], "--console"))
			console = v;
		else if (!strcmp(argv[i], "--why"))
			why = v;
		else if (!strcmp(argv[i], "--note"))
			note = v;
		else if (!strcmp(argv[i], "--timeout"))
			timeout_s = number("--timeout", v, 1, 86400);
		else
			die("unknown option '%s'", argv[i]);
	}
	if (i != argc - 1 || status < 0 || !console)
		die("%s", "usage: kutplan verdict --status N --console FILE [options] NAME");
	text = slurp(console);
	kut_verdict(status, text, why, timeout_s, &v);
	free(text);
	printf("%s %s", kut_result_name(v.result), argv[i]);
	if (v.text[0] || (note && *note))
		printf(" (%s%s%s)", v.text, v.text[0] && note && *note ? "; " : "",
		       note ? note : "");
	putchar('\n');
	return v.result == KUT_PASS ? 0 : v.result == KUT_FAIL ? 1 : 77;
}

static int cmd_errata(int argc, char **argv)
{
	char out[8192], err[256], *text;

	if (argc != 4 || strcmp(argv[1], "--kernel"))
		die("%s", "usage: kutplan errata --kernel VERSION ERRATA.TXT");
	int r;

	text = slurp(argv[3]);
	r = kut_errata(text, argv[2], out, sizeof(out), err, sizeof(err));
	free(text);
	if (r) {
		fprintf(stderr, "kutplan: %s: %s\n", argv[3], err);
		return 2;
	}
	fputs(out, stdout);
	return 0;
}

static int cmd_env(int argc, char **argv)
{
	const struct kut_vmm *vmm;

	if (argc != 3 || strcmp(argv[1], "--vmm"))
		die("%s", "usage: kutplan env --vmm VMM");
	if (!(vmm = kut_vmm_find(argv[2])))
		die("unknown VMM '%s' (native, hyp, kvm, kvm-armv7)", argv[2]);
	printf("TARGET=%s\n", vmm->target);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "plan"))
		return cmd_plan(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "verdict"))
		return cmd_verdict(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "errata"))
		return cmd_errata(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "env"))
		return cmd_env(argc - 1, argv + 1);
	die("%s", "usage: kutplan plan|verdict|errata|env ... (see guests/kut/kut_main.c)");
	return 2;
}
