/*
 * Unit tests of `traplog summary` (tlog_summary.c) on crafted logs: the
 * class of each kind of event, counts on each side, the count-differences
 * table and its errors, unexplained rows.
 */
#include <stdlib.h>
#include "unit.h"
#include "tlog.h"
#include "tlog_summary.h"

#define HDR(side) "# traplog 1 side=" side " guest=linux\n"
#define HDR2	  "# traplog 2 side=hyp guest=linux\n"
#define FR(n) \
	n " 0x24 DABT     pc=0xc0a89c18 isv=1 sas=w sse=0 srt=r3 wnr=0 ipa=0x09000018 : mmio " \
	  "read uart.FR size=4 val=0x00000090 by=hyp\n"
#define DR(n) \
	n " 0x24 DABT     pc=0xc0a89c40 isv=1 sas=b sse=0 srt=r5 wnr=1 ipa=0x09000000 : mmio " \
	  "write uart.DR size=1 val=0x00000065 by=hyp\n"
#define SCTLR(n) \
	n " 0x03 CP15     pc=0xc0400010 dir=read opc1=0 crn=1 crm=0 opc2=0 rt=r0 reg=SCTLR : " \
	  "cp15 read val=0x30c5387d by=hyp\n"
#define DIDR(n) \
	n " 0x05 CP14     pc=0xc0414c0c dir=read opc1=0 crn=0 crm=0 opc2=0 rt=r0 reg=? : cp14 " \
	  "read val=0x00000000 by=hyp\n"
#define PSCI(n) \
	n " 0x12 HVC      pc=0xc04180a8 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 " \
	  "ret=0x00010001 by=hyp\n"
#define WFI(n) n " 0x01 WFX      pc=0xc041fde4 wfe=0 : wfx skipped by=hyp\n"
#define S2(n) \
	n " 0x24 DABT     pc=0xc0e251f0 isv=0 sas=? sse=? srt=? wnr=1 ipa=0x4ecd0000 : stage2 " \
	  "mapped by=kvm\n"
#define VIRQ(n) \
	n " -- VIRQ     pc=0xc0400100 intid=27 : virq lr=0 state=pending hw=1 pintid=27 " \
	  "prio=0xa0 by=hyp\n"
#define END(n) "# end traps=" #n " dropped=0 status=0\n"

static char err[512];

static FILE *mem(const char *text) { return fmemopen((void *)text, strlen(text), "r"); }

static int load(const char *text, struct tlog *l)
{
	struct tlog_opts o = { 0 };
	FILE *f = mem(text);
	int r = tlog_load_stream(f, "x.log", &o, l, err, sizeof(err));

	fclose(f);
	return r;
}

static void classes(void)
{
	struct tlog l;
	char c[TLOG_CLASS_TEXT];
	static const char *const want[] = {
		"0x24 DABT mmio read uart.FR", "0x24 DABT mmio write uart.DR",
		"0x03 CP15 cp15 read SCTLR",   "0x05 CP14 cp14 read 0,c0,c0,0",
		"0x12 HVC psci PSCI_VERSION",  "0x01 WFX wfx skipped",
		"0x24 DABT stage2 mapped",     "-- VIRQ virq intid=27",
	};

	check(load(HDR2 FR("0001") DR("0002") SCTLR("0003") DIDR("0004") PSCI("0005") WFI("0006")
			   S2("0007") VIRQ("0008") END(8),
		   &l) == 0,
	      "load: %s", err);
	for (size_t i = 0; i < l.n && i < 8; i++) {
		tlog_summary_class(&l.ev[i], c, sizeof(c));
		check_str(c, want[i], "class of event");
	}
	tlog_free(&l);
}

static const char table[] = "# count differences\n"
			    "name: console\n"
			    "class: 0x24 DABT mmio * uart.*\n"
			    "cause: the console's bytes\n"
			    "\n"
			    "name: stage2\n"
			    "class: 0x20 * stage2 mapped\n"
			    "class: 0x24 * stage2 mapped\n"
			    "cause: KVM maps RAM on first touch\n";

static void counts(void)
{
	struct tlog a, b;
	struct tlog_count_table t;
	struct tlog_summary s;
	FILE *f = mem(table);
	char out[4096];
	FILE *o;

	check(tlog_count_table_stream(f, "t.txt", &t, err, sizeof(err)) == 0 && t.n == 2,
	      "table: two entries (%s)", err);
	fclose(f);
	check(load(HDR("hyp") FR("0001") DR("0002") DR("0003") SCTLR("0004") PSCI("0005")
			   WFI("0006") END(6),
		   &a) == 0,
	      "load a");
	check(load(HDR("kvm") FR("0001") DR("0002") PSCI("0003") WFI("0004") WFI("0005") S2("0006")
			   END(6),
		   &b) == 0,
	      "load b");
	check(tlog_summarize(&a, &b, &t, &s) == 0, "summarize");
	check_eq(s.n, 6, "six classes");
	/* uart.DR 2 vs 1: console; stage2 0 vs 1: stage2; SCTLR 1 vs 0 and WFX 1 vs 2: unexplained */
	check_eq(s.unexplained, 2, "two unexplained: SCTLR and WFX");
	for (size_t i = 0; i < s.n; i++) {
		const struct tlog_summary_row *r = &s.rows[i];

		if (!strcmp(r->cls, "0x24 DABT mmio write uart.DR"))
			check(r->na == 2 && r->nb == 1 && r->cause == 0,
			      "uart.DR: 2 and 1, console");
		if (!strcmp(r->cls, "0x24 DABT mmio read uart.FR"))
			check(r->na == 1 && r->nb == 1 && r->cause == -1,
			      "uart.FR: same, no cause");
		if (!strcmp(r->cls, "0x24 DABT stage2 mapped"))
			check(r->na == 0 && r->nb == 1 && r->cause == 1,
			      "stage2: only kvm, stage2");
	}
	check(strcmp(s.rows[0].cls, s.rows[1].cls) < 0, "rows sorted by class");
	o = fmemopen(out, sizeof(out), "w");
	tlog_summary_print(o, true, &a, &b, &s, &t);
	fclose(o);
	check(strstr(out, "| class | hyp | kvm | cause |") != NULL, "md: header names the sides");
	check(strstr(out, "| `0x03 CP15 cp15 read SCTLR` | 1 | 0 | UNEXPLAINED |") != NULL,
	      "md: the unexplained row");
	check(strstr(out, "| all | 6 | 6 | |") != NULL, "md: totals");
	check(strstr(out, "2 classes with other counts on each side, unexplained") != NULL,
	      "md: the unexplained count");
	tlog_summary_free(&s);
	tlog_count_table_free(&t);
	tlog_free(&a);
	tlog_free(&b);
}

static void table_errors(void)
{
	static const char *const bad[] = {
		"name: x\nclass: *\n",			  /* no cause */
		"name: x\nname: y\nclass: *\ncause: c\n", /* twice */
		"nom: x\n",				  /* unknown key */
	};
	struct tlog_count_table t;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		FILE *f = mem(bad[i]);

		check(tlog_count_table_stream(f, "t.txt", &t, err, sizeof(err)) < 0 &&
			      strncmp(err, "t.txt:", 6) == 0,
		      "bad table %zu refused: %s", i, err);
		fclose(f);
		tlog_count_table_free(&t);
	}
}

int main(void)
{
	classes();
	counts();
	table_errors();
	return unit_summary();
}
