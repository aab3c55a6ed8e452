/*
 * The FDT writer (guests/board/fdt.c): any sequence of calls, any names and
 * values, any buffer size. Either fdt_finish refuses with a message, or
 * the blob it returns is well formed (fdt_check) and fits the buffer.
 */
#include "fdt.h"
#include "fdt_check.h"
#include "fuzz.h"

static uint8_t blob[4096];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	size_t cap = fuzz_u32(&in, 2) % (sizeof(blob) + 1);
	char name[40], s[3][40];
	const char *strs[3] = { s[0], s[1], s[2] };
	uint32_t cells[8];
	const char *err = NULL;
	struct fdt f;
	long n;

	fdt_begin(&f, blob, cap);
	for (unsigned ops = 0; in.n && ops < 200; ops++) {
		unsigned op = fuzz_u32(&in, 1) % 8, k;

		fuzz_str(&in, name, sizeof(name));
		switch (op) {
		case 0: fdt_begin_node(&f, name); break;
		case 1: fdt_end_node(&f); break;
		case 2:
			fuzz_str(&in, s[0], sizeof(s[0]));
			fdt_prop(&f, name, s[0], strlen(s[0]));
			break;
		case 3: fdt_prop_u32(&f, name, fuzz_u32(&in, 4)); break;
		case 4:
			k = fuzz_u32(&in, 1) % 9;
			for (unsigned i = 0; i < k; i++)
				cells[i] = fuzz_u32(&in, 4);
			fdt_prop_cells(&f, name, cells, k);
			break;
		case 5:
			fuzz_str(&in, s[0], sizeof(s[0]));
			fdt_prop_str(&f, name, s[0]);
			break;
		case 6:
			for (k = 0; k < 3; k++)
				fuzz_str(&in, s[k], sizeof(s[k]));
			fdt_prop_strs(&f, name, strs, fuzz_u32(&in, 1) % 4);
			break;
		default: fdt_prop_empty(&f, name); break;
		}
	}
	n = fdt_finish(&f, &err);
	if (n < 0) {
		fuzz_assert(err && err[0]);
		return 0;
	}
	fuzz_assert((size_t)n <= cap);
	if (fdt_check(blob, (size_t)n)) {
		fprintf(stderr, "fuzz: fdt_finish gave a bad blob: %s\n", fdt_check(blob, (size_t)n));
		abort();
	}
	return 0;
}
