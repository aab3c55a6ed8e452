/*
 * HSR decoding: exception class names, MCR/MRC and MCRR/MRRC ISS fields,
 * and the CP15 register names (ARM DDI 0406C, B3.17 and B4.2). Tables, so a
 * register is one line and a lookup is one loop.
 */
#include <stddef.h>
#include "hsr.h"

/* EC names, at most 8 characters (the trap log pads to 8). */
static const char *const ec_names[HSR_EC_MAX + 1] = {
	[HSR_EC_UNKNOWN] = "UNKNOWN",
	[HSR_EC_WFX] = "WFX",
	[HSR_EC_CP15_32] = "CP15",
	[HSR_EC_CP15_64] = "CP15_64",
	[HSR_EC_CP14_MR] = "CP14",
	[HSR_EC_CP14_LS] = "CP14_LS",
	[HSR_EC_CP_0_13] = "HCPTR",
	[HSR_EC_CP10_ID] = "CP10_ID",
	[HSR_EC_JAZELLE] = "JAZELLE",
	[HSR_EC_BXJ] = "BXJ",
	[HSR_EC_CP14_64] = "CP14_64",
	[0x0e] = "ILLEGAL", /* arm64: illegal execution state */
	[HSR_EC_SVC_HYP] = "SVC",
	[HSR_EC_HVC] = "HVC",
	[HSR_EC_SMC] = "SMC",
	[0x15] = "SVC64", /* arm64 classes, for completeness */
	[0x16] = "HVC64",
	[0x17] = "SMC64",
	[0x18] = "SYS64",
	[HSR_EC_IABT] = "IABT",
	[HSR_EC_IABT_HYP] = "IABT_HYP",
	[HSR_EC_PC_ALIGN] = "PC_ALIGN",
	[HSR_EC_DABT] = "DABT",
	[HSR_EC_DABT_HYP] = "DABT_HYP",
	[0x26] = "SP_ALIGN",
	[0x28] = "FPEXC32",
	[0x2f] = "SERROR",
	[0x30] = "BKPT_LO",
	[0x32] = "SSTEP_LO",
	[0x34] = "WATCH_LO",
	[0x38] = "BKPT32",
	[0x3a] = "VCATCH32",
};

const char *hsr_ec_name(unsigned ec)
{
	if (ec > HSR_EC_MAX || !ec_names[ec])
		return "RESERVED";
	return ec_names[ec];
}

/* ISS of MCR/MRC: Opc2 19:17, Opc1 16:14, CRn 13:10, Rt 8:5, CRm 4:1, dir 0. */
void hsr_decode_cp32(uint32_t hsr, struct cp_access32 *a)
{
	a->opc2 = (hsr >> 17) & 7;
	a->opc1 = (hsr >> 14) & 7;
	a->crn = (hsr >> 10) & 0xf;
	a->rt = (hsr >> 5) & 0xf;
	a->crm = (hsr >> 1) & 0xf;
	a->read = hsr & 1;
}

/* ISS of MCRR/MRRC: Opc1 19:16, Rt2 13:10, Rt 8:5, CRm 4:1, dir 0. */
void hsr_decode_cp64(uint32_t hsr, struct cp_access64 *a)
{
	a->opc1 = (hsr >> 16) & 0xf;
	a->rt2 = (hsr >> 10) & 0xf;
	a->rt = (hsr >> 5) & 0xf;
	a->crm = (hsr >> 1) & 0xf;
	a->read = hsr & 1;
}

struct cp15_name {
	uint8_t crn, opc1, crm, opc2;
	const char *name;
};

/* MRC/MCR p15, opc1, Rt, CRn, CRm, opc2: CRn first, as the manual lists them. */
static const struct cp15_name cp15_32[] = {
	{ 0, 0, 0, 0, "MIDR" },
	{ 0, 0, 0, 1, "CTR" },
	{ 0, 0, 0, 2, "TCMTR" },
	{ 0, 0, 0, 3, "TLBTR" },
	{ 0, 0, 0, 5, "MPIDR" },
	{ 0, 0, 0, 6, "REVIDR" },
	{ 0, 0, 1, 0, "ID_PFR0" },
	{ 0, 0, 1, 1, "ID_PFR1" },
	{ 0, 0, 1, 2, "ID_DFR0" },
	{ 0, 0, 1, 3, "ID_AFR0" },
	{ 0, 0, 1, 4, "ID_MMFR0" },
	{ 0, 0, 1, 5, "ID_MMFR1" },
	{ 0, 0, 1, 6, "ID_MMFR2" },
	{ 0, 0, 1, 7, "ID_MMFR3" },
	{ 0, 0, 2, 0, "ID_ISAR0" },
	{ 0, 0, 2, 1, "ID_ISAR1" },
	{ 0, 0, 2, 2, "ID_ISAR2" },
	{ 0, 0, 2, 3, "ID_ISAR3" },
	{ 0, 0, 2, 4, "ID_ISAR4" },
	{ 0, 0, 2, 5, "ID_ISAR5" },
	{ 0, 1, 0, 0, "CCSIDR" },
	{ 0, 1, 0, 1, "CLIDR" },
	{ 0, 1, 0, 7, "AIDR" },
	{ 0, 2, 0, 0, "CSSELR" },
	{ 0, 4, 0, 0, "VPIDR" },
	{ 0, 4, 0, 5, "VMPIDR" },

	{ 1, 0, 0, 0, "SCTLR" },
	{ 1, 0, 0, 1, "ACTLR" },
	{ 1, 0, 0, 2, "CPACR" },
	{ 1, 0, 1, 0, "SCR" },
	{ 1, 0, 1, 1, "SDER" },
	{ 1, 0, 1, 2, "NSACR" },
	{ 1, 4, 0, 0, "HSCTLR" },
	{ 1, 4, 0, 1, "HACTLR" },
	{ 1, 4, 1, 0, "HCR" },
	{ 1, 4, 1, 1, "HDCR" },
	{ 1, 4, 1, 2, "HCPTR" },
	{ 1, 4, 1, 3, "HSTR" },
	{ 1, 4, 1, 7, "HACR" },

	{ 2, 0, 0, 0, "TTBR0" },
	{ 2, 0, 0, 1, "TTBR1" },
	{ 2, 0, 0, 2, "TTBCR" },
	{ 2, 4, 0, 2, "HTCR" },
	{ 2, 4, 1, 2, "VTCR" },
	{ 3, 0, 0, 0, "DACR" },

	{ 5, 0, 0, 0, "DFSR" },
	{ 5, 0, 0, 1, "IFSR" },
	{ 5, 0, 1, 0, "ADFSR" },
	{ 5, 0, 1, 1, "AIFSR" },
	{ 5, 4, 1, 0, "HADFSR" },
	{ 5, 4, 1, 1, "HAIFSR" },
	{ 5, 4, 2, 0, "HSR" },
	{ 6, 0, 0, 0, "DFAR" },
	{ 6, 0, 0, 2, "IFAR" },
	{ 6, 4, 0, 0, "HDFAR" },
	{ 6, 4, 0, 2, "HIFAR" },
	{ 6, 4, 0, 4, "HPFAR" },

	/* c7: cache maintenance, barriers, address translation */
	{ 7, 0, 0, 4, "CP15WFI" },
	{ 7, 0, 1, 0, "ICIALLUIS" },
	{ 7, 0, 1, 6, "BPIALLIS" },
	{ 7, 0, 4, 0, "PAR" },
	{ 7, 0, 5, 0, "ICIALLU" },
	{ 7, 0, 5, 1, "ICIMVAU" },
	{ 7, 0, 5, 4, "CP15ISB" },
	{ 7, 0, 5, 6, "BPIALL" },
	{ 7, 0, 5, 7, "BPIMVA" },
	{ 7, 0, 6, 1, "DCIMVAC" },
	{ 7, 0, 6, 2, "DCISW" },
	{ 7, 0, 8, 0, "ATS1CPR" },
	{ 7, 0, 8, 1, "ATS1CPW" },
	{ 7, 0, 8, 2, "ATS1CUR" },
	{ 7, 0, 8, 3, "ATS1CUW" },
	{ 7, 0, 8, 4, "ATS12NSOPR" },
	{ 7, 0, 8, 5, "ATS12NSOPW" },
	{ 7, 0, 8, 6, "ATS12NSOUR" },
	{ 7, 0, 8, 7, "ATS12NSOUW" },
	{ 7, 0, 10, 1, "DCCMVAC" },
	{ 7, 0, 10, 2, "DCCSW" },
	{ 7, 0, 10, 4, "CP15DSB" },
	{ 7, 0, 10, 5, "CP15DMB" },
	{ 7, 0, 11, 1, "DCCMVAU" },
	{ 7, 0, 14, 1, "DCCIMVAC" },
	{ 7, 0, 14, 2, "DCCISW" },
	{ 7, 4, 8, 0, "ATS1HR" },
	{ 7, 4, 8, 1, "ATS1HW" },

	/* c8: TLB maintenance */
	{ 8, 0, 3, 0, "TLBIALLIS" },
	{ 8, 0, 3, 1, "TLBIMVAIS" },
	{ 8, 0, 3, 2, "TLBIASIDIS" },
	{ 8, 0, 3, 3, "TLBIMVAAIS" },
	{ 8, 0, 5, 0, "ITLBIALL" },
	{ 8, 0, 5, 1, "ITLBIMVA" },
	{ 8, 0, 5, 2, "ITLBIASID" },
	{ 8, 0, 6, 0, "DTLBIALL" },
	{ 8, 0, 6, 1, "DTLBIMVA" },
	{ 8, 0, 6, 2, "DTLBIASID" },
	{ 8, 0, 7, 0, "TLBIALL" },
	{ 8, 0, 7, 1, "TLBIMVA" },
	{ 8, 0, 7, 2, "TLBIASID" },
	{ 8, 0, 7, 3, "TLBIMVAA" },
	{ 8, 4, 3, 0, "TLBIALLHIS" },
	{ 8, 4, 3, 1, "TLBIMVAHIS" },
	{ 8, 4, 3, 4, "TLBIALLNSNHIS" },
	{ 8, 4, 7, 0, "TLBIALLH" },
	{ 8, 4, 7, 1, "TLBIMVAH" },
	{ 8, 4, 7, 4, "TLBIALLNSNH" },

	/* c9: performance monitors; Cortex-A15 L2 control */
	{ 9, 0, 12, 0, "PMCR" },
	{ 9, 0, 12, 1, "PMCNTENSET" },
	{ 9, 0, 12, 2, "PMCNTENCLR" },
	{ 9, 0, 12, 3, "PMOVSR" },
	{ 9, 0, 12, 4, "PMSWINC" },
	{ 9, 0, 12, 5, "PMSELR" },
	{ 9, 0, 12, 6, "PMCEID0" },
	{ 9, 0, 12, 7, "PMCEID1" },
	{ 9, 0, 13, 0, "PMCCNTR" },
	{ 9, 0, 13, 1, "PMXEVTYPER" },
	{ 9, 0, 13, 2, "PMXEVCNTR" },
	{ 9, 0, 14, 0, "PMUSERENR" },
	{ 9, 0, 14, 1, "PMINTENSET" },
	{ 9, 0, 14, 2, "PMINTENCLR" },
	{ 9, 0, 14, 3, "PMOVSSET" },
	{ 9, 1, 0, 2, "L2CTLR" },
	{ 9, 1, 0, 3, "L2ECTLR" },

	/* c10: memory attributes (PRRR/NMRR are MAIR0/1 with TTBCR.EAE) */
	{ 10, 0, 2, 0, "PRRR" },
	{ 10, 0, 2, 1, "NMRR" },
	{ 10, 0, 3, 0, "AMAIR0" },
	{ 10, 0, 3, 1, "AMAIR1" },
	{ 10, 4, 2, 0, "HMAIR0" },
	{ 10, 4, 2, 1, "HMAIR1" },
	{ 10, 4, 3, 0, "HAMAIR0" },
	{ 10, 4, 3, 1, "HAMAIR1" },

	{ 12, 0, 0, 0, "VBAR" },
	{ 12, 0, 0, 1, "MVBAR" },
	{ 12, 0, 1, 0, "ISR" },
	{ 12, 4, 0, 0, "HVBAR" },
	{ 13, 0, 0, 0, "FCSEIDR" },
	{ 13, 0, 0, 1, "CONTEXTIDR" },
	{ 13, 0, 0, 2, "TPIDRURW" },
	{ 13, 0, 0, 3, "TPIDRURO" },
	{ 13, 0, 0, 4, "TPIDRPRW" },
	{ 13, 4, 0, 2, "HTPIDR" },

	/* c14: generic timer */
	{ 14, 0, 0, 0, "CNTFRQ" },
	{ 14, 0, 1, 0, "CNTKCTL" },
	{ 14, 0, 2, 0, "CNTP_TVAL" },
	{ 14, 0, 2, 1, "CNTP_CTL" },
	{ 14, 0, 3, 0, "CNTV_TVAL" },
	{ 14, 0, 3, 1, "CNTV_CTL" },
	{ 14, 4, 1, 0, "CNTHCTL" },
	{ 14, 4, 2, 0, "CNTHP_TVAL" },
	{ 14, 4, 2, 1, "CNTHP_CTL" },

	{ 15, 4, 0, 0, "CBAR" }, /* Cortex-A15 configuration base address */
};

struct cp15_name64 {
	uint8_t opc1, crm;
	const char *name;
};

/* MRRC/MCRR p15, opc1, Rt, Rt2, CRm. */
static const struct cp15_name64 cp15_64[] = {
	{ 0, 2, "TTBR0" },    { 1, 2, "TTBR1" },       { 4, 2, "HTTBR" },
	{ 6, 2, "VTTBR" },    { 0, 7, "PAR" },	       { 0, 14, "CNTPCT" },
	{ 1, 14, "CNTVCT" },  { 2, 14, "CNTP_CVAL" },  { 3, 14, "CNTV_CVAL" },
	{ 4, 14, "CNTVOFF" }, { 6, 14, "CNTHP_CVAL" },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

const char *cp15_reg_name32(const struct cp_access32 *a)
{
	for (size_t i = 0; i < ARRAY_SIZE(cp15_32); i++) {
		const struct cp15_name *r = &cp15_32[i];
		if (r->crn == a->crn && r->opc1 == a->opc1 && r->crm == a->crm &&
		    r->opc2 == a->opc2)
			return r->name;
	}
	return NULL;
}

const char *cp15_reg_name64(const struct cp_access64 *a)
{
	for (size_t i = 0; i < ARRAY_SIZE(cp15_64); i++)
		if (cp15_64[i].opc1 == a->opc1 && cp15_64[i].crm == a->crm)
			return cp15_64[i].name;
	return NULL;
}
