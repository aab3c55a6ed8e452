/*
 * Guest images for both VMMs (image.h): a 32-bit little-endian ARM ELF,
 * a Linux zImage, or else a raw image. Every check is made before a byte
 * is copied; nothing is ever cut to fit. ELF fields are read byte by byte
 * (ELF32 spec, "ELF Header" and "Program Header"), so the parser needs no
 * <elf.h> and no alignment of the caller's buffer. Sizes print as %lu:
 * the bare hypervisor's newlib printf has no %z.
 */
#include <stdio.h>
#include <string.h>
#include "image.h"
#include "memmap.h"

/* clang-format off */
#define ELF_CLASS32	1	/* e_ident[EI_CLASS = 4] */
#define ELF_DATA2LSB	1	/* e_ident[EI_DATA = 5] */
#define ELF_ET_EXEC	2
#define ELF_EM_ARM	40
#define ELF_PT_LOAD	1
#define ELF_EHDR_SIZE	52
#define ELF_PHDR_SIZE	32
/* clang-format on */

#define FOUR_GIB 0x100000000ull

static uint32_t le16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }

static uint32_t le32(const uint8_t *p) { return le16(p) | le16(p + 2) << 16; }

const char *image_kind_name(enum image_kind k)
{
	switch (k) {
	case IMAGE_RAW: return "raw";
	case IMAGE_ZIMAGE: return "zImage";
	case IMAGE_ELF: return "ELF";
	}
	return "?";
}

static int elf_header(const uint8_t *d, size_t size, char *err, size_t n)
{
	uint32_t phoff, phnum;

	if (size < 16)
		return snprintf(err, n, "truncated ELF: %lu bytes", (unsigned long)size), -1;
	if (d[4] != ELF_CLASS32)
		return snprintf(err, n,
				"not a 32-bit ELF (ELF class %u): the guest must be AArch32", d[4]),
		       -1;
	if (d[5] != ELF_DATA2LSB)
		return snprintf(err, n, "not a little-endian ELF"), -1;
	if (size < ELF_EHDR_SIZE)
		return snprintf(err, n, "truncated ELF: %lu bytes, header needs %u",
				(unsigned long)size, ELF_EHDR_SIZE),
		       -1;
	if (le16(d + 18) != ELF_EM_ARM)
		return snprintf(err, n, "ELF for machine %u, not ARM (%u)", (unsigned)le16(d + 18),
				ELF_EM_ARM),
		       -1;
	if (le16(d + 16) != ELF_ET_EXEC)
		return snprintf(err, n, "ELF type %u is not an executable", (unsigned)le16(d + 16)),
		       -1;
	phoff = le32(d + 28);
	phnum = le16(d + 44);
	if (le16(d + 42) != ELF_PHDR_SIZE || phnum == 0)
		return snprintf(err, n, "ELF without usable program headers"), -1;
	if ((uint64_t)phoff + (uint64_t)phnum * ELF_PHDR_SIZE > size)
		return snprintf(err, n, "truncated ELF: program headers past the end of file"), -1;
	return 0;
}

/* One PT_LOAD segment against the file and RAM. */
static int elf_segment(const uint8_t *ph, size_t size, uint32_t base, uint32_t ram,
		       struct image_seg *s, char *err, size_t n)
{
	uint64_t end;

	s->offset = le32(ph + 4);
	s->addr = le32(ph + 12); /* p_paddr: where the board's RAM is */
	s->filesz = le32(ph + 16);
	s->memsz = le32(ph + 20);
	end = (uint64_t)s->addr + s->memsz;
	if ((uint64_t)s->offset + s->filesz > size)
		return snprintf(err, n,
				"truncated ELF: segment at 0x%08x needs file bytes up to "
				"%llu, file has %lu",
				(unsigned)s->addr, (unsigned long long)s->offset + s->filesz,
				(unsigned long)size),
		       -1;
	if (s->filesz > s->memsz)
		return snprintf(err, n, "bad ELF segment at 0x%08x: file size above memory size",
				(unsigned)s->addr),
		       -1;
	if (end > FOUR_GIB)
		return snprintf(err, n, "ELF segment at 0x%08x of 0x%x bytes wraps past 4 GiB",
				(unsigned)s->addr, (unsigned)s->memsz),
		       -1;
	if (s->addr < base || end > (uint64_t)base + ram)
		return snprintf(err, n,
				"ELF segment 0x%08x..0x%08llx is outside guest RAM "
				"0x%08x..0x%08llx",
				(unsigned)s->addr, (unsigned long long)end, (unsigned)base,
				(unsigned long long)base + ram),
		       -1;
	return 0;
}

static int overlapping(const struct image_info *out, char *err, size_t n)
{
	for (unsigned i = 0; i < out->nsegs; i++)
		for (unsigned j = i + 1; j < out->nsegs; j++) {
			const struct image_seg *a = &out->seg[i], *b = &out->seg[j];

			if (a->addr < (uint64_t)b->addr + b->memsz &&
			    b->addr < (uint64_t)a->addr + a->memsz)
				return snprintf(err, n, "ELF segments at 0x%08x and 0x%08x overlap",
						(unsigned)a->addr, (unsigned)b->addr),
				       -1;
		}
	return 0;
}

static int entry_loaded(const struct image_info *out)
{
	for (unsigned i = 0; i < out->nsegs; i++)
		if (out->entry - out->seg[i].addr < out->seg[i].memsz)
			return 1;
	return 0;
}

static int parse_elf(const uint8_t *d, size_t size, uint32_t base, uint32_t ram,
		     struct image_info *out, char *err, size_t n)
{
	uint32_t phoff, phnum;

	if (elf_header(d, size, err, n) < 0)
		return -1;
	phoff = le32(d + 28);
	phnum = le16(d + 44);
	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = d + phoff + i * ELF_PHDR_SIZE;

		if (le32(ph) != ELF_PT_LOAD || le32(ph + 20) == 0)
			continue;
		if (out->nsegs == IMAGE_MAX_SEGS)
			return snprintf(err, n, "ELF with over %u loadable segments",
					IMAGE_MAX_SEGS),
			       -1;
		if (elf_segment(ph, size, base, ram, &out->seg[out->nsegs], err, n) < 0)
			return -1;
		out->nsegs++;
	}
	if (!out->nsegs)
		return snprintf(err, n, "ELF has nothing to load"), -1;
	if (overlapping(out, err, n) < 0)
		return -1;
	out->kind = IMAGE_ELF;
	out->entry = le32(d + 24);
	if (!entry_loaded(out))
		return snprintf(err, n, "ELF entry 0x%08x is outside the loaded segments",
				(unsigned)out->entry),
		       -1;
	/* The protocol rule (docs/guest-abi.md): entered at the RAM base = the kit's. */
	out->proto = out->entry == base ? BOOT_KIT : BOOT_LINUX;
	return 0;
}

static int is_zimage(const uint8_t *d, size_t size)
{
	return size >= ZIMAGE_HDR_END && le32(d + ZIMAGE_MAGIC_OFF) == ZIMAGE_MAGIC;
}

/* A raw image at base + offset, whole or refused. */
static int one_segment(size_t size, size_t offset, uint32_t base, uint32_t ram,
		       struct image_info *out, char *err, size_t n)
{
	if ((size > ram || offset > ram - size) && offset)
		return snprintf(err, n,
				"zImage of %lu bytes does not fit in %u bytes of RAM from "
				"RAM base + 0x%lx",
				(unsigned long)size, (unsigned)ram, (unsigned long)offset),
		       -1;
	if (size > ram)
		return snprintf(err, n, "raw image of %lu bytes does not fit in %u bytes of RAM",
				(unsigned long)size, (unsigned)ram),
		       -1;
	out->nsegs = 1;
	out->seg[0].addr = base + (uint32_t)offset;
	out->seg[0].filesz = out->seg[0].memsz = (uint32_t)size;
	out->seg[0].offset = 0;
	out->entry = out->seg[0].addr;
	return 0;
}

/* The zImage's own size words (start, end) must fit the file: a cut one is refused. */
static int parse_zimage(const uint8_t *d, size_t size, uint32_t base, uint32_t ram,
			struct image_info *out, char *err, size_t n)
{
	uint32_t start = le32(d + ZIMAGE_MAGIC_OFF + 4), end = le32(d + ZIMAGE_MAGIC_OFF + 8);

	if (end < start || end - start > size)
		return snprintf(err, n,
				"truncated zImage: its header gives %u bytes, the file has "
				"%lu",
				(unsigned)(end - start), (unsigned long)size),
		       -1;
	out->kind = IMAGE_ZIMAGE;
	out->proto = BOOT_LINUX;
	return one_segment(size, BOARD_ZIMAGE_OFFSET, base, ram, out, err, n);
}

int image_parse(const void *data, size_t size, uint32_t ram_base, uint32_t ram_size,
		struct image_info *out, char *err, size_t n)
{
	const uint8_t *d = data;
	int rc;

	memset(out, 0, sizeof(*out));
	if (size == 0)
		return snprintf(err, n, "empty image (0 bytes)"), -1;
	if ((uint64_t)ram_base + ram_size >= FOUR_GIB) /* so every end fits 32 bits */
		return snprintf(err, n, "guest RAM 0x%08x + 0x%x reaches 4 GiB", (unsigned)ram_base,
				(unsigned)ram_size),
		       -1;
	if (size >= 4 && d[0] == 0x7f && d[1] == 'E' && d[2] == 'L' && d[3] == 'F')
		rc = parse_elf(d, size, ram_base, ram_size, out, err, n);
	else if (is_zimage(d, size))
		rc = parse_zimage(d, size, ram_base, ram_size, out, err, n);
	else {
		out->kind = IMAGE_RAW;
		out->proto = BOOT_KIT;
		rc = one_segment(size, 0, ram_base, ram_size, out, err, n);
	}
	for (unsigned i = 0; rc == 0 && i < out->nsegs; i++)
		if (out->seg[i].addr + out->seg[i].memsz > out->end)
			out->end = out->seg[i].addr + out->seg[i].memsz;
	return rc;
}

void image_copy(const struct image_info *info, const void *data, void *ram, uint32_t ram_base)
{
	for (unsigned i = 0; i < info->nsegs; i++) {
		const struct image_seg *s = &info->seg[i];
		uint8_t *to = (uint8_t *)ram + (s->addr - ram_base);

		memcpy(to, (const uint8_t *)data + s->offset, s->filesz);
		memset(to + s->filesz, 0, s->memsz - s->filesz);
	}
}
