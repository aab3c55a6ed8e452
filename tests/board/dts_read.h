/*
 * Reads a DTB back through dtc (`dtc -I dtb -O dts`), the tool the issue
 * names as the judge, and flattens its DTS into one line per node and per
 * property, so a test can look for "/cpus/cpu@0:reg=<0x00>".
 */
#ifndef TESTS_BOARD_DTS_READ_H
#define TESTS_BOARD_DTS_READ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DTS_MAX	  65536
#define DTS_DEPTH 8

/* dtc's output (stdout and stderr) for the blob; NULL if dtc cannot run. */
static char *dts_of(const void *blob, size_t n)
{
	char path[] = "/tmp/board-dtb-XXXXXX", cmd[96];
	char *text = calloc(1, DTS_MAX);
	int fd = mkstemp(path);
	size_t len = 0, got;
	FILE *p;

	if (fd < 0 || !text || write(fd, blob, n) != (ssize_t)n) {
		free(text);
		return NULL;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "dtc -I dtb -O dts %s 2>&1", path);
	p = popen(cmd, "r");
	while (p && (got = fread(text + len, 1, DTS_MAX - 1 - len, p)) > 0)
		len += got;
	if (!p || pclose(p) != 0) {
		fprintf(stderr, "dtc failed on the blob:\n%s\n", text);
		free(text);
		text = NULL;
	}
	unlink(path);
	return text;
}

static void dts_path(char *out, size_t n, char stack[][64], int depth)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 1; i <= depth; i++)
		len += snprintf(out + len, n - len, "/%s", stack[i]);
	if (!len)
		snprintf(out, n, "/");
}

/* "\n/node\n/node:prop=value\n/node:flag\n": every line starts and ends with \n. */
static char *dts_flatten(const char *dts)
{
	char *flat = calloc(1, 2 * DTS_MAX), stack[DTS_DEPTH + 1][64], path[512];
	size_t len = 1;
	int depth = -1;

	if (!flat)
		return NULL;
	flat[0] = '\n';
	for (const char *line = dts; *line;) {
		const char *nl = strchr(line, '\n'), *s = line;
		size_t l;

		if (!nl)
			nl = line + strlen(line);
		while (*s == '\t' || *s == ' ')
			s++;
		l = (size_t)(nl - s);
		if (l >= 2 && s[l - 1] == '{' && depth < DTS_DEPTH) {
			depth++;
			snprintf(stack[depth], sizeof(stack[0]), "%.*s", (int)(l - 2), s);
			dts_path(path, sizeof(path), stack, depth);
			len += snprintf(flat + len, 2 * DTS_MAX - len, "%s\n", path);
		} else if (l == 2 && !strncmp(s, "};", 2)) {
			depth--;
		} else if (l > 1 && s[l - 1] == ';' && depth >= 0) {
			const char *eq = strstr(s, " = ");

			dts_path(path, sizeof(path), stack, depth);
			if (eq && eq < nl)
				len += snprintf(flat + len, 2 * DTS_MAX - len, "%s:%.*s=%.*s\n",
						path, (int)(eq - s), s, (int)(nl - eq - 4), eq + 3);
			else
				len += snprintf(flat + len, 2 * DTS_MAX - len, "%s:%.*s\n", path,
						(int)(l - 1), s);
		}
		line = *nl ? nl + 1 : nl;
	}
	return flat;
}

/* True if the flattened DTS has exactly this line. */
static int dts_has(const char *flat, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = flat; (p = strstr(p, line)); p++)
		if (p[-1] == '\n' && p[n] == '\n')
			return 1;
	return 0;
}

/* How many nodes (lines without ':') start with prefix: "/cpus/cpu@". */
static unsigned dts_nodes(const char *flat, const char *prefix)
{
	unsigned count = 0;

	for (const char *p = flat; (p = strstr(p, prefix)); p++) {
		const char *nl = strchr(p, '\n');

		count += p[-1] == '\n' && !memchr(p, ':', (size_t)(nl - p));
	}
	return count;
}

#endif
