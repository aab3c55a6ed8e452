/*
 * The host tools' one line reader: bounded line length and line count, so
 * no input (a file without newlines, /dev/zero, an endless pipe) makes a
 * reader loop or grow without end. NUL bytes are dropped (they count
 * toward the length).
 */
#ifndef TESTS_LINEREAD_H
#define TESTS_LINEREAD_H

#include <stddef.h>
#include <stdio.h>

#define LINE_MAX_LINES 4000000u	/* more is not a log or dump of ours */

struct line_reader {
	FILE *f;
	unsigned lineno;	/* of the line last read */
	unsigned max_lines;	/* 0: LINE_MAX_LINES */
};

/*
 * The next line into buf[n], newline (and a "\r" before it) removed; a
 * last line without a newline counts. Returns 1, 0 at the end, or -1 with
 * why: a line of n - 1 bytes or more, too many lines, or a read error. why is a short phrase; callers add the file and the line
 * (lineno + 1).
 */
int line_next(struct line_reader *r, char *buf, size_t n, char *why, size_t whylen);

#endif
