/*
 * The test bed's results on the serial console. Every file goes out as
 *
 *   ==== BEGIN name size=N ====
 *   base64 lines (76 characters)
 *   ==== END name ====
 *
 * and the run ends with "==== STATUS n ====". unpack-results.sh reads it back.
 */
#ifndef TESTBED_REPORT_H
#define TESTBED_REPORT_H

#include <stdio.h>

#define REPORT_MARK "===="

/* Sends the file at path as name; a missing file is reported, not sent. */
void report_file(FILE *out, const char *name, const char *path);

/* Sends n bytes of buf as name. */
void report_buf(FILE *out, const char *name, const unsigned char *buf, size_t n);

void report_status(FILE *out, int status);

#endif
