/*
 * AArch64 EL2 register fields (ARM DDI 0487 D13.2: HCR_EL2, HSTR_EL2,
 * CPTR_EL2 with E2H = 0 as nVHE KVM runs, MDCR_EL2, VTCR_EL2, VTTBR_EL2,
 * SCTLR_EL2, VBAR_EL2) and the ARMv7 <-> AArch64 name map. The ARMv7
 * tables are the bare hypervisor's (baremetal-hyp/regdecode.c).
 */
#include <string.h>
#include "regbits.h"

#define F(n, s, w) \
	{ \
		n, s, w \
	}
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct reg_field hcr_el2[] = {
	F("VM", 0, 1),	      F("SWIO", 1, 1),	   F("PTW", 2, 1),     F("FMO", 3, 1),
	F("IMO", 4, 1),	      F("AMO", 5, 1),	   F("VF", 6, 1),      F("VI", 7, 1),
	F("VSE", 8, 1),	      F("FB", 9, 1),	   F("BSU", 10, 2),    F("DC", 12, 1),
	F("TWI", 13, 1),      F("TWE", 14, 1),	   F("TID0", 15, 1),   F("TID1", 16, 1),
	F("TID2", 17, 1),     F("TID3", 18, 1),	   F("TSC", 19, 1),    F("TIDCP", 20, 1),
	F("TACR", 21, 1),     F("TSW", 22, 1),	   F("TPCP", 23, 1),   F("TPU", 24, 1),
	F("TTLB", 25, 1),     F("TVM", 26, 1),	   F("TGE", 27, 1),    F("TDZ", 28, 1),
	F("HCD", 29, 1),      F("TRVM", 30, 1),	   F("RW", 31, 1),     F("CD", 32, 1),
	F("ID", 33, 1),	      F("E2H", 34, 1),	   F("TLOR", 35, 1),   F("TERR", 36, 1),
	F("TEA", 37, 1),      F("MIOCNCE", 38, 1), F("APK", 40, 1),    F("API", 41, 1),
	F("NV", 42, 1),	      F("NV1", 43, 1),	   F("AT", 44, 1),     F("NV2", 45, 1),
	F("FWB", 46, 1),      F("FIEN", 47, 1),	   F("TID4", 49, 1),   F("TICAB", 50, 1),
	F("AMVOFFEN", 51, 1), F("TOCU", 52, 1),	   F("EnSCXT", 53, 1), F("TTLBIS", 54, 1),
	F("TTLBOS", 55, 1),   F("ATA", 56, 1),	   F("DCT", 57, 1),    F("TID5", 58, 1),
	F("TWEDEn", 59, 1),   F("TWEDEL", 60, 4),
};

/* T4 and T14 are reserved; no TTEE/TJDBX on AArch64. */
static const struct reg_field hstr_el2[] = {
	F("T0", 0, 1),	 F("T1", 1, 1),	  F("T2", 2, 1),   F("T3", 3, 1),   F("T5", 5, 1),
	F("T6", 6, 1),	 F("T7", 7, 1),	  F("T8", 8, 1),   F("T9", 9, 1),   F("T10", 10, 1),
	F("T11", 11, 1), F("T12", 12, 1), F("T13", 13, 1), F("T15", 15, 1),
};

/* TFP (bit 10) traps what HCPTR.TCP10/TCP11 trap on ARMv7; 12 is TSM with SME. */
static const struct reg_field cptr_el2[] = {
	F("RES1", 0, 8),  F("TZ", 8, 1),   F("RES1", 9, 1), F("TFP", 10, 1),
	F("RES1", 12, 2), F("TTA", 20, 1), F("TAM", 30, 1), F("TCPAC", 31, 1),
};

static const struct reg_field mdcr_el2[] = {
	F("HPMN", 0, 5),  F("TPMCR", 5, 1), F("TPM", 6, 1),    F("HPME", 7, 1),
	F("TDE", 8, 1),	  F("TDA", 9, 1),   F("TDOSA", 10, 1), F("TDRA", 11, 1),
	F("E2PB", 12, 2), F("TPMS", 14, 1), F("HPMD", 17, 1),  F("TTRF", 19, 1),
	F("HCCD", 23, 1), F("HLP", 26, 1),  F("TDCC", 27, 1),  F("MTPME", 28, 1),
};

/* T0SZ is 6 bits wide (ARMv7: 4 bits and S, its sign). */
static const struct reg_field vtcr_el2[] = {
	F("T0SZ", 0, 6), F("SL0", 6, 2),  F("IRGN0", 8, 2), F("ORGN0", 10, 2), F("SH0", 12, 2),
	F("TG0", 14, 2), F("PS", 16, 3),  F("VS", 19, 1),   F("HA", 21, 1),    F("HD", 22, 1),
	F("NSW", 29, 1), F("NSA", 30, 1), F("RES1", 31, 1),
};

static const struct reg_field vttbr_el2[] = {
	F("CnP", 0, 1),
	F("BADDR", 1, 47),
	F("VMID", 48, 16),
};

static const struct reg_field sctlr_el2[] = {
	F("M", 0, 1),	  F("A", 1, 1),	    F("C", 2, 1),     F("SA", 3, 1),	F("RES1", 4, 2),
	F("RES1", 11, 1), F("I", 12, 1),    F("RES1", 16, 1), F("RES1", 18, 1), F("WXN", 19, 1),
	F("IESB", 21, 1), F("RES1", 22, 2), F("EE", 25, 1),   F("RES1", 28, 2),
};

static const struct reg_field vbar_el2[] = { F("VBA", 11, 53) };

/* E2H = 0, as nVHE KVM runs: the ARMv7 CNTHCTL's bits under EL1 names. */
static const struct reg_field cnthctl_el2[] = {
	F("EL1PCTEN", 0, 1), F("EL1PCEN", 1, 1), F("EVNTEN", 2, 1),
	F("EVNTDIR", 3, 1),  F("EVNTI", 4, 4),
};

#define DESC(n, b, t) \
	{ \
		n, b, t, N(t) \
	}
static const struct reg_desc aarch64[] = {
	DESC("HCR_EL2", 64, hcr_el2),	      DESC("HSTR_EL2", 64, hstr_el2),
	DESC("CPTR_EL2", 64, cptr_el2),	      DESC("MDCR_EL2", 64, mdcr_el2),
	DESC("VTCR_EL2", 64, vtcr_el2),	      DESC("VTTBR_EL2", 64, vttbr_el2),
	DESC("SCTLR_EL2", 64, sctlr_el2),     DESC("VBAR_EL2", 64, vbar_el2),
	DESC("CNTHCTL_EL2", 64, cnthctl_el2),
};

/* ARMv7 name, AArch64 name (the names QEMU's gdbstub gives on arm64). */
static const char *const names[][2] = {
	{ "HCR", "HCR_EL2" },	      { "HSTR", "HSTR_EL2" },  { "HCPTR", "CPTR_EL2" },
	{ "HDCR", "MDCR_EL2" },	      { "VTCR", "VTCR_EL2" },  { "VTTBR", "VTTBR_EL2" },
	{ "HSCTLR", "SCTLR_EL2" },    { "HVBAR", "VBAR_EL2" }, { "CNTHCTL", "CNTHCTL_EL2" },
	{ "CNTVOFF", "CNTVOFF_EL2" },
};

const char *const regbits_pl2_order[] = {
	"HCR", "HSTR", "HCPTR", "HDCR", "VTCR", "VTTBR", "HSCTLR", "HVBAR",
};
const size_t regbits_pl2_count = N(regbits_pl2_order);

const struct reg_desc *regbits_find(const char *name)
{
	for (size_t i = 0; i < N(aarch64); i++)
		if (strcmp(aarch64[i].name, name) == 0)
			return &aarch64[i];
	return regdecode_find(name);
}

const char *regbits_armv7_name(const char *name)
{
	for (size_t i = 0; i < N(names); i++)
		if (strcmp(names[i][1], name) == 0)
			return names[i][0];
	return name;
}

const char *regbits_aarch64_name(const char *armv7)
{
	for (size_t i = 0; i < N(names); i++)
		if (strcmp(names[i][0], armv7) == 0)
			return names[i][1];
	return NULL;
}

const struct reg_field *regbits_field_at(const struct reg_desc *d, unsigned bit)
{
	for (unsigned i = 0; d && i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];

		if (f->width && bit >= f->shift && bit < (unsigned)f->shift + f->width)
			return f;
	}
	return NULL;
}

const struct reg_field *regbits_field(const struct reg_desc *d, const char *name)
{
	for (unsigned i = 0; d && i < d->nfields; i++)
		if (strcmp(d->fields[i].name, name) == 0)
			return &d->fields[i];
	return NULL;
}
