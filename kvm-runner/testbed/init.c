/*
 * /init of the KVM test bed: mounts what kvm-runner needs, runs it (or,
 * with --qemu, Debian's QEMU with KVM) on one guest (arguments from the
 * kernel command line after "--", see initargs.h) or on each run of a guest
 * list (--list), sends the results back over the console between markers
 * (report.h) and powers the machine off, so that QEMU exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "exitline.h"
#include "initargs.h"
#include "iotable.h"
#include "ksyms.h"
#include "memmap.h"
#include "report.h"
#include "sctrace.h"

/* clang-format off */
#define OUT(f) TESTBED_OUT_DIR "/" f
#define STATUS_SETUP 203	/* the test bed itself failed: VMM_STATUS_FAILED */
/* clang-format on */

static void mount_one(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL) < 0 && errno != EBUSY)
		fprintf(stderr, "init: mount %s on %s: %s\n", type, dir, strerror(errno));
}

static void mount_all(void)
{
	mount_one("proc", "/proc", "proc");
	mount_one("sysfs", "/sys", "sysfs");
	mount_one("devtmpfs", "/dev", "devtmpfs");
	mount_one("tracefs", "/sys/kernel/tracing", "tracefs");
	mkdir(TESTBED_OUT_DIR, 0755);
}

/* dir/name */
static const char *in_dir(const char *dir, const char *name)
{
	static char path[TESTBED_PATH_MAX + 16];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* "qemu", "kvm-runner", or --runner's NAME */
static const char *vmm_name(const struct init_args *a)
{
	return a->qemu ? "qemu" : strrchr(a->argv[0], '/') + 1;
}

static void write_runinfo(const char *dir, const struct init_args *a, const struct sctrace *st,
			  int status, const char *source)
{
	FILE *f = fopen(in_dir(dir, "runinfo"), "w");
	struct utsname u;

	if (!f)
		return;
	uname(&u);
	fprintf(f, "guest: %s\n", a->guest);
	fprintf(f, "vmm: %s\n", vmm_name(a));
	fprintf(f, "exit_status: %d\n", status);
	if (a->qemu) {
		fprintf(f, "vmm_status: %d\n", sctrace_exit_code(st->status));
		fprintf(f, "status_from: %s\n", source);
	}
	fprintf(f, "timed_out: %d\n", st->timed_out);
	fprintf(f, "wall_us: %lld\n", st->wall_ns / 1000);
	fprintf(f, "user_us: %lld\n",
		st->usage.ru_utime.tv_sec * 1000000LL + st->usage.ru_utime.tv_usec);
	fprintf(f, "sys_us: %lld\n",
		st->usage.ru_stime.tv_sec * 1000000LL + st->usage.ru_stime.tv_usec);
	fprintf(f, "syscalls_counted: %d\n", a->count_syscalls);
	fprintf(f, "syscalls_total: %lu\n", st->total);
	fprintf(f, "kernel: %s %s\n", u.release, u.machine);
	fclose(f);
}

static void write_syscalls(const char *dir, const struct sctrace *st)
{
	FILE *f = fopen(in_dir(dir, "syscalls"), "w");
	unsigned long nr;

	if (!f)
		return;
	fprintf(f, "# syscalls made by kvm-runner, counted at entry with ptrace: name count\n");
	for (nr = 0; nr <= SCTRACE_NR_MAX; nr++) {
		const char *name = nr < SCTRACE_NR_MAX ? sysname(nr) : "other";
		if (!st->count[nr])
			continue;
		if (name)
			fprintf(f, "%s %lu\n", name, st->count[nr]);
		else
			fprintf(f, "sys_%lu %lu\n", nr, st->count[nr]);
	}
	fprintf(f, "total %lu\n", st->total);
	fclose(f);
}

static void write_fdioctls(const char *dir, const struct iotable *io)
{
	FILE *f = fopen(in_dir(dir, "fdioctls"), "w");

	if (!f)
		return;
	iotable_write(f, io);
	fclose(f);
}

/*
 * A QEMU run's status: QEMU cannot see the board's STATUS register, so the
 * guest's last "EXIT: STATUS=n" line (the board's rule, exitline.h), 0 with
 * *source "none" when it printed none; QEMU's own failure is the VMM's.
 */
static int qemu_status(const char *console, int vmm_status, bool timed_out, const char **source)
{
	FILE *f = fopen(console, "r");
	struct exit_line e;
	enum exit_source src;
	uint32_t n;
	int c;

	*source = "vmm";
	if (vmm_status != 0) {
		fprintf(stderr, "init: qemu exited with %d\n", vmm_status);
		return timed_out ? BOARD_STATUS_TIMEOUT : STATUS_SETUP;
	}
	exit_line_init(&e);
	while (f && (c = getc(f)) != EOF)
		exit_line_feed(&e, (char)c);
	if (f)
		fclose(f);
	n = exit_status_pick(false, 0, &e, &src);
	*source = src == EXIT_FROM_LINE ? "line" : "none";
	return (int)n;
}

/* The KVM lines of /proc/kallsyms, readable once kptr_restrict is 0. */
static void write_kallsyms(void)
{
	FILE *k = fopen("/proc/sys/kernel/kptr_restrict", "w");
	FILE *in, *out;

	if (k) {
		fputs("0\n", k);
		fclose(k);
	}
	in = fopen("/proc/kallsyms", "r");
	out = fopen(OUT("kallsyms"), "w");
	if (in && out)
		ksyms_filter(in, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

static void report_dmesg(void)
{
	static char buf[1 << 18];
	int n = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf, sizeof(buf));

	if (n > 0)
		report_buf(stdout, "dmesg", (unsigned char *)buf, (size_t)n);
}

/* --order: kvm-order's table, after the guest's run and apart from its counts. */
static void run_order(unsigned limit_s)
{
	char *const argv[] = { TESTBED_ORDER, NULL };
	/* its stderr (a fatal line only) goes to the serial log */
	struct sctrace_opts o = { .limit_s = limit_s, .stdout_path = OUT("order") };
	struct sctrace st;

	if (sctrace_run(argv, &o, &st) < 0)
		fprintf(stderr, "init: running %s: %s\n", TESTBED_ORDER, strerror(errno));
	else if (sctrace_exit_code(st.status) != 0)
		fprintf(stderr, "init: %s exited with %d\n", TESTBED_ORDER,
			sctrace_exit_code(st.status));
}

/*
 * A run's files, sent as NAME (one guest) or RUN.NAME (a list's run); dtb
 * only when the runner was given --dump-dtb DIR/dtb, kvmtrace only with
 * --kvm-trace DIR/kvmtrace, fdioctls only when counted. A QEMU run writes
 * no trap log, trace or registers: all are optional. --console-only sends
 * the first REPORT_BRIEF (the logs stay in the VM: a bench run's trap log
 * and ioctl trace are over a megabyte of base64 through the emulated UART).
 */
static void report_run(const char *dir, const char *run, const struct init_args *a)
{
	static const char *const names[] = {
		"console", "stderr",   "runinfo",  "traplog", "ioctls",
		"regs",	   "syscalls", "fdioctls", "dtb",     "kvmtrace",
	};
	enum { REPORT_BRIEF = 3 }; /* console, stderr, runinfo */
	size_t n = a->console_only ? REPORT_BRIEF : sizeof(names) / sizeof(names[0]);
	char name[TESTBED_NAME_MAX + 16];

	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s%s%s", run ? run : "", run ? "." : "", names[i]);
		if ((run || a->qemu || strcmp(names[i], "dtb") == 0 ||
		     strcmp(names[i], "fdioctls") == 0 || strcmp(names[i], "kvmtrace") == 0) &&
		    access(in_dir(dir, names[i]), F_OK) < 0)
			continue; /* a list's runs send what they have, quietly */
		report_file(stdout, name, in_dir(dir, names[i]));
	}
}

/* init's arguments: the words after " -- " on the kernel command line. */
static int read_cmdline(char *buf, size_t n, char **argv, int max)
{
	FILE *f = fopen("/proc/cmdline", "r");
	size_t k = 0;

	if (f) {
		k = fread(buf, 1, n - 1, f);
		fclose(f);
	}
	buf[k] = '\0';
	return cmdline_split(buf, argv, max);
}

/*
 * --tty: whoever is on the test bed's console talks to the guest. The
 * console goes raw (each byte as typed, no echo: the guest's shell
 * echoes; no CR/LF mapping either way) and printk leaves it; the runner
 * writes into a pipe whose copier puts each byte on the console and in
 * the console file, which is sent back as in any run. Returns the
 * pipe's write end (the runner's stdout), or -1.
 */
struct tty_run {
	struct termios saved;
	bool restore;
	pid_t copier;
};

static int tty_start(struct tty_run *t, const char *console)
{
	struct termios raw;
	int p[2], out = open(console, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (out < 0 || pipe(p) < 0 || fcntl(p[0], F_SETFD, FD_CLOEXEC) < 0) { /* not the runner's */
		fprintf(stderr, "init: --tty: %s: %s\n", console, strerror(errno));
		if (out >= 0)
			close(out);
		return -1;
	}
	klogctl(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 1);
	t->restore = tcgetattr(STDIN_FILENO, &t->saved) == 0;
	raw = t->saved;
	cfmakeraw(&raw);
	if (t->restore)
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	fflush(stdout);
	t->copier = fork();
	if (t->copier == 0) {
		static char buf[4096];
		ssize_t n;

		close(p[1]);
		while ((n = read(p[0], buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR)) {
			ssize_t shown = n > 0 ? write(STDOUT_FILENO, buf, (size_t)n) : 0;

			(void)shown; /* the console may drop bytes; the file must have each */
			if (n > 0 && write(out, buf, (size_t)n) != n)
				_exit(1);
		}
		_exit(0);
	}
	close(p[0]);
	close(out);
	if (t->copier < 0) {
		close(p[1]);
		return -1;
	}
	return p[1];
}

/* The copier has the whole console once the runner is gone; the console is cooked again. */
static void tty_end(struct tty_run *t)
{
	if (t->copier > 0)
		while (waitpid(t->copier, NULL, 0) < 0 && errno == EINTR)
			;
	if (t->restore)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &t->saved);
}

/* Runs the runner as a says, its results in dir. Returns its exit status. */
static int run_one(const struct init_args *a, const char *dir)
{
	static struct sctrace st;
	static struct iotable io;
	char out[TESTBED_PATH_MAX + 16], err[TESTBED_PATH_MAX + 16];
	struct sctrace_opts o = { .stdout_path = out, .stderr_path = err, .io = &io };
	struct tty_run tty = { .copier = -1 };
	const char *source = "vmm";
	int status;

	memset(&io, 0, sizeof(io));
	snprintf(out, sizeof(out), "%s/console", dir);
	snprintf(err, sizeof(err), "%s/stderr", dir);
	o.count = a->count_syscalls;
	o.limit_s = a->limit_s;
	if (a->qemu)
		o.stdin_path = "/dev/null"; /* -serial stdio: no input, no terminal */
	if (a->stdin_path[0])
		o.stdin_path = a->stdin_path; /* --stdin NAME: the guest's typed input */
	if (a->tty && (o.stdout_fd = tty_start(&tty, out)) < 0)
		return STATUS_SETUP;
	if (sctrace_run((char *const *)a->argv, &o, &st) < 0) {
		fprintf(stderr, "init: running %s: %s\n", a->argv[0], strerror(errno));
		tty_end(&tty);
		return STATUS_SETUP;
	}
	tty_end(&tty);
	if (st.timed_out)
		fprintf(stderr, "init: %s killed after %u s (--limit)\n", vmm_name(a), a->limit_s);
	status = sctrace_exit_code(st.status);
	if (a->qemu)
		status = qemu_status(out, status, st.timed_out, &source);
	write_runinfo(dir, a, &st, status, source);
	if (a->count_syscalls) {
		write_syscalls(dir, &st);
		write_fdioctls(dir, &io);
	}
	return status;
}

/*
 * Every run of /guests/NAME in turn, each sent back as soon as it ends.
 * Returns 0 when each line was run (each run's status is in its runinfo),
 * else STATUS_SETUP after a line naming the first bad one.
 */
static int run_list(const char *name)
{
	static char line[1024];
	char path[TESTBED_PATH_MAX], run[TESTBED_NAME_MAX], dir[TESTBED_PATH_MAX], err[160];
	struct init_args a;
	unsigned lineno = 0, runs = 0;
	FILE *f;
	int rc = 0;

	klogctl(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 1); /* results go out meanwhile */
	snprintf(path, sizeof(path), "%s/%s", TESTBED_GUEST_DIR, name);
	if (!(f = fopen(path, "r"))) {
		fprintf(stderr, "init: %s: %s\n", path, strerror(errno));
		return STATUS_SETUP;
	}
	while (fgets(line, sizeof(line), f)) {
		int k;

		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			fprintf(stderr, "init: %s:%u: line too long\n", path, lineno);
			rc = STATUS_SETUP;
			break;
		}
		k = list_line_parse(line, run, sizeof(run), &a, err, sizeof(err));
		if (k > 0)
			continue;
		if (k < 0 || ++runs > TESTBED_LIST_MAX) {
			fprintf(stderr, "init: %s:%u: %s\n", path, lineno,
				k < 0 ? err : "too many runs");
			rc = STATUS_SETUP;
			break;
		}
		snprintf(dir, sizeof(dir), "%s/%s", TESTBED_OUT_DIR, run);
		mkdir(dir, 0755);
		printf("init: run %s: status %d\n", run, run_one(&a, dir));
		report_run(dir, run, &a);
	}
	fclose(f);
	return rc;
}

/* Runs what the command line says; a holds its options (zero when bad). */
static int run(struct init_args *a)
{
	static char cmdline[4096];
	char *argv[TESTBED_MAX_ARGS + 1];
	int argc = read_cmdline(cmdline, sizeof(cmdline), argv, TESTBED_MAX_ARGS);
	char err[160];
	int status;

	if (argc < 0) {
		fprintf(stderr,
			"init: more than %d words after -- on the kernel command line, "
			"or a quote left open\n",
			TESTBED_MAX_ARGS - 1);
		return STATUS_SETUP;
	}
	if (init_args_parse(argc, argv, a, err, sizeof(err)) < 0) {
		fprintf(stderr, "init: %s\n", err);
		memset(a, 0, sizeof(*a));
		return STATUS_SETUP;
	}
	if (a->list[0])
		status = run_list(a->list);
	else
		status = run_one(a, TESTBED_OUT_DIR);
	if (a->kallsyms)
		write_kallsyms();
	if (a->order)
		run_order(a->limit_s);
	return status;
}

int main(void)
{
	static struct init_args a;
	int status;

	mount_all();
	status = run(&a);
	klogctl(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 1); /* keep printk out of the data */
	if (!a.list[0]) /* a list's runs were sent as they ended */
		report_run(TESTBED_OUT_DIR, NULL, &a);
	if (a.kallsyms)
		report_file(stdout, "kallsyms", OUT("kallsyms"));
	if (a.order)
		report_file(stdout, "order", OUT("order"));
	report_dmesg();
	report_status(stdout, status);
	sync();
	reboot(RB_POWER_OFF);
	for (;;) /* init must never return: the kernel would panic */
		pause();
}
