/* Decode tables for the register dump (see regdecode.h). Pure C. */
#include <stdio.h>
#include <string.h>
#include "regdecode.h"

/* clang-format off */
#define F(n, s, w) { n, s, w }
#define DESC(n, b, t) { n, b, t, sizeof(t) / sizeof(t[0]) }
#define PLAIN(n, b) { n, b, NULL, 0 }	/* an address or a count: no fields */
/* clang-format on */

static const struct reg_field hcr[] = {
	F("VM", 0, 1),	  F("SWIO", 1, 1),  F("PTW", 2, 1),   F("FMO", 3, 1),  F("IMO", 4, 1),
	F("AMO", 5, 1),	  F("VF", 6, 1),    F("VI", 7, 1),    F("VA", 8, 1),   F("FB", 9, 1),
	F("BSU", 10, 2),  F("DC", 12, 1),   F("TWI", 13, 1),  F("TWE", 14, 1), F("TID0", 15, 1),
	F("TID1", 16, 1), F("TID2", 17, 1), F("TID3", 18, 1), F("TSC", 19, 1), F("TIDCP", 20, 1),
	F("TAC", 21, 1),  F("TSW", 22, 1),  F("TPC", 23, 1),  F("TPU", 24, 1), F("TTLB", 25, 1),
	F("TVM", 26, 1),  F("TGE", 27, 1),
};
static const struct reg_field hstr[] = {
	F("T0", 0, 1),	 F("T1", 1, 1),	  F("T2", 2, 1),    F("T3", 3, 1),
	F("T5", 5, 1),	 F("T6", 6, 1),	  F("T7", 7, 1),    F("T8", 8, 1),
	F("T9", 9, 1),	 F("T10", 10, 1), F("T11", 11, 1),  F("T12", 12, 1),
	F("T13", 13, 1), F("T15", 15, 1), F("TTEE", 16, 1), F("TJDBX", 17, 1),
};
static const struct reg_field hcptr[] = {
	F("TCP0", 0, 1),   F("TCP1", 1, 1),   F("TCP2", 2, 1),	 F("TCP3", 3, 1),
	F("TCP4", 4, 1),   F("TCP5", 5, 1),   F("TCP6", 6, 1),	 F("TCP7", 7, 1),
	F("TCP8", 8, 1),   F("TCP9", 9, 1),   F("TCP10", 10, 1), F("TCP11", 11, 1),
	F("TCP12", 12, 1), F("TCP13", 13, 1), F("TASE", 15, 1),	 F("TTA", 20, 1),
	F("TCPAC", 31, 1),
};
static const struct reg_field hdcr[] = {
	F("HPMN", 0, 5), F("TPMCR", 5, 1), F("TPM", 6, 1),    F("HPME", 7, 1),
	F("TDE", 8, 1),	 F("TDA", 9, 1),   F("TDOSA", 10, 1), F("TDRA", 11, 1),
};
/* RES1 bits are named RES1: covered, so not shown as unknown, and not shown. */
static const struct reg_field hsctlr[] = {
	F("M", 0, 1),	  F("A", 1, 1),	   F("C", 2, 1),     F("RES1", 3, 2),  F("CP15BEN", 5, 1),
	F("ITD", 7, 1),	  F("SED", 8, 1),  F("RES1", 11, 1), F("I", 12, 1),    F("RES1", 16, 1),
	F("RES1", 18, 1), F("WXN", 19, 1), F("FI", 21, 1),   F("RES1", 22, 2), F("EE", 25, 1),
	F("RES1", 28, 2), F("TE", 30, 1),
};
static const struct reg_field mair[] = {
	F("Attr0", 0, 8),
	F("Attr1", 8, 8),
	F("Attr2", 16, 8),
	F("Attr3", 24, 8),
};
static const struct reg_field mair1[] = {
	F("Attr4", 0, 8),
	F("Attr5", 8, 8),
	F("Attr6", 16, 8),
	F("Attr7", 24, 8),
};
static const struct reg_field htcr[] = {
	F("T0SZ", 0, 3), F("IRGN0", 8, 2), F("ORGN0", 10, 2), F("SH0", 12, 2), F("RES1", 31, 1),
};
static const struct reg_field vtcr[] = {
	F("T0SZ", 0, 4),   F("S", 4, 1),    F("SL0", 6, 2),   F("IRGN0", 8, 2),
	F("ORGN0", 10, 2), F("SH0", 12, 2), F("RES1", 31, 1),
};
static const struct reg_field ttbr64[] = {
	F("BADDR", 0, 40),
	F("VMID", 48, 8),
};
static const struct reg_field httbr[] = {
	F("BADDR", 0, 40),
};
static const struct reg_field midr[] = {
	F("Revision", 0, 4), F("PartNum", 4, 12),     F("Architecture", 16, 4),
	F("Variant", 20, 4), F("Implementer", 24, 8),
};
static const struct reg_field mpidr[] = {
	F("Aff0", 0, 8), F("Aff1", 8, 8), F("Aff2", 16, 8),
	F("MT", 24, 1),	 F("U", 30, 1),	  F("RES1", 31, 1),
};
static const struct reg_field cnt_ctl[] = {
	F("ENABLE", 0, 1),
	F("IMASK", 1, 1),
	F("ISTATUS", 2, 1),
};
static const struct reg_field cnthctl[] = {
	F("PL1PCTEN", 0, 1), F("PL1PCEN", 1, 1), F("EVNTEN", 2, 1),
	F("EVNTDIR", 3, 1),  F("EVNTI", 4, 4),
};
static const struct reg_field gich_hcr[] = {
	F("EN", 0, 1),	     F("UIE", 1, 1),	  F("LRENPIE", 2, 1),
	F("NPIE", 3, 1),     F("VGrp0EIE", 4, 1), F("VGrp0DIE", 5, 1),
	F("VGrp1EIE", 6, 1), F("VGrp1DIE", 7, 1), F("EOICount", 27, 5),
};
static const struct reg_field gich_vtr[] = {
	F("ListRegs", 0, 6),
	F("PREbits", 26, 3),
	F("PRIbits", 29, 3),
};
static const struct reg_field gich_vmcr[] = {
	F("VMGrp0En", 0, 1), F("VMGrp1En", 1, 1), F("VMAckCtl", 2, 1),
	F("VMFIQEn", 3, 1),  F("VMCBPR", 4, 1),	  F("VEM", 9, 1),
	F("VMABP", 18, 3),   F("VMBP", 21, 3),	  F("VMPriMask", 27, 5),
};
static const struct reg_field gich_lr[] = {
	F("VirtualID", 0, 10), F("PhysicalID", 10, 10), F("Priority", 23, 5),
	F("State", 28, 2),     F("Grp1", 30, 1),	F("HW", 31, 1),
};
static const struct reg_field gicc_ctlr[] = {
	F("EnableGrp0", 0, 1),	  F("EnableGrp1", 1, 1),    F("AckCtl", 2, 1),
	F("FIQEn", 3, 1),	  F("CBPR", 4, 1),	    F("FIQBypDisGrp0", 5, 1),
	F("IRQBypDisGrp0", 6, 1), F("FIQBypDisGrp1", 7, 1), F("IRQBypDisGrp1", 8, 1),
	F("EOImode", 9, 1),
};
static const struct reg_field psr[] = {
	F("M", 0, 5),  F("T", 5, 1),   F("F", 6, 1),  F("I", 7, 1),  F("A", 8, 1),
	F("E", 9, 1),  F("GE", 16, 4), F("J", 24, 1), F("Q", 27, 1), F("V", 28, 1),
	F("C", 29, 1), F("Z", 30, 1),  F("N", 31, 1),
};
static const struct reg_field sctlr[] = {
	F("M", 0, 1),	  F("A", 1, 1),	    F("C", 2, 1),     F("RES1", 3, 2),	F("CP15BEN", 5, 1),
	F("RES1", 6, 1),  F("SW", 10, 1),   F("Z", 11, 1),    F("I", 12, 1),	F("V", 13, 1),
	F("RR", 14, 1),	  F("RES1", 16, 1), F("HA", 17, 1),   F("RES1", 18, 1), F("WXN", 19, 1),
	F("UWXN", 20, 1), F("FI", 21, 1),   F("RES1", 22, 2), F("VE", 24, 1),	F("EE", 25, 1),
	F("NMFI", 27, 1), F("TRE", 28, 1),  F("AFE", 29, 1),  F("TE", 30, 1),
};

static const struct reg_desc regs[] = {
	DESC("HCR", 32, hcr),
	DESC("HSTR", 32, hstr),
	DESC("HCPTR", 32, hcptr),
	DESC("HDCR", 32, hdcr),
	DESC("HSCTLR", 32, hsctlr),
	DESC("HMAIR0", 32, mair),
	DESC("HMAIR1", 32, mair1),
	DESC("HTCR", 32, htcr),
	DESC("HTTBR", 64, httbr),
	DESC("VTCR", 32, vtcr),
	DESC("VTTBR", 64, ttbr64),
	PLAIN("HVBAR", 32),
	DESC("CNTHCTL", 32, cnthctl),
	DESC("CNTHP_CTL", 32, cnt_ctl),
	PLAIN("CNTVOFF", 64),
	DESC("VPIDR", 32, midr),
	DESC("VMPIDR", 32, mpidr),
	DESC("CPSR", 32, psr),
	DESC("SCTLR", 32, sctlr),
	DESC("GICH_HCR", 32, gich_hcr),
	DESC("GICH_VTR", 32, gich_vtr),
	DESC("GICH_VMCR", 32, gich_vmcr),
	DESC("GICH_LR0", 32, gich_lr),
	DESC("GICH_LR1", 32, gich_lr),
	DESC("GICH_LR2", 32, gich_lr),
	DESC("GICH_LR3", 32, gich_lr),
	DESC("GICC_CTLR", 32, gicc_ctlr),
};

const struct reg_desc *regdecode_find(const char *name)
{
	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (strcmp(regs[i].name, name) == 0)
			return &regs[i];
	return NULL;
}

static uint64_t field_mask(const struct reg_field *f)
{
	return (f->width >= 64 ? ~0ull : (1ull << f->width) - 1) << f->shift;
}

/* Appends one token to buf (at *len), keeping it NUL-terminated. */
static void put(char *buf, size_t n, int *len, const char *fmt, const char *name,
		unsigned long long v)
{
	size_t at = (size_t)*len < n ? (size_t)*len : n;
	*len += snprintf(buf + at, n - at, fmt, *len ? " " : "", name, v);
}

int regdecode_fields(char *buf, size_t n, const struct reg_desc *d, uint64_t v)
{
	uint64_t covered = 0;
	int len = 0;

	if (n)
		buf[0] = '\0';
	if (!d->fields)
		return 0;
	for (unsigned i = 0; i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];
		uint64_t fv = (v & field_mask(f)) >> f->shift;

		if (!f->width)
			continue;
		covered |= field_mask(f);
		if (strcmp(f->name, "RES1") == 0)
			continue; /* architecturally fixed: not news */
		if (f->width == 1 && fv)
			put(buf, n, &len, "%s%s", f->name, 0);
		else if (f->width > 1)
			put(buf, n, &len, f->width > 4 ? "%s%s=0x%llx" : "%s%s=%llu", f->name, fv);
	}
	for (unsigned b = 0; b < d->bits; b++)
		if ((v & ~covered) >> b & 1)
			put(buf, n, &len, "%s%sbit%llu", "", b);
	return len;
}

int regdecode_line(char *buf, size_t n, const struct reg_desc *d, uint64_t v)
{
	int len = d->bits == 64 ? snprintf(buf, n, "%s = 0x%016llx", d->name, (unsigned long long)v)
				: snprintf(buf, n, "%s = 0x%08lx", d->name, (unsigned long)v);
	char fields[256];

	if (regdecode_fields(fields, sizeof(fields), d, v) > 0) {
		size_t at = (size_t)len < n ? (size_t)len : n;
		len += snprintf(buf + at, n - at, "  %s", fields);
	}
	return len;
}
