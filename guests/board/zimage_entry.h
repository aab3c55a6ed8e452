/*
 * Where a Linux zImage's decompressor puts the kernel proper and jumps to
 * it: RAM start + TEXT_OFFSET (arch/arm/boot/compressed/head.S computes
 * r4 = RAM start + TEXT_OFFSET, writes the kernel there and ends in
 * __enter_kernel's "mov pc, r4"). TEXT_OFFSET is a build choice of the
 * kernel (0x8000, 0x208000 for Debian's armmp with its Qualcomm
 * platforms ...) and no header field holds it, so it is read from the one
 * instruction that adds it: "add r4, r0, #TEXT_OFFSET" (5.12 on: r0 the
 * RAM start from the DT) or "add r4, r4, #TEXT_OFFSET" (5.6: r4 = pc &
 * 0xf8000000), with an immediate ending in 0x8000 as the kernel requires
 * (others are the decompressor's loops). Plain C, for the host tools.
 */
#ifndef BOARD_ZIMAGE_ENTRY_H
#define BOARD_ZIMAGE_ENTRY_H

#include <stddef.h>
#include <stdint.h>

/* The decompressor's start is searched: its head sits in the first few KiB. */
#define ZIMAGE_ENTRY_SCAN 0x10000

/*
 * TEXT_OFFSET of the zImage in data[0, size): 0 with *text_offset, or -1
 * when it is not a zImage, no such instruction is in its first
 * ZIMAGE_ENTRY_SCAN bytes, or two of them disagree.
 */
int zimage_text_offset(const void *data, size_t size, uint32_t *text_offset);

#endif
