/*
 * The few system calls newlib's string formatting may reach. The
 * hypervisor has no files; the heap is a fixed region of linker/hyp.ld.
 */
#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>

extern char __heap_start[], __heap_end[];

void *_sbrk(ptrdiff_t incr)
{
	static char *brk = __heap_start;
	char *old = brk;

	if (incr < 0 || incr > __heap_end - brk) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk += incr;
	return old;
}

int _write(int fd, const void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	return (int)n;
}
int _read(int fd, void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	(void)n;
	return 0;
}
int _close(int fd)
{
	(void)fd;
	return -1;
}
int _lseek(int fd, int off, int whence)
{
	(void)fd;
	(void)off;
	(void)whence;
	return 0;
}
int _fstat(int fd, struct stat *st)
{
	(void)fd;
	st->st_mode = S_IFCHR;
	return 0;
}
int _isatty(int fd)
{
	(void)fd;
	return 1;
}
int _getpid(void) { return 1; }
int _kill(int pid, int sig)
{
	(void)pid;
	(void)sig;
	errno = EINVAL;
	return -1;
}
void _exit(int status)
{
	for (;;)
		(void)status;
}
