/* errata.txt against a kernel version (kuterrata.h). */
#include "kuterrata.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "v.p[.s]..." into three numbers (missing ones 0); -1 unless it starts "v.p". */
static int version(const char *s, long v[3])
{
	char *end;

	v[0] = v[1] = v[2] = 0;
	for (int i = 0; i < 3; i++) {
		if (!isdigit((unsigned char)*s))
			return i >= 2 ? 0 : -1;
		v[i] = strtol(s, &end, 10);
		s = end;
		if (*s != '.')
			return i >= 1 ? 0 : -1;
		s++;
	}
	return 0;
}

static int at_least(const long k[3], const long m[3])
{
	for (int i = 0; i < 3; i++)
		if (k[i] != m[i])
			return k[i] > m[i];
	return 1;
}

int kut_errata(const char *txt, const char *kernel, char *out, size_t size, char *err,
	       size_t errlen)
{
	long k[3], m[3];
	size_t used = 0;
	int lineno = 0;

	if (version(kernel, k)) {
		snprintf(err, errlen, "kernel version '%s' is not v.p[.s]", kernel);
		return -1;
	}
	out[0] = '\0';
	for (const char *p = txt; *p; lineno++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[256], commit[64], minver[64];

		snprintf(line, sizeof(line), "%.*s",
			 (int)(len < sizeof(line) ? len : sizeof(line) - 1), p);
		p += len + (nl ? 1 : 0);
		if (line[0] == '#' ||
		    sscanf(line, " %63[0-9a-f] : %63[^ :\t]", commit, minver) != 2)
			continue;
		if (version(minver, m)) {
			snprintf(err, errlen, "errata line %d: bad minimum kernel version %s",
				 lineno + 1, minver);
			return -1;
		}
		int n = snprintf(out + used, size - used, "ERRATA_%s=%s\n", commit,
				 at_least(k, m) ? "y" : "n");
		if (n < 0 || (size_t)n >= size - used) {
			snprintf(err, errlen, "more errata than %zu bytes", size);
			return -1;
		}
		used += (size_t)n;
	}
	return 0;
}
