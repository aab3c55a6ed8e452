/* One-line errors and notes on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include "err.h"

int quiet;

/* stdout first, so the line lands after the console output it follows. */
static void __attribute__((format(printf, 1, 0))) say(const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs("kvm-runner: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int fail(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	return code;
}

void note(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
}
