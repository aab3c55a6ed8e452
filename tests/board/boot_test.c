/*
 * The boot plan: the DTB in the top 64 KiB, the initrd page-aligned below
 * it, the entry registers of each protocol, and every refusal.
 */
#include "boot.h"
#include "memmap.h"
#include "unit.h"

#define MIB	  0x100000u
#define RAM16_END (BOARD_RAM_BASE + 16 * MIB)

static char err[160];

static struct image_info image(enum boot_protocol proto, uint32_t entry, uint32_t end)
{
	struct image_info i = { .kind = IMAGE_ELF, .proto = proto, .entry = entry, .end = end };

	return i;
}

static void test_kit(void)
{
	struct image_info img = image(BOOT_KIT, BOARD_RAM_BASE, BOARD_RAM_BASE + 0x1000);
	struct boot_plan p;

	check(boot_plan(&img, BOARD_RAM_BASE, 16 * MIB, 0, &p, err, sizeof(err)) == 0,
	      "kit image, no initrd");
	check_eq(p.dtb_addr, RAM16_END - BOARD_DTB_MAX, "DTB at the top 64 KiB");
	check(p.initrd_start == p.initrd_end, "no initrd: start = end");
	check(p.proto == BOOT_KIT && p.entry == BOARD_RAM_BASE && p.cpsr == BOARD_ENTRY_CPSR,
	      "kit: entered at the RAM base in SVC, A I F masked");
	check(p.r0 == 0 && p.r1 == 0 && p.r2 == 0, "kit: r0-r2 = 0");
}

static void test_linux(void)
{
	struct image_info img = image(BOOT_LINUX, BOARD_RAM_BASE + BOARD_ZIMAGE_OFFSET,
				      BOARD_RAM_BASE + 0x500000);
	struct boot_plan p;

	check(boot_plan(&img, BOARD_RAM_BASE, 512 * MIB, 0x123456, &p, err, sizeof(err)) == 0,
	      "zImage with an initrd of 0x123456 bytes, 512 MiB");
	check_eq(p.dtb_addr, BOARD_RAM_BASE + 512 * MIB - BOARD_DTB_MAX, "DTB at the top");
	check_eq(p.initrd_start, (p.dtb_addr - 0x123456) & ~0xfffu, "initrd page-aligned below");
	check_eq(p.initrd_end, p.initrd_start + 0x123456, "initrd end = start + size");
	check(p.initrd_start % 0x1000 == 0 && p.initrd_end <= p.dtb_addr,
	      "initrd clear of the DTB");
	check(p.r0 == 0 && p.r1 == BOARD_MACH_TYPE_DT && p.r2 == p.dtb_addr,
	      "Linux: r0 = 0, r1 = 0xffffffff, r2 = DTB");
	check(p.entry == BOARD_RAM_BASE + BOARD_ZIMAGE_OFFSET && p.cpsr == 0x1d3,
	      "Linux: entered at the zImage, SVC");
}

static void test_limits(void)
{
	uint32_t dtb = RAM16_END - BOARD_DTB_MAX;
	struct image_info full = image(BOOT_KIT, BOARD_RAM_BASE, dtb);
	struct image_info over = image(BOOT_KIT, BOARD_RAM_BASE, dtb + 1);
	struct image_info tiny = image(BOOT_KIT, BOARD_RAM_BASE, BOARD_RAM_BASE + 4);
	struct boot_plan p;

	check(boot_plan(&full, BOARD_RAM_BASE, 16 * MIB, 0, &p, err, sizeof(err)) == 0,
	      "an image up to the DTB's first byte fits");
	check(boot_plan(&over, BOARD_RAM_BASE, 16 * MIB, 0, &p, err, sizeof(err)) < 0 &&
		      strstr(err, "overlaps the initrd or DTB from 0x40ff0000"),
	      "one byte into the DTB refused: \"%s\"", err);
	check(boot_plan(&full, BOARD_RAM_BASE, 16 * MIB, 1, &p, err, sizeof(err)) < 0 &&
		      strstr(err, "from 0x40fef000"),
	      "an initrd below a full image refused: \"%s\"", err);
	check(boot_plan(&tiny, BOARD_RAM_BASE, 16 * MIB, dtb - BOARD_RAM_BASE, &p, err,
			sizeof(err)) < 0,
	      "an initrd filling RAM up to the DTB overlaps the image");
	check(boot_plan(&tiny, BOARD_RAM_BASE, 16 * MIB, dtb - BOARD_RAM_BASE + 1, &p, err,
			sizeof(err)) < 0 &&
		      strstr(err, "does not fit below the DTB"),
	      "an initrd larger than RAM below the DTB: \"%s\"", err);
	check(boot_plan(&tiny, BOARD_RAM_BASE, 16 * MIB, (size_t)-1, &p, err, sizeof(err)) < 0 &&
		      strstr(err, "does not fit"),
	      "an initrd of SIZE_MAX bytes refused, no wrap");
	check(boot_plan(&tiny, BOARD_RAM_BASE, BOARD_DTB_MAX, 0, &p, err, sizeof(err)) < 0 &&
		      strstr(err, "cannot hold a DTB"),
	      "64 KiB of RAM: \"%s\"", err);
	check(boot_plan(&tiny, 0xfff00000, 2 * MIB, 0, &p, err, sizeof(err)) < 0,
	      "RAM wrapping past 4 GiB refused");
}

int main(void)
{
	test_kit();
	test_linux();
	test_limits();
	return unit_summary();
}
