/*
 * kvm trace events of both kernels (real lines from fixtures/, excerpts of
 * runs of one guest on Linux 5.4 armv7 and 6.1 arm64): the line parser and
 * the merge into the trap log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "board.h"
#include "hsr.h"
#include "trace_parse.h"
#include "trap_merge.h"
#include "unit.h"

static void parse_lines(void)
{
	struct kvm_event ev;

	check(trace_parse_line("# tracer: nop\n", &ev) == 0, "comment line ignored");
	check(trace_parse_line("            init-1       [000] d...     0.348062: "
			       "kvm_timer_update_irq: VCPU: 0, IRQ 27, level 0\n",
			       &ev) == 1 &&
		      ev.type == KEV_OTHER,
	      "timer event: other");
	check(trace_parse_line("            init-1       [000] ....     0.355311: kvm_exit: HVC: "
			       "HSR_EC: 0x0024 (DABT), PC: 0x4000000c\n",
			       &ev) == 1,
	      "5.4 kvm_exit");
	check(ev.type == KEV_EXIT && ev.trap && ev.ec == 0x24 && ev.pc == 0x4000000c &&
		      ev.pid == 1 && ev.ts_us == 355311,
	      "5.4 kvm_exit fields");
	trace_parse_line("            init-1       [000] .n..     0.350826: kvm_exit: IRQ: HSR_EC: "
			 "0x0000 (UNKNOWN), PC: 0x40000000\n",
			 &ev);
	check(ev.type == KEV_EXIT && !ev.trap, "5.4 IRQ exit is no trap");
	trace_parse_line(
		"            init-1       [000] .....     1.357049: kvm_exit: TRAP: HSR_EC: "
		"0x0013 (0x13), PC: 0x0000000040000044\n",
		&ev);
	check(ev.trap && ev.ec == 0x13 && ev.pc == 0x40000044, "6.1 kvm_exit, EC without name");
	trace_parse_line("            init-1       [000] ....     0.358876: kvm_guest_fault: ipa "
			 "0x9000000, hsr 0x93840005, hxfar 0x9000018, pc 0x4000002c\n",
			 &ev);
	check(ev.type == KEV_GUEST_FAULT && ev.hsr == 0x93840005 && ev.ipa == 0x9000000 &&
		      ev.pc == 0x4000002c,
	      "kvm_guest_fault");
	trace_parse_line("            init-1       [000] ....     0.358924: kvm_mmio: mmio "
			 "unsatisfied-read len 4 gpa 0x9000018 val 0x0\n",
			 &ev);
	check(ev.type == KEV_MMIO && ev.unsatisfied && !ev.write && ev.len == 4 &&
		      ev.gpa == 0x9000018,
	      "kvm_mmio unsatisfied-read");
	trace_parse_line("            init-1       [000] ....     0.360064: kvm_emulate_cp15_imp: "
			 "Implementation defined CP15: mrc\tp15, 0, r6, c1, c0, 1\n",
			 &ev);
	check(ev.type == KEV_CP15 && !ev.write && ev.opc1 == 0 && ev.rt == 6 && ev.crn == 1 &&
		      ev.crm == 0 && ev.opc2 == 1,
	      "5.4 kvm_emulate_cp15_imp");
	trace_parse_line("            init-1       [000] .....     1.356439: kvm_sys_access: PC: "
			 "40000040 UNKN (0,0,2,0,0) write\n",
			 &ev);
	check(ev.type == KEV_CP15 && ev.write && ev.crn == 2 && ev.rt == 0xff &&
		      ev.pc == 0x40000040,
	      "6.1 kvm_sys_access");
	trace_parse_line("            init-1       [000] ....     0.360867: kvm_hvc: HVC at "
			 "0x40000058 (r0: 0x84000000, imm: 0x0\n",
			 &ev);
	check(ev.type == KEV_HVC && ev.pc == 0x40000058 && ev.r0 == 0x84000000, "5.4 kvm_hvc");
	trace_parse_line("            init-1       [000] .....     1.358642: kvm_hvc_arm64: HVC at "
			 "0x0000000040000078 (r0: 0x0000000084000008, imm: 0x0)\n",
			 &ev);
	check(ev.type == KEV_HVC && ev.pc == 0x40000078 && ev.r0 == 0x84000008,
	      "6.1 kvm_hvc_arm64");
	trace_parse_line(
		"            init-1       [000] d....     1.3: kvm_wfx_arm64: guest executed "
		"wfi at: 0x0000000040000034\n",
		&ev);
	check(ev.type == KEV_WFX && !ev.wfe && ev.pc == 0x40000034, "6.1 kvm_wfx_arm64");
	trace_parse_line(
		"            init-1       [000] ....     0.3: kvm_wfx: guest executed wfe at: "
		"0x40000034\n",
		&ev);
	check(ev.type == KEV_WFX && ev.wfe, "5.x kvm_wfx (wfe)");
	trace_parse_line("            init-1       [000] .....     1.3: kvm_userspace_exit: reason "
			 "restart (4)\n",
			 &ev);
	check(ev.type == KEV_USERSPACE_EXIT && ev.restart, "userspace exit after EINTR");
	check(trace_parse_line("            init-1       [000] ....     0.3: kvm_exit: garbage\n",
			       &ev) == -1,
	      "malformed kvm_exit refused");
}

/*
 * The runner's own records for the sample guest, as run.c makes them;
 * no_pc: as with the kvm trace on, their pc left to the merge.
 */
static bool no_pc;

static void vmm_records(struct traps *t)
{
	static const struct {
		uint32_t pc, ipa, val;
		uint8_t size;
		bool write;
		uint16_t reg;
	} m[] = {
		{ 0x4000000c, 0x09000000, 0x48, 1, true, BREG_UART_DR },
		{ 0x40000014, 0x09000000, 0x69, 1, true, BREG_UART_DR },
		{ 0x4000001c, 0x09000000, 0x0a, 1, true, BREG_UART_DR },
		{ 0x40000028, 0x09000000, 0x12345678, 4, true, BREG_UART_DR },
		{ 0x4000002c, 0x09000018, 0x90, 4, false, BREG_UART_FR },
	};
	struct trap_record r;

	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		memset(&r, 0, sizeof(r));
		r.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT;
		r.pc = m[i].pc, r.ipa = m[i].ipa, r.v0 = m[i].val, r.size = m[i].size;
		r.flags = m[i].write ? TR_WRITE : 0;
		r.reg = m[i].reg, r.outcome = TRAP_OUT_MMIO, r.by = TRAP_BY_VMM;
		r.srt = r.srt2 = 0xff;
		if (no_pc)
			r.pc = 0, r.flags |= TR_PC_UNKNOWN;
		traps_add(t, &r);
	}
	memset(&r, 0, sizeof(r));
	r.hsr = (uint32_t)HSR_EC_HVC << HSR_EC_SHIFT, r.pc = 0x40000074, r.v0 = 0x84000008;
	r.flags = TR_HSR | TR_STOP, r.outcome = TRAP_OUT_PSCI, r.by = TRAP_BY_VMM;
	r.srt = r.srt2 = 0xff;
	if (no_pc)
		r.pc = 0, r.flags |= TR_PC_UNKNOWN;
	traps_add(t, &r);
}

/*
 * Merges a fixture; with lose_pc, the events of the trap at that pc (its
 * kvm_exit up to the next kvm_entry) are dropped, as a lost event would.
 */
static void merge_file(const char *path, const char *lose_pc, const char *const *want,
		       unsigned nwant)
{
	static const char restart[] = "            init-1       [000] .....     1.3: "
				      "kvm_userspace_exit: reason restart (4)\n";
	bool losing = false;
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_merge m;
	struct kvm_event ev;
	char line[512];
	FILE *f = fopen(path, "r");

	check(f != NULL, "open %s", path);
	if (!f)
		return;
	vmm_records(&vmm);
	merge_begin(&m, &out, &vmm, 0x1000000);
	while (fgets(line, sizeof(line), f)) {
		if (lose_pc && strstr(line, "kvm_exit") && strstr(line, lose_pc))
			losing = true;
		else if (strstr(line, "kvm_entry"))
			losing = false;
		if (!losing && trace_parse_line(line, &ev) == 1)
			merge_event(&m, &ev);
		/* as when the tick interrupts the next KVM_RUN before it enters */
		if (!losing && strstr(line, "kvm_userspace_exit") &&
		    trace_parse_line(restart, &ev) == 1)
			merge_event(&m, &ev);
	}
	fclose(f);
	merge_end(&m);
	check_eq(out.n, nwant, "merged trap count");
	for (unsigned i = 0; i < out.n && i < nwant; i++) {
		traplog_format(line, sizeof(line), i + 1, &out.rec[i]);
		check_str(line, want[i], path);
	}
	traps_free(&vmm);
	traps_free(&out);
}

static const char *want_61[] = {
	"0001 0x20 IABT     pc=0x40000000 ipa=0x40000000 : stage2 mapped by=kvm",
	"0002 0x24 DABT     pc=0x4000000c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000048 by=vmm",
	"0003 0x24 DABT     pc=0x40000014 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000069 by=vmm",
	"0004 0x24 DABT     pc=0x4000001c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x0000000a by=vmm",
	"0005 0x24 DABT     pc=0x40000028 isv=1 sas=w sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=4 val=0x12345678 by=vmm",
	"0006 0x24 DABT     pc=0x4000002c isv=1 sas=w sse=0 srt=r4 wnr=0 ipa=0x09000018 : mmio "
	"read uart.FR size=4 val=0x00000090 by=vmm",
	"0007 0x03 CP15     pc=0x40000030 dir=read opc1=0 crn=0 crm=1 opc2=0 rt=? reg=ID_PFR0 : "
	"cp15 read val=? by=kvm",
	"0008 0x03 CP15     pc=0x40000034 dir=read opc1=0 crn=1 crm=0 opc2=1 rt=? reg=ACTLR : cp15 "
	"read val=? by=kvm",
	"0009 0x03 CP15     pc=0x40000040 dir=write opc1=0 crn=2 crm=0 opc2=0 rt=? reg=TTBR0 : "
	"cp15 write val=? by=kvm",
	"0010 0x13 SMC      pc=0x40000044 imm=0x0000 : smc skipped ret=0xffffffff by=kvm",
	"0011 0x12 HVC      pc=0x40000054 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 ret=? "
	"by=kvm",
	"0012 0x12 HVC      pc=0x40000064 imm=0x0000 : hvc fn=0x8400ffff ret=? by=kvm",
	"0013 0x12 HVC      pc=0x40000074 imm=0x0000 : psci SYSTEM_OFF fn=0x84000008 status=0 "
	"by=vmm",
};

/* 5.4 does not trap ID_PFR0 and names Rt in its cp15 event. */
static const char *const want_54[] = {
	"0001 0x20 IABT     pc=0x40000000 ipa=0x40000000 : stage2 mapped by=kvm",
	"0002 0x24 DABT     pc=0x4000000c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000048 by=vmm",
	"0003 0x24 DABT     pc=0x40000014 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000069 by=vmm",
	"0004 0x24 DABT     pc=0x4000001c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x0000000a by=vmm",
	"0005 0x24 DABT     pc=0x40000028 isv=1 sas=w sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=4 val=0x12345678 by=vmm",
	"0006 0x24 DABT     pc=0x4000002c isv=1 sas=w sse=0 srt=r4 wnr=0 ipa=0x09000018 : mmio "
	"read uart.FR size=4 val=0x00000090 by=vmm",
	"0007 0x03 CP15     pc=0x40000034 dir=read opc1=0 crn=1 crm=0 opc2=1 rt=r6 reg=ACTLR : "
	"cp15 read val=? by=kvm",
	"0008 0x03 CP15     pc=0x40000040 dir=write opc1=0 crn=2 crm=0 opc2=0 rt=r0 reg=TTBR0 : "
	"cp15 write val=? by=kvm",
	"0009 0x13 SMC      pc=0x40000044 imm=0x0000 : smc skipped ret=0xffffffff by=kvm",
	"0010 0x12 HVC      pc=0x40000054 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 ret=? "
	"by=kvm",
	"0011 0x12 HVC      pc=0x40000064 imm=0x0000 : hvc fn=0x8400ffff ret=? by=kvm",
	"0012 0x12 HVC      pc=0x40000074 imm=0x0000 : psci SYSTEM_OFF fn=0x84000008 status=0 "
	"by=vmm",
};

/* CPU_OFF: KVM handles the HVC; the runner sees the vCPU stopped later. */
static void cpu_off(void)
{
	static const char *const lines[] = {
		"  kvm-runner-77 [000] ..... 0.1: kvm_exit: TRAP: HSR_EC: 0x0012 (0x12), PC: "
		"0x0000000040000018\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_hvc_arm64: HVC at 0x0000000040000018 (r0: "
		"0x0000000084000002, imm: 0x0)\n",
	};
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_record r = { .hsr = (uint32_t)HSR_EC_HVC << HSR_EC_SHIFT,
				 .pc = 0x40000014,
				 .v0 = 0x84000002,
				 .v1 = 7,
				 .flags = TR_STOP,
				 .outcome = TRAP_OUT_PSCI,
				 .by = TRAP_BY_VMM,
				 .srt = 0xff,
				 .srt2 = 0xff };
	struct trap_merge m;
	struct kvm_event ev;
	char line[256];

	traps_add(&vmm, &r);
	merge_begin(&m, &out, &vmm, 0x1000000);
	for (size_t i = 0; i < 2; i++)
		if (trace_parse_line(lines[i], &ev) == 1)
			merge_event(&m, &ev);
	merge_end(&m);
	check_eq(out.n, 1, "CPU_OFF: one line for KVM's HVC and the runner's stop");
	traplog_format(line, sizeof(line), 1, &out.rec[0]);
	check_str(line,
		  "0001 0x12 HVC      pc=0x40000014 imm=0x0000 : psci CPU_OFF fn=0x84000002 "
		  "status=7 by=vmm",
		  "CPU_OFF line");
	traps_free(&vmm);
	traps_free(&out);
}

/* An instruction fetch outside RAM: KVM reflects an abort, maps nothing. */
static void injected_abort(void)
{
	static const char *const lines[] = {
		"  kvm-runner-77 [000] ..... 0.1: kvm_exit: TRAP: HSR_EC: 0x0020 (IABT_LOW), PC: "
		"0x000000000000000c\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_guest_fault: ipa 0x0, hsr 0x82000006, hxfar "
		"0xc, pc 0x0000000000000c\n",
		"  kvm-runner-77 [000] d.... 0.1: kvm_entry: PC: 0x000000000000000c\n",
	};
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_merge m;
	struct kvm_event ev;

	merge_begin(&m, &out, &vmm, 0x1000000);
	for (size_t i = 0; i < 3; i++)
		if (trace_parse_line(lines[i], &ev) == 1)
			merge_event(&m, &ev);
	merge_end(&m);
	check(out.n == 0 && m.injected == 1, "IABT outside RAM: not \"stage2 mapped\", counted");
	traps_free(&out);
}

/*
 * --coalesce-console: a store KVM completed into the ring (no userspace
 * exit) takes the runner's next record, drained in the same order, and
 * gives it its pc and HSR; a lost one stays pc=? without shifting the next.
 */
static void coalesced(bool lose_first)
{
	static const char *const lines[] = {
		"  kvm-runner-77 [000] ..... 0.1: kvm_exit: TRAP: HSR_EC: 0x0024 (DABT_LOW), PC: "
		"0x0000000040000278\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_guest_fault: ipa 0x9000000, hsr 0x93020045, "
		"hxfar 0x9000000, pc 0x00000040000278\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_mmio: mmio write len 1 gpa 0x9000000 val "
		"0x48\n",
		"  kvm-runner-77 [000] d.... 0.1: kvm_entry: PC: 0x000000004000027c\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_exit: TRAP: HSR_EC: 0x0024 (DABT_LOW), PC: "
		"0x000000004000002c\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_guest_fault: ipa 0x9000018, hsr 0x93848006, "
		"hxfar 0x9000018, pc 0x0000004000002c\n",
		"  kvm-runner-77 [000] ..... 0.1: kvm_userspace_exit: reason KVM_EXIT_MMIO (6)\n",
		"  kvm-runner-77 [000] d.... 0.1: kvm_entry: PC: 0x000000004000002c\n",
	};
	struct trap_record ring = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT, .ipa = 0x09000000, .size = 1,
		.outcome = TRAP_OUT_MMIO, .reg = BREG_UART_DR, .v0 = 0x48, .by = TRAP_BY_KVM,
		.srt = 0xff, .srt2 = 0xff, .flags = TR_WRITE | TR_PC_UNKNOWN,
	}, fr = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT, .pc = 0x4000002c, .ipa = 0x09000018,
		.size = 4, .outcome = TRAP_OUT_MMIO, .reg = BREG_UART_FR, .v0 = 0x90,
		.by = TRAP_BY_VMM, .srt = 0xff, .srt2 = 0xff,
	};
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_merge m;
	struct kvm_event ev;
	char line[256];

	traps_add(&vmm, &ring);
	traps_add(&vmm, &fr);
	merge_begin(&m, &out, &vmm, 0x1000000);
	for (size_t i = lose_first ? 4 : 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (trace_parse_line(lines[i], &ev) == 1)
			merge_event(&m, &ev);
	merge_end(&m);
	check_eq(out.n, 2, "coalesced: two lines");
	traplog_format(line, sizeof(line), 1, &out.rec[0]);
	check_str(line,
		  lose_first ? "0001 0x24 DABT     pc=? isv=? sas=b sse=? srt=? wnr=1 "
			       "ipa=0x09000000 : mmio write uart.DR size=1 val=0x00000048 by=kvm"
			     : "0001 0x24 DABT     pc=0x40000278 isv=1 sas=b sse=0 srt=r2 wnr=1 "
			       "ipa=0x09000000 : mmio write uart.DR size=1 val=0x00000048 by=kvm",
		  lose_first ? "coalesced, trace lost: pc=?" : "coalesced: the trace's pc and HSR");
	traplog_format(line, sizeof(line), 2, &out.rec[1]);
	check(strstr(line, "pc=0x4000002c isv=1 sas=w") && strstr(line, "uart.FR") &&
		      strstr(line, "by=vmm"),
	      "coalesced: the FR read after it keeps its HSR (%s)", line);
	traps_free(&vmm);
	traps_free(&out);
}

/*
 * Two vCPUs' merged lists, each in its own order with trace times: one list
 * by time, a tie to the lower vCPU; each keeps its cpu; a merge tags its
 * output with its vCPU (trap_merge.cpu).
 */
static void interleave(void)
{
	static const uint64_t t0[] = { 10, 30, 30, 70 }, t1[] = { 5, 30, 40 };
	struct traps per[2] = { 0 }, out = { 0 };
	struct trap_merge m;
	struct traps vmm = { 0 }, mout = { 0 };
	struct trap_record r = { .hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT, .srt = 0xff };
	unsigned order_ok = 1;
	static const unsigned want_cpu[] = { 1, 0, 0, 0, 1, 1, 0 };

	for (unsigned i = 0; i < 4; i++) {
		r.pc = 0x1000 + i;
		r.cpu = 0;
		traps_add_ts(&per[0], &r, t0[i]);
	}
	for (unsigned i = 0; i < 3; i++) {
		r.pc = 0x2000 + i;
		r.cpu = 1;
		traps_add_ts(&per[1], &r, t1[i]);
	}
	traps_interleave(&out, per, 2);
	check_eq(out.n, 7, "interleave: every record once");
	for (unsigned i = 0; i < out.n && i < 7; i++)
		order_ok &= out.rec[i].cpu == want_cpu[i] && (i == 0 || out.ts[i - 1] <= out.ts[i]);
	check(order_ok, "interleave: by time, ties to vCPU 0, each vCPU in its own order");
	check(out.rec[1].pc == 0x1000 && out.rec[2].pc == 0x1001 && out.rec[3].pc == 0x1002 &&
		      out.rec[4].pc == 0x2001,
	      "interleave: vCPU 0's two records at t=30 before vCPU 1's");

	r.cpu = 0;
	r.flags = TR_STOP;
	traps_add(&vmm, &r);
	merge_begin(&m, &mout, &vmm, 16u << 20);
	m.cpu = 3;
	merge_end(&m);
	check(mout.n == 1 && mout.rec[0].cpu == 3, "a merge tags its records with its vCPU");
	traps_free(&per[0]);
	traps_free(&per[1]);
	traps_free(&out);
	traps_free(&vmm);
	traps_free(&mout);
}

int main(void)
{
	interleave();
	coalesced(false);
	coalesced(true);
	injected_abort();
	cpu_off();
	parse_lines();
	merge_file("tests/kvm/fixtures/linux-6.1-arm64-trace.txt", NULL, want_61,
		   sizeof(want_61) / sizeof(want_61[0]));
	merge_file("tests/kvm/fixtures/linux-5.4-armv7-trace.txt", NULL, want_54,
		   sizeof(want_54) / sizeof(want_54[0]));
	/* The runner's records without a pc (no ioctl per exit): the trace gives the same log. */
	no_pc = true;
	merge_file("tests/kvm/fixtures/linux-6.1-arm64-trace.txt", NULL, want_61,
		   sizeof(want_61) / sizeof(want_61[0]));
	merge_file("tests/kvm/fixtures/linux-5.4-armv7-trace.txt", NULL, want_54,
		   sizeof(want_54) / sizeof(want_54[0]));
	no_pc = false;
	/* One lost trap: its runner record goes out without HSR, the rest keep theirs. */
	want_61[4] = "0005 0x24 DABT     pc=0x40000028 isv=? sas=w sse=? srt=? wnr=1 "
		     "ipa=0x09000000 : mmio write uart.DR size=4 val=0x12345678 by=vmm";
	merge_file("tests/kvm/fixtures/linux-6.1-arm64-trace.txt", "PC: 0x0000000040000028",
		   want_61, sizeof(want_61) / sizeof(want_61[0]));
	return unit_summary();
}
