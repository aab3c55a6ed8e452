/* The "EXIT: STATUS=n" console line watcher (exitline.h). Freestanding. */
#include "exitline.h"

void exit_line_init(struct exit_line *e)
{
	e->len = 0;
	e->too_long = false;
	e->seen = false;
	e->status = 0;
}

/* n of "EXIT: STATUS=n": 1..3 decimal digits, at most 255; else -1. */
static int parse_line(const char *s, unsigned len)
{
	static const char prefix[] = EXIT_LINE_PREFIX;
	unsigned i, plen = sizeof(prefix) - 1, v = 0;

	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (len <= plen || len > plen + 3)
		return -1;
	for (i = 0; i < plen; i++)
		if (s[i] != prefix[i])
			return -1;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v <= 255 ? (int)v : -1;
}

void exit_line_feed(struct exit_line *e, char c)
{
	int n;

	if (c != '\n') {
		if (e->len < EXIT_LINE_MAX)
			e->buf[e->len++] = c;
		else
			e->too_long = true;
		return;
	}
	n = e->too_long ? -1 : parse_line(e->buf, e->len);
	if (n >= 0) {
		e->seen = true;
		e->status = (uint32_t)n;
	}
	e->len = 0;
	e->too_long = false;
}

uint32_t exit_status_pick(bool written, uint32_t status, const struct exit_line *e,
			  enum exit_source *src)
{
	if (written) {
		*src = EXIT_FROM_STATUS;
		return status;
	}
	if (e->seen) {
		*src = EXIT_FROM_LINE;
		return e->status;
	}
	*src = EXIT_FROM_NONE;
	return 0;
}
