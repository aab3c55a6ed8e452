/*
 * tlogbin: the text trap log (docs/trap-log.md) of the bare hypervisor's
 * binary one (run.sh --drain, traplog_bin.h).
 *
 *   build/board/tlogbin FILE.bin    the text on stdout
 * Exit: 0 whole; 1 the end block is missing (the run did not stop: the
 * records are printed, no end line); 2 unreadable or not such a log.
 */
#include <stdio.h>
#include <stdlib.h>
#include "traplog_bin.h"

static void put(void *ctx, const char *line)
{
	fputs(line, ctx);
	fputc('\n', ctx);
}

int main(int argc, char **argv)
{
	FILE *f;
	char *buf = NULL, err[160];
	size_t n = 0, cap = 0, got;
	int rc;

	if (argc != 2) {
		fputs("usage: tlogbin FILE.bin\n", stderr);
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 1u << 20;
			buf = realloc(buf, cap);
			if (!buf) {
				fputs("tlogbin: out of memory\n", stderr);
				return 2;
			}
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	if (ferror(f)) {
		perror(argv[1]);
		return 2;
	}
	fclose(f);
	rc = traplog_bin_decode(buf, n, put, stdout, err, sizeof(err));
	free(buf);
	if (rc)
		fprintf(stderr, "tlogbin: %s: %s\n", argv[1], err);
	if (fflush(stdout) != 0)
		return 2;
	return rc < 0 ? 2 : rc;
}
