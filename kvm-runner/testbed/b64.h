/*
 * Base64 (RFC 4648, with padding) for sending result files over the serial
 * console: plain ASCII survives the tty, and the host decodes with base64 -d.
 */
#ifndef TESTBED_B64_H
#define TESTBED_B64_H

#include <stddef.h>

/* Bytes of text b64_encode() writes for n input bytes, without a NUL. */
static inline size_t b64_len(size_t n) { return (n + 2) / 3 * 4; }

/* Encodes n bytes of in into out (b64_len(n) + 1 bytes, NUL-terminated). */
void b64_encode(const unsigned char *in, size_t n, char *out);

#endif
