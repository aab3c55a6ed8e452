/* Host unit tests: the Stage-2 table builder (baremetal-hyp/stage2.c). */
#include <stdlib.h>
#include "../unit.h"
#include "stage2.h"
#include "memmap.h"

/* clang-format off */
#define GUEST_PA 0x48000000u
#define L2_PA 0x40031000u	/* any 4 KiB aligned physical address */
/* clang-format on */

static void test_descriptors(void)
{
	check_eq(s2_block_desc(0x44000000), 0x440007fd,
		 "block descriptor, 2 MiB RAM at 0x44000000");
	check_eq(s2_block_desc(0x44000000) & LPAE_AF, LPAE_AF, "block has the access flag");
	check_eq(s2_table_desc(L2_PA), L2_PA | 3, "table descriptor");
	check_eq(s2_block_desc(0x1234567890ull) & ~LPAE_ADDR_MASK & 0xfff, 0x7fd,
		 "attributes do not leak into the address");
}

static void test_vtcr(void)
{
	check_eq(vtcr_value(32), 0x80003540, "VTCR, 32-bit IPA: T0SZ 0, SL0 level 1, WBWA, IS");
	check_eq(vtcr_value(40) & 0xdf, 0x58, "VTCR, 40-bit IPA: T0SZ -8 (0b1000), S=1, SL0=1");
	check_eq(vtcr_value(30) & 0xdf, 0x02, "VTCR, 30-bit IPA: T0SZ 2, SL0 level 2");
	check_eq(vttbr_align_bits(32), 5, "VTTBR alignment, 32-bit IPA: 32 bytes");
	check_eq(vttbr_align_bits(40), 13, "VTTBR alignment, 40-bit IPA: 8 KiB (KVM's)");
	check_eq(vttbr_align_bits(30), 12, "VTTBR alignment, 30-bit IPA from level 2: 4 KiB");
	check_eq(vttbr_value(0x40030000, 1), 0x0001000040030000ull, "VTTBR: VMID in bits 55:48");
	check_eq(vttbr_value(0x40030000, 0x1ff) >> 48, 0xff, "VTTBR: VMID is 8 bits");
}

static struct stage2 *board_map(void)
{
	static struct stage2 s;
	const char *why = NULL;

	check_eq(stage2_init(&s, L2_PA), 0, "init");
	check_eq(stage2_map_ram(&s, BOARD_RAM_BASE, GUEST_PA, BOARD_RAM_SIZE, &why), 0,
		 "map the board's 16 MiB");
	check(why == NULL, "no error text");
	return &s;
}

static void test_board_map(void)
{
	struct stage2 *s = board_map();
	uint64_t pa = 0;
	unsigned valid = 0;

	check_eq(s->l1[1], L2_PA | 3, "l1[1] (IPA 1-2 GiB) points at the level-2 table");
	check_eq(s->l1[0] | s->l1[2] | s->l1[3], 0, "other level-1 entries invalid");
	for (unsigned i = 0; i < S2_L2_ENTRIES; i++)
		valid += s->l2[i] & LPAE_VALID ? 1 : 0;
	check_eq(valid, BOARD_RAM_SIZE / S2_BLOCK_SIZE, "8 blocks of 2 MiB");
	check_eq(s->l2[7], s2_block_desc(GUEST_PA + 7 * S2_BLOCK_SIZE), "last block");
	check(stage2_translate(s, 0x40000000, &pa) == 0 && pa == GUEST_PA, "RAM base -> GUEST_PA");
	check(stage2_translate(s, 0x40ffffff, &pa) == 0 && pa == GUEST_PA + 0xffffff,
	      "last RAM byte");
	check(stage2_translate(s, 0x41000000, &pa) < 0, "just past RAM faults");
	check(stage2_translate(s, BOARD_UART_BASE, &pa) < 0, "UART unmapped: it traps");
	check(stage2_translate(s, BOARD_GICD_BASE, &pa) < 0, "GIC unmapped: it traps");
	check(stage2_translate(s, GUEST_PA, &pa) < 0, "guest PA is not an IPA");
	check(stage2_translate(s, 0xfffff000, &pa) < 0, "top of IPA space faults");
}

/* No IPA reaches the hypervisor (PA 0x40000000..+4 MiB) and none is identity. */
static void test_no_identity(void)
{
	struct stage2 *s = board_map();
	unsigned bad = 0, mapped = 0;

	for (uint64_t ipa = 0; ipa < (1ull << 32); ipa += 0x10000) {
		uint64_t pa;
		if (stage2_translate(s, (uint32_t)ipa, &pa))
			continue;
		mapped++;
		if (pa == ipa || (pa >= 0x40000000 && pa < 0x40400000))
			bad++;
	}
	check_eq(mapped, BOARD_RAM_SIZE / 0x10000, "only guest RAM is mapped");
	check_eq(bad, 0, "no identity mapping, hypervisor unreachable");
}

static void test_errors(void)
{
	static struct stage2 s;
	const char *why;

	stage2_init(&s, L2_PA);
	check(stage2_init(&s, L2_PA + 8) < 0, "level-2 table must be 4 KiB aligned");
	stage2_init(&s, L2_PA);
	check(stage2_map_ram(&s, 0x40001000, GUEST_PA, S2_BLOCK_SIZE, &why) < 0 && why,
	      "misaligned IPA refused");
	check(stage2_map_ram(&s, 0x40000000, GUEST_PA + 0x1000, S2_BLOCK_SIZE, &why) < 0,
	      "misaligned PA refused");
	check(stage2_map_ram(&s, 0x40000000, GUEST_PA, 0x1000, &why) < 0, "misaligned size");
	check(stage2_map_ram(&s, 0x40000000, GUEST_PA, 0, &why) < 0, "empty range");
	check(stage2_map_ram(&s, 0x7fe00000, GUEST_PA, 2 * S2_BLOCK_SIZE, &why) < 0,
	      "crossing a 1 GiB slot refused");
	check_eq(stage2_map_ram(&s, 0x40000000, GUEST_PA, S2_BLOCK_SIZE, &why), 0, "one block");
	check(stage2_map_ram(&s, 0x40000000, GUEST_PA, S2_BLOCK_SIZE, &why) < 0 && why &&
		      strcmp(why, "already mapped") == 0,
	      "overlap refused");
	check(stage2_map_ram(&s, 0x80000000, GUEST_PA, S2_BLOCK_SIZE, &why) < 0,
	      "a second slot refused");
}

/* GICV (QEMU virt's 0x08040000) at the guest's GICC, 8 KiB; the GICD page beside it traps. */
static void test_device_pages(void)
{
	struct stage2 *s = board_map();
	const char *why = NULL;
	uint64_t pa = 0;

	check_eq(stage2_map_device(s, BOARD_GICC_BASE, 0x08040000, 0x2000, &why), 0,
		 "map GICV at the guest's GICC");
	check_eq(s2_device_page_desc(0x08040000), 0x00400000080404c7ull,
		 "page: XN, AF, S2AP RW, MemAttr Device, type page");
	check_eq(s->l1[0], s->dev_l2_pa | 3, "l1[0] points at the device level-2 table");
	check_eq(s->dev_l2[BOARD_GICC_BASE >> 21], s->dev_l3_pa | 3, "which points at level 3");
	check(stage2_translate(s, BOARD_GICC_BASE, &pa) == 0 && pa == 0x08040000,
	      "GICC IPA -> GICV PA");
	check(stage2_translate(s, BOARD_GICC_BASE + 0x1004, &pa) == 0 && pa == 0x08041004,
	      "GICC_DIR's page too");
	check(stage2_translate(s, BOARD_GICC_BASE + 0x2000, &pa) < 0, "past 8 KiB: traps");
	check(stage2_translate(s, BOARD_GICD_BASE, &pa) < 0, "GICD still unmapped: it traps");
	check(stage2_translate(s, 0x40000000, &pa) == 0 && pa == GUEST_PA, "RAM unchanged");
	check(stage2_map_device(s, BOARD_GICC_BASE, 0x08040000, 0x1000, &why) < 0 &&
		      strcmp(why, "already mapped") == 0,
	      "a page twice refused");
	check(stage2_map_device(s, 0x08200000, 0x08040000, 0x1000, &why) < 0,
	      "a second 2 MiB block refused");
	check(stage2_map_device(s, 0x081ff000, 0x08040000, 0x2000, &why) < 0,
	      "crossing a 2 MiB block refused");
	check(stage2_map_device(s, 0x08020800, 0x08040000, 0x1000, &why) < 0,
	      "misaligned page refused");
	check(stage2_map_device(s, 0x40000000 - 0x1000 + 0x1000, 0x08040000, 0x1000, &why) < 0,
	      "device pages in RAM's slot refused");
}

int main(void)
{
	test_descriptors();
	test_vtcr();
	test_board_map();
	test_no_identity();
	test_errors();
	test_device_pages();
	return unit_summary();
}
