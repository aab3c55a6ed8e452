/* A zImage's TEXT_OFFSET, from its decompressor's code (zimage_entry.h). */
#include "zimage_entry.h"
#include "image.h"

/* clang-format off */
#define A32_ADD_IMM_R4		0xe2804000u	/* add r4, rN, #imm (cond AL, S = 0) */
#define A32_ADD_IMM_R4_MASK	0xfff0f000u	/* all but Rn and imm12 */
#define A32_RN(w)		(((w) >> 16) & 0xfu)
/* arch/arm/kernel/head.S: "KERNEL_RAM_VADDR must start at 0xXXXX8000" */
#define TEXT_OFFSET_LOW		0x8000u
/* clang-format on */

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* An A32 modified immediate: imm8 rotated right by twice the top 4 bits. */
static uint32_t a32_imm(uint32_t imm12)
{
	uint32_t v = imm12 & 0xffu, rot = (imm12 >> 8) * 2;

	return rot ? v >> rot | v << (32 - rot) : v;
}

int zimage_text_offset(const void *data, size_t size, uint32_t *text_offset)
{
	const uint8_t *d = data;
	size_t end = size < ZIMAGE_ENTRY_SCAN ? size : ZIMAGE_ENTRY_SCAN;
	int found = 0;

	if (size < ZIMAGE_HDR_END || le32(d + ZIMAGE_MAGIC_OFF) != ZIMAGE_MAGIC)
		return -1;
	for (size_t off = 0; off + 4 <= end; off += 4) {
		uint32_t w = le32(d + off), v;

		if ((w & A32_ADD_IMM_R4_MASK) != A32_ADD_IMM_R4 ||
		    (A32_RN(w) != 0 && A32_RN(w) != 4))
			continue;
		v = a32_imm(w & 0xfffu);
		if ((v & 0xffffu) != TEXT_OFFSET_LOW) /* a loop's add r4, r4, #1 */
			continue;
		if (found && v != *text_offset)
			return -1;
		*text_offset = v;
		found = 1;
	}
	return found ? 0 : -1;
}
