/*
 * Shared by the libFuzzer targets (tests/fuzz/fuzz_*.c): the entry point's
 * prototype, taking bytes from the input, and a check that aborts, so a
 * broken invariant is a crash libFuzzer keeps a reproducer of.
 */
#ifndef TESTS_FUZZ_H
#define TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a stream: take() gives zeros once it runs out. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

static inline uint32_t fuzz_u32(struct fuzz_in *in, unsigned bytes)
{
	uint32_t v = 0;

	for (unsigned k = 0; k < bytes; k++) {
		v = v << 8 | (in->n ? *in->p : 0);
		if (in->n) {
			in->p++;
			in->n--;
		}
	}
	return v;
}

/* A NUL-terminated string of at most max - 1 bytes taken from the input. */
static inline void fuzz_str(struct fuzz_in *in, char *s, size_t max)
{
	size_t len = fuzz_u32(in, 1) % max;

	if (len > in->n)
		len = in->n;
	memcpy(s, in->p, len);
	s[len] = 0;
	in->p += len;
	in->n -= len;
}

#define fuzz_assert(cond)                                                              \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__, __LINE__, #cond);  \
			abort();                                                       \
		}                                                                      \
	} while (0)

#endif
