/* Runs a program, under ptrace when counting its syscalls (see sctrace.h). */
#include "sctrace.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TIDS 64

static volatile pid_t watched_pid;

static void on_alarm(int sig)
{
	(void)sig;
	if (watched_pid > 0)
		kill(watched_pid, SIGKILL);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * The threads seen so far: a new one's first stop is the attach SIGSTOP.
 * Each keeps the row of the ioctl it is in, whose result its exit stop gives.
 */
struct tids {
	pid_t tid[MAX_TIDS];
	struct iotable_row *in_ioctl[MAX_TIDS];
	int n;
};

/* The thread's slot (-1 when the table is full); *first: it is new. */
static int tids_find(struct tids *t, pid_t tid, int *first)
{
	int i;

	*first = 0;
	for (i = 0; i < t->n; i++)
		if (t->tid[i] == tid)
			return i;
	*first = 1;
	if (t->n == MAX_TIDS)
		return -1;
	t->tid[t->n] = tid;
	t->in_ioctl[t->n] = NULL;
	return t->n++;
}

/* An ioctl's entry: its fd's role read from /proc while the fd is open. */
static struct iotable_row *decode_ioctl(pid_t tid, const struct __ptrace_syscall_info *info,
					struct iotable *io)
{
	char path[64], link[128], role[IOTABLE_LABEL];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, (int)info->entry.args[0]);
	n = readlink(path, link, sizeof(link) - 1);
	if (n >= 0)
		link[n] = '\0';
	iotable_fd_role(n >= 0 ? link : NULL, role, sizeof(role));
	/* the kernel takes the request as an unsigned int: QEMU's int is sign-extended */
	return iotable_add(io, role, (unsigned long)(uint32_t)info->entry.args[1]);
}

static void count_syscall(pid_t tid, struct iotable_row **in_ioctl, struct sctrace *st,
			  struct iotable *io)
{
	struct __ptrace_syscall_info info;
	unsigned long nr;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof(info), &info) <= 0)
		return;
	if (info.op == PTRACE_SYSCALL_INFO_EXIT) { /* counted at entry; an ioctl's result */
		if (in_ioctl && *in_ioctl && info.exit.is_error)
			(*in_ioctl)->errors++;
		if (in_ioctl)
			*in_ioctl = NULL;
		return;
	}
	if (info.op != PTRACE_SYSCALL_INFO_ENTRY)
		return;
	nr = info.entry.nr < SCTRACE_NR_MAX ? info.entry.nr : SCTRACE_NR_MAX;
	st->count[nr]++;
	st->total++;
	if (io && info.entry.nr == SYS_ioctl) {
		struct iotable_row *r = decode_ioctl(tid, &info, io);

		if (in_ioctl)
			*in_ioctl = r;
	}
}

/* Which signal, if any, a stop passes on to the tracee. */
static int stop_signal(pid_t tid, int ws, struct tids *seen, struct sctrace *st, struct iotable *io)
{
	int sig = WSTOPSIG(ws);
	int first, slot = tids_find(seen, tid, &first);

	if (sig == (SIGTRAP | 0x80)) {
		count_syscall(tid, slot >= 0 ? &seen->in_ioctl[slot] : NULL, st, io);
		return 0;
	}
	if (ws >> 16) /* a ptrace event (clone, fork, exec) */
		return 0;
	if (sig == SIGSTOP && first)
		return 0; /* the stop every new tracee starts with */
	return sig;
}

static int trace_loop(pid_t pid, struct sctrace *st, struct iotable *io)
{
	static struct tids seen;
	struct rusage ru;
	int ws;
	pid_t tid;

	memset(&seen, 0, sizeof(seen));
	seen.tid[0] = pid;
	seen.n = 1;
	while (waitpid(pid, &ws, __WALL) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFSTOPPED(ws)) { /* died before exec */
		st->status = ws;
		return 0;
	}
	if (ptrace(PTRACE_SETOPTIONS, pid, 0,
		   PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
			   PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL) < 0 ||
	    ptrace(PTRACE_SYSCALL, pid, 0, 0) < 0)
		return -1;
	for (;;) {
		tid = wait4(-1, &ws, __WALL, &ru);
		if (tid < 0 && errno == EINTR)
			continue;
		if (tid < 0)
			return errno == ECHILD ? 0 : -1;
		if (WIFEXITED(ws) || WIFSIGNALED(ws)) {
			if (tid == pid) {
				st->status = ws;
				st->usage = ru;
			}
			continue; /* until every tracee is gone (ECHILD) */
		}
		if (WIFSTOPPED(ws))
			ptrace(PTRACE_SYSCALL, tid, 0, stop_signal(tid, ws, &seen, st, io));
	}
}

static int plain_wait(pid_t pid, struct sctrace *st)
{
	while (wait4(pid, &st->status, 0, &st->usage) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

static void redirect(int fd, const char *path)
{
	int f;

	if (!path)
		return;
	f = fd == STDIN_FILENO ? open(path, O_RDONLY)
			       : open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f < 0 || dup2(f, fd) < 0) {
		fprintf(stderr, "init: cannot open %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(f);
}

static void child(char *const argv[], const struct sctrace_opts *o)
{
	redirect(STDIN_FILENO, o->stdin_path);
	if (o->stdout_fd > STDERR_FILENO) {
		if (dup2(o->stdout_fd, STDOUT_FILENO) < 0)
			_exit(127);
		close(o->stdout_fd);
	} else {
		redirect(STDOUT_FILENO, o->stdout_path);
	}
	redirect(STDERR_FILENO, o->stderr_path);
	if (o->count) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0) {
			fprintf(stderr, "init: ptrace(TRACEME): %s\n", strerror(errno));
			_exit(127);
		}
		raise(SIGSTOP); /* let the parent set its options first */
	}
	execv(argv[0], argv);
	fprintf(stderr, "init: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int sctrace_run(char *const argv[], const struct sctrace_opts *o, struct sctrace *st)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	long long t0;
	pid_t pid;
	int rc;

	memset(st, 0, sizeof(*st));
	sigaction(SIGALRM, &sa, NULL);
	t0 = now_ns();
	pid = fork();
	if (pid == 0)
		child(argv, o);
	if (o->stdout_fd > STDERR_FILENO)
		close(o->stdout_fd);
	if (pid < 0)
		return -1;
	watched_pid = pid;
	alarm(o->limit_s);
	rc = o->count ? trace_loop(pid, st, o->io) : plain_wait(pid, st);
	st->timed_out = alarm(0) == 0 && o->limit_s > 0 && WIFSIGNALED(st->status) &&
		WTERMSIG(st->status) == SIGKILL;
	watched_pid = 0;
	st->wall_ns = now_ns() - t0;
	return rc;
}

int sctrace_exit_code(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return 127;
}
