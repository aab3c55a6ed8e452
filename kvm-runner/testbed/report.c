/* Result files over the serial console, base64 between markers (report.h). */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "b64.h"

#define LINE_BYTES 57 /* 76 characters of base64 */

void report_buf(FILE *out, const char *name, const unsigned char *buf, size_t n)
{
	char line[b64_len(LINE_BYTES) + 1];
	size_t off, k;

	fprintf(out, "%s BEGIN %s size=%zu %s\n", REPORT_MARK, name, n, REPORT_MARK);
	for (off = 0; off < n; off += k) {
		k = n - off < LINE_BYTES ? n - off : LINE_BYTES;
		b64_encode(buf + off, k, line);
		fprintf(out, "%s\n", line);
	}
	fprintf(out, "%s END %s %s\n", REPORT_MARK, name, REPORT_MARK);
	fflush(out);
}

void report_file(FILE *out, const char *name, const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, k;

	if (!f) {
		fprintf(out, "%s MISSING %s (%s) %s\n", REPORT_MARK, name, strerror(errno),
			REPORT_MARK);
		return;
	}
	do {
		if (n == cap) {
			unsigned char *p = realloc(buf, cap = cap ? 2 * cap : 65536);
			if (!p)
				break;
			buf = p;
		}
		k = fread(buf + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	fclose(f);
	report_buf(out, name, buf, n);
	free(buf);
}

void report_status(FILE *out, int status)
{
	fprintf(out, "%s STATUS %d %s\n", REPORT_MARK, status, REPORT_MARK);
	fflush(out);
}
