/*
 * HSR (ARMv7 Hyp Syndrome Register; ESR_EL2 for an AArch32 guest on arm64):
 * exception classes and ISS decoding. Pure C, no hardware access.
 * ARM DDI 0406C, B3.13.6 "Use of the HSR".
 */
#ifndef BOARD_HSR_H
#define BOARD_HSR_H

#include <stdbool.h>
#include <stdint.h>

#define HSR_EC_SHIFT 26
#define HSR_EC_MASK  (0x3fu << HSR_EC_SHIFT)
#define HSR_IL	     (1u << 25)
#define HSR_ISS_MASK 0x01ffffffu

#define HSR_EC_UNKNOWN	0x00
#define HSR_EC_WFX	0x01
#define HSR_EC_CP15_32	0x03
#define HSR_EC_CP15_64	0x04
#define HSR_EC_CP14_MR	0x05
#define HSR_EC_CP14_LS	0x06
#define HSR_EC_CP_0_13	0x07
#define HSR_EC_CP10_ID	0x08
#define HSR_EC_JAZELLE	0x09
#define HSR_EC_BXJ	0x0a
#define HSR_EC_CP14_64	0x0c
#define HSR_EC_SVC_HYP	0x11
#define HSR_EC_HVC	0x12
#define HSR_EC_SMC	0x13
#define HSR_EC_IABT	0x20
#define HSR_EC_IABT_HYP 0x21
#define HSR_EC_PC_ALIGN 0x22
#define HSR_EC_DABT	0x24
#define HSR_EC_DABT_HYP 0x25
#define HSR_EC_MAX	0x3f

static inline unsigned hsr_ec(uint32_t hsr) { return hsr >> HSR_EC_SHIFT; }
static inline uint32_t hsr_iss(uint32_t hsr) { return hsr & HSR_ISS_MASK; }

/* Data abort ISS (EC 0x24), B3.13.6 table B3-24. */
#define HSR_DABT_ISV	   (1u << 24)
#define HSR_DABT_SAS_SHIFT 22
#define HSR_DABT_SSE	   (1u << 21)
#define HSR_DABT_SRT_SHIFT 16
#define HSR_DABT_EA	   (1u << 9)
#define HSR_DABT_S1PTW	   (1u << 7)
#define HSR_DABT_WNR	   (1u << 6)
#define HSR_DABT_DFSC_MASK 0x3f

#define HSR_WFX_WFE (1u << 0) /* EC 0x01: a WFE, else a WFI */
static inline bool hsr_wfx_is_wfe(uint32_t hsr) { return hsr & HSR_WFX_WFE; }

static inline bool dabt_isv(uint32_t hsr) { return hsr & HSR_DABT_ISV; }
static inline unsigned dabt_sas(uint32_t hsr) { return (hsr >> HSR_DABT_SAS_SHIFT) & 3; }
static inline unsigned dabt_size(uint32_t hsr) { return 1u << dabt_sas(hsr); }
static inline bool dabt_sse(uint32_t hsr) { return hsr & HSR_DABT_SSE; }
static inline unsigned dabt_srt(uint32_t hsr) { return (hsr >> HSR_DABT_SRT_SHIFT) & 0xf; }
static inline bool dabt_is_write(uint32_t hsr) { return hsr & HSR_DABT_WNR; }
static inline bool dabt_s1ptw(uint32_t hsr) { return hsr & HSR_DABT_S1PTW; }

/*
 * A trap path's fast case, a word by r0-r12: ISS[24:16] (ISV, SAS, SSE, 0,
 * SRT) is ISV = 1, SAS = 2, SSE = 0 and SRT <= 12, that is 0x180 + Rt.
 * Returns Rt for such an access, else a value above 12: one subtraction
 * and one unsigned compare test all of it.
 */
#define DABT_WORD_ISS ((HSR_DABT_ISV | 2u << HSR_DABT_SAS_SHIFT) >> HSR_DABT_SRT_SHIFT)
static inline unsigned dabt_word_rt(uint32_t hsr)
{
	return ((hsr >> HSR_DABT_SRT_SHIFT) & 0x1ff) - DABT_WORD_ISS;
}

/* MCR/MRC ISS (EC 0x03, 0x05), table B3-18. */
struct cp_access32 {
	unsigned opc1, crn, crm, opc2, rt;
	bool read; /* MRC: coprocessor to core register */
};
/* MCRR/MRRC ISS (EC 0x04, 0x0C). */
struct cp_access64 {
	unsigned opc1, crm, rt, rt2;
	bool read; /* MRRC */
};

void hsr_decode_cp32(uint32_t hsr, struct cp_access32 *a);
void hsr_decode_cp64(uint32_t hsr, struct cp_access64 *a);

/* Short name of an exception class ("DABT", "HVC", ...); never NULL. */
const char *hsr_ec_name(unsigned ec);

/* The architectural name of a CP15 register ("SCTLR"), or NULL if unknown. */
const char *cp15_reg_name32(const struct cp_access32 *a);
const char *cp15_reg_name64(const struct cp_access64 *a);

#endif
