/*
 * The boot plan (boot.h): the DTB in the top BOARD_DTB_MAX of RAM, the
 * initrd page-aligned just below it, as kvmtool's arm loader places them
 * (kvm__arch_load_kernel_image: both at the top, clear of a zImage that
 * decompresses upwards), and the entry registers of the image's protocol.
 */
#include <stdio.h>
#include "boot.h"
#include "memmap.h"

#define PAGE_SIZE	0x1000u

static int refuse(char *err, size_t n, const char *fmt, uint32_t a, uint32_t b)
{
	snprintf(err, n, fmt, (unsigned)a, (unsigned)b);
	return -1;
}

static void entry_regs(const struct image_info *img, struct boot_plan *p)
{
	p->proto = img->proto;
	p->entry = img->entry;
	p->cpsr = BOARD_ENTRY_CPSR;
	p->r0 = 0;
	p->r1 = img->proto == BOOT_LINUX ? BOARD_MACH_TYPE_DT : 0;
	p->r2 = img->proto == BOOT_LINUX ? p->dtb_addr : 0;
}

int boot_plan(const struct image_info *img, uint32_t ram_base, uint32_t ram_size,
	      size_t initrd_size, struct boot_plan *p, char *err, size_t n)
{
	uint32_t low;

	if (ram_size < 2 * BOARD_DTB_MAX || (uint64_t)ram_base + ram_size > 0x100000000ull)
		return refuse(err, n, "boot: RAM of 0x%x bytes at 0x%08x cannot hold a DTB",
			      ram_size, ram_base);
	p->dtb_addr = ram_base + ram_size - BOARD_DTB_MAX;
	p->initrd_start = p->initrd_end = low = p->dtb_addr;
	if (initrd_size) {
		if (initrd_size > p->dtb_addr - ram_base)
			return refuse(err, n, "boot: an initrd of over %u bytes does not fit "
				      "below the DTB at 0x%08x", p->dtb_addr - ram_base,
				      p->dtb_addr);
		p->initrd_start = (p->dtb_addr - (uint32_t)initrd_size) & ~(PAGE_SIZE - 1);
		p->initrd_end = p->initrd_start + (uint32_t)initrd_size;
		low = p->initrd_start;
	}
	if (img->end > low)
		return refuse(err, n, "boot: the image (up to 0x%08x) overlaps the initrd or DTB "
			      "from 0x%08x", img->end, low);
	entry_regs(img, p);
	return 0;
}
