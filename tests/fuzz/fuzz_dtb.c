/*
 * The board's DTB (guests/board/dtb.c) from any description: RAM, CPU
 * count, devices, bootargs, initrd. board_dtb either refuses with a
 * message (board_desc_check's refusals, a small buffer) or returns a
 * well-formed blob (fdt_check) that fits.
 */
#include "dtb.h"
#include "fdt_check.h"
#include "fuzz.h"

static uint8_t blob[BOARD_DTB_MAX];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct board_dev devs[BOARD_MAX_DEVS + 1];
	char names[BOARD_MAX_DEVS + 1][16], bootargs[300], err[200];
	struct board_desc d;
	struct dtb_chosen c;
	size_t cap;
	long n;

	board_desc_default(&d, fuzz_u32(&in, 4), fuzz_u32(&in, 1));
	if (fuzz_u32(&in, 1) & 1) {	/* devices of our own instead of the kit's */
		d.ndevs = fuzz_u32(&in, 1) % (BOARD_MAX_DEVS + 2);
		for (unsigned k = 0; k < d.ndevs; k++) {
			fuzz_str(&in, names[k], sizeof(names[k]));
			devs[k].name = names[k];
			devs[k].kind = (enum board_dev_kind)(fuzz_u32(&in, 1) % BDEV_KIND_COUNT);
			devs[k].base = fuzz_u32(&in, 4);
			devs[k].size = fuzz_u32(&in, 4);
			devs[k].spi = (int)(int8_t)fuzz_u32(&in, 1);
		}
		d.devs = devs;
	}
	fuzz_str(&in, bootargs, sizeof(bootargs));
	c.bootargs = bootargs;
	c.initrd_start = fuzz_u32(&in, 4);
	c.initrd_end = fuzz_u32(&in, 4);
	cap = fuzz_u32(&in, 2) % (sizeof(blob) + 1);
	err[0] = 0;
	n = board_dtb(&d, &c, blob, cap, err, sizeof(err));
	if (n < 0) {
		fuzz_assert(err[0]);
		return 0;
	}
	fuzz_assert((size_t)n <= cap);
	if (fdt_check(blob, (size_t)n)) {
		fprintf(stderr, "fuzz: board_dtb gave a bad blob: %s\n", fdt_check(blob, (size_t)n));
		abort();
	}
	return 0;
}
