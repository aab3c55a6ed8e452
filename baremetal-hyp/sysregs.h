/*
 * PL2 system registers: one #define per bit in bit order, and one accessor
 * per register with its encoding. ARM DDI 0406C, B4.1 and B3.13.
 * Values only: what the hypervisor sets, and why, is in hyp_regs.h.
 */
#ifndef HYP_SYSREGS_H
#define HYP_SYSREGS_H

/* HCR, Hyp Configuration Register: p15, 4, c1, c1, 0 (B4.1.65) */
/* clang-format off */
#define HCR_VM		(1u << 0)	/* Stage-2 translation on */
#define HCR_SWIO	(1u << 1)	/* set/way invalidate -> clean+invalidate */
#define HCR_PTW		(1u << 2)	/* Stage-1 walks to Device memory fault */
#define HCR_FMO		(1u << 3)	/* FIQs to Hyp */
#define HCR_IMO		(1u << 4)	/* IRQs to Hyp */
#define HCR_AMO		(1u << 5)	/* asynchronous aborts to Hyp */
#define HCR_VF		(1u << 6)	/* virtual FIQ pending */
#define HCR_VI		(1u << 7)	/* virtual IRQ pending */
#define HCR_VA		(1u << 8)	/* virtual abort pending */
#define HCR_FB		(1u << 9)	/* force broadcast of TLB/cache/BP ops */
#define HCR_BSU_SHIFT	10		/* barrier shareability upgrade */
#define HCR_BSU_MASK	(3u << HCR_BSU_SHIFT)
#define HCR_BSU_IS	(1u << HCR_BSU_SHIFT)
#define HCR_DC		(1u << 12)	/* default cacheable (Stage-1 off) */
#define HCR_TWI		(1u << 13)	/* trap WFI */
#define HCR_TWE		(1u << 14)	/* trap WFE */
#define HCR_TID0	(1u << 15)	/* trap ID group 0 (FPSID, JIDR) */
#define HCR_TID1	(1u << 16)	/* trap ID group 1 (TCMTR, TLBTR, AIDR, REVIDR) */
#define HCR_TID2	(1u << 17)	/* trap ID group 2 (CTR, CCSIDR, CLIDR, CSSELR) */
#define HCR_TID3	(1u << 18)	/* trap ID group 3 (ID_PFR0 ... ID_ISAR5, MVFR) */
#define HCR_TSC		(1u << 19)	/* trap SMC */
#define HCR_TIDCP	(1u << 20)	/* trap IMPLEMENTATION DEFINED cp15 */
#define HCR_TAC		(1u << 21)	/* trap ACTLR */
#define HCR_TSW		(1u << 22)	/* trap cache maintenance by set/way */
#define HCR_TPC		(1u << 23)	/* trap cache maintenance to PoC */
#define HCR_TPU		(1u << 24)	/* trap cache maintenance to PoU */
#define HCR_TTLB	(1u << 25)	/* trap TLB maintenance */
#define HCR_TVM		(1u << 26)	/* trap virtual memory control writes */
#define HCR_TGE		(1u << 27)	/* trap general exceptions */
/* clang-format on */

/* HSTR, Hyp System Trap Register: p15, 4, c1, c1, 3 (B4.1.73) */
/* clang-format off */
#define HSTR_T(n)	(1u << (n))	/* cp15 accesses with CRn (MCRR: CRm) = n */
#define HSTR_TTEE	(1u << 16)	/* ThumbEE registers */
#define HSTR_TJDBX	(1u << 17)	/* BXJ / Jazelle */
/* clang-format on */

/* HCPTR, Hyp Coprocessor Trap Register: p15, 4, c1, c1, 2 (B4.1.68) */
/* clang-format off */
#define HCPTR_TCP(n)	(1u << (n))	/* coprocessor n, n = 0..13 */
#define HCPTR_TASE	(1u << 15)	/* Advanced SIMD */
#define HCPTR_TTA	(1u << 20)	/* trace registers */
#define HCPTR_TCPAC	(1u << 31)	/* CPACR accesses */
/* clang-format on */

/* The performance monitors (B4.1.116 ff.), reached from Hyp mode (pmu.c) */
/* clang-format off */
#define PMCR_N_SHIFT	11		/* PMCR.N: the event counters there are */
#define PMCR_N_MASK	0x1fu
#define PMXEVTYPER_P	(1u << 31)	/* do not count at PL1 */
#define PMXEVTYPER_U	(1u << 30)	/* do not count at PL0 */
#define PMXEVTYPER_NSH	(1u << 27)	/* count at PL2 (non-secure Hyp) */
#define PMU_EV_INST_RETIRED 0x08u	/* architecturally executed instructions */
/* clang-format on */

/* HDCR, Hyp Debug Configuration Register: p15, 4, c1, c1, 1 (B4.1.66) */
/* clang-format off */
#define HDCR_HPMN_MASK	0x1fu		/* counters the guest may use */
#define HDCR_TPMCR	(1u << 5)	/* trap PMCR */
#define HDCR_TPM	(1u << 6)	/* trap PMU registers */
#define HDCR_HPME	(1u << 7)	/* Hyp's own counters on */
#define HDCR_TDE	(1u << 8)	/* debug exceptions to Hyp */
#define HDCR_TDA	(1u << 9)	/* trap debug registers */
#define HDCR_TDOSA	(1u << 10)	/* trap OS-related debug registers */
#define HDCR_TDRA	(1u << 11)	/* trap debug ROM address registers */
/* clang-format on */

/* HSCTLR, Hyp System Control Register: p15, 4, c1, c0, 0 (B4.1.71) */
/* clang-format off */
#define HSCTLR_M	(1u << 0)	/* Hyp Stage-1 MMU */
#define HSCTLR_A	(1u << 1)	/* alignment check */
#define HSCTLR_C	(1u << 2)	/* data cache */
#define HSCTLR_CP15BEN	(1u << 5)	/* cp15 barrier instructions */
#define HSCTLR_ITD	(1u << 7)	/* IT instruction disable */
#define HSCTLR_SED	(1u << 8)	/* SETEND disable */
#define HSCTLR_I	(1u << 12)	/* instruction cache */
#define HSCTLR_WXN	(1u << 19)	/* writable means never-execute */
#define HSCTLR_FI	(1u << 21)	/* fast interrupts */
#define HSCTLR_EE	(1u << 25)	/* big-endian exceptions */
#define HSCTLR_TE	(1u << 30)	/* Thumb exceptions */
#define HSCTLR_RES1	0x30c50818u	/* bits 3, 4, 11, 16, 18, 22, 23, 28, 29 */
/* clang-format on */

/* HTCR, Hyp Translation Control Register: p15, 4, c2, c0, 2 (B4.1.76) */
#define HTCR_T0SZ_MASK	 7u
#define HTCR_IRGN0_SHIFT 8
#define HTCR_ORGN0_SHIFT 10
#define HTCR_SH0_SHIFT	 12
#define HTCR_RES1	 (1u << 31)

/* VTCR, Virtualization Translation Control Register: p15, 4, c2, c1, 2 (B4.1.159) */
/* clang-format off */
#define VTCR_T0SZ_MASK	0xfu		/* signed 4-bit: IPA size = 32 - T0SZ */
#define VTCR_S		(1u << 4)	/* sign of T0SZ, must equal T0SZ[3] */
#define VTCR_SL0_SHIFT	6		/* starting level: 0 = level 2, 1 = level 1 */
#define VTCR_IRGN0_SHIFT 8		/* table walks: inner cacheability */
#define VTCR_ORGN0_SHIFT 10		/* outer cacheability */
#define VTCR_SH0_SHIFT	12		/* shareability */
#define VTCR_RES1	(1u << 31)
#define TCR_RGN_WBWA	1u		/* Normal, write-back write-allocate */
#define TCR_SH_INNER	3u		/* inner shareable */
/* clang-format on */

/* VTTBR, 64-bit: mcrr p15, 6, lo, hi, c2 (B4.1.160) */
#define VTTBR_VMID_SHIFT 48
#define VTTBR_BADDR_MASK 0x000000ffffffffffull

/* CNTHP_CTL, Hyp physical timer control: p15, 4, c14, c2, 1; its bits in gtimer.h */
#include "gtimer.h"

/* CNTHCTL: p15, 4, c14, c1, 0 */
/* clang-format off */
#define CNTHCTL_PL1PCTEN (1u << 0)	/* PL1 may read the physical counter */
#define CNTHCTL_PL1PCEN	(1u << 1)	/* PL1 may use the physical timer */
#define CNTHCTL_EVNTEN	(1u << 2)	/* event stream from the counter */
/* clang-format on */

#include "cpsr.h" /* CPSR / SPSR */

/* SCTLR (the guest's, PL1): p15, 0, c1, c0, 0 */
/* clang-format off */
#define SCTLR_M		(1u << 0)
#define SCTLR_V		(1u << 13)	/* high vectors */
/* clang-format on */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Accessors: one line per register, encoding in the macro arguments. */
#define SYSREG32(name, op1, crn, crm, op2) \
	static inline uint32_t read_##name(void) \
	{ \
		uint32_t v; \
		__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 " @ " #name \
				 : "=r"(v)); \
		return v; \
	} \
	static inline void write_##name(uint32_t v) \
	{ \
		__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
				 " @ " #name ::"r"(v)); \
	}
#define SYSREG64(name, op1, crm) \
	static inline uint64_t read_##name(void) \
	{ \
		uint32_t lo, hi; \
		__asm__ volatile("mrrc p15, " #op1 ", %0, %1, " #crm " @ " #name \
				 : "=r"(lo), "=r"(hi)); \
		return ((uint64_t)hi << 32) | lo; \
	} \
	static inline void write_##name(uint64_t v) \
	{ \
		__asm__ volatile("mcrr p15, " #op1 ", %0, %1, " #crm \
				 " @ " #name ::"r"((uint32_t)v), \
				 "r"((uint32_t)(v >> 32))); \
	}

SYSREG32(HCR, 4, c1, c1, 0)
SYSREG32(HDCR, 4, c1, c1, 1)
SYSREG32(HCPTR, 4, c1, c1, 2)
SYSREG32(HSTR, 4, c1, c1, 3)
SYSREG32(HSCTLR, 4, c1, c0, 0)
SYSREG32(HTCR, 4, c2, c0, 2)
SYSREG32(VTCR, 4, c2, c1, 2)
SYSREG32(HSR, 4, c5, c2, 0)
SYSREG32(HDFAR, 4, c6, c0, 0)
SYSREG32(HIFAR, 4, c6, c0, 2)
SYSREG32(HPFAR, 4, c6, c0, 4)
SYSREG32(HMAIR0, 4, c10, c2, 0)
SYSREG32(HMAIR1, 4, c10, c2, 1)
SYSREG32(HVBAR, 4, c12, c0, 0)
SYSREG32(HTPIDR, 4, c13, c0, 2)
SYSREG32(VPIDR, 4, c0, c0, 0)
SYSREG32(VMPIDR, 4, c0, c0, 5)
SYSREG32(CNTHCTL, 4, c14, c1, 0)
SYSREG32(CNTHP_TVAL, 4, c14, c2, 0)
SYSREG32(CNTHP_CTL, 4, c14, c2, 1)
SYSREG32(CNTFRQ, 0, c14, c0, 0)
SYSREG32(MIDR, 0, c0, c0, 0)
SYSREG32(CTR, 0, c0, c0, 1)
SYSREG32(MPIDR, 0, c0, c0, 5)
SYSREG32(PMCR, 0, c9, c12, 0)
SYSREG32(PMCNTENSET, 0, c9, c12, 1)
SYSREG32(PMCNTENCLR, 0, c9, c12, 2)
SYSREG32(PMOVSR, 0, c9, c12, 3)
SYSREG32(PMSELR, 0, c9, c12, 5)
SYSREG32(PMXEVTYPER, 0, c9, c13, 1)
SYSREG32(PMXEVCNTR, 0, c9, c13, 2)
SYSREG64(VTTBR, 6, c2)
SYSREG64(HTTBR, 4, c2)
SYSREG64(CNTVOFF, 4, c14)
SYSREG32(CNTV_CTL, 0, c14, c3, 1)
SYSREG32(CNTP_TVAL, 0, c14, c2, 0)
SYSREG32(CNTP_CTL, 0, c14, c2, 1)
SYSREG64(CNTPCT, 0, c14)
SYSREG64(CNTHP_CVAL, 6, c14)

/* The guest's own (non-secure PL1) registers, reached from Hyp mode. */
SYSREG32(SCTLR, 0, c1, c0, 0)
SYSREG32(ACTLR, 0, c1, c0, 1)
SYSREG32(CPACR, 0, c1, c0, 2)
SYSREG32(TTBR0, 0, c2, c0, 0)
SYSREG32(TTBR1, 0, c2, c0, 1)
SYSREG32(TTBCR, 0, c2, c0, 2)
SYSREG32(VBAR, 0, c12, c0, 0)
SYSREG32(DFSR, 0, c5, c0, 0)
SYSREG32(IFSR, 0, c5, c0, 1)
SYSREG32(DFAR, 0, c6, c0, 0)
SYSREG32(IFAR, 0, c6, c0, 2)
SYSREG64(TTBR0_64, 0, c2)
SYSREG64(TTBR1_64, 1, c2)

/* DCCISW: clean and invalidate one data cache line by set/way. */
static inline void dccisw(uint32_t setway)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c14, 2" ::"r"(setway) : "memory");
}

/* TLBIALLNSNH: invalidate every non-secure, non-Hyp TLB entry (Stage 1+2). */
static inline void tlbi_allnsnh(void)
{
	__asm__ volatile("mcr p15, 4, %0, c8, c7, 4 @ TLBIALLNSNH" ::"r"(0) : "memory");
}
/* TLBIALLH: invalidate every Hyp TLB entry. */
static inline void tlbi_allh(void)
{
	__asm__ volatile("mcr p15, 4, %0, c8, c7, 0 @ TLBIALLH" ::"r"(0) : "memory");
}
static inline void dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

#endif /* __ASSEMBLER__ */
#endif
