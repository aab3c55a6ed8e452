/*
 * kentry: where a zImage's decompressor enters the kernel proper on the
 * kit's board: BOARD_RAM_BASE + TEXT_OFFSET (zimage_entry.h), for the
 * "kernel entry" milestone of guests/linux/compare.sh.
 *
 *   build/board/kentry ZIMAGE    prints 0x%08x
 * Exit: 0; 1 no TEXT_OFFSET found (not a zImage, or an unknown decompressor); 2 unreadable.
 */
#include <stdio.h>
#include <stdlib.h>
#include "memmap.h"
#include "zimage_entry.h"

int main(int argc, char **argv)
{
	static unsigned char buf[ZIMAGE_ENTRY_SCAN];
	uint32_t off;
	size_t n;
	FILE *f;

	if (argc != 2) {
		fputs("usage: kentry ZIMAGE\n", stderr);
		return 2;
	}
	if (!(f = fopen(argv[1], "rb"))) {
		perror(argv[1]);
		return 2;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (zimage_text_offset(buf, n, &off) < 0) {
		fprintf(stderr,
			"kentry: %s: no TEXT_OFFSET (not a zImage, or no add r4, #TEXT_OFFSET)\n",
			argv[1]);
		return 1;
	}
	printf("0x%08x\n", (unsigned)(BOARD_RAM_BASE + off));
	return 0;
}
