/* The result files (results.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "err.h"
#include "results.h"

/*
 * Each file's stdio buffer: the logs are written after the run, a line at a
 * time, and under the test bed's ptrace every write(2) is two stops.
 */
#define RESULT_BUF (256u << 10)

/* The files in one order: each slot with the path it came from. */
static void slots(struct results *r, const struct options *o, FILE ***f, const char **path)
{
	f[0] = &r->traplog, path[0] = o->traplog;
	f[1] = &r->kvm_trace, path[1] = o->kvm_trace;
	f[2] = &r->ioctls, path[2] = o->ioctls;
	f[3] = &r->regs, path[3] = o->regs;
	f[4] = &r->dtb, path[4] = o->dump_dtb;
}
#define NSLOTS 5

int results_open(struct results *r, const struct options *o)
{
	FILE **f[NSLOTS];
	const char *path[NSLOTS];

	*r = (struct results){ 0 };
	slots(r, o, f, path);
	for (unsigned i = 0; i < NSLOTS; i++) {
		if (!path[i])
			continue;
		*f[i] = fopen(path[i], "we");
		if (!*f[i]) {
			int err = errno;

			results_close(r, o);
			return fail(EXIT_BADINPUT, "%s: %s", path[i], strerror(err));
		}
		setvbuf(*f[i], NULL, _IOFBF, RESULT_BUF); /* fails only for want of memory */
	}
	return 0;
}

int results_close(struct results *r, const struct options *o)
{
	FILE **f[NSLOTS];
	const char *path[NSLOTS];
	int rc = 0;

	slots(r, o, f, path);
	for (unsigned i = 0; i < NSLOTS; i++) {
		bool bad;

		if (!*f[i])
			continue;
		errno = 0;
		bad = fflush(*f[i]) != 0 || ferror(*f[i]);
		bad |= fclose(*f[i]) != 0;
		*f[i] = NULL;
		if (bad && rc == 0)
			rc = fail(EXIT_KVMFAIL, "%s: writing the result failed: %s", path[i],
				  errno ? strerror(errno) : "I/O error");
	}
	return rc;
}
