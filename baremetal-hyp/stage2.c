/* Stage-2 LPAE tables: pure C, no hardware access (see stage2.h). */
#include <string.h>
#include "stage2.h"
#include "sysregs.h"

_Static_assert(sizeof(((struct stage2 *)0)->l1) == 1u << 5, "level-1 table is 32 bytes");
_Static_assert(S2_L2_ENTRIES << S2_L2_SHIFT == 1u << S2_L1_SHIFT, "l2 covers one l1 entry");

int stage2_init(struct stage2 *s, uint32_t l2_pa)
{
	memset(s->l1, 0, sizeof(s->l1));
	memset(s->l2, 0, sizeof(s->l2));
	memset(s->dev_l2, 0, sizeof(s->dev_l2));
	memset(s->dev_l3, 0, sizeof(s->dev_l3));
	s->l2_pa = l2_pa;
	s->dev_l2_pa = l2_pa + (uint32_t)((char *)s->dev_l2 - (char *)s->l2);
	s->dev_l3_pa = l2_pa + (uint32_t)((char *)s->dev_l3 - (char *)s->l2);
	s->l2_slot = -1;
	s->dev_slot = -1;
	s->dev_l2_slot = -1;
	return l2_pa & 0xfff ? -1 : 0;
}

uint64_t s2_block_desc(uint64_t pa)
{
	return (pa & LPAE_ADDR_MASK) | LPAE_AF | LPAE_SH_INNER | S2_S2AP_RW |
		(S2_MEMATTR_NORMAL_WB << S2_MEMATTR_SHIFT) | LPAE_TYPE_BLOCK;
}

/* Device (MemAttr 0001), read/write, XN: the guest's view of a real device page. */
uint64_t s2_device_page_desc(uint64_t pa)
{
	return (pa & LPAE_ADDR_MASK) | LPAE_XN | LPAE_AF | S2_S2AP_RW |
		(S2_MEMATTR_DEVICE << S2_MEMATTR_SHIFT) | LPAE_TYPE_PAGE;
}

uint64_t s2_table_desc(uint32_t table_pa) { return (table_pa & LPAE_ADDR_MASK) | LPAE_TYPE_TABLE; }

static const char *check_range(const struct stage2 *s, uint32_t ipa, uint64_t pa, uint32_t size)
{
	uint64_t end = (uint64_t)ipa + size;

	if (size == 0)
		return "empty range";
	if ((ipa | pa | size) & (S2_BLOCK_SIZE - 1))
		return "IPA, PA and size must be 2 MiB aligned";
	if (pa + size > (1ull << 40))
		return "PA beyond 40 bits";
	if (end > (1ull << S2_IPA_BITS))
		return "IPA beyond the IPA space";
	if (ipa >> S2_L1_SHIFT != (end - 1) >> S2_L1_SHIFT)
		return "range crosses a 1 GiB slot";
	if (s->l2_slot >= 0 && s->l2_slot != (int)(ipa >> S2_L1_SHIFT))
		return "only one 1 GiB slot has a level-2 table";
	return NULL;
}

int stage2_map_ram(struct stage2 *s, uint32_t ipa, uint64_t pa, uint32_t size, const char **why)
{
	unsigned first = (ipa >> S2_L2_SHIFT) % S2_L2_ENTRIES;
	unsigned n = size >> S2_L2_SHIFT;

	*why = check_range(s, ipa, pa, size);
	for (unsigned i = 0; !*why && i < n; i++)
		if (s->l2[first + i] & LPAE_VALID)
			*why = "already mapped";
	if (*why)
		return -1;
	for (unsigned i = 0; i < n; i++)
		s->l2[first + i] = s2_block_desc(pa + ((uint64_t)i << S2_L2_SHIFT));
	s->l2_slot = ipa >> S2_L1_SHIFT;
	s->l1[s->l2_slot] = s2_table_desc(s->l2_pa);
	return 0;
}

static const char *check_device(const struct stage2 *s, uint32_t ipa, uint64_t pa, uint32_t size)
{
	unsigned slot = ipa >> S2_L1_SHIFT, block = (ipa >> S2_L2_SHIFT) % S2_L2_ENTRIES;

	if (size == 0)
		return "empty range";
	if ((ipa | pa | size) & (S2_PAGE_SIZE - 1))
		return "IPA, PA and size must be 4 KiB aligned";
	if (pa + size > (1ull << 40))
		return "PA beyond 40 bits";
	if ((uint64_t)ipa + size > (1ull << S2_IPA_BITS) ||
	    ipa >> S2_L2_SHIFT != (ipa + size - 1) >> S2_L2_SHIFT)
		return "range crosses a 2 MiB block";
	if ((int)slot == s->l2_slot)
		return "device pages in RAM's 1 GiB slot";
	if ((s->dev_slot >= 0 && s->dev_slot != (int)slot) ||
	    (s->dev_l2_slot >= 0 && s->dev_l2_slot != (int)block))
		return "only one 2 MiB block has device pages";
	return NULL;
}

int stage2_map_device(struct stage2 *s, uint32_t ipa, uint64_t pa, uint32_t size, const char **why)
{
	unsigned first = (ipa >> S2_L3_SHIFT) % S2_L3_ENTRIES, n = size >> S2_L3_SHIFT;

	*why = check_device(s, ipa, pa, size);
	for (unsigned i = 0; !*why && i < n; i++)
		if (s->dev_l3[first + i] & LPAE_VALID)
			*why = "already mapped";
	if (*why)
		return -1;
	for (unsigned i = 0; i < n; i++)
		s->dev_l3[first + i] = s2_device_page_desc(pa + ((uint64_t)i << S2_L3_SHIFT));
	s->dev_slot = ipa >> S2_L1_SHIFT;
	s->dev_l2_slot = (ipa >> S2_L2_SHIFT) % S2_L2_ENTRIES;
	s->dev_l2[s->dev_l2_slot] = s2_table_desc(s->dev_l3_pa);
	s->l1[s->dev_slot] = s2_table_desc(s->dev_l2_pa);
	return 0;
}

/* A table descriptor's next level, if it is one of ours. */
static const uint64_t *next_table(const struct stage2 *s, uint64_t d)
{
	uint64_t a = d & LPAE_ADDR_MASK;

	if ((d & LPAE_TYPE_MASK) != LPAE_TYPE_TABLE)
		return NULL;
	return a == s->l2_pa	    ? s->l2
		: a == s->dev_l2_pa ? s->dev_l2
		: a == s->dev_l3_pa ? s->dev_l3
				    : NULL;
}

int stage2_translate(const struct stage2 *s, uint32_t ipa, uint64_t *pa)
{
	const uint64_t *l2 = next_table(s, s->l1[ipa >> S2_L1_SHIFT]), *l3;
	uint64_t d;

	if (!l2 || l2 == s->dev_l3)
		return -1; /* the builder makes no level-1 blocks */
	d = l2[(ipa >> S2_L2_SHIFT) % S2_L2_ENTRIES];
	if ((d & LPAE_TYPE_MASK) == LPAE_TYPE_BLOCK && (d & LPAE_AF)) {
		*pa = (d & LPAE_ADDR_MASK & ~(uint64_t)(S2_BLOCK_SIZE - 1)) |
			(ipa & (S2_BLOCK_SIZE - 1));
		return 0;
	}
	l3 = next_table(s, d);
	if (l3 != s->dev_l3)
		return -1;
	d = l3[(ipa >> S2_L3_SHIFT) % S2_L3_ENTRIES];
	if ((d & LPAE_TYPE_MASK) != LPAE_TYPE_PAGE || !(d & LPAE_AF))
		return -1;
	*pa = (d & LPAE_ADDR_MASK) | (ipa & (S2_PAGE_SIZE - 1));
	return 0;
}

/* T0SZ is a signed 4-bit field: IPA size = 32 - T0SZ (B4.1.159). */
static int vtcr_t0sz(unsigned ipa_bits) { return 32 - (int)ipa_bits; }

/* A walk starts at level 1 for IPAs over 30 bits, else at level 2 (B3.6.6). */
static unsigned vtcr_sl0(unsigned ipa_bits) { return ipa_bits > 30 ? 1 : 0; }

uint32_t vtcr_value(unsigned ipa_bits)
{
	int t0sz = vtcr_t0sz(ipa_bits);
	uint32_t v = VTCR_RES1 | ((uint32_t)t0sz & VTCR_T0SZ_MASK);

	if (t0sz < 0)
		v |= VTCR_S; /* S must copy T0SZ[3] */
	v |= vtcr_sl0(ipa_bits) << VTCR_SL0_SHIFT;
	v |= TCR_RGN_WBWA << VTCR_IRGN0_SHIFT; /* walks cached: tables are RAM */
	v |= TCR_RGN_WBWA << VTCR_ORGN0_SHIFT;
	v |= TCR_SH_INNER << VTCR_SH0_SHIFT;
	return v;
}

/* x = 14 - T0SZ when the walk starts at level 2, 5 - T0SZ at level 1. */
unsigned vttbr_align_bits(unsigned ipa_bits)
{
	return (unsigned)((vtcr_sl0(ipa_bits) ? 5 : 14) - vtcr_t0sz(ipa_bits));
}

uint64_t vttbr_value(uint32_t baddr, unsigned vmid)
{
	return ((uint64_t)(vmid & 0xff) << VTTBR_VMID_SHIFT) | baddr;
}
