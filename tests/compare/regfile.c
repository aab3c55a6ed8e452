/*
 * Reading `reg: NAME = 0xVALUE` dumps. A "reg: " line must carry a name,
 * " = " and a hex value; a line without the prefix counts when it has that
 * form (a saved dump), else it is skipped (console text). A dump with no
 * register at all is an error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lineread.h"
#include "regfile.h"

#define PREFIX "reg: "
#define MAX_REGS 65536		/* a dump holds a few hundred */

static int add(struct regfile *f, const struct regval *v)
{
	if (f->n == MAX_REGS)
		return -1;
	if (f->n == f->cap) {
		size_t c = f->cap ? 2 * f->cap : 32;
		void *p = realloc(f->r, c * sizeof(*f->r));

		if (!p)
			return -1;
		f->r = p;
		f->cap = c;
	}
	f->r[f->n++] = *v;
	return 0;
}

/*
 * "NAME = 0xHEX[ rest]". Returns 0, -1, or 1 for a value wider than 64
 * bits (kvm-runner's q0-q31): not a register the comparison reads, skipped.
 */
static int parse(const char *s, struct regval *v)
{
	size_t l = strcspn(s, " =");
	char *end;

	if (l == 0 || l >= sizeof(v->name) || strncmp(s + l, " = 0x", 5) != 0)
		return -1;
	if (strspn(s + l + 5, "0123456789abcdefABCDEF") > 16)
		return 1;
	memcpy(v->name, s, l);
	v->name[l] = 0;
	errno = 0;
	v->v = strtoull(s + l + 5, &end, 16);
	if (errno || end == s + l + 5 || (*end && *end != ' ' && *end != '\t'))
		return -1;
	return 0;
}

int regfile_load_stream(FILE *in, const char *path, struct regfile *f, char *err,
			size_t n)
{
	struct line_reader rd = { .f = in };
	char buf[4096], why[100];
	unsigned ln = 0;
	int got;

	memset(f, 0, sizeof(*f));
	f->path = path;
	while ((got = line_next(&rd, buf, sizeof(buf), why, sizeof(why))) > 0) {
		struct regval v = { .lineno = ln = rd.lineno };

		buf[strcspn(buf, "\r\n")] = 0;
		if (strncmp(buf, PREFIX, strlen(PREFIX)) != 0) {
			/* a saved dump without the console prefix */
			if (parse(buf, &v) == 0 && add(f, &v) < 0)
				goto nomem;
			continue;
		}
		switch (parse(buf + strlen(PREFIX), &v)) {
		case -1:
			snprintf(err, n, "%s:%u: want \"reg: NAME = 0xVALUE\"", path, ln);
			regfile_free(f);
			return -1;
		case 1:
			continue;	/* wider than 64 bits */
		}
		if (add(f, &v) < 0)
			goto nomem;
	}
	if (got < 0) {
		snprintf(err, n, "%s:%u: %s", path, rd.lineno + 1, why);
		regfile_free(f);
		return -1;
	}
	if (!f->n) {
		snprintf(err, n, "%s: no \"reg: NAME = 0xVALUE\" lines", path);
		return -1;
	}
	return 0;
nomem:
	snprintf(err, n, f->n == MAX_REGS ? "%s:%u: more than %d registers" : "%s:%u: out of memory",
		 path, ln, MAX_REGS);
	regfile_free(f);
	return -1;
}

int regfile_load(const char *path, struct regfile *f, char *err, size_t n)
{
	FILE *in = fopen(path, "r");
	int r;

	if (!in) {
		memset(f, 0, sizeof(*f));
		snprintf(err, n, "%s: %s", path, strerror(errno));
		return -1;
	}
	r = regfile_load_stream(in, path, f, err, n);
	fclose(in);
	return r;
}

void regfile_free(struct regfile *f)
{
	free(f->r);
	f->r = NULL;
	f->n = f->cap = 0;
}

const struct regval *regfile_get(const struct regfile *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcasecmp(f->r[i].name, name) == 0)
			return &f->r[i];
	return NULL;
}
