/*
 * Unit tests of the register side by side: the AArch64 tables against the
 * facts (HCR_EL2 0x8047E663F for an AArch32 guest on arm64; Linux 5.6's
 * HCR 0x0478663B), the name map, field rows, and the dump reader.
 */
#include "regtable.h"
#include "unit.h"
#include <stdlib.h>

static char err[300];

static const struct regrow *row_at(const struct regrow *r, size_t n, unsigned lo)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].lo == lo)
			return &r[i];
	return NULL;
}

static void test_tables(void)
{
	const struct reg_desc *h = regbits_find("HCR_EL2");
	const uint64_t kvm64 = 0x8047E663Full;

	check(h && h->bits == 64, "HCR_EL2 is described, 64 bits");
	check_eq(regbits_field(h, "RW")->shift, 31, "HCR_EL2.RW at 31");
	check_eq(regbits_field(h, "TID3")->shift, 18, "HCR_EL2.TID3 at 18");
	check_eq(regbits_field(h, "FWB")->shift, 46, "HCR_EL2.FWB at 46");
	check_eq(regbits_field(h, "TLOR")->shift, 35, "HCR_EL2.TLOR at 35");
	check_eq(regbits_get(0, 1, kvm64), 1, "facts' HCR_EL2: VM set");
	check_eq(regbits_get(31, 1, kvm64), 0, "facts' HCR_EL2: RW clear (AArch32 EL1)");
	check_eq(regbits_get(35, 1, kvm64), 1, "facts' HCR_EL2: TLOR set");
	check_str(regbits_armv7_name("CPTR_EL2"), "HCPTR", "CPTR_EL2 is HCPTR");
	check_str(regbits_armv7_name("MDCR_EL2"), "HDCR", "MDCR_EL2 is HDCR");
	check_str(regbits_aarch64_name("HSCTLR"), "SCTLR_EL2", "HSCTLR is SCTLR_EL2");
	check_str(regbits_aarch64_name("HVBAR"), "VBAR_EL2", "HVBAR is VBAR_EL2");
	check(regbits_find("HCR") && regbits_find("HCR")->bits == 32,
	      "ARMv7 HCR from the hyp's table");
	for (size_t i = 0; i < regbits_pl2_count; i++) {
		const char *v8 = regbits_aarch64_name(regbits_pl2_order[i]);

		check(regbits_find(regbits_pl2_order[i]) && v8 && regbits_find(v8),
		      "%s and %s both described", regbits_pl2_order[i], v8 ? v8 : "?");
	}
}

static size_t rows2(const char *na, uint64_t a, const char *nb, uint64_t b, struct regrow *r)
{
	const struct regside s[] = { { regbits_find(na), a }, { regbits_find(nb), b } };

	return regtable_rows(s, 2, r, 160);
}

static void test_rows(void)
{
	struct regrow r[160];
	size_t n = rows2("HCR", 0x0478663B, "HCR_EL2", 0x8047E663Full, r);
	const struct regrow *x;

	x = row_at(r, n, 17);
	check(x && !strcmp(x->f[0], "TID2") && x->v[0] == 0 && x->v[1] == 1,
	      "TID2: 0 on v5.6, 1 on arm64");
	x = row_at(r, n, 10);
	check(x && x->width == 2 && x->v[0] == 1 && x->v[1] == 1,
	      "BSU: 2 bits, inner shareable on both");
	x = row_at(r, n, 21);
	check(x && !strcmp(x->f[0], "TAC") && !strcmp(x->f[1], "TACR"), "bit 21: TAC / TACR");
	x = row_at(r, n, 35);
	check(x && !x->f[0] && !strcmp(x->f[1], "TLOR") && !x->has[0] && x->v[1] == 1,
	      "TLOR: only the 64-bit register has it");
	x = row_at(r, n, 2);
	check(x && x->v[0] == 0 && x->v[1] == 1, "PTW: differs");

	n = rows2("VTCR", 0x80003558, "VTCR_EL2", 0x80103558, r);
	x = row_at(r, n, 0);
	check(x && x->width == 4 && x->f[0] && !x->f[1] && x[1].lo == 0 && x[1].width == 6 &&
		      !x[1].f[0] && !strcmp(x[1].f[1], "T0SZ"),
	      "T0SZ 4 and 6 bits wide: a row each");
	x = row_at(r, n, 6);
	check(x && x->width == 2 && !strcmp(x->f[0], "SL0") && !strcmp(x->f[1], "SL0"),
	      "SL0 the same on both: one row");
	x = row_at(r, n, 20);
	check(x && !x->f[0] && !x->f[1] && x->v[1] == 1 && x->v[0] == 0,
	      "an unnamed set bit gets a row");
}

/*
 * Three sides: an HCR without TVM, arm64 KVM (the facts' HCR_EL2) and 32-bit KVM as
 * measured on 5.4.286 (tests/compare/fixtures/kvm-armv7-5.4.pl2regs).
 */
static void test_three(void)
{
	const struct regside s[] = {
		{ regbits_find("HCR"), 0x0078663B },
		{ regbits_find("HCR_EL2"), 0x8047E663Full },
		{ regbits_find("HCR"), 0x0478263B },
	};
	struct regrow r[160];
	size_t n = regtable_rows(s, 3, r, 160);
	const struct regrow *x;
	char v[24];

	x = row_at(r, n, 26);
	check(x && !strcmp(x->f[2], "TVM") && x->v[0] == 0 && x->v[2] == 1,
	      "TVM: set by 32-bit KVM only (hyp 0)");
	x = row_at(r, n, 14);
	check(x && x->v[0] == 1 && x->v[1] == 1 && x->v[2] == 0, "bit 14: 32-bit KVM 0, others 1");
	x = row_at(r, n, 35);
	check(x && x->has[1] && !x->has[0] && !x->has[2],
	      "TLOR: only the AArch64 side is that wide");
	regtable_value(v, sizeof(v), regbits_find("HVBAR"), 0xffffffffc0379a40ull);
	check_str(v, "0xc0379a40", "a 32-bit HVBAR read sign-extended prints as 32 bits");
	regtable_value(v, sizeof(v), regbits_find("VTTBR"), 0x000100005ef8a000ull);
	check_str(v, "0x100005ef8a000", "VTTBR stays 64 bits");
}

static int load(const char *text, struct regfile *f)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int r = regfile_load_stream(in, "r.txt", f, err, sizeof(err));

	fclose(in);
	return r;
}

static void test_regfile(void)
{
	struct regfile f;

	check(load("banner\nreg: HCR = 0x0078663b  VM SWIO\nreg: VTTBR = 0x0001000048100000\n",
		   &f) == 0 &&
		      f.n == 2,
	      "two registers, other lines skipped");
	check_eq(regfile_get(&f, "vttbr")->v, 0x0001000048100000ull, "64-bit value, any case");
	check_eq(regfile_get(&f, "HCR")->lineno, 2, "line number kept");
	regfile_free(&f);
	check(load("reg: HCR 0x1\n", &f) < 0 && strstr(err, "r.txt:1:"), "no ' = ': %s", err);
	regfile_free(&f);
	check(load("reg: HCR = 0xzz\n", &f) < 0 && strstr(err, "r.txt:1:"), "bad hex: %s", err);
	regfile_free(&f);
	check(load("hello\n", &f) < 0 && strstr(err, "no \"reg:"), "no register lines: %s", err);
	regfile_free(&f);
	check(load("reg: q1 = 0xbf000000400000003fd5555555555555\nreg: pc = 0x40000000\n", &f) ==
			      0 &&
		      f.n == 1 && regfile_get(&f, "q1") == NULL && regfile_get(&f, "pc"),
	      "a 128-bit q register is skipped, the rest read");
	regfile_free(&f);
}

/* The hyp's "guest.r0-r12,SP,LR" group against kvm-runner's names. */
static void test_guest(void)
{
	struct regfile a, b;
	struct regtable_opts o = { .name = { "hyp", "kvm" } };
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	unsigned d;

	load("HCR = 0x0078663b\nguest.PC = 0x40000000\nguest.CPSR = 0x000001d3\n"
	     "guest.r0-r12,SP,LR = 0x00000000\n",
	     &a);
	load("# start\nreg: r0 = 0x0\nreg: r12 = 0x0\nreg: SP_svc = 0x0\nreg: LR_svc = 0x0\n"
	     "reg: pc = 0x40000000\nreg: cpsr = 0x1d3\nreg: r5 = 0x7\n# exit\nreg: pc = "
	     "0x40000080\n",
	     &b);
	d = regtable_guest(out, &a, &b, &o);
	fclose(out);
	check(strstr(text, "  PC                 0x40000000         0x40000000") != NULL,
	      "PC against pc, the start value");
	check(strstr(text, "  SP_svc ") && strstr(text, "  LR_svc "), "SP, LR are the SVC ones");
	check(strstr(text, "* r5                        0x0                0x7") != NULL,
	      "r5 differs");
	check_eq(d, 1 + 10, "r5 differs, r1-r4 r6-r11 absent");
	check(!strstr(text, "HCR"), "PL2 registers are not guest state");
	free(text);
	regfile_free(&a);
	regfile_free(&b);
}

static int dump(const char *text, struct regfile *f)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int r = regfile_load_stream(in, "x.regs", f, err, sizeof(err));

	fclose(in);
	return r;
}

/* The GIC rows: each register some dump holds, in order; none without them. */
static void test_gic(void)
{
	struct regfile f[2];
	struct regtable_opts o = { .name = { "hyp", "kvm" } };
	char *out = NULL;
	size_t len = 0;
	FILE *m;

	check(dump("reg: GICH_HCR = 0x00000001\nreg: GICH_VTR = 0x90000003\n"
		   "reg: GICH_LR0 = 0x9a00d81b\nreg: CNTHCTL = 0x00000001\nreg: HCR = 0x1\n",
		   &f[0]) == 0,
	      "hyp dump (%s)", err);
	check(dump("reg: GICH_HCR = 0x00000001\nreg: GICH_LR0 = 0x0\nreg: GICH_LR1 = 0x0\n"
		   "reg: CNTHCTL_EL2 = 0x3\nreg: CNTVOFF_EL2 = 0x0\n",
		   &f[1]) == 0,
	      "kvm dump (%s)", err);
	m = open_memstream(&out, &len);
	check_eq(regtable_gic(m, f, 2, &o), 6, "HCR, VTR, LR0, LR1, CNTHCTL, CNTVOFF shown");
	fclose(m);
	check(strstr(out, "GICH_VTR = 0x90000003 (hyp)  vs  GICH_VTR = (not in dump) (kvm)") !=
		      NULL,
	      "a register one side lacks: (not in dump)");
	check(strstr(out, "CNTHCTL = 0x00000001 (hyp)  vs  CNTHCTL_EL2 = 0x3 (kvm)") != NULL,
	      "CNTHCTL against CNTHCTL_EL2");
	check(strstr(out, "EL1PCEN") != NULL, "CNTHCTL_EL2 decoded (EL1PCEN)");
	check(!strstr(out, "GICH_VMCR") && !strstr(out, "GICH_LR2"),
	      "registers no dump holds: no row");
	check(strstr(out, "GICH_LR1") && strstr(out, "GICH_LR0"), "LRs as many as a dump holds");
	free(out);
	regfile_free(&f[1]);
	check(dump("reg: HCR = 0x1\n", &f[1]) == 0, "a dump without GIC registers");
	m = open_memstream(&out, &len);
	check_eq(regtable_gic(m, f + 1, 1, &o), 0, "no GIC registers: nothing shown");
	fclose(m);
	check_eq(len, 0, "not a line");
	free(out);
	regfile_free(&f[0]);
	regfile_free(&f[1]);
}

int main(void)
{
	test_tables();
	test_rows();
	test_three();
	test_regfile();
	test_guest();
	test_gic();
	return unit_summary();
}
