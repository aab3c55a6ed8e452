/* Host unit tests: the hypervisor's own Stage-1 map (baremetal-hyp/hyp_s1.c). */
#include "../unit.h"
#include "hyp_s1.h"

int main(void)
{
	static struct hyp_s1 t;
	const char *why;
	uint64_t pa = 0;
	enum hyp_mem type = HYP_MEM_NORMAL;
	unsigned valid = 0;

	hyp_s1_init(&t, 0x40031000, 0x40032000);
	check_eq(hyp_s1_block_desc(0x09000000, HYP_MEM_DEVICE), 0x0040000009000441ull,
		 "device block: XN, AF, AP RW, AttrIndx 0, not shareable");
	check_eq(hyp_s1_block_desc(0x40000000, HYP_MEM_NORMAL), 0x0000000040000745ull,
		 "RAM block: AF, inner shareable, AP RW, AttrIndx 1");
	check_eq(hyp_s1_map(&t, 0x08000000, S2_BLOCK_SIZE, HYP_MEM_DEVICE, &why), 0, "map GIC");
	check_eq(hyp_s1_map(&t, 0x09000000, S2_BLOCK_SIZE, HYP_MEM_DEVICE, &why), 0, "map UART");
	check_eq(hyp_s1_map(&t, 0x40000000, 0x10000000, HYP_MEM_NORMAL, &why), 0, "map RAM");
	check_eq(t.l1[0], 0x40031003ull, "l1[0] -> device table");
	check_eq(t.l1[1], 0x40032003ull, "l1[1] -> RAM table");
	check_eq(t.l1[2] | t.l1[3], 0, "upper 2 GiB unmapped");
	for (unsigned s = 0; s < S1_L2_TABLES; s++)
		for (unsigned i = 0; i < S2_L2_ENTRIES; i++)
			valid += t.l2[s][i] & LPAE_VALID ? 1 : 0;
	check_eq(valid, 2 + 128, "2 device blocks + 256 MiB of RAM in 2 MiB blocks");
	check(hyp_s1_translate(&t, 0x09000018, &pa, &type) == 0 && pa == 0x09000018 &&
		      type == HYP_MEM_DEVICE,
	      "UART FR: identity, Device");
	check(hyp_s1_translate(&t, 0x08010000, &pa, &type) == 0 && type == HYP_MEM_DEVICE,
	      "GIC CPU interface: Device");
	check(hyp_s1_translate(&t, 0x48000000, &pa, &type) == 0 && pa == 0x48000000 &&
		      type == HYP_MEM_NORMAL,
	      "guest RAM by its PA: identity, Normal");
	check(hyp_s1_translate(&t, 0x4fffffff, &pa, &type) == 0, "last byte of machine RAM");
	check(hyp_s1_translate(&t, 0x50000000, &pa, &type) < 0, "past machine RAM: faults");
	check(hyp_s1_translate(&t, 0x20000000, &pa, &type) < 0, "nothing there: faults");
	check(hyp_s1_translate(&t, 0x0a000000, &pa, &type) < 0, "past the UART block: faults");
	check(hyp_s1_map(&t, 0x09001000, S2_BLOCK_SIZE, HYP_MEM_DEVICE, &why) < 0 && why,
	      "misaligned refused");
	check(hyp_s1_map(&t, 0x80000000, S2_BLOCK_SIZE, HYP_MEM_NORMAL, &why) < 0 && why,
	      "above 2 GiB refused");
	check_eq(htcr_value(), 0x80003500, "HTCR: T0SZ 0, WBWA walks, inner shareable");
	return unit_summary();
}
