/* One-line errors and notes on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include "err.h"

int quiet;

int fail(int code, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("kvm-runner: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

void note(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	fflush(stdout);
	fputs("kvm-runner: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
