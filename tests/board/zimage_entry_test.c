/*
 * zimage_text_offset: TEXT_OFFSET from the decompressor's "add r4, r0/r4,
 * #TEXT_OFFSET" (6.1's and 5.6's forms), the loops' small adds to r4 and
 * other registers passed over, and every refusal (not a zImage, none, two
 * that disagree, one past the scan).
 */
#include "image.h"
#include "zimage_entry.h"
#include "unit.h"

static uint8_t z[ZIMAGE_ENTRY_SCAN + 64];

static void put32(size_t off, uint32_t w)
{
	z[off] = (uint8_t)w;
	z[off + 1] = (uint8_t)(w >> 8);
	z[off + 2] = (uint8_t)(w >> 16);
	z[off + 3] = (uint8_t)(w >> 24);
}

/* An empty zImage: its magic, then nothing but "mov r0, r0". */
static void blank(void)
{
	for (size_t off = 0; off < sizeof(z); off += 4)
		put32(off, 0xe1a00000u);
	put32(ZIMAGE_MAGIC_OFF, ZIMAGE_MAGIC);
}

static void one(const char *name, int want_rc, uint32_t want)
{
	uint32_t v = 0xdeadbeefu;
	int rc = zimage_text_offset(z, sizeof(z), &v);

	if (want_rc == 0)
		check(rc == 0 && v == want, "%s: TEXT_OFFSET 0x%x (rc %d, got 0x%x)", name,
		      (unsigned)want, rc, (unsigned)v);
	else
		check(rc == -1, "%s: refused (rc %d)", name, rc);
}

int main(void)
{
	uint32_t v;

	blank();
	put32(0x1094, 0xe2804982u); /* add r4, r0, #0x208000: Debian's 6.1 armmp-lpae */
	one("6.1 form, add r4, r0, #0x208000", 0, 0x208000);
	put32(0x586c, 0xe2844004u); /* add r4, r4, #4: a loop */
	put32(0x58a8, 0xe2844001u);
	put32(0x6000, 0xe2805902u); /* add r5, r0, #0x8000: another register */
	one("small adds to r4 and adds to r5 passed over", 0, 0x208000);
	put32(0xb330, 0xe2844982u); /* add r4, r4, #0x208000 again: agrees */
	one("two that agree", 0, 0x208000);
	put32(0xb330, 0xe2844902u); /* add r4, r4, #0x8000: disagrees */
	one("two that disagree", -1, 0);

	blank();
	put32(0x0100, 0xe2844902u); /* add r4, r4, #0x8000: 5.6's form */
	one("5.6 form, add r4, r4, #0x8000", 0, 0x8000);
	put32(0x0100, 0x02844902u); /* addeq: not always executed */
	one("a conditional add is not it", -1, 0);
	put32(0x0100, 0xe2944902u); /* adds */
	one("adds (S = 1) is not it", -1, 0);
	put32(0x0100, 0xe2814902u); /* add r4, r1, #0x8000 */
	one("add r4, r1 is not it", -1, 0);

	blank();
	one("none", -1, 0);
	put32(ZIMAGE_ENTRY_SCAN, 0xe2804902u);
	one("one past the scanned bytes", -1, 0);
	blank();
	put32(0x200, 0xe2804902u);
	put32(ZIMAGE_MAGIC_OFF, 0);
	one("no zImage magic", -1, 0);
	check(zimage_text_offset(z, ZIMAGE_HDR_END - 1, &v) == -1,
	      "shorter than the header: refused");
	return unit_summary();
}
