/*
 * Unit tests of the host tools' line reader (tests/lineread.c): lines,
 * a last line without a newline, CRLF, the length and line-count bounds,
 * NUL bytes, and input that never ends.
 */
#include <stdlib.h>
#include "lineread.h"
#include "unit.h"

static char buf[16], why[100];

/* Reads every line of text with max_lines; returns the last line_next result. */
static int read_all(const char *text, size_t len, unsigned max_lines, unsigned *lines)
{
	FILE *f = fmemopen((void *)text, len, "r");
	struct line_reader r = { .f = f, .max_lines = max_lines };
	int got;

	while ((got = line_next(&r, buf, sizeof(buf), why, sizeof(why))) > 0)
		;
	*lines = r.lineno;
	fclose(f);
	return got;
}

int main(void)
{
	unsigned n;
	FILE *zero;

	check(read_all("a\nbb\n", 5, 0, &n) == 0 && n == 2, "two lines, then the end");
	check(read_all("a\nlast", 6, 0, &n) == 0 && n == 2 && !strcmp(buf, "last"),
	      "a last line without a newline counts");
	check(read_all("x\r\n", 3, 0, &n) == 0 && !strcmp(buf, "x"), "CRLF: the \\r goes too");
	check(read_all("", 0, 0, &n) == 0 && n == 0, "empty input: no line");
	check(read_all("\n", 1, 0, &n) == 0 && n == 1 && !buf[0], "one empty line");
	check(read_all("12345678901234\n", 15, 0, &n) == 0, "14 characters fit in 16");
	check(read_all("123456789012345\n", 16, 0, &n) < 0 && n == 0,
	      "15 characters do not: refused");
	check_str(why, "line longer than 14 characters", "the refusal says the bound");
	check(read_all("a\0b\n", 4, 0, &n) == 0 && !strcmp(buf, "ab"), "a NUL byte is dropped");
	check(read_all("a\nb\nc\n", 6, 2, &n) < 0 && n == 2, "a third line over max 2: refused");
	check_str(why, "more than 2 lines", "the refusal says the line bound");

	zero = fopen("/dev/zero", "r");
	if (zero) {
		struct line_reader r = { .f = zero };

		check(line_next(&r, buf, sizeof(buf), why, sizeof(why)) < 0,
		      "/dev/zero: refused after one line's worth, not read forever");
		fclose(zero);
	}
	return unit_summary();
}
