/*
 * Stage-2 translation tables (LPAE long descriptors), built by plain C so
 * the host unit tests check every descriptor. ARM DDI 0406C, B3.6.
 *
 * The guest has a 32-bit IPA space; the walk starts at level 1 (4 entries
 * of 1 GiB), one level-2 table (512 entries of 2 MiB) covers the board's
 * RAM slot with 2 MiB blocks. Devices the guest reaches directly (GICV
 * at the guest's GICC) are 4 KiB pages: a second level-2 table for their
 * slot and one level-3 table under it, so that their neighbours in the
 * same 2 MiB (the GICD page) still trap.
 */
#ifndef HYP_STAGE2_H
#define HYP_STAGE2_H

#include <stdint.h>

/* clang-format off */
#define S2_IPA_BITS	32
#define S2_L1_SHIFT	30			/* level 1: 1 GiB per entry */
#define S2_L2_SHIFT	21			/* level 2: 2 MiB per entry */
#define S2_BLOCK_SIZE	(1u << S2_L2_SHIFT)
#define S2_L1_ENTRIES	(1u << (S2_IPA_BITS - S2_L1_SHIFT))
#define S2_L2_ENTRIES	512u
#define S2_L3_SHIFT	12			/* level 3: 4 KiB pages */
#define S2_PAGE_SIZE	(1u << S2_L3_SHIFT)
#define S2_L3_ENTRIES	512u
/* clang-format on */

/* Descriptor bits (B3.6.1, B3.6.2; Stage-2 attributes B3.6.3). */
/* clang-format off */
#define LPAE_VALID	(1ull << 0)
#define LPAE_TABLE	(1ull << 1)		/* at levels 1-2: next-level table */
#define LPAE_TYPE_MASK	3ull
#define LPAE_TYPE_BLOCK	1ull
#define LPAE_TYPE_TABLE	3ull
#define LPAE_TYPE_PAGE	3ull			/* at level 3 */
#define S2_MEMATTR_SHIFT 2			/* MemAttr[3:0] */
#define S2_MEMATTR_MASK	(0xfull << S2_MEMATTR_SHIFT)
#define S2_MEMATTR_DEVICE 0x1ull		/* Device */
#define S2_MEMATTR_NORMAL_WB 0xfull		/* Normal, inner+outer write-back */
#define S2_S2AP_SHIFT	6			/* S2AP[1:0]: 1 read, 2 write */
#define S2_S2AP_RW	(3ull << S2_S2AP_SHIFT)
#define LPAE_SH_SHIFT	8
#define LPAE_SH_INNER	(3ull << LPAE_SH_SHIFT)
#define LPAE_AF		(1ull << 10)		/* access flag: no AF fault */
#define LPAE_XN		(1ull << 54)
#define LPAE_ADDR_MASK	0x000000fffffff000ull	/* output address bits 39:12 */
/* clang-format on */

struct stage2 {
	uint64_t l1[S2_L1_ENTRIES] __attribute__((aligned(32)));
	uint64_t l2[S2_L2_ENTRIES] __attribute__((aligned(4096)));
	uint64_t dev_l2[S2_L2_ENTRIES] __attribute__((aligned(4096)));
	uint64_t dev_l3[S2_L3_ENTRIES] __attribute__((aligned(4096)));
	uint32_t l2_pa;	    /* where the hardware sees l2 */
	uint32_t dev_l2_pa; /* ... dev_l2 and dev_l3: at l2's offsets from l2_pa */
	uint32_t dev_l3_pa;
	int l2_slot;	 /* the l1 entry l2 hangs from; -1: none yet */
	int dev_slot;	 /* the l1 entry dev_l2 hangs from; -1: none yet */
	int dev_l2_slot; /* the dev_l2 entry dev_l3 hangs from; -1: none yet */
};

/*
 * Empties the tables. l2_pa: the physical address of s->l2 (4 KiB
 * aligned); the device tables are where they are in the struct from it.
 */
int stage2_init(struct stage2 *s, uint32_t l2_pa);

/*
 * Maps [ipa, ipa + size) onto [pa, pa + size) as Normal write-back RAM,
 * read/write. All three 2 MiB aligned, inside one 1 GiB slot, not yet
 * mapped. Returns 0, or -1 with *why set to a one-line reason.
 */
int stage2_map_ram(struct stage2 *s, uint32_t ipa, uint64_t pa, uint32_t size, const char **why);

/*
 * Maps [ipa, ipa + size) onto [pa, pa + size) as Device pages, read/write,
 * never executable: 4 KiB aligned, inside one 2 MiB block outside RAM's
 * slot, not yet mapped. Returns 0, or -1 with *why.
 */
int stage2_map_device(struct stage2 *s, uint32_t ipa, uint64_t pa, uint32_t size, const char **why);

/* Walks the tables as the MMU would: 0 and *pa, or -1 (a Stage-2 fault). */
int stage2_translate(const struct stage2 *s, uint32_t ipa, uint64_t *pa);

uint64_t s2_block_desc(uint64_t pa);
uint64_t s2_device_page_desc(uint64_t pa);
uint64_t s2_table_desc(uint32_t table_pa);

/* VTCR for an IPA of ipa_bits: T0SZ, S and SL0 computed from it. */
uint32_t vtcr_value(unsigned ipa_bits);
/* log2 of the alignment VTTBR.BADDR needs (x in B4.1.160) for that VTCR. */
unsigned vttbr_align_bits(unsigned ipa_bits);
uint64_t vttbr_value(uint32_t baddr, unsigned vmid);

#endif
