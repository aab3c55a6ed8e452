/* Host unit tests: ITSTATE advance after a skipped instruction (baremetal-hyp/psr.c). */
#include "../unit.h"
#include "psr.h"

/* A Thumb PSR (T = bit 5) in SVC mode with the given ITSTATE. */
static uint32_t psr_with_it(uint32_t it)
{
	return 0x1f3u | (it >> 2) << PSR_IT_HI_SHIFT | (it & 3) << PSR_IT_LO_SHIFT;
}

int main(void)
{
	/* ITTE EQ: firstcond 0000, mask 0b0110 -> IT = 0x06, then 0x0c, 0x18 ... */
	check_eq(psr_itstate(psr_with_it(0x5a)), 0x5a, "ITSTATE read from both halves");
	check_eq(psr_it_advance(0x1d3), 0x1d3, "ARM state, no IT block: unchanged");
	check_eq(psr_it_advance(0x600001f3), 0x600001f3, "Thumb, outside IT: flags kept");
	check_eq(psr_itstate(psr_it_advance(psr_with_it(0x06))), 0x0c, "ITTE: 0x06 -> 0x0c");
	check_eq(psr_itstate(psr_it_advance(psr_with_it(0x0c))), 0x18, "ITTE: 0x0c -> 0x18");
	check_eq(psr_itstate(psr_it_advance(psr_with_it(0x18))), 0x00,
		 "ITTE: last one ends the block");
	check_eq(psr_itstate(psr_it_advance(psr_with_it(0xa8))), 0x00, "IT NE-ish, one slot: ends");
	check_eq(psr_itstate(psr_it_advance(psr_with_it(0x1c))), 0x18,
		 "cond LSB shifts with the mask");
	check_eq(psr_it_advance(psr_with_it(0x06)) & ~PSR_IT_MASK, 0x1f3, "other PSR bits kept");
	return unit_summary();
}
