/* Guest RAM as the hypervisor reaches it: IPA -> PA through our Stage 2. */
#include "hyp.h"
#include "stage2.h"

const struct stage2 *hyp_stage2(void);

/* A pointer to [ipa, ipa + size) in guest RAM, or NULL if not all mapped. */
void *guest_ram_ptr(uint32_t ipa, uint32_t size)
{
	uint64_t first, last;

	if (size == 0 || ipa + size - 1 < ipa)
		return NULL;
	if (stage2_translate(hyp_stage2(), ipa, &first) ||
	    stage2_translate(hyp_stage2(), ipa + size - 1, &last) || last - first != size - 1)
		return NULL;
	return (void *)(uint32_t)first;	/* the Hyp map is an identity map: VA = PA */
}

/* Machine RAM (the hypervisor's, and guest RAM by its physical address). */
bool ipa_in_machine_ram(uint32_t ipa)
{
	return ipa >= MACHINE_RAM_BASE && ipa - MACHINE_RAM_BASE < MACHINE_RAM_SIZE;
}
