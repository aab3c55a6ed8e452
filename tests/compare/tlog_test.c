/*
 * Unit tests of the trap-log comparison on crafted logs: loading and its
 * errors, alignment (equal, missing, extra, reordered, changed, unknown
 * fields), the expected-differences table and its matching.
 */
#include <stdlib.h>
#include "unit.h"
#include "tlog.h"

#define HDR(side) "# traplog 1 side=" side " guest=t\n"
#define END(n)	  "# end traps=" #n " dropped=0 status=0\n"
#define T1 \
	"0001 0x24 DABT     pc=0x4000000c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio " \
	"write uart.DR size=1 val=0x00000048 by=hyp\n"
#define T2 \
	"0002 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 " \
	"ret=0x00010001 by=hyp\n"
#define T3 "0003 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp\n"
#define T4 "0004 0x13 SMC      pc=0x40000054 imm=0x0000 : smc skipped ret=0xffffffff by=hyp\n"

static char err[512];

static int load(const char *text, struct tlog *l, bool console)
{
	struct tlog_opts o = { .console = console };
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int r = tlog_load_stream(f, "x.log", &o, l, err, sizeof(err));

	fclose(f);
	return r;
}

/* The marks of the diff of a and b as a string, e.g. "=<=>". */
static const char *marks(const char *a, const char *b)
{
	static char m[8192];
	struct tlog la, lb;
	struct tlog_diff d;
	size_t i;

	memset(&lb, 0, sizeof(lb));
	memset(&d, 0, sizeof(d));
	if (load(a, &la, false) || load(b, &lb, false) ||
	    tlog_align(&la, &lb, &d, err, sizeof(err))) {
		printf("error: %s\n", err);
		strcpy(m, "error");
	} else {
		for (i = 0; i < d.n && i < sizeof(m) - 1; i++)
			m[i] = d.rows[i].mark;
		m[i] = 0;
	}
	tlog_diff_free(&d);
	tlog_free(&la);
	tlog_free(&lb);
	return m;
}

static void test_load(void)
{
	struct tlog l;

	check(load(HDR("hyp") T1 T2 END(2), &l, false) == 0, "load a good log");
	check_eq(l.n, 2, "two events");
	check_str(l.side, "hyp", "side from the header");
	check_str(l.ev[1].kind, "psci", "outcome kind");
	check_eq(l.ev[1].lineno, 3, "line number kept");
	check(tlog_validate(&l, err, sizeof(err)) == 0, "complete log validates");
	tlog_free(&l);
	check(load("hello\n" HDR("hyp") "trap: " HDR("hyp") "trap: " T1 "trap: " END(1), &l,
		   true) == 0 &&
		      l.n == 1,
	      "console capture: only trap: lines");
	tlog_free(&l);
}

static void bad(const char *text, const char *want, const char *name)
{
	struct tlog l;
	int r = load(text, &l, false);

	if (r == 0)
		r = tlog_validate(&l, err, sizeof(err));
	check(r < 0 && strstr(err, want), "%s: error \"%s\" has \"%s\"", name, err, want);
	tlog_free(&l);
}

#define HDR2(side) "# traplog 2 side=" side " guest=t\n"
#define E1	   "0002 -- IRQ      pc=0x40000180 intid=27 : irq taken by=hyp\n"

/* Version 2: events load beside traps; cpu= only and always in a cpus= log. */
static void test_load_v2(void)
{
	struct tlog l;
	char text[TLOG_TEXT];

	check(load(HDR2("hyp") T1 E1 END(2), &l, false) == 0, "v2 log with an event (%s)", err);
	check_eq(l.version, 2, "version kept");
	check_eq(l.cpus, 1, "no cpus=: one");
	check_eq(l.ev[1].l.ec, TRAPLOG_EC_EVENT, "event EC");
	check_str(l.ev[1].kind, "irq", "event outcome kind");
	tlog_event_text(&l.ev[1], text, sizeof(text));
	check_str(text, "-- IRQ pc=0x40000180 intid=27 : irq taken by=hyp", "event text");
	tlog_free(&l);
	check(load("# traplog 2 side=hyp guest=t cpus=2\n"
		   "0001 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp cpu=1\n"
		   "0002 -- VIRQ     pc=? intid=27 : virq lr=? state=pending hw=? pintid=? prio=? "
		   "by=kvm cpu=0\n" END(2),
		   &l, false) == 0,
	      "smp log (%s)", err);
	check_eq(l.cpus, 2, "cpus= kept");
	tlog_event_text(&l.ev[1], text, sizeof(text));
	check_str(text,
		  "-- VIRQ pc=? intid=27 : virq lr=? state=pending hw=? pintid=? prio=? "
		  "by=kvm",
		  "smp event text: pc=?, no cpu= (the table's patterns hold for every vCPU)");
	check_eq(l.ev[1].l.cpu, 0, "the vCPU kept apart");
	tlog_free(&l);
	check(load(HDR("hyp") T1 END(1), &l, false) == 0 && l.version == 1, "version 1 still read");
	tlog_free(&l);
}

/* SMP logs: the same trap on another vCPU is another trap; cpus= must agree. */
static void test_smp_align(void)
{
#define SMP_HDR(side) "# traplog 2 side=" side " guest=t cpus=2\n"
#define W(seq, cpu)   seq " 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp cpu=" cpu "\n"
	struct tlog la, lb;
	struct tlog_diff d;
	char *out = NULL;
	size_t len = 0;
	FILE *m;

	check_str(marks(SMP_HDR("a") W("0001", "0") W("0002", "1") END(2),
			SMP_HDR("b") W("0001", "0") W("0002", "1") END(2)),
		  "==", "smp: same traps on the same vCPUs pair");
	check_str(marks(SMP_HDR("a") W("0001", "0") END(1), SMP_HDR("b") W("0001", "1") END(1)),
		  "<>", "smp: a trap on another vCPU does not pair");
	load(SMP_HDR("a") W("0001", "0") END(1), &la, false);
	load(HDR2("b") "0001 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp\n" END(1), &lb,
	     false);
	tlog_align(&la, &lb, &d, err, sizeof(err));
	m = open_memstream(&out, &len);
	tlog_report(m, TLOG_FMT_TEXT, -1, &la, &lb, &d, NULL);
	fclose(m);
	check(strstr(out, "vCPU count differs: a cpus=2, b cpus=1") != NULL,
	      "cpus= that differ are a log-level problem");
	check(strstr(out, "cpu=0 wfe=0") != NULL, "an SMP row shows its vCPU");
	free(out);
	tlog_diff_free(&d);
	tlog_free(&la);
	tlog_free(&lb);
#undef W
#undef SMP_HDR
}

static void test_malformed(void)
{
	bad(HDR("hyp") E1, "x.log:2: IRQ event in a version 1 log", "event in v1");
	bad("# traplog 2 side=hyp guest=t cpus=2\n" T1, "x.log:2: want cpu=N", "smp without cpu=");
	bad("# traplog 2 side=hyp guest=t cpus=2\n"
	    "0001 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp cpu=2\n",
	    "x.log:2: want cpu=N (N < 2)", "cpu= out of range");
	bad(HDR2("hyp") "0001 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp cpu=0\n",
	    "x.log:2: cpu= in a log without cpus=", "cpu= without cpus=");
	bad("", "x.log:0: empty", "empty file");
	bad("# traplog 3 side=hyp guest=t\n", "x.log:1:", "other version");
	bad("0001 0x24 DABT pc=0x4000000c : x by=hyp\n", "x.log:1:", "no header");
	bad(HDR("hyp") T1 "0002 0x12 HVC pc=0x40000040\n", "x.log:3:", "bad trap line");
	bad(HDR("hyp") T1 "0002 0x12 DABT     pc=0x40000040 imm=0x0000 : psci X by=hyp\n",
	    "x.log:3:", "EC name mismatch");
	bad(HDR("hyp") T2 T1, "x.log:3: sequence number 1 after 2", "sequence goes back");
	bad(HDR("hyp") T1 END(1) T2, "x.log:4: trap line after the end", "after end");
	bad(HDR("hyp") T1 "# end traps=x\n", "x.log:3:", "bad end line");
	bad(HDR("hyp") T1, "cut short", "no end line");
	bad(HDR("hyp") T1 END(3), "traps=3, the log holds 1", "wrong count");
}

static void test_align(void)
{
	check_str(marks(HDR("a") T1 T2 T3 END(3), HDR("b") T1 T2 T3 END(3)), "===", "equal");
	check_str(marks(HDR("a") T1 T2 T3 END(3), HDR("b") T1 T3 END(2)), "=<=", "missing in B");
	check_str(marks(HDR("a") T1 T3 END(2), HDR("b") T1 T2 T3 END(3)), "=>=", "extra in B");
	check_str(marks(HDR("a") T1 T2 T3 T4 END(4),
			HDR("b") T1
			"0002 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp\n"
			"0003 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION "
			"fn=0x84000000 ret=0x00010001 by=hyp\n"
			"0004 0x13 SMC      pc=0x40000054 imm=0x0000 : smc skipped "
			"ret=0xffffffff by=hyp\n" END(4)),
		  "=<=>=", "reordered: one moved trap, one row each side");
	check_str(marks(HDR("a") END(0), HDR("b") T1 END(1)), ">", "empty against one");
	check_str(marks(HDR("a") T1 T2 END(2),
			HDR("b") "0001 0x24 DABT     pc=0x4000000c isv=? sas=b sse=? srt=? wnr=1 "
				 "ipa=0x09000000 : mmio write uart.DR size=1 val=? by=vmm\n" T2 END(
					 2)),
		  "==", "'?' fields and by= do not differ");
	check_str(marks(HDR("a") T2 END(1),
			HDR("b") "0001 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION "
				 "fn=0x84000000 ret=0x00010000 by=kvm\n" END(1)),
		  "~", "same trap, other return value");
}

static void test_moved(void)
{
	struct tlog la, lb;
	struct tlog_diff d;

	load(HDR("a") T1 T2 T3 END(3), &la, false);
	load(HDR("b") T1
	     "0002 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp\n"
	     "0003 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 "
	     "ret=0x00010001 by=hyp\n" END(3),
	     &lb, false);
	tlog_align(&la, &lb, &d, err, sizeof(err));
	check(d.n == 4 && d.rows[1].mark == '<' && d.rows[3].mark == '>', "moved: rows < and >");
	check_str(d.rows[1].differs, "moved: row 4", "the < row points at the > row");
	check_str(d.rows[3].differs, "moved: row 2", "and back");
	tlog_diff_free(&d);
	tlog_free(&la);
	tlog_free(&lb);
}

/* A run of same-key traps (UART bytes) with one moved: paired by value. */
static void test_weighted(void)
{
#define U(seq, v) \
	seq " 0x24 DABT     pc=0x40000278 isv=1 sas=b sse=0 srt=r2 wnr=1 " \
	    "ipa=0x09000000 : mmio write uart.DR size=1 val=" v " by=hyp\n"
#define C(seq) \
	seq " 0x03 CP15     pc=0x400000cc dir=write opc1=0 crn=2 crm=0 opc2=0 rt=r5 " \
	    "reg=TTBR0 : cp15 write val=0x40004000 by=hyp\n"
	check_str(marks(HDR("a") U("0001", "0x61") U("0002", "0x0a") C("0003") U("0004", "0x62")
				U("0005", "0x63") END(5),
			HDR("b") U("0001", "0x61") C("0002") U("0003", "0x0a") U("0004", "0x62")
				U("0005", "0x63") END(5)),
		  "=<=>==", "moved byte: one < and one >, no ~ pairs of other bytes");
#undef U
#undef C
}

static void test_fold(void)
{
	struct tlog_diff d = { 0 };
	struct tlog_row rows[9];

	for (int i = 0; i < 9; i++)
		rows[i].mark = i == 4 ? TLOG_ONLY_A : TLOG_SAME;
	d.rows = rows;
	d.n = 9;
	check(tlog_folded(&d, 0, 2) && tlog_folded(&d, 1, 2) && !tlog_folded(&d, 2, 2),
	      "rows beyond the context fold");
	check(!tlog_folded(&d, 4, 2) && !tlog_folded(&d, 6, 2) && tlog_folded(&d, 7, 2),
	      "the difference and its context stay");
	check(!tlog_folded(&d, 0, -1), "no context: nothing folds");
}

static void test_differs_text(void)
{
	struct tlog la, lb;
	char why[160];

	load(HDR("a") T3 END(1), &la, false);
	load(HDR("b") "0001 0x01 WFX      pc=0x40000050 wfe=0 : wfx slept by=kvm\n" END(1), &lb,
	     false);
	check(!tlog_same_details(&la.ev[0], &lb.ev[0], why, sizeof(why)),
	      "skipped vs slept differ");
	check_str(why, "skipped -> slept", "the differing words named");
	tlog_free(&la);
	tlog_free(&lb);
}

/* A long log with one trap missing in the middle: one '<' row. */
static void test_long(void)
{
	size_t n = 3000, len = 0, cap = n * 200 + 200;
	char *a = malloc(cap), *b = malloc(cap);
	const char *m;
	size_t lt = 0;

	len = snprintf(a, cap, HDR("a"));
	snprintf(b, cap, HDR("b"));
	size_t lb = strlen(b);
	for (size_t i = 1; i <= n; i++) {
		char line[200];

		snprintf(line, sizeof(line),
			 "%04zu 0x24 DABT     pc=0x%08zx isv=1 sas=w sse=0 "
			 "srt=r1 wnr=1 ipa=0x09000000 : mmio write uart.DR size=4 val=0x0 by=hyp\n",
			 i, 0x40000000 + 4 * (i % 7));
		len += snprintf(a + len, cap - len, "%s", line);
		if (i != n / 2)
			lb += snprintf(b + lb, cap - lb, "%s", line);
	}
	m = marks(a, b);
	for (const char *p = m; *p; p++)
		lt += *p == '<';
	check(strcmp(m, "error") != 0 && lt == 1 && !strchr(m, '>'),
	      "3000 traps, one missing (%zu '<')", lt);
	free(a);
	free(b);
}

static int table(const char *text, struct tlog_table *t)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int r = tlog_table_load_stream(f, "x.txt", t, err, sizeof(err));

	fclose(f);
	return r;
}

static const char tbl[] =
	"# comment\n"
	"[psci]\nwhen: differs\nhyp: 0x12 HVC * ret=0x00010001 *\nkvm*: 0x12 HVC * ret=0x00010000 "
	"*\n"
	"cause: PSCI 1.0 on 5.x\n\n"
	"[wfi]\nwhen: only\nhyp: 0x01 WFX *\nabsent kvm*: 0x01 WFX *\ncause: no trap when pending\n"
	"[smc]\nwhen: only\nkvm*: 0x13 SMC *\ncause: only if kvm has it\n";

static size_t explain(const char *a, const char *b, struct tlog_diff *d, struct tlog *la,
		      struct tlog *lb, struct tlog_table *t)
{
	load(a, la, false);
	load(b, lb, false);
	tlog_align(la, lb, d, err, sizeof(err));
	return tlog_explain(t, d, la, lb);
}

static void test_table(void)
{
	struct tlog_table t;
	struct tlog la, lb;
	struct tlog_diff d;
	const char *kvm_v10 = "0001 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION "
			      "fn=0x84000000 ret=0x00010000 by=kvm\n";
	char b[512];

	check(table(tbl, &t) == 0 && t.n == 3, "table loads, three entries");
	snprintf(b, sizeof(b), HDR("kvm") "%s" END(1), kvm_v10);
	check_eq(explain(HDR("hyp") T2 T3 END(2), b, &d, &la, &lb, &t), 0,
		 "version differs and missing WFI are explained");
	check(d.rows[0].expect == 0 && d.rows[1].expect == 1, "by the right entries");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);

	check_eq(explain(HDR("hyp") T3 END(1),
			 HDR("kvm") "0001 0x01 WFX      pc=0x40000060 wfe=0 "
				    ": wfx slept by=kvm\n" END(1),
			 &d, &la, &lb, &t),
		 2, "'absent' condition fails: a WFI elsewhere in kvm's log");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);

	check_eq(explain(HDR("hyp") T4 END(1), HDR("kvm") END(0), &d, &la, &lb, &t), 1,
		 "entry for kvm-only rows does not explain a hyp-only row");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);

	snprintf(b, sizeof(b), HDR("kvm") "%s" END(1), kvm_v10);
	check_eq(explain(b, HDR("hyp") T2 END(1), &d, &la, &lb, &t), 0,
		 "sides matched by name, not by argument order");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);
	tlog_table_free(&t);
}

/* guest: limits an entry to one guest's logs; when: status explains the end status. */
static void test_guest_status(void)
{
	static const char gt[] = "[uart-t]\nguest: t\nwhen: only\nkvm: 0x24 DABT * : mmio write "
				 "uart.DR *\ncause: t's console\n"
				 "[uart-u]\nguest: u\nwhen: only\nhyp: 0x24 DABT * : mmio write "
				 "uart.DR *\ncause: u's console\n"
				 "[st]\nguest: t\nwhen: status\nhyp: 0\nkvm: 1[0-9]\ncause: ten\n";
	const char *kvm_t = "# traplog 1 side=kvm guest=t\n" T1
			    "# end traps=1 dropped=0 status=10\n";
	const char *kvm_u = "# traplog 1 side=kvm guest=u\n" T1
			    "# end traps=1 dropped=0 status=10\n";
	const char *hyp_u = "# traplog 1 side=hyp guest=u\n# end traps=0 dropped=0 status=0\n";
	struct tlog_table t;
	struct tlog la, lb;
	struct tlog_diff d;

	check(table(gt, &t) == 0 && t.n == 3 && t.e[2].status && strcmp(t.e[0].guest, "t") == 0,
	      "guest: and when: status load");
	check_eq(explain(HDR("hyp") END(0), kvm_t, &d, &la, &lb, &t), 0,
		 "guest t: its kvm-only UART write explained");
	check(d.rows[0].expect == 0, "by the entry for guest t");
	check_eq(tlog_table_status(&t, &la, &lb), 2, "guest t: the status 0 against 10 explained");
	check_eq(tlog_table_status(&t, &lb, &la), 2, "the sides by name, not by order");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);
	check_eq(explain(hyp_u, kvm_u, &d, &la, &lb, &t), 1,
		 "guest u: no entry of its own for a kvm-only write");
	check_eq(tlog_table_status(&t, &la, &lb), -1, "guest u: its status difference is not t's");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);
	explain(HDR("hyp") END(0), HDR("kvm") END(0), &d, &la, &lb, &t);
	lb.end_status = 3;
	check_eq(tlog_table_status(&t, &la, &lb), -1, "status 3 is not 1[0-9]");
	tlog_diff_free(&d), tlog_free(&la), tlog_free(&lb);
	tlog_table_free(&t);
}

static void bad_table(const char *text, const char *want, const char *name)
{
	struct tlog_table t;

	check(table(text, &t) < 0 && strstr(err, want), "%s: error \"%s\" has \"%s\"", name, err,
	      want);
	tlog_table_free(&t);
}

static void test_bad_table(void)
{
	bad_table("when: only\n", "x.txt:1:", "field before an entry");
	bad_table("[a]\nwhen: sometimes\n", "x.txt:2:", "bad when");
	bad_table("[a]\nwhen: only\nhyp: *\n", "x.txt:1: entry [a] needs a cause", "no cause");
	bad_table("[a]\nwhen: only\nabsent kvm: *\ncause: c\n", "needs a cause",
		  "only a condition");
	bad_table("[a\n", "x.txt:1: bad entry name", "bad name");
	bad_table("[a]\njust words\n", "x.txt:2:", "no colon");
}

/*
 * Interrupt events: lined up by kind, not pc (asynchronous); "?" fields
 * match; an event elsewhere in the other log is "moved", which a
 * "when: moved" entry explains and which "only"-like rows it does not.
 */
static void test_events_align(void)
{
	struct tlog_table t;
	struct tlog la, lb;
	struct tlog_diff d;
	const char *hyp = HDR2("hyp") T1
		"0002 -- IRQ      pc=0x40000180 intid=27 : irq taken by=hyp\n"
		"0003 -- VIRQ     pc=0x40000180 intid=27 : virq lr=0 state=pending hw=1 pintid=27 "
		"prio=0xa0 by=hyp\n"
		"0004 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 "
		"ret=0x00010001 by=hyp\n"
		"0005 -- MAINT    pc=0x40000044 intid=25 : maint misr=0x00000001 eisr=0x00000001 "
		"by=hyp\n" END(5);
	const char *kvm = HDR2("kvm") T1
		"0002 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 "
		"ret=0x00010001 by=hyp\n"
		"0003 -- IRQ      pc=0x40000190 intid=? : irq taken by=kvm\n"
		"0004 -- VIRQ     pc=? intid=27 : virq lr=? state=pending hw=? pintid=? prio=? "
		"by=kvm\n" END(4);
	const char *tab = "[moved]\nwhen: moved\n*: -- IRQ *\n*: -- VIRQ *\ncause: async\n"
			  "[maint]\nwhen: only\nhyp: -- MAINT *\ncause: hyp only\n";

	check_str(
		marks(HDR2("a") "0001 -- IRQ      pc=0x40000180 intid=27 : irq taken by=hyp\n" END(
			      1),
		      HDR2("b") "0001 -- IRQ      pc=0x40000999 intid=? : irq taken by=kvm\n" END(
			      1)),
		"=", "events pair whatever their pc; intid=? matches");
	check_str(
		marks(HDR2("a") "0001 -- IRQ      pc=0x40000180 intid=27 : irq taken by=hyp\n" END(
			      1),
		      HDR2("b") "0001 -- EOI      pc=0x40000180 intid=27 : eoi lr=0 by=hyp\n" END(
			      1)),
		"<>", "events of other kinds do not pair");
	check(table(tab, &t) == 0, "table with when: moved (%s)", err);
	check_eq(explain(hyp, kvm, &d, &la, &lb, &t), 0, "moved events and the MAINT explained");
	check_str(marks(hyp, kvm), "=<<=<>>", "IRQ and VIRQ moved past the HVC, MAINT hyp only");
	check(d.n == 7 && d.rows[1].expect == 0 && d.rows[2].expect == 0 && d.rows[4].expect == 1 &&
		      d.rows[5].expect == 0 && d.rows[6].expect == 0,
	      "the traps stay paired: IRQ and VIRQ by [moved], the MAINT by [maint]");
	check_str(d.rows[1].differs, "moved: row 6", "the IRQ moved to row 6");
	tlog_diff_free(&d);
	tlog_free(&la);
	tlog_free(&lb);
	/* An IRQ only in one log, not moved: [moved] does not explain it. */
	check_eq(explain(HDR2("hyp") T1 "0002 -- IRQ      pc=0x40000180 intid=27 : irq taken "
					"by=hyp\n" END(2),
			 HDR2("kvm") T1 END(1), &d, &la, &lb, &t),
		 1, "an IRQ with no twin is unexplained by a moved entry");
	tlog_diff_free(&d);
	tlog_free(&la);
	tlog_free(&lb);
	tlog_table_free(&t);
	check(table("[x]\nwhen: later\n*: *\ncause: c\n", &t) < 0 && strstr(err, "moved"),
	      "a bad when: names moved among the choices (%s)", err);
	tlog_table_free(&t);
}

/*
 * Two vCPUs (cpus=2): each vCPU's traps lined up apart, so the same traps
 * in another order between the vCPUs are all the same; a trap one vCPU
 * lacks is still a difference; an entry's pattern never sees cpu=.
 */
#define S2(side)	"# traplog 2 side=" side " guest=t cpus=2\n"
#define C(seq, pc, cpu) seq " 0x01 WFX      pc=" pc " wfe=1 : wfx skipped by=hyp cpu=" cpu "\n"
static void test_per_cpu(void)
{
	static const char *const table =
		"[wfe-on-1]\nwhen: only\nb: 0x01 WFX pc=0x40000070 * by=hyp\n"
		"cause: t\n";
	struct tlog la, lb;
	struct tlog_table t;
	struct tlog_diff d;
	FILE *f;

	check_str(marks(S2("a") C("0001", "0x40000050", "0") C("0002", "0x40000060", "1")
				C("0003", "0x40000054", "0") END(3),
			S2("b") C("0001", "0x40000060", "1") C("0002", "0x40000050", "0")
				C("0003", "0x40000054", "0") END(3)),
		  "===", "two vCPUs, their traps interleaved otherwise: all the same");
	check_str(marks(S2("a") C("0001", "0x40000050", "0") C("0002", "0x40000060", "1") END(2),
			S2("b") C("0001", "0x40000060", "1") C("0002", "0x40000070", "1")
				C("0003", "0x40000050", "0") END(3)),
		  "==>", "vCPU 0's rows first; one trap more on vCPU 1: one row");
	load(S2("a") C("0001", "0x40000060", "1") END(1), &la, false);
	load(S2("b") C("0001", "0x40000060", "1") C("0002", "0x40000070", "1") END(2), &lb, false);
	f = fmemopen((void *)table, strlen(table), "r");
	check(tlog_table_load_stream(f, "t.txt", &t, err, sizeof(err)) == 0 &&
		      tlog_align(&la, &lb, &d, err, sizeof(err)) == 0 && d.n == 2 &&
		      tlog_explain(&t, &d, &la, &lb) == 0,
	      "a pattern ending by=hyp explains a line ending cpu=1 (%s)", err);
	fclose(f);
	tlog_diff_free(&d);
	tlog_table_free(&t);
	tlog_free(&la);
	tlog_free(&lb);
}

/*
 * SMP: a vCPU polling another (AFFINITY_INFO until OFF) calls as often as
 * the scheduling makes it; each run of one call at one pc is one row, the
 * last call's.
 */
#define P(seq, pc, ret, cpu) \
	seq " 0x12 HVC      pc=" pc " imm=0x0000 : psci AFFINITY_INFO fn=0x84000004 ret=" ret \
	    " by=hyp cpu=" cpu "\n"
static void test_poll_fold(void)
{
	check_str(marks(S2("a") P("0001", "0x40000090", "0x00000000", "0")
				C("0002", "0x40000060", "1")
					P("0003", "0x40000090", "0x00000000", "0")
						P("0004", "0x40000090", "0x00000001", "0") END(4),
			S2("b") P("0001", "0x40000090", "0x00000001", "0")
				C("0002", "0x40000060", "1") END(2)),
		  "==", "three polls (ON, ON, OFF) against one (OFF): one row each vCPU, the same");
	check_str(marks(S2("a") P("0001", "0x40000090", "0x00000000", "0")
				P("0002", "0x40000094", "0x00000001", "0") END(2),
			S2("b") P("0001", "0x40000094", "0x00000001", "0") END(1)),
		  "<=", "another pc is another call: not folded");
	check_str(marks(S2("a") P("0001", "0x40000090", "0x00000000",
				  "0") "0002 -- IRQ      pc=0x40000090 intid=? : irq taken by=kvm "
				       "cpu=0\n" P("0003", "0x40000090", "0x00000001", "0") END(3),
			S2("b") P("0001", "0x40000090", "0x00000001", "0") END(1)),
		  "<=", "an interrupt event between two polls does not end the run");
	check_str(marks(S2("a") P("0001", "0x40000090", "0x00000000", "0")
				P("0002", "0x40000090", "0x00000000", "1") END(2),
			S2("b") P("0001", "0x40000090", "0x00000000", "1") END(1)),
		  "<=", "the same call on another vCPU does not fold");
	check_str(marks(S2("a") C("0001", "0x40000050", "0") C("0002", "0x40000050", "0") END(2),
			S2("b") C("0001", "0x40000050", "0") END(1)),
		  "=<", "only HVCs fold: a repeated WFE stays a row");
}

int main(void)
{
	test_per_cpu();
	test_poll_fold();
	test_load();
	test_load_v2();
	test_events_align();
	test_smp_align();
	test_malformed();
	test_align();
	test_differs_text();
	test_moved();
	test_weighted();
	test_fold();
	test_long();
	test_table();
	test_guest_status();
	test_bad_table();
	return unit_summary();
}
