/* Unit tests: HSR classes, ISS decoding, CP15 names (real HSR values). */
#include "hsr.h"
#include "unit.h"

static void test_ec_names(void)
{
	static const struct {
		unsigned ec;
		const char *name;
	} names[] = {
		{ 0x00, "UNKNOWN" },  { 0x01, "WFX" },	    { 0x03, "CP15" },
		{ 0x04, "CP15_64" },  { 0x05, "CP14" },	    { 0x06, "CP14_LS" },
		{ 0x07, "HCPTR" },    { 0x08, "CP10_ID" },  { 0x09, "JAZELLE" },
		{ 0x0a, "BXJ" },      { 0x0c, "CP14_64" },  { 0x0e, "ILLEGAL" },
		{ 0x11, "SVC" },      { 0x12, "HVC" },	    { 0x13, "SMC" },
		{ 0x15, "SVC64" },    { 0x16, "HVC64" },    { 0x17, "SMC64" },
		{ 0x18, "SYS64" },    { 0x20, "IABT" },	    { 0x21, "IABT_HYP" },
		{ 0x22, "PC_ALIGN" }, { 0x24, "DABT" },	    { 0x25, "DABT_HYP" },
		{ 0x26, "SP_ALIGN" }, { 0x28, "FPEXC32" },  { 0x2f, "SERROR" },
		{ 0x30, "BKPT_LO" },  { 0x32, "SSTEP_LO" }, { 0x34, "WATCH_LO" },
		{ 0x38, "BKPT32" },   { 0x3a, "VCATCH32" }, { 0x02, "RESERVED" },
		{ 0x3f, "RESERVED" }, { 0x40, "RESERVED" }, { 999, "RESERVED" },
	};
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		check_str(hsr_ec_name(names[i].ec), names[i].name, "EC name");
	}
	for (unsigned ec = 0; ec <= HSR_EC_MAX; ec++)
		check(strlen(hsr_ec_name(ec)) <= 8, "EC 0x%02x name fits 8 columns", ec);
}

/* HSR values QEMU gave for test.S-like guests (the facts file). */
static void test_real_hsr(void)
{
	check_eq(hsr_ec(0x93060045), HSR_EC_DABT, "strb: DABT");
	check(dabt_isv(0x93060045) && dabt_size(0x93060045) == 1 && dabt_srt(0x93060045) == 6 &&
		      dabt_is_write(0x93060045) && !dabt_sse(0x93060045),
	      "strb: ISV, byte, r6, write");
	check(dabt_isv(0x93870045) && dabt_size(0x93870045) == 4 && dabt_srt(0x93870045) == 7 &&
		      dabt_is_write(0x93870045),
	      "str: ISV, word, r7, write");
	check(dabt_isv(0x93880005) && dabt_size(0x93880005) == 4 && dabt_srt(0x93880005) == 8 &&
		      !dabt_is_write(0x93880005),
	      "ldr: ISV, word, r8, read");
	check(!dabt_isv(0x90000045) && dabt_is_write(0x90000045) && !(0x90000045 & HSR_IL),
	      "stm: ISV=0, write, IL=0");
	check_eq(dabt_word_rt(0x93870045), 7, "str r7: the fast case, Rt 7");
	check_eq(dabt_word_rt(0x93880005), 8, "ldr r8: the fast case, Rt 8");
	check_eq(dabt_word_rt(0x938c0005), 12, "ldr r12: the fast case, Rt 12");
	check(dabt_word_rt(0x938d0005) > 12, "ldr sp: banked, not the fast case");
	check(dabt_word_rt(0x93060045) > 12, "strb: a byte, not the fast case");
	check(dabt_word_rt(0x93a80005) > 12, "ldr with SSE: not the fast case");
	check(dabt_word_rt(0x90000045) > 12, "stm: ISV=0, not the fast case");
	check(dabt_word_rt(0x92880005) > 12, "a halfword: not the fast case");
	check_eq(hsr_ec(0x4a000000), HSR_EC_HVC, "hvc: HVC");
	check_eq(hsr_iss(0x4a000000) & 0xffff, 0, "hvc #0: imm 0");
	check_eq(hsr_ec(0x07e00000), HSR_EC_WFX, "wfi: WFX");
	check_eq(0x07e00000 & 1, 0, "wfi: not WFE");
	check_eq(hsr_ec(0x4e000000), HSR_EC_SMC, "smc: SMC");
	check_eq(hsr_ec(0x0fe00541), HSR_EC_CP15_32, "mrc SCTLR: CP15");
}

static void test_cp32(void)
{
	struct cp_access32 a;

	hsr_decode_cp32(0x0fe00541, &a);
	check(a.read && a.opc1 == 0 && a.crn == 1 && a.crm == 0 && a.opc2 == 0 && a.rt == 10,
	      "mrc SCTLR decoded: read c1 c0 0 r10");
	check_str(cp15_reg_name32(&a), "SCTLR", "SCTLR named");
	hsr_decode_cp32(0x0fe00540, &a);
	check(!a.read && a.crn == 1, "mcr SCTLR decoded: write");
	hsr_decode_cp32(0x0fe204c1, &a); /* mrc p15, 0, r6, c1, c0, 1 */
	check_str(cp15_reg_name32(&a), "ACTLR", "ACTLR named");
	check_eq(a.rt, 6, "ACTLR rt");
	/* mcr p15, 0, r3, c7, c10, 1 (DCCMVAC): opc2 1, crn 7, rt 3, crm 10 */
	hsr_decode_cp32((3u << 26) | (1u << 17) | (7u << 10) | (3u << 5) | (10u << 1), &a);
	check(!a.read && a.opc2 == 1 && a.crn == 7 && a.crm == 10 && a.rt == 3, "DCCMVAC decoded");
	check_str(cp15_reg_name32(&a), "DCCMVAC", "DCCMVAC named");
}

static const char *name32(unsigned opc1, unsigned crn, unsigned crm, unsigned opc2)
{
	struct cp_access32 a = { .opc1 = opc1, .crn = crn, .crm = crm, .opc2 = opc2 };
	return cp15_reg_name32(&a);
}

static void test_cp15_names(void)
{
	static const struct {
		unsigned opc1, crn, crm, opc2;
		const char *name;
	} regs[] = {
		{ 0, 0, 0, 0, "MIDR" },	     { 0, 0, 0, 5, "MPIDR" },
		{ 0, 0, 1, 0, "ID_PFR0" },   { 0, 0, 1, 1, "ID_PFR1" },
		{ 0, 0, 1, 2, "ID_DFR0" },   { 0, 0, 1, 3, "ID_AFR0" },
		{ 0, 0, 1, 4, "ID_MMFR0" },  { 0, 0, 1, 7, "ID_MMFR3" },
		{ 0, 0, 2, 0, "ID_ISAR0" },  { 0, 0, 2, 5, "ID_ISAR5" },
		{ 1, 0, 0, 0, "CCSIDR" },    { 1, 0, 0, 1, "CLIDR" },
		{ 2, 0, 0, 0, "CSSELR" },    { 0, 0, 0, 1, "CTR" },
		{ 0, 1, 0, 0, "SCTLR" },     { 0, 1, 0, 1, "ACTLR" },
		{ 0, 1, 0, 2, "CPACR" },     { 0, 2, 0, 0, "TTBR0" },
		{ 0, 2, 0, 1, "TTBR1" },     { 0, 2, 0, 2, "TTBCR" },
		{ 0, 3, 0, 0, "DACR" },	     { 0, 5, 0, 0, "DFSR" },
		{ 0, 5, 0, 1, "IFSR" },	     { 0, 5, 1, 0, "ADFSR" },
		{ 0, 5, 1, 1, "AIFSR" },     { 0, 6, 0, 0, "DFAR" },
		{ 0, 6, 0, 2, "IFAR" },	     { 0, 7, 4, 0, "PAR" },
		{ 0, 7, 5, 0, "ICIALLU" },   { 0, 7, 14, 1, "DCCIMVAC" },
		{ 0, 7, 6, 2, "DCISW" },     { 0, 8, 7, 0, "TLBIALL" },
		{ 0, 8, 3, 0, "TLBIALLIS" }, { 0, 8, 7, 1, "TLBIMVA" },
		{ 0, 10, 2, 0, "PRRR" },     { 0, 10, 2, 1, "NMRR" },
		{ 0, 12, 0, 0, "VBAR" },     { 0, 13, 0, 1, "CONTEXTIDR" },
		{ 0, 13, 0, 2, "TPIDRURW" }, { 0, 13, 0, 3, "TPIDRURO" },
		{ 0, 13, 0, 4, "TPIDRPRW" }, { 0, 14, 0, 0, "CNTFRQ" },
		{ 0, 14, 1, 0, "CNTKCTL" },  { 0, 14, 2, 0, "CNTP_TVAL" },
		{ 0, 14, 2, 1, "CNTP_CTL" }, { 0, 14, 3, 0, "CNTV_TVAL" },
		{ 0, 14, 3, 1, "CNTV_CTL" }, { 0, 9, 12, 0, "PMCR" },
		{ 0, 9, 13, 0, "PMCCNTR" },  { 0, 9, 14, 0, "PMUSERENR" },
		{ 4, 1, 1, 0, "HCR" },	     { 4, 1, 1, 3, "HSTR" },
		{ 4, 5, 2, 0, "HSR" },
	};
	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		check_str(name32(regs[i].opc1, regs[i].crn, regs[i].crm, regs[i].opc2),
			  regs[i].name, "CP15 name");
	check(name32(0, 4, 0, 0) == NULL, "c4 has no register: NULL");
	check(name32(7, 1, 0, 0) == NULL, "opc1 7 c1: NULL");
}

static void test_cp64(void)
{
	static const struct {
		unsigned opc1, crm;
		const char *name;
	} regs[] = {
		{ 0, 2, "TTBR0" },	{ 1, 2, "TTBR1" },   { 0, 7, "PAR" },
		{ 0, 14, "CNTPCT" },	{ 1, 14, "CNTVCT" }, { 2, 14, "CNTP_CVAL" },
		{ 3, 14, "CNTV_CVAL" }, { 6, 2, "VTTBR" },
	};
	struct cp_access64 a;

	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		a = (struct cp_access64){ .opc1 = regs[i].opc1, .crm = regs[i].crm };
		check_str(cp15_reg_name64(&a), regs[i].name, "CP15 64-bit name");
	}
	/* mrrc p15, 1, r2, r3, c14 (CNTVCT): Opc1 19:16, Rt2 13:10, Rt 8:5, CRm 4:1 */
	hsr_decode_cp64((4u << 26) | (1u << 16) | (3u << 10) | (2u << 5) | (14u << 1) | 1, &a);
	check(a.read && a.opc1 == 1 && a.rt == 2 && a.rt2 == 3 && a.crm == 14, "MRRC decoded");
	a.opc1 = 5;
	check(cp15_reg_name64(&a) == NULL, "opc1 5 c14: NULL");
}

int main(void)
{
	test_ec_names();
	test_real_hsr();
	test_cp32();
	test_cp15_names();
	test_cp64();
	return unit_summary();
}
