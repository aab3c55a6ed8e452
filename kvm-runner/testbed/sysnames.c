/*
 * Names of the syscalls a static VMM is likely to make. The numbers come from
 * the C library's <sys/syscall.h> for the target, so one table serves arm64,
 * armhf and the host the unit tests run on. Others print as numbers.
 */
#include "sctrace.h"

#include <stddef.h>
#include <sys/syscall.h>

struct sysname_entry {
	long nr;
	const char *name;
};

#define SYS(n) \
	{ \
		SYS_##n, #n \
	}

static const struct sysname_entry sysnames[] = {
	SYS(ioctl),
	SYS(read),
	SYS(write),
	SYS(openat),
	SYS(close),
	SYS(fstat),
	SYS(lseek),
	SYS(munmap),
	SYS(mprotect),
	SYS(brk),
	SYS(execve),
	SYS(exit),
	SYS(exit_group),
	SYS(rt_sigaction),
	SYS(rt_sigprocmask),
	SYS(rt_sigreturn),
	SYS(setitimer),
	SYS(timer_create),
	SYS(timer_settime),
	SYS(timer_delete),
	SYS(clock_gettime),
	SYS(getpid),
	SYS(gettid),
	SYS(set_tid_address),
	SYS(set_robust_list),
	SYS(uname),
	SYS(readlinkat),
	SYS(getrandom),
	SYS(rseq),
	SYS(bpf), /* the trap log's eBPF event source (kvm-runner/bpf_src.c) */
	SYS(prlimit64),
	SYS(clone),
	SYS(futex),
	SYS(statx),
	SYS(writev),
	SYS(pread64),
	SYS(pwrite64),
	SYS(faccessat),
	SYS(fcntl),
	SYS(dup),
	SYS(dup3),
	SYS(nanosleep),
	SYS(clock_nanosleep),
	SYS(kill),
	SYS(tgkill),
	SYS(getuid),
	SYS(geteuid),
	SYS(sched_yield),
	SYS(ppoll),
	SYS(pselect6),
	SYS(epoll_pwait),
	SYS(eventfd2),
	SYS(wait4),
	SYS(madvise),
	SYS(sigaltstack),
	SYS(getcwd),
#ifdef SYS_mmap
	SYS(mmap),
#endif
#ifdef SYS_newfstatat
	SYS(newfstatat),
#endif
#ifdef SYS_mmap2
	SYS(mmap2),
#endif
#ifdef SYS_fstat64
	SYS(fstat64),
#endif
#ifdef SYS_fstatat64
	SYS(fstatat64),
#endif
#ifdef SYS_fcntl64
	SYS(fcntl64),
#endif
#ifdef SYS_clock_gettime64
	SYS(clock_gettime64),
#endif
#ifdef SYS_ugetrlimit
	SYS(ugetrlimit),
#endif
#ifdef SYS_set_tls
	SYS(set_tls),
#endif
#ifdef SYS_ARM_set_tls
	{ SYS_ARM_set_tls, "set_tls" },
#endif
#ifdef SYS_arch_prctl
	SYS(arch_prctl),
#endif
#ifdef SYS_open
	SYS(open),
#endif
#ifdef SYS_access
	SYS(access),
#endif
#ifdef SYS_stat
	SYS(stat),
#endif
#ifdef SYS_poll
	SYS(poll),
#endif
#ifdef SYS_readlink
	SYS(readlink),
#endif
};

const char *sysname(unsigned long nr)
{
	size_t i;

	for (i = 0; i < sizeof(sysnames) / sizeof(sysnames[0]); i++)
		if ((unsigned long)sysnames[i].nr == nr)
			return sysnames[i].name;
	return NULL;
}
