/*
 * The test bed init's command line: the words after " -- " on the kernel
 * command line (read from /proc/cmdline: the kernel would also hand init
 * the words it does not know before "--", e.g. nokaslr):
 *
 *   [--no-count] [--limit SECONDS] [--kallsyms] [--order] [--no-traplog]
 *   [--no-ioctls] [--no-regs] [--qemu] [--runner NAME] [--console-only]
 *   [--stdin NAME | --tty] GUEST [RUNNER_OPTION...]
 * or
 *   [--kallsyms] [--order] --list NAME
 *
 * --no-count runs the runner without ptrace (no syscall count, no tracing
 * overhead in the wall time); --limit kills it after SECONDS (default 60);
 * --kallsyms also sends the kernel's KVM symbols back (ksyms.h); --order
 * also runs TESTBED_ORDER after the guest (or the list) and sends its table;
 * --no-traplog/--no-ioctls/--no-regs leave that result option out (the
 * runner's lean path, for footprint and benchmark runs).
 * --qemu runs Debian's QEMU (TESTBED_QEMU, in the initramfs with
 * mkinitramfs.sh --tree) with KVM instead of kvm-runner: TESTBED_QEMU_ARGS,
 * then the runner options (QEMU's own, e.g. -m 256), then -kernel GUEST.
 * --runner NAME runs /bin/NAME (an --tool of mkinitramfs.sh, e.g. the
 * bench's bare KVM_RUN loop) in kvm-runner's place, with the same words:
 * one boot serves runs of both. --console-only sends back the console,
 * stderr and runinfo only: the runner writes its logs as usual (their cost
 * is the run's), but they stay in the VM. --stdin NAME gives the runner
 * /guests/NAME as its stdin (the guest's typed input with kvm-runner's
 * --stdin); otherwise it inherits init's. --tty: the run is interactive
 * (run-testbed.sh --tty): the console, raw, is the runner's stdin, and its
 * stdout goes to the console as well as to the console file.
 * GUEST names /guests/GUEST.elf in the initramfs, or a raw image
 * /guests/GUEST when the name ends in .bin; the runner options (e.g.
 * --timeout 10) go to kvm-runner before the result-file options init adds.
 * Words are split at blanks; "double quotes" keep a word with blanks in
 * it together (-p "console=ttyAMA0 quiet").
 *
 * --list runs every line of /guests/NAME in turn, in one boot (the guest
 * list, docs/testbed.md): each line is "RUN [INIT_OPTION...] GUEST
 * [RUNNER_OPTION...]", # starts a comment; RUN names the run and its
 * results (/out/RUN/..., sent back as RUN.console, RUN.traplog ...).
 * Pure C: the host unit tests cover it.
 */
#ifndef TESTBED_INITARGS_H
#define TESTBED_INITARGS_H

#include <stdbool.h>
#include <stddef.h>

/* clang-format off */
#define TESTBED_RUNNER		"/bin/kvm-runner"
#define TESTBED_BIN_DIR		"/bin"	/* --runner NAME: /bin/NAME */
#define TESTBED_QEMU		"/usr/bin/qemu-system-aarch64"	/* fetch-qemu.sh */
#define TESTBED_ORDER		"/bin/kvm-order"	/* kvm-runner/order/ */
#define TESTBED_GUEST_DIR	"/guests"
#define TESTBED_OUT_DIR		"/out"
#define TESTBED_MAX_ARGS	32
#define TESTBED_ARGV_MAX	56	/* a program's words: QEMU's fixed ones and 32 */
#define TESTBED_NAME_MAX	64
/* clang-format on */

/* clang-format off */
#define TESTBED_DEFAULT_LIMIT	60
#define TESTBED_NRESULTS	3	/* traplog, ioctls, regs */
#define TESTBED_PATH_MAX	(TESTBED_NAME_MAX + sizeof(TESTBED_OUT_DIR) + 16)
#define TESTBED_LIST_MAX	256	/* runs in one list */
/* clang-format on */

struct init_args {
	bool count_syscalls;	      /* ptrace the runner and count its syscalls */
	unsigned limit_s;	      /* the runner is killed after this */
	bool kallsyms;		      /* send the KVM symbols back */
	bool order;		      /* run TESTBED_ORDER too */
	bool qemu;		      /* run TESTBED_QEMU, not kvm-runner */
	bool console_only;	      /* send console, stderr, runinfo only */
	bool tty;		      /* the console is the runner's stdin and stdout */
	unsigned no_result;	      /* result options left out, bit k = k-th */
	char guest[TESTBED_NAME_MAX]; /* a name, never a path */
	char guest_path[TESTBED_NAME_MAX + sizeof(TESTBED_GUEST_DIR) + 8];
	char list[TESTBED_NAME_MAX];				     /* --list NAME, else "" */
	char runner[TESTBED_NAME_MAX + sizeof(TESTBED_BIN_DIR) + 8]; /* what runs */
	char result_path[TESTBED_NRESULTS][TESTBED_PATH_MAX];
	char stdin_path[TESTBED_NAME_MAX + sizeof(TESTBED_GUEST_DIR) + 8]; /* "": inherited */
	const char *argv[TESTBED_ARGV_MAX + 1]; /* the runner's, NULL-ended */
	int argc;
};

/*
 * Splits the words after " -- " in cmdline (modified in place) into argv,
 * after argv[0] = "init". Returns argc (1 when there is no " -- "), or -1
 * when there are more than max words or a quote is not closed.
 */
int cmdline_split(char *cmdline, char **argv, int max);

/*
 * Splits s (modified in place) into at most max words, quotes as above.
 * Returns the count, or -1 (too many words, a quote left open).
 */
int words_split(char *s, char **argv, int max);

/*
 * Parses init's argv (argv[0] is init itself) into a->argv for the runner,
 * its result files in out_dir. Returns 0, or -1 with a one-line reason.
 */
int init_args_parse_in(int argc, char **argv, const char *out_dir, struct init_args *a, char *err,
		       size_t errlen);
/* The same with the results in TESTBED_OUT_DIR. */
int init_args_parse(int argc, char **argv, struct init_args *a, char *err, size_t errlen);

/*
 * One line of a guest list (modified in place): 0 with the run's name in
 * run and its arguments in a (results in TESTBED_OUT_DIR/RUN), 1 for a
 * blank or comment line, -1 with a reason in err.
 */
int list_line_parse(char *line, char *run, size_t runlen, struct init_args *a, char *err,
		    size_t errlen);

/* True for a name of /guests or of a run: letters, digits, -, _ and ., not leading. */
bool testbed_name_ok(const char *s);

#endif
