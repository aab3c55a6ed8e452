/* The test bed init's command line and guest lists (see initargs.h). */
#include "initargs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Files the runner writes in the run's directory, with the option naming each. */
static const char *const result_opts[TESTBED_NRESULTS][2] = {
	{ "--traplog", "traplog" },
	{ "--ioctl-trace", "ioctls" },
	{ "--regs", "regs" },
};

/*
 * QEMU with KVM: an AArch32 vCPU on the arm64 host (aarch64=off), the virt
 * board the native run uses, never a network device, the console on stdout.
 */
/* clang-format off */
static const char *const qemu_args[] = {
	"-M", "virt",
	"-cpu", "host,aarch64=off",
	"-accel", "kvm",
	"-smp", "1",
	"-nodefaults",
	"-nic", "none",
	"-display", "none",
	"-monitor", "none",
	"-serial", "stdio",
	"-no-reboot",
};
/* clang-format on */
#define QEMU_NARGS (sizeof(qemu_args) / sizeof(qemu_args[0]))

bool testbed_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= TESTBED_NAME_MAX || s[0] == '.' || s[0] == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return false;
	return true;
}

static int parse_seconds(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s < '0' || *s > '9' || *end || v < 1 || v > 3600)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* --no-NAME leaves out the result NAME. */
static bool drop_result(struct init_args *a, const char *arg)
{
	if (strncmp(arg, "--no-", 5) != 0)
		return false;
	for (size_t k = 0; k < TESTBED_NRESULTS; k++)
		if (strcmp(arg + 5, result_opts[k][1]) == 0) {
			a->no_result |= 1u << k;
			return true;
		}
	return false;
}

static void push(struct init_args *a, const char *s) { a->argv[a->argc++] = s; }

/* The init options before GUEST; returns the index of GUEST, or -1. */
static int init_options(int argc, char **argv, struct init_args *a, char *err, size_t errlen)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (strcmp(argv[i], "--no-count") == 0) {
			a->count_syscalls = false;
		} else if (drop_result(a, argv[i])) {
			/* --no-traplog, --no-ioctls, --no-regs: noted in a */
		} else if (strcmp(argv[i], "--kallsyms") == 0) {
			a->kallsyms = true;
		} else if (strcmp(argv[i], "--order") == 0) {
			a->order = true;
		} else if (strcmp(argv[i], "--qemu") == 0) {
			a->qemu = true;
		} else if (strcmp(argv[i], "--console-only") == 0) {
			a->console_only = true;
		} else if (strcmp(argv[i], "--tty") == 0) {
			a->tty = true;
		} else if (strcmp(argv[i], "--runner") == 0 && i + 1 < argc) {
			if (!testbed_name_ok(argv[++i])) {
				snprintf(err, errlen, "bad runner name '%s' (a name in %s)",
					 argv[i], TESTBED_BIN_DIR);
				return -1;
			}
			snprintf(a->runner, sizeof(a->runner), "%s/%s", TESTBED_BIN_DIR, argv[i]);
		} else if (strcmp(argv[i], "--stdin") == 0 && i + 1 < argc) {
			if (!testbed_name_ok(argv[++i])) {
				snprintf(err, errlen, "bad --stdin '%s' (a name in %s, not a path)",
					 argv[i], TESTBED_GUEST_DIR);
				return -1;
			}
			snprintf(a->stdin_path, sizeof(a->stdin_path), "%s/%s", TESTBED_GUEST_DIR,
				 argv[i]);
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if (parse_seconds(argv[++i], &a->limit_s) < 0) {
				snprintf(err, errlen, "bad --limit '%s' (1..3600 seconds)",
					 argv[i]);
				return -1;
			}
		} else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc) {
			if (!testbed_name_ok(argv[++i])) {
				snprintf(err, errlen,
					 "bad list name '%s' (a name in %s, not a path)", argv[i],
					 TESTBED_GUEST_DIR);
				return -1;
			}
			strcpy(a->list, argv[i]);
		} else {
			snprintf(err, errlen, "unknown init option '%s'", argv[i]);
			return -1;
		}
	}
	if (a->tty && a->stdin_path[0]) {
		snprintf(err, errlen, "--tty and --stdin %s: the runner has one stdin",
			 a->stdin_path);
		return -1;
	}
	return i;
}

int init_args_parse_in(int argc, char **argv, const char *out_dir, struct init_args *a, char *err,
		       size_t errlen)
{
	size_t n;
	int i;

	memset(a, 0, sizeof(*a));
	a->count_syscalls = true;
	a->limit_s = TESTBED_DEFAULT_LIMIT;
	if ((i = init_options(argc, argv, a, err, errlen)) < 0)
		return -1;
	if (a->list[0]) {
		if (i < argc) {
			snprintf(err, errlen, "--list takes no guest ('%s')", argv[i]);
			return -1;
		}
		return 0;
	}
	if (i >= argc) {
		snprintf(err, errlen,
			 "no guest given (kernel command line: -- [--no-count] "
			 "[--no-traplog] [--no-ioctls] [--no-regs] [--limit S] [--kallsyms] "
			 "[--order] [--qemu] [--runner NAME] [--console-only] [--stdin NAME | "
			 "--tty] "
			 "GUEST [OPTION...], "
			 "or --list NAME)");
		return -1;
	}
	if (!testbed_name_ok(argv[i])) {
		snprintf(err, errlen, "bad guest name '%s' (a name in %s, not a path)", argv[i],
			 TESTBED_GUEST_DIR);
		return -1;
	}
	strcpy(a->guest, argv[i]);
	n = strlen(a->guest);
	/* a raw image keeps its name; an ELF is named without .elf */
	snprintf(a->guest_path, sizeof(a->guest_path), "%s/%s%s", TESTBED_GUEST_DIR, a->guest,
		 n > 4 && strcmp(a->guest + n - 4, ".bin") == 0 ? "" : ".elf");
	i++;
	if (argc - i + 2 * TESTBED_NRESULTS + 2 > TESTBED_MAX_ARGS) {
		snprintf(err, errlen, "too many runner options (at most %d words)",
			 TESTBED_MAX_ARGS - 2 * TESTBED_NRESULTS - 2);
		return -1;
	}
	if (a->qemu && a->runner[0]) {
		snprintf(err, errlen, "--qemu and --runner: one VMM a run");
		return -1;
	}
	if (a->qemu) {
		push(a, TESTBED_QEMU);
		for (size_t k = 0; k < QEMU_NARGS; k++)
			push(a, qemu_args[k]);
		for (; i < argc; i++)
			push(a, argv[i]);
		push(a, "-kernel");
		push(a, a->guest_path);
		a->argv[a->argc] = NULL;
		return 0; /* QEMU writes no trap log, trace or registers */
	}
	push(a, a->runner[0] ? a->runner : TESTBED_RUNNER);
	for (; i < argc; i++)
		push(a, argv[i]);
	for (size_t k = 0; k < TESTBED_NRESULTS; k++) {
		if (a->no_result & 1u << k)
			continue;
		snprintf(a->result_path[k], sizeof(a->result_path[k]), "%s/%s", out_dir,
			 result_opts[k][1]);
		push(a, result_opts[k][0]);
		push(a, a->result_path[k]);
	}
	push(a, a->guest_path);
	a->argv[a->argc] = NULL;
	return 0;
}

int init_args_parse(int argc, char **argv, struct init_args *a, char *err, size_t errlen)
{
	return init_args_parse_in(argc, argv, TESTBED_OUT_DIR, a, err, errlen);
}

int words_split(char *s, char **argv, int max)
{
	int n = 0;

	for (;;) {
		char *w;

		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s)
			return n;
		if (n == max)
			return -1;
		w = s;
		argv[n++] = w;
		/* copy the word onto itself, dropping the quotes */
		for (bool quoted = false; *s && (quoted || !strchr(" \t\n\r", *s)); s++) {
			if (*s == '"')
				quoted = !quoted;
			else
				*w++ = *s;
			if (!s[1] && quoted)
				return -1;
		}
		if (*s)
			s++;
		*w = '\0';
	}
}

int cmdline_split(char *cmdline, char **argv, int max)
{
	char *p = strstr(cmdline, " -- ");
	int n;

	if (max < 1)
		return 0;
	argv[0] = "init";
	if (!p)
		return 1;
	n = words_split(p + 4, argv + 1, max - 1);
	return n < 0 ? -1 : n + 1;
}

int list_line_parse(char *line, char *run, size_t runlen, struct init_args *a, char *err,
		    size_t errlen)
{
	char *words[TESTBED_MAX_ARGS + 1], dir[TESTBED_PATH_MAX];
	char *hash = strchr(line, '#');
	int n;

	if (hash)
		*hash = '\0';
	n = words_split(line, words, TESTBED_MAX_ARGS);
	if (n == 0)
		return 1;
	if (n < 0) {
		snprintf(err, errlen, "more than %d words, or a quote left open", TESTBED_MAX_ARGS);
		return -1;
	}
	if (!testbed_name_ok(words[0]) || strlen(words[0]) >= runlen) {
		snprintf(err, errlen, "bad run name '%s'", words[0]);
		return -1;
	}
	snprintf(run, runlen, "%s", words[0]);
	snprintf(dir, sizeof(dir), "%s/%s", TESTBED_OUT_DIR, run);
	/* words[0] stands where init's argv[0] would */
	if (init_args_parse_in(n, words, dir, a, err, errlen) < 0)
		return -1;
	if (a->list[0] || a->kallsyms || a->order) {
		snprintf(err, errlen,
			 "--list, --kallsyms and --order belong on the kernel "
			 "command line");
		return -1;
	}
	return 0;
}
