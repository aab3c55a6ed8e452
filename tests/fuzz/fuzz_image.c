/*
 * The shared image parser and loader (guests/board/image.c): any bytes as
 * an image for a RAM of 4 KiB to 256 KiB. Either image_parse refuses with
 * a message, or every segment it accepts lies inside RAM and the file,
 * none overlaps another, the entry is in one (or at the RAM base for a
 * raw image), and image_copy writes only RAM (ASan watches the buffer).
 */
#include <stdbool.h>
#include "fuzz.h"
#include "image.h"
#include "memmap.h"

#define RAM_MAX (256u << 10)

static uint8_t ram[RAM_MAX];

static void check_segs(const struct image_info *info, size_t size, uint32_t base, uint32_t len)
{
	bool entry_in = false;

	fuzz_assert(info->nsegs >= 1 && info->nsegs <= IMAGE_MAX_SEGS);
	for (unsigned k = 0; k < info->nsegs; k++) {
		const struct image_seg *s = &info->seg[k];

		fuzz_assert(s->filesz <= s->memsz && s->memsz > 0);
		fuzz_assert(s->addr >= base && s->memsz <= len && s->addr - base <= len - s->memsz);
		fuzz_assert(s->offset <= size && s->filesz <= size - s->offset);
		fuzz_assert(info->end >= s->addr + s->memsz);
		entry_in |= info->entry >= s->addr && info->entry - s->addr < s->memsz;
		for (unsigned j = 0; j < k; j++) {
			const struct image_seg *t = &info->seg[j];

			fuzz_assert(s->addr + s->memsz <= t->addr || t->addr + t->memsz <= s->addr);
		}
	}
	fuzz_assert(entry_in);
	fuzz_assert(info->end - base <= len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t len, base = BOARD_RAM_BASE;
	struct image_info info;
	char err[200];

	if (size < 1)
		return 0;
	len = 4096u * (1 + data[0] % (RAM_MAX / 4096));
	data++;
	size--;
	err[0] = 0;
	if (image_parse(data, size, base, len, &info, err, sizeof(err)) != 0) {
		fuzz_assert(err[0]);
		return 0;
	}
	fuzz_assert(image_kind_name(info.kind) != NULL);
	check_segs(&info, size, base, len);
	image_copy(&info, data, ram, base);
	return 0;
}
