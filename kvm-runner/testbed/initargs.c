/* The test bed init's command line (see initargs.h). */
#include "initargs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Files the runner writes in TESTBED_OUT_DIR, with the option naming each. */
static const char *const result_opts[][2] = {
	{ "--traplog", TESTBED_OUT_DIR "/traplog" },
	{ "--ioctl-trace", TESTBED_OUT_DIR "/ioctls" },
	{ "--regs", TESTBED_OUT_DIR "/regs" },
};
#define NRESULT_OPTS (sizeof(result_opts) / sizeof(result_opts[0]))

/* A guest name is a file name in /guests: letters, digits, '-', '_', '.'. */
static bool valid_name(const char *s)
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

/* --no-NAME leaves out the result NAME (the option after TESTBED_OUT_DIR/). */
static bool drop_result(struct init_args *a, const char *arg)
{
	if (strncmp(arg, "--no-", 5) != 0)
		return false;
	for (size_t k = 0; k < NRESULT_OPTS; k++)
		if (strcmp(arg + 5, result_opts[k][1] + sizeof(TESTBED_OUT_DIR)) == 0) {
			a->no_result |= 1u << k;
			return true;
		}
	return false;
}

static void push(struct init_args *a, const char *s) { a->argv[a->argc++] = s; }

int init_args_parse(int argc, char **argv, struct init_args *a, char *err, size_t errlen)
{
	int i = 1;
	size_t k;

	memset(a, 0, sizeof(*a));
	a->count_syscalls = true;
	a->limit_s = TESTBED_DEFAULT_LIMIT;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (strcmp(argv[i], "--no-count") == 0) {
			a->count_syscalls = false;
		} else if (drop_result(a, argv[i])) {
			/* --no-traplog, --no-ioctls, --no-regs: noted in a */
		} else if (strcmp(argv[i], "--kallsyms") == 0) {
			a->kallsyms = true;
		} else if (strcmp(argv[i], "--order") == 0) {
			a->order = true;
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if (parse_seconds(argv[++i], &a->limit_s) < 0) {
				snprintf(err, errlen, "bad --limit '%s' (1..3600 seconds)", argv[i]);
				return -1;
			}
		} else {
			snprintf(err, errlen, "unknown init option '%s'", argv[i]);
			return -1;
		}
	}
	if (i >= argc) {
		snprintf(err, errlen, "no guest given (kernel command line: -- [--no-count] "
			 "[--no-traplog] [--no-ioctls] [--no-regs] [--limit S] [--kallsyms] [--order] "
			 "GUEST [OPTION...])");
		return -1;
	}
	if (!valid_name(argv[i])) {
		snprintf(err, errlen, "bad guest name '%s' (a name in %s, not a path)", argv[i], TESTBED_GUEST_DIR);
		return -1;
	}
	strcpy(a->guest, argv[i]);
	snprintf(a->guest_path, sizeof(a->guest_path), "%s/%s.elf", TESTBED_GUEST_DIR, a->guest);
	i++;
	if (argc - i + 2 * (int)NRESULT_OPTS + 2 > TESTBED_MAX_ARGS) {
		snprintf(err, errlen, "too many runner options (at most %d words)",
			 TESTBED_MAX_ARGS - 2 * (int)NRESULT_OPTS - 2);
		return -1;
	}
	push(a, TESTBED_RUNNER);
	for (; i < argc; i++)
		push(a, argv[i]);
	for (k = 0; k < NRESULT_OPTS; k++) {
		if (a->no_result & 1u << k)
			continue;
		push(a, result_opts[k][0]);
		push(a, result_opts[k][1]);
	}
	push(a, a->guest_path);
	a->argv[a->argc] = NULL;
	return 0;
}

int cmdline_split(char *cmdline, char **argv, int max)
{
	char *p = strstr(cmdline, " -- ");
	int argc = 0;

	if (max < 1)
		return 0;
	argv[argc++] = "init";
	if (!p)
		return argc;
	for (p = strtok(p + 4, " \t\n"); p; p = strtok(NULL, " \t\n")) {
		if (argc == max)
			return -1;
		argv[argc++] = p;
	}
	return argc;
}
