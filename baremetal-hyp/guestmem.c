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
	return (void *)(uint32_t)first; /* the Hyp map is an identity map: VA = PA */
}

/* Machine RAM (the hypervisor's, staging, and guest RAM by its physical address). */
bool ipa_in_machine_ram(uint32_t ipa)
{
	return ipa >= MACHINE_RAM_BASE &&
		ipa - MACHINE_RAM_BASE < GUEST_PA - MACHINE_RAM_BASE + hyp_vcpu.desc.ram_size;
}

/*
 * What the hypervisor wrote into guest RAM (image, initrd, DTB) goes out
 * of its data cache to the point of coherency: the guest starts with its
 * MMU and caches off and reads memory itself. DCCMVAC by line (B4.2.1);
 * CTR.DminLine gives the line size.
 */
void dcache_clean_range(const void *p, uint32_t size)
{
	uint32_t line = 4u << ((read_CTR() >> 16) & 0xf);
	uint32_t a = (uint32_t)p & ~(line - 1), end = (uint32_t)p + size;

	for (; a < end; a += line)
		__asm__ volatile("mcr p15, 0, %0, c7, c10, 1 @ DCCMVAC" ::"r"(a) : "memory");
	dsb();
	__asm__ volatile("mcr p15, 0, %0, c7, c5, 0 @ ICIALLU" ::"r"(0) : "memory");
	dsb();
	isb();
}
