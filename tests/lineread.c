/* The bounded line reader of the host tools (lineread.h). */
#include "lineread.h"

static int refuse(char *why, size_t n, const char *fmt, unsigned long v)
	__attribute__((format(printf, 3, 0)));
static int refuse(char *why, size_t n, const char *fmt, unsigned long v)
{
	snprintf(why, n, fmt, v);
	return -1;
}

int line_next(struct line_reader *r, char *buf, size_t n, char *why, size_t whylen)
{
	unsigned max = r->max_lines ? r->max_lines : LINE_MAX_LINES;
	size_t len = 0, raw = 0;
	int c;

	for (;;) {
		c = getc_unlocked(r->f);
		if (c == EOF || c == '\n')
			break;
		if (++raw >= n - 1)
			return refuse(why, whylen, "line longer than %lu characters",
				      (unsigned long)n - 2);
		if (c)		/* a stray NUL (a console at reset) is dropped */
			buf[len++] = (char)c;
	}
	if (c == EOF && ferror(r->f))
		return refuse(why, whylen, "read error", 0);
	if (c == EOF && raw == 0)
		return 0;
	if (r->lineno >= max)
		return refuse(why, whylen, "more than %lu lines", max);
	r->lineno++;
	if (len && buf[len - 1] == '\r')
		len--;
	buf[len] = 0;
	return 1;
}
