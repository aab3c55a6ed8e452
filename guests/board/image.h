/*
 * Guest images, for both VMMs (docs/guest-abi.md, "Boot protocols"): a
 * 32-bit little-endian ARM ELF (PT_LOAD segments at their physical
 * addresses), a Linux zImage (magic 0x016F2818 at offset 0x24: loaded at
 * RAM base + BOARD_ZIMAGE_OFFSET), or else a raw image at the RAM base.
 * Plain C: the caller brings the file's bytes (kvm-runner reads the file,
 * the bare hypervisor finds it where QEMU's loader put it).
 */
#ifndef BOARD_IMAGE_H
#define BOARD_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* Linux arch/arm/boot/compressed/head.S: magic, start, end words at 0x24. */
#define ZIMAGE_MAGIC_OFF 0x24
#define ZIMAGE_MAGIC	 0x016F2818u
#define ZIMAGE_HDR_END	 0x30

enum image_kind { IMAGE_RAW, IMAGE_ZIMAGE, IMAGE_ELF };

/*
 * Kit: entered at the RAM base with r0-r12 = 0 (a raw image, or an ELF
 * whose entry is the RAM base). Linux: r0 = 0, r1 = ~0, r2 = DTB (a
 * zImage, or an ELF entered anywhere else, as kvm-unit-tests at 0x40010000).
 */
enum boot_protocol { BOOT_KIT, BOOT_LINUX };

#define IMAGE_MAX_SEGS 8

struct image_seg {
	uint32_t addr;		/* IPA */
	uint32_t filesz, memsz; /* memsz - filesz bytes are zeroed */
	size_t offset;		/* in the file */
};

struct image_info {
	enum image_kind kind;
	enum boot_protocol proto;
	uint32_t entry;
	uint32_t end; /* one past the highest byte loaded */
	unsigned nsegs;
	struct image_seg seg[IMAGE_MAX_SEGS];
};

/*
 * Checks an image against RAM [ram_base, ram_base + ram_size): empty,
 * truncated, not ARM, segments overlapping, outside RAM or wrapping, an
 * entry in no segment, larger than RAM are all refused, never cut. Returns
 * 0, or -1 with one line in err.
 */
int image_parse(const void *data, size_t size, uint32_t ram_base, uint32_t ram_size,
		struct image_info *out, char *err, size_t n);

/* Copies a parsed image into ram (the host view of IPA ram_base). */
void image_copy(const struct image_info *info, const void *data, void *ram, uint32_t ram_base);

const char *image_kind_name(enum image_kind k); /* "raw", "zImage", "ELF" */

#endif
