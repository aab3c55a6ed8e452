/* Unit tests: the trap-log writer against docs/trap-log.md, and its parser. */
#include "board.h"
#include "hsr.h"
#include "traplog.h"
#include "unit.h"

#define EC(ec) ((uint32_t)(ec) << HSR_EC_SHIFT)

/* The six trap lines of docs/trap-log.md's example, as records. */
static const struct trap_record doc_records[] = {
	{ .hsr = 0x93020045,
	  .pc = 0x4000000c,
	  .ipa = 0x09000000,
	  .v0 = 0x48,
	  .reg = BREG_UART_DR,
	  .outcome = TRAP_OUT_MMIO,
	  .flags = TR_HSR | TR_WRITE,
	  .size = 1 },
	{ .hsr = 0x4a000000,
	  .pc = 0x40000040,
	  .v0 = 0x84000000,
	  .v1 = 0x00010001,
	  .outcome = TRAP_OUT_PSCI,
	  .flags = TR_HSR },
	{ .hsr = 0x0fe204c1, .pc = 0x40000048, .v0 = 0, .outcome = TRAP_OUT_CP15, .flags = TR_HSR },
	{ .hsr = 0x07e00000, .pc = 0x40000050, .outcome = TRAP_OUT_WFX, .flags = TR_HSR },
	{ .hsr = 0x4e000000,
	  .pc = 0x40000054,
	  .v1 = 0xffffffff,
	  .outcome = TRAP_OUT_SMC,
	  .flags = TR_HSR },
	{ .hsr = 0x4a000000,
	  .pc = 0x40000060,
	  .v0 = 0x84000008,
	  .v1 = 0,
	  .outcome = TRAP_OUT_PSCI,
	  .flags = TR_HSR | TR_STOP },
};

/* Copied from docs/trap-log.md; the doc and the writer must agree. */
static const char *const doc_lines[] = {
	"0001 0x24 DABT     pc=0x4000000c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000048 by=hyp",
	"0002 0x12 HVC      pc=0x40000040 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 "
	"ret=0x00010001 by=hyp",
	"0003 0x03 CP15     pc=0x40000048 dir=read opc1=0 crn=1 crm=0 opc2=1 rt=r6 reg=ACTLR : "
	"cp15 read val=0x00000000 by=hyp",
	"0004 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp",
	"0005 0x13 SMC      pc=0x40000054 imm=0x0000 : smc skipped ret=0xffffffff by=hyp",
	"0006 0x12 HVC      pc=0x40000060 imm=0x0000 : psci SYSTEM_OFF fn=0x84000008 status=0 "
	"by=hyp",
};

static void test_doc_example(void)
{
	char buf[256];

	traplog_header(buf, sizeof(buf), "hyp", "test");
	check_str(buf, "# traplog 2 side=hyp guest=test", "header");
	for (unsigned i = 0; i < 6; i++) {
		traplog_format(buf, sizeof(buf), i + 1, &doc_records[i]);
		check_str(buf, doc_lines[i], "doc example line");
	}
	traplog_footer(buf, sizeof(buf), 6, 0, 0);
	check_str(buf, "# end traps=6 dropped=0 status=0", "footer");
}

/*
 * One record per case, formatted as line 7, against the line it must give:
 * every trap class and outcome kind, the fields a writer could not see
 * ("?"), and the interrupt events beyond docs/trap-log.md's example.
 */
static const struct format_case {
	const char *name;
	struct trap_record r;
	const char *want;
} format_cases[] = {
	/* STM to the UART: ISV=0, decoded by the VMM (facts: HSR 0x90000045). */
	{ "dabt isv=0 decoded",
	  { .hsr = 0x90000045,
	    .pc = 0x40000030,
	    .ipa = 0x09000000,
	    .insn = 0xe8810003,
	    .v0 = 0x41,
	    .reg = BREG_UART_DR,
	    .outcome = TRAP_OUT_MMIO,
	    .flags = TR_HSR | TR_WRITE | TR_INSN,
	    .size = 4,
	    .srt = 0 },
	  "0007 0x24 DABT     pc=0x40000030 isv=0 sas=w sse=0 srt=r0 wnr=1 ipa=0x09000000 "
	  "insn=0xe8810003 : mmio write uart.DR size=4 val=0x00000041 by=hyp" },
	/* KVM runner: an MMIO exit, syndrome not seen. */
	{ "dabt from a kvm exit",
	  { .hsr = EC(HSR_EC_DABT),
	    .pc = 0x40000010,
	    .ipa = 0x09000018,
	    .v0 = 0x90,
	    .reg = BREG_UART_FR,
	    .outcome = TRAP_OUT_MMIO,
	    .by = TRAP_BY_VMM,
	    .size = 4,
	    .srt = 0xff },
	  "0007 0x24 DABT     pc=0x40000010 isv=? sas=w sse=? srt=? wnr=0 ipa=0x09000018 : "
	  "mmio read uart.FR size=4 val=0x00000090 by=vmm" },
	{ "cp15 64-bit",
	  { .hsr = EC(HSR_EC_CP15_64) | 0x02000000 | (1u << 16) | (3u << 10) | (2u << 5) |
		    (14u << 1) | 1,
	    .pc = 0x40000100,
	    .v0 = 0x89abcdef,
	    .v1 = 0x01234567,
	    .outcome = TRAP_OUT_CP15,
	    .flags = TR_HSR },
	  "0007 0x04 CP15_64  pc=0x40000100 dir=read opc1=1 crm=14 rt=r2 rt2=r3 reg=CNTVCT : "
	  "cp15 read val=0x0123456789abcdef by=hyp" },
	{ "cp15 from a kernel event",
	  { .hsr = EC(HSR_EC_CP15_32) | (2u << 10),
	    .pc = 0x40000104,
	    .outcome = TRAP_OUT_CP15,
	    .by = TRAP_BY_KVM,
	    .flags = TR_WRITE | TR_VAL_UNKNOWN,
	    .srt = 0xff },
	  "0007 0x03 CP15     pc=0x40000104 dir=write opc1=0 crn=2 crm=0 opc2=0 rt=? "
	  "reg=TTBR0 : cp15 write val=? by=kvm" },
	/* CP14 (debug, trace) is named as such: DBGDIDR, read (EC 0x05). */
	{ "cp14 outcome",
	  { .hsr = EC(HSR_EC_CP14_MR) | 1,
	    .pc = 0x40000108,
	    .v0 = 0x3515f005,
	    .outcome = TRAP_OUT_CP15,
	    .flags = TR_HSR },
	  "0007 0x05 CP14     pc=0x40000108 dir=read opc1=0 crn=0 crm=0 opc2=0 rt=r0 reg=? : "
	  "cp14 read val=0x3515f005 by=hyp" },
	{ "stop, no device",
	  { .hsr = EC(HSR_EC_DABT) | HSR_IL | HSR_DABT_WNR,
	    .pc = 0x40000008,
	    .ipa = 0x0a000000,
	    .v0 = BOARD_STATUS_FAULT,
	    .reg = TRAP_STOP_NODEVICE,
	    .outcome = TRAP_OUT_STOP,
	    .flags = TR_HSR,
	    .srt = 0xff },
	  "0007 0x24 DABT     pc=0x40000008 isv=0 sas=? sse=? srt=? wnr=1 ipa=0x0a000000 : "
	  "stop reason=nodevice status=126 by=hyp" },
	{ "iabt, stage-2 mapped",
	  { .hsr = EC(HSR_EC_IABT) | 0x07,
	    .pc = 0x40000000,
	    .ipa = 0x40000000,
	    .outcome = TRAP_OUT_STAGE2,
	    .by = TRAP_BY_KVM,
	    .flags = TR_HSR },
	  "0007 0x20 IABT     pc=0x40000000 ipa=0x40000000 : stage2 mapped by=kvm" },
	{ "unknown ec, stopped",
	  { .hsr = EC(HSR_EC_UNKNOWN) | HSR_IL,
	    .pc = 0x40000004,
	    .v0 = BOARD_STATUS_FAULT,
	    .reg = TRAP_STOP_UNDEF,
	    .outcome = TRAP_OUT_STOP,
	    .flags = TR_HSR },
	  "0007 0x00 UNKNOWN  pc=0x40000004 iss=0x0000000 : stop reason=undef status=126 "
	  "by=hyp" },
	{ "hvc, not psci",
	  { .hsr = EC(HSR_EC_HVC) | 0x1234,
	    .pc = 0x40000200,
	    .v0 = 0x80008000,
	    .v1 = 0,
	    .outcome = TRAP_OUT_HVC,
	    .flags = TR_HSR },
	  "0007 0x12 HVC      pc=0x40000200 imm=0x1234 : hvc fn=0x80008000 ret=0x00000000 "
	  "by=hyp" },
	{ "wfe slept",
	  { .hsr = EC(HSR_EC_WFX) | 1,
	    .pc = 0x40000300,
	    .outcome = TRAP_OUT_WFX,
	    .by = TRAP_BY_KVM,
	    .flags = TR_SLEPT },
	  "0007 0x01 WFX      pc=0x40000300 wfe=1 : wfx slept by=kvm" },
	{ "vfp given",
	  { .hsr = EC(HSR_EC_CP_0_13) | HSR_IL | 0x1e0000a,
	    .pc = 0x40000018,
	    .outcome = TRAP_OUT_VFP,
	    .flags = TR_HSR },
	  "0007 0x07 HCPTR    pc=0x40000018 iss=0x1e0000a : vfp: given to the guest by=hyp" },
	{ "dabt injected",
	  { .hsr = EC(HSR_EC_DABT) | HSR_IL | HSR_DABT_ISV | (2u << 22) | (5u << 16),
	    .pc = 0x40000018,
	    .ipa = 0x20000000,
	    .v0 = 0x40000150,
	    .v1 = 0x20000000,
	    .reg = TRAP_INJECT(TRAP_INJ_DABT, TRAP_WHY_NODEVICE),
	    .outcome = TRAP_OUT_INJECT,
	    .flags = TR_HSR },
	  "0007 0x24 DABT     pc=0x40000018 isv=1 sas=w sse=0 srt=r5 wnr=0 ipa=0x20000000 : "
	  "inject dabt why=nodevice far=0x20000000 vector=0x40000150 by=hyp" },
	{ "undef injected, no far",
	  { .hsr = EC(HSR_EC_UNKNOWN) | HSR_IL,
	    .pc = 0x40000004,
	    .v0 = 0xffff0004,
	    .reg = TRAP_INJECT(TRAP_INJ_UNDEF, TRAP_WHY_UNKNOWN_EC),
	    .outcome = TRAP_OUT_INJECT,
	    .flags = TR_HSR },
	  "0007 0x00 UNKNOWN  pc=0x40000004 iss=0x0000000 : inject undef why=unknown-ec "
	  "vector=0xffff0004 by=hyp" },
	{ "injection out of range: ?, no crash",
	  { .hsr = EC(HSR_EC_UNKNOWN),
	    .pc = 4,
	    .reg = TRAP_INJECT(7, 15),
	    .outcome = TRAP_OUT_INJECT,
	    .flags = TR_HSR },
	  "0007 0x00 UNKNOWN  pc=0x00000004 iss=0x0000000 : inject ? why=? far=0x00000000 "
	  "vector=0x00000000 by=hyp" },
	{ "stuck",
	  { .hsr = EC(HSR_EC_IABT),
	    .pc = 0x0c,
	    .ipa = 0x0c,
	    .v0 = BOARD_STATUS_STUCK,
	    .reg = TRAP_STOP_STUCK,
	    .outcome = TRAP_OUT_STOP,
	    .flags = TR_HSR },
	  "0007 0x20 IABT     pc=0x0000000c ipa=0x0000000c : stop reason=stuck status=200 "
	  "by=hyp" },
	{ "virq, software LR: pintid=-",
	  { .pc = 0x40000200,
	    .reg = 33,
	    .v0 = 3,
	    .v1 = GICH_LR_PENDING | GICH_LR_ACTIVE | GICH_LR_EOI | (0x80u >> 3) << 23 | 33u,
	    .outcome = TRAP_OUT_VIRQ },
	  "0007 -- VIRQ     pc=0x40000200 intid=33 : virq lr=3 state=pending+active hw=0 "
	  "pintid=- prio=0x80 by=hyp" },
	{ "eoi, no LR",
	  { .pc = 0x40000204,
	    .reg = 33,
	    .v0 = TRAP_LR_UNKNOWN,
	    .outcome = TRAP_OUT_EOI,
	    .by = TRAP_BY_KVM },
	  "0007 -- EOI      pc=0x40000204 intid=33 : eoi lr=? by=kvm" },
	/* hsr is not looked at for an event: EC stays "--". */
	{ "event ignores hsr",
	  { .hsr = 0x93020045, .pc = 4, .reg = 1023, .outcome = TRAP_OUT_IRQ },
	  "0007 -- IRQ      pc=0x00000004 intid=1023 : irq taken by=hyp" },
};

static void test_format_cases(void)
{
	char buf[256];

	for (size_t i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
		const struct format_case *c = &format_cases[i];
		int len = traplog_format(buf, sizeof(buf), 7, &c->r);

		check_str(buf, c->want, c->name);
		check_eq(len, strlen(c->want), "length returned");
	}
}

static void test_truncation(void)
{
	char small[16];
	int len = traplog_format(small, sizeof(small), 1, &doc_records[0]);

	check_eq(len, strlen(doc_lines[0]), "truncated: full length returned");
	check_eq(strlen(small), sizeof(small) - 1, "truncated: terminated in the buffer");
}

static void test_parse_round_trip(void)
{
	struct traplog_line l;
	char err[128] = "", buf[400];

	for (unsigned i = 0; i < 6; i++) {
		int rc = traplog_parse(doc_lines[i], &l, err, sizeof(err));
		check(rc == 0, "parse doc line %u (%s)", i + 1, err);
		snprintf(buf, sizeof(buf), "%04u 0x%02x %-8s pc=0x%08x %s : %s by=%s", l.seq, l.ec,
			 l.name, (unsigned)l.pc, l.syndrome, l.outcome, l.by);
		check_str(buf, doc_lines[i], "parsed fields rebuild the line");
	}
	check(traplog_parse("trap: 0004 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp\r\n",
			    &l, err, sizeof(err)) == 0 &&
		      l.seq == 4 && l.pc == 0x40000050,
	      "console prefix and CRLF accepted");
	check_str(l.by, "hyp", "by parsed");
	check_str(l.outcome, "wfx skipped", "outcome parsed");
}

static void expect_error(const char *line, const char *msg_part)
{
	struct traplog_line l;
	char err[128] = "";
	int rc = traplog_parse(line, &l, err, sizeof(err));

	check(rc == -1 && strstr(err, msg_part), "rejects '%s' with '%s' (got '%s')", line,
	      msg_part, err);
}

static void test_parse_errors(void)
{
	expect_error("# traplog 1 side=hyp guest=test", "comment");
	expect_error("1 0x24 DABT pc=0x40000000 x : y by=hyp", "sequence");
	expect_error("0001 24 DABT pc=0x40000000 x : y by=hyp", "bad EC");
	expect_error("0001 0x24 HVC      pc=0x40000000 x : y by=hyp", "EC 0x24 is DABT");
	expect_error("0001 0x24 DABT     pc=0x4000 x : y by=hyp", "bad pc");
	expect_error("0001 0x24 DABT     pc=0x40000000 isv=1 mmio by=hyp", "' : '");
	expect_error("0001 0x24 DABT     pc=0x40000000 isv=1 : mmio write", "' by='");
	expect_error("0001 0x24 DABT     pc=0x40000000 isv=1 : mmio by=xen", "by= must be");
	expect_error("0001 0x24 DABT     pc=0x40000000 isv=1 :  by=hyp", "outcome");
	expect_error("", "sequence");
}

static void test_header_footer(void)
{
	char side[8], guest[32], err[128] = "";
	unsigned traps = 0, dropped = 0;
	int status = -5;

	check(traplog_parse_header("# traplog 1 side=kvm guest=bad-nodev\n", side, sizeof(side),
				   guest, sizeof(guest), err, sizeof(err)) == 0,
	      "header parsed");
	check_str(side, "kvm", "header side");
	check_str(guest, "bad-nodev", "header guest");
	check(traplog_parse_header("# traplog 3 side=kvm guest=x", side, sizeof(side), guest,
				   sizeof(guest), err, sizeof(err)) == -1 &&
		      strstr(err, "version 3"),
	      "another version refused (%s)", err);
	check(traplog_parse_header("# traplog 0 side=kvm guest=x", side, sizeof(side), guest,
				   sizeof(guest), err, sizeof(err)) == -1 &&
		      strstr(err, "knows 1 to 2"),
	      "version 0 refused (%s)", err);
	check(traplog_parse_header("0001 0x01 WFX", side, sizeof(side), guest, sizeof(guest), err,
				   sizeof(err)) == -1 &&
		      strstr(err, "not a trap log"),
	      "no header refused (%s)", err);
	check(traplog_parse_footer("# end traps=12 dropped=3 status=126\n", &traps, &dropped,
				   &status, err, sizeof(err)) == 0 &&
		      traps == 12 && dropped == 3 && status == 126,
	      "footer parsed");
	check(traplog_parse_footer("# end traps=12 status=1", &traps, &dropped, &status, err,
				   sizeof(err)) == -1 &&
		      strstr(err, "dropped"),
	      "footer without dropped refused (%s)", err);
}

/* Version 2: docs/trap-log.md's interrupt event lines, as records. */
static const struct trap_record event_records[] = {
	{ .pc = 0x40000180, .reg = 27, .outcome = TRAP_OUT_IRQ },
	{ .pc = 0x40000180,
	  .reg = 27,
	  .v0 = 0,
	  .v1 = GICH_LR_HW | GICH_LR_PENDING | (0xa0u >> 3) << 23 | 27u << 10 | 27u,
	  .outcome = TRAP_OUT_VIRQ },
	{ .pc = 0x400001a4, .reg = 25, .v0 = 1, .v1 = 1, .outcome = TRAP_OUT_MAINT },
	{ .pc = 0x400001a4, .reg = 33, .v0 = 0, .outcome = TRAP_OUT_EOI },
	{ .pc = 0x40000180, .reg = TRAP_INTID_UNKNOWN, .outcome = TRAP_OUT_IRQ, .by = TRAP_BY_KVM },
	{ .reg = 27,
	  .v0 = TRAP_LR_UNKNOWN,
	  .v1 = GICH_LR_PENDING,
	  .outcome = TRAP_OUT_VIRQ,
	  .by = TRAP_BY_KVM,
	  .flags = TR_PC_UNKNOWN | TR_VAL_UNKNOWN },
};
static const unsigned event_seq[] = { 42, 43, 51, 52, 42, 43 };

/* Copied from docs/trap-log.md, section "Version 2: interrupts". */
static const char *const event_lines[] = {
	"0042 -- IRQ      pc=0x40000180 intid=27 : irq taken by=hyp",
	"0043 -- VIRQ     pc=0x40000180 intid=27 : virq lr=0 state=pending hw=1 pintid=27 "
	"prio=0xa0 by=hyp",
	"0051 -- MAINT    pc=0x400001a4 intid=25 : maint misr=0x00000001 eisr=0x00000001 by=hyp",
	"0052 -- EOI      pc=0x400001a4 intid=33 : eoi lr=0 by=hyp",
	"0042 -- IRQ      pc=0x40000180 intid=? : irq taken by=kvm",
	"0043 -- VIRQ     pc=? intid=27 : virq lr=? state=pending hw=? pintid=? prio=? by=kvm",
};

static void test_events(void)
{
	char buf[256];
	struct traplog_line l;
	char err[128] = "";

	for (unsigned i = 0; i < 6; i++) {
		int len = traplog_format(buf, sizeof(buf), event_seq[i], &event_records[i]);

		check_str(buf, event_lines[i], "doc event line");
		check_eq(len, strlen(event_lines[i]), "event length returned");
		check(traplog_parse(event_lines[i], &l, err, sizeof(err)) == 0,
		      "parse event %u (%s)", i + 1, err);
		check_eq(l.ec, TRAPLOG_EC_EVENT, "event EC");
		check_eq(l.seq, event_seq[i], "event seq");
	}
	check(traplog_is_event(TRAP_OUT_EOI) && !traplog_is_event(TRAP_OUT_INJECT),
	      "events are IRQ..EOI");
}

static void test_cpus(void)
{
	char buf[256], err[128] = "";
	struct traplog_head h;
	struct traplog_line l;
	struct trap_record wfi = { .hsr = 0x07e00000,
				   .pc = 0x40000050,
				   .outcome = TRAP_OUT_WFX,
				   .flags = TR_HSR,
				   .cpu = 3 };

	traplog_header_cpus(buf, sizeof(buf), "hyp", "smp", 4);
	check_str(buf, "# traplog 2 side=hyp guest=smp cpus=4", "header with cpus");
	traplog_header_cpus(buf, sizeof(buf), "hyp", "smp", 1);
	check_str(buf, "# traplog 2 side=hyp guest=smp", "one cpu: no cpus=");
	traplog_format_cpus(buf, sizeof(buf), 4, &wfi, 4);
	check_str(buf, "0004 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp cpu=3",
		  "line with cpu=");
	traplog_format_cpus(buf, sizeof(buf), 4, &wfi, 1);
	check_str(buf, doc_lines[3], "one cpu: no cpu=");

	check(traplog_parse("0004 0x01 WFX      pc=0x40000050 wfe=0 : wfx skipped by=hyp cpu=3", &l,
			    err, sizeof(err)) == 0 &&
		      l.cpu == 3,
	      "cpu= parsed (%s)", err);
	check_str(l.by, "hyp", "by before cpu=");
	check(traplog_parse(doc_lines[3], &l, err, sizeof(err)) == 0 && l.cpu == TRAPLOG_NO_CPU,
	      "no cpu=: TRAPLOG_NO_CPU");
	check(traplog_parse_head("# traplog 2 side=kvm guest=smp cpus=2\n", &h, err, sizeof(err)) ==
			      0 &&
		      h.cpus == 2 && h.version == 2,
	      "head: cpus=2 (%s)", err);
	check_str(h.guest, "smp", "guest before cpus=");
	check(traplog_parse_head("# traplog 1 side=kvm guest=test", &h, err, sizeof(err)) == 0 &&
		      h.cpus == 1 && h.version == 1,
	      "version 1 head: one cpu");
	check(traplog_parse_head("# traplog 1 side=kvm guest=smp cpus=2", &h, err, sizeof(err)) ==
			      -1 &&
		      strstr(err, "version 1"),
	      "cpus= in version 1 refused (%s)", err);
	check(traplog_parse_head("# traplog 2 side=kvm guest=smp cpus=1", &h, err, sizeof(err)) ==
			      -1 &&
		      strstr(err, "cpus="),
	      "cpus=1 refused (%s)", err);
	check(traplog_parse_head("# traplog 2 side=kvm guest=smp cpus=2x", &h, err, sizeof(err)) ==
		      -1,
	      "cpus=2x refused");
}

/*
 * traplog_tail0/1, the words a writer stores, against the fields: every
 * field at its largest value alone, so that a field in the wrong place or
 * too wide shows.
 */
static void test_tail_words(void)
{
	const struct {
		struct trap_record r;
		uint32_t tail0, tail1;
	} cases[] = {
		{ { .reg = 0xffff }, traplog_tail0(0xffff, 0, 0, 0), 0 },
		{ { .outcome = 31 }, traplog_tail0(0, 31, 0, 0), 0 },
		{ { .by = 7 }, traplog_tail0(0, 0, 7, 0), 0 },
		{ { .flags = 0xff }, traplog_tail0(0, 0, 0, 0xff), 0 },
		{ { .size = 0xff }, 0, traplog_tail1(0xff, 0, 0, 0) },
		{ { .srt = 0xff }, 0, traplog_tail1(0, 0xff, 0, 0) },
		{ { .srt2 = 0xff }, 0, traplog_tail1(0, 0, 0xff, 0) },
		{ { .cpu = 0xff }, 0, traplog_tail1(0, 0, 0, 0xff) },
		{ { .reg = 1,
		    .outcome = TRAP_OUT_MMIO,
		    .by = TRAP_BY_VMM,
		    .flags = TR_HSR | TR_WRITE,
		    .size = 4,
		    .srt = 3,
		    .cpu = 2 },
		  traplog_tail0(1, TRAP_OUT_MMIO, TRAP_BY_VMM, TR_HSR | TR_WRITE),
		  traplog_tail1(4, 3, 0, 2) },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t w[8];

		memcpy(w, &cases[i].r, sizeof(w));
		check_eq(w[6], cases[i].tail0, "tail0 as the fields lay it out");
		check_eq(w[7], cases[i].tail1, "tail1 as the fields lay it out");
	}
}

/*
 * TRAPLOG_WORDS_*: a kind's line reads no middle word outside its mask, so
 * that a writer may leave them as the slot had them (the bare
 * hypervisor's ring). Each kind's line with those words zero and garbage.
 */
static void test_unread_words(void)
{
	const struct {
		struct trap_record r;
		unsigned words;
	} cases[] = {
		{ { .hsr = 0x4a000000,
		    .pc = 0x40000040,
		    .v0 = 0x84000000,
		    .v1 = 0x00010001,
		    .outcome = TRAP_OUT_PSCI,
		    .flags = TR_HSR },
		  TRAPLOG_WORDS_HVC },
		{ { .hsr = 0x4a000000,
		    .pc = 0x40000040,
		    .v0 = 0x80000000,
		    .v1 = 0x00010001,
		    .outcome = TRAP_OUT_HVC,
		    .flags = TR_HSR },
		  TRAPLOG_WORDS_HVC },
		{ { .hsr = 0x4e000000,
		    .pc = 0x40000054,
		    .v1 = 0xffffffff,
		    .outcome = TRAP_OUT_SMC,
		    .flags = TR_HSR },
		  TRAPLOG_WORDS_SMC },
		{ { .hsr = 0x0fe204c1,
		    .pc = 0x40000048,
		    .v0 = 0x12345678,
		    .outcome = TRAP_OUT_CP15,
		    .flags = TR_HSR },
		  TRAPLOG_WORDS_CP32 },
		{ { .hsr = 0x0fe204c0,
		    .pc = 0x40000048,
		    .v0 = 0x12345678,
		    .outcome = TRAP_OUT_CP15,
		    .flags = TR_HSR | TR_WRITE },
		  TRAPLOG_WORDS_CP32 },
		{ { .hsr = 0x93830006,
		    .pc = 0x40000100,
		    .ipa = 0x09000018,
		    .v0 = 0x90,
		    .reg = BREG_UART_FR,
		    .outcome = TRAP_OUT_MMIO,
		    .flags = TR_HSR,
		    .size = 4,
		    .srt = 3,
		    .cpu = 1 },
		  TRAPLOG_WORDS_MMIO_ISV },
		{ { .hsr = 0x93830046,
		    .pc = 0x40000104,
		    .ipa = 0x09000f00,
		    .v0 = 7,
		    .reg = BREG_STATUS,
		    .outcome = TRAP_OUT_MMIO,
		    .flags = TR_HSR | TR_WRITE,
		    .size = 4,
		    .srt = 3,
		    .cpu = 1 },
		  TRAPLOG_WORDS_MMIO_ISV },
		{ { .pc = 0x40000200, .reg = 27, .outcome = TRAP_OUT_IRQ }, TRAPLOG_WORDS_EVENT },
		{ { .pc = 0x40000200,
		    .v0 = 0,
		    .v1 = 0x9a006c1b,
		    .reg = 27,
		    .outcome = TRAP_OUT_VIRQ },
		  TRAPLOG_WORDS_EVENT },
		{ { .pc = 0x40000200, .v0 = 1, .v1 = 2, .reg = 25, .outcome = TRAP_OUT_MAINT },
		  TRAPLOG_WORDS_EVENT },
		{ { .pc = 0x40000200, .v0 = 0, .reg = 27, .outcome = TRAP_OUT_EOI, .cpu = 1 },
		  TRAPLOG_WORDS_EVENT },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (unsigned cpus = 1; cpus <= 2; cpus++) {
			struct trap_record zero = cases[i].r, junk = cases[i].r;
			uint32_t w[8];
			char a[256], b[256];

			memcpy(w, &junk, sizeof(w));
			for (unsigned k = 2; k < 6; k++)
				if (!(cases[i].words & 1u << k))
					w[k] = 0xa5a5a5a5u;
			memcpy(&junk, w, sizeof(w));
			traplog_format_cpus(a, sizeof(a), 1, &zero, cpus);
			traplog_format_cpus(b, sizeof(b), 1, &junk, cpus);
			check_str(b, a, "a kind's line with its unread words garbage");
		}
	}
}

static void test_event_errors(void)
{
	expect_error("0001 -- FIQ      pc=0x40000000 intid=27 : irq taken by=hyp", "not IRQ");
	expect_error("0001 -- IRQ      pc=0x40000000 : irq taken by=hyp", "intid=");
	expect_error("0001 -- IRQ      pc=0x40000000 intid=1024 : irq taken by=hyp", "0..1023");
	expect_error("0001 -- IRQ      pc=0x40000000 intid=27 lr=0 : irq taken by=hyp", "alone");
	expect_error("0001 -- IRQ      pc=0x40000000 intid=27 : virq lr=0 by=hyp", "'irq '");
	expect_error("0001 -- EOI      pc=0x40000000 intid=27 : eoi lr=0 by=hyp cpu=x", "cpu=");
	expect_error("0001 -- EOI      pc=0x40000000 intid=27 : eoi lr=0 by=hyp cpu=1 x", "cpu=");
	expect_error("0001 - IRQ       pc=0x40000000 intid=27 : irq taken by=hyp", "bad EC");
}

int main(void)
{
	test_doc_example();
	test_format_cases();
	test_truncation();
	test_parse_round_trip();
	test_parse_errors();
	test_header_footer();
	test_events();
	test_unread_words();
	test_cpus();
	test_tail_words();
	test_event_errors();
	return unit_summary();
}
