/* ITSTATE in a saved PSR (see psr.h). */
#include "psr.h"

uint32_t psr_itstate(uint32_t psr)
{
	return ((psr >> PSR_IT_HI_SHIFT) & 0x3f) << 2 | ((psr >> PSR_IT_LO_SHIFT) & 3);
}

/* ITAdvance(): the block ends when IT[2:0] is 0, else IT[4:0] shifts left. */
uint32_t psr_it_advance(uint32_t psr)
{
	uint32_t it = psr_itstate(psr);

	if (!it)
		return psr;
	it = (it & 7) == 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
	return (psr & ~PSR_IT_MASK) | (it >> 2) << PSR_IT_HI_SHIFT | (it & 3) << PSR_IT_LO_SHIFT;
}
