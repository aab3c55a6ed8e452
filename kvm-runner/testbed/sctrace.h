/*
 * Runs a program under ptrace and counts its system calls by number: the
 * test bed's honest count of what the runner asks of the kernel, threads
 * and children included. Uses PTRACE_GET_SYSCALL_INFO (Linux 5.3+), so no
 * per-architecture register layout is needed. Each ioctl is also decoded
 * by the role of its fd and its request (iotable.h), for any program: the
 * runner or QEMU.
 */
#ifndef TESTBED_SCTRACE_H
#define TESTBED_SCTRACE_H

#include <stdbool.h>
#include <sys/resource.h>
#include "iotable.h"

#define SCTRACE_NR_MAX 1024 /* numbers at or above go to the 'other' slot */

struct sctrace {
	unsigned long count[SCTRACE_NR_MAX + 1];
	unsigned long total;
	int status;	     /* wait status of the program */
	struct rusage usage; /* of the program (and its waited-for children) */
	long long wall_ns;   /* fork to final wait */
	bool timed_out;	     /* the limit passed: the program was killed */
};

struct sctrace_opts {
	bool count;		 /* ptrace the program and count its syscalls */
	unsigned limit_s;	 /* kill it after this many seconds; 0: never */
	const char *stdout_path; /* its stdout and stderr go to these files */
	const char *stderr_path; /* (NULL: inherited) */
	const char *stdin_path;	 /* its stdin (NULL: inherited) */
	int stdout_fd;		 /* > 2: its stdout instead of stdout_path (a pipe's
				    write end: sctrace_run closes it after the fork,
				    so the reader sees EOF when the program ends) */
	struct iotable *io;	 /* when counting: each ioctl by fd role and request */
};

/*
 * Runs argv[0] with argv (execv: a path, no PATH search). Returns 0 once the
 * program has ended (st->status), or -1 with errno when it could not be
 * started or traced.
 */
int sctrace_run(char *const argv[], const struct sctrace_opts *o, struct sctrace *st);

/* Exit status as a shell gives it: the code, 128 + signal, or 127 for exec failure. */
int sctrace_exit_code(int wait_status);

/* The name of syscall nr on the architecture this is built for, or NULL. */
const char *sysname(unsigned long nr);

#endif
