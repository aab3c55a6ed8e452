/* The hypervisor's own Stage-1 identity map (see hyp_s1.h). Pure C. */
#include <string.h>
#include "hyp_s1.h"
#include "sysregs.h"

void hyp_s1_init(struct hyp_s1 *t, uint32_t l2_pa0, uint32_t l2_pa1)
{
	memset(t, 0, sizeof(*t));
	t->l2_pa[0] = l2_pa0;
	t->l2_pa[1] = l2_pa1;
}

/* Devices never execute (XN); RAM is shareable so a second CPU would agree. */
uint64_t hyp_s1_block_desc(uint64_t pa, enum hyp_mem type)
{
	uint64_t d = (pa & LPAE_ADDR_MASK) | LPAE_AF | S1_AP_HYP_RW |
		((uint64_t)type << S1_ATTRINDX_SHIFT) | LPAE_TYPE_BLOCK;

	return type == HYP_MEM_DEVICE ? d | LPAE_XN : d | LPAE_SH_INNER;
}

int hyp_s1_map(struct hyp_s1 *t, uint32_t va, uint32_t size, enum hyp_mem type, const char **why)
{
	unsigned slot = va >> S2_L1_SHIFT;
	uint64_t end = (uint64_t)va + size;

	*why = NULL;
	if (size == 0 || ((va | size) & (S2_BLOCK_SIZE - 1)))
		*why = "VA and size must be 2 MiB aligned";
	else if (slot >= S1_L2_TABLES || (end - 1) >> S2_L1_SHIFT != slot)
		*why = "only the two low 1 GiB slots, one at a time";
	if (*why)
		return -1;
	for (uint64_t a = va; a < end; a += S2_BLOCK_SIZE)
		t->l2[slot][(a >> S2_L2_SHIFT) % S2_L2_ENTRIES] = hyp_s1_block_desc(a, type);
	t->l1[slot] = s2_table_desc(t->l2_pa[slot]);
	return 0;
}

int hyp_s1_translate(const struct hyp_s1 *t, uint32_t va, uint64_t *pa, enum hyp_mem *type)
{
	unsigned slot = va >> S2_L1_SHIFT;
	uint64_t d;

	if (slot >= S1_L2_TABLES || (t->l1[slot] & LPAE_TYPE_MASK) != LPAE_TYPE_TABLE)
		return -1;
	d = t->l2[slot][(va >> S2_L2_SHIFT) % S2_L2_ENTRIES];
	if ((d & LPAE_TYPE_MASK) != LPAE_TYPE_BLOCK || !(d & LPAE_AF))
		return -1;
	*pa = (d & LPAE_ADDR_MASK & ~(uint64_t)(S2_BLOCK_SIZE - 1)) | (va & (S2_BLOCK_SIZE - 1));
	*type = (enum hyp_mem)((d >> S1_ATTRINDX_SHIFT) & 7);
	return 0;
}

uint32_t htcr_value(void)
{
	return HTCR_RES1 | TCR_RGN_WBWA << HTCR_IRGN0_SHIFT | TCR_RGN_WBWA << HTCR_ORGN0_SHIFT |
		TCR_SH_INNER << HTCR_SH0_SHIFT;
}
