/*
 * The hypervisor's own translation (Hyp Stage 1, LPAE, HTTBR): an identity
 * map of exactly what it touches: the UART and the GIC as Device memory,
 * machine RAM as Normal write-back. Anything else faults in Hyp mode, so a
 * stray hypervisor access is a panic, not a silent write. Pure C.
 *
 * 32-bit VA (HTCR.T0SZ = 0): the walk starts at level 1 (4 x 1 GiB); the
 * two low GiB each get a level-2 table of 2 MiB blocks.
 */
#ifndef HYP_HYP_S1_H
#define HYP_HYP_S1_H

#include <stdint.h>
#include "stage2.h"

#define S1_L2_TABLES 2 /* VA 0-1 GiB (devices), 1-2 GiB (RAM) */

/* Descriptor bits, Stage 1 (B3.6.2): attributes through HMAIR. */
/* clang-format off */
#define S1_ATTRINDX_SHIFT 2		/* AttrIndx[2:0]: an HMAIR byte */
#define S1_AP_SHIFT	6		/* AP[2:1]; in Hyp, AP[1] is SBO: 0b01 = RW */
#define S1_AP_HYP_RW	(1ull << S1_AP_SHIFT)
/* clang-format on */

/* The memory types, as indices into HMAIR0. */
enum hyp_mem { HYP_MEM_DEVICE = 0, HYP_MEM_NORMAL = 1 };
#define HMAIR_ATTR_DEVICE    0x04u /* Device (nGnRE) */
#define HMAIR_ATTR_NORMAL_WB 0xffu /* Normal, inner/outer write-back, RW-allocate */
#define HYP_HMAIR0 \
	(HMAIR_ATTR_DEVICE << (8 * HYP_MEM_DEVICE) | HMAIR_ATTR_NORMAL_WB << (8 * HYP_MEM_NORMAL))

struct hyp_s1 {
	uint64_t l1[4] __attribute__((aligned(32)));
	uint64_t l2[S1_L2_TABLES][S2_L2_ENTRIES] __attribute__((aligned(4096)));
	uint32_t l2_pa[S1_L2_TABLES]; /* where the hardware sees each l2 */
};

/* Empties the tables; l2_pa0/1: physical addresses of l2[0], l2[1]. */
void hyp_s1_init(struct hyp_s1 *t, uint32_t l2_pa0, uint32_t l2_pa1);

/* Identity-maps [va, va + size), 2 MiB aligned, below 2 GiB. 0 or -1 + why. */
int hyp_s1_map(struct hyp_s1 *t, uint32_t va, uint32_t size, enum hyp_mem type, const char **why);

uint64_t hyp_s1_block_desc(uint64_t pa, enum hyp_mem type);

/* Walks the tables: 0 with *pa and *type, or -1 (a Hyp translation fault). */
int hyp_s1_translate(const struct hyp_s1 *t, uint32_t va, uint64_t *pa, enum hyp_mem *type);

/* HTCR for the 32-bit VA: T0SZ 0, walks cached, inner shareable. */
uint32_t htcr_value(void);

#endif
