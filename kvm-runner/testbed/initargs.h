/*
 * The test bed init's command line: the words after " -- " on the kernel
 * command line (read from /proc/cmdline: the kernel would also hand init
 * the words it does not know before "--", e.g. nokaslr):
 *
 *   [--no-count] [--limit SECONDS] [--kallsyms] [--order] [--no-traplog]
 *   [--no-ioctls] [--no-regs] GUEST [RUNNER_OPTION...]
 *
 * --no-count runs the runner without ptrace (no syscall count, no tracing
 * overhead in the wall time); --limit kills it after SECONDS (default 60);
 * --kallsyms also sends the kernel's KVM symbols back (ksyms.h); --order
 * also runs TESTBED_ORDER after the guest and sends its table back;
 * --no-traplog/--no-ioctls/--no-regs leave that result option out (the
 * runner's lean path, for footprint and benchmark runs).
 * GUEST names /guests/GUEST.elf in the initramfs; the runner options (e.g.
 * --timeout 10) go to kvm-runner before the result-file options init adds.
 * Pure C: the host unit tests cover it.
 */
#ifndef TESTBED_INITARGS_H
#define TESTBED_INITARGS_H

#include <stdbool.h>
#include <stddef.h>

#define TESTBED_RUNNER		"/bin/kvm-runner"
#define TESTBED_ORDER		"/bin/kvm-order"	/* kvm-runner/order/ */
#define TESTBED_GUEST_DIR	"/guests"
#define TESTBED_OUT_DIR		"/out"
#define TESTBED_MAX_ARGS	32
#define TESTBED_NAME_MAX	64

#define TESTBED_DEFAULT_LIMIT	60

struct init_args {
	bool count_syscalls;		/* ptrace the runner and count its syscalls */
	unsigned limit_s;		/* the runner is killed after this */
	bool kallsyms;			/* send the KVM symbols back */
	bool order;			/* run TESTBED_ORDER too */
	unsigned no_result;		/* result options left out, bit k = k-th */
	char guest[TESTBED_NAME_MAX];	/* a name, never a path */
	char guest_path[TESTBED_NAME_MAX + sizeof(TESTBED_GUEST_DIR) + 8];
	const char *argv[TESTBED_MAX_ARGS + 1];	/* the runner's, NULL-ended */
	int argc;
};

/*
 * Splits the words after " -- " in cmdline (modified in place) into argv,
 * after argv[0] = "init". Returns argc (1 when there is no " -- "), or -1
 * when there are more than max words.
 */
int cmdline_split(char *cmdline, char **argv, int max);

/*
 * Parses init's argv (argv[0] is init itself) into a->argv for the runner.
 * Returns 0, or -1 with a one-line reason in err.
 */
int init_args_parse(int argc, char **argv, struct init_args *a, char *err, size_t errlen);

#endif
