/*
 * consview: stdin to stdout as consview.h says (the test bed's console
 * on a terminal, its results left out), byte by byte as they come; after
 * the cut stdin is still read to its end, so that QEMU never blocks.
 *
 *   qemu ... | build/testbed/consview
 */
#include <errno.h>
#include <unistd.h>
#include "consview.h"

int main(void)
{
	static char in[4096], out[sizeof(in) + sizeof(CONSVIEW_CUT)];
	struct consview v = { 0 };
	ssize_t n;

	while ((n = read(STDIN_FILENO, in, sizeof(in))) != 0) {
		size_t k, off = 0;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return 1;
		k = consview_feed(&v, in, (size_t)n, out);
		while (off < k) {
			ssize_t w = write(STDOUT_FILENO, out + off, k - off);

			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				break; /* the terminal is gone: keep reading */
			off += (size_t)w;
		}
	}
	return 0;
}
