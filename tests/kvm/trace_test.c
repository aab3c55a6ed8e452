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
#include "kvm/fixture61.h"

static void parse_lines(void)
{
	struct kvm_event ev;

	check(trace_parse_line("# tracer: nop\n", &ev) == 0, "comment line ignored");
	check(trace_parse_line("            init-1       [000] d...     0.348062: "
			       "kvm_timer_update_irq: VCPU: 0, IRQ 27, level 0\n",
			       &ev) == 1 &&
		      ev.type == KEV_TIMER_IRQ && ev.intid == 27 && ev.level == 0,
	      "5.4 kvm_timer_update_irq");
	check(trace_parse_line("      kvm-runner-78      [000] d.h..     6.336730: "
			       "vgic_update_irq_pending: VCPU: 0, IRQ 27, level: 1\n",
			       &ev) == 1 &&
		      ev.type == KEV_VGIC_PENDING && ev.intid == 27 && ev.level == 1 &&
		      ev.pid == 78,
	      "6.1 vgic_update_irq_pending (no kvm_ prefix)");
	check(trace_parse_line("      kvm-runner-78      [000] .....     6.392825: kvm_irq_line: "
			       "Inject VGIC SPI interrupt (1), vcpu->idx: 0, num: 33, level: 1\n",
			       &ev) == 1 &&
		      ev.type == KEV_IRQ_LINE && ev.irq_type == 1 && ev.intid == 33 &&
		      ev.level == 1,
	      "6.1 kvm_irq_line, an SPI");
	check(trace_parse_line("      kvm-runner-79      [000] .....    10.851533: kvm_irq_line: "
			       "Inject CPU interrupt (0), vcpu->idx: 0, num: 0, level: 1\n",
			       &ev) == 1 &&
		      ev.type == KEV_IRQ_LINE && ev.irq_type == 0 && ev.level == 1,
	      "6.1 kvm_irq_line, the vCPU's line");
	check(trace_parse_line("      kvm-runner-78      [000] .....     6.1: kvm_irq_line: "
			       "Inject VGIC SPI interrupt, level: 1\n",
			       &ev) == -1,
	      "malformed kvm_irq_line refused");
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
	check(ev.type == KEV_EXIT && !ev.trap && ev.irq, "5.4 IRQ exit is no trap");
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
/*
 * Lines of these events are not merged, as when the runner leaves them off
 * (tracefs.c's list has neither kvm_entry nor kvm_userspace_exit) or its
 * filter does (kvm_mmio of an access KVM did not complete: outside the
 * vGIC's distributor, and but for keep_dr (coalescing) the UART's DR).
 */
static bool drop_events, keep_dr;

static bool dropped(const char *line)
{
	struct kvm_event ev;

	if (!drop_events)
		return false;
	if (strstr(line, " kvm_entry: ") || strstr(line, " kvm_userspace_exit: "))
		return true;
	if (!strstr(line, " kvm_mmio: ") || trace_parse_line(line, &ev) != 1)
		return false;
	if (ev.gpa >= 0x08000000 && ev.gpa < 0x08010000)
		return false;
	return !(keep_dr && ev.gpa == 0x09000000);
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
		if (!losing && !dropped(line) && trace_parse_line(line, &ev) == 1)
			merge_event(&m, &ev);
		/* as when the tick interrupts the next KVM_RUN before it enters */
		if (!losing && !dropped(line) && strstr(line, "kvm_userspace_exit") &&
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

/* 5.4 does not trap ID_PFR0 and names Rt in its cp15 event. */
static const char *const want_54[] = {
	/* a host interrupt at the guest's first instruction (the real 5.4 trace) */
	"0001 -- IRQ      pc=0x40000000 intid=? : irq taken by=kvm",
	"0002 0x20 IABT     pc=0x40000000 ipa=0x40000000 : stage2 mapped by=kvm",
	"0003 0x24 DABT     pc=0x4000000c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000048 by=vmm",
	"0004 0x24 DABT     pc=0x40000014 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x00000069 by=vmm",
	"0005 0x24 DABT     pc=0x4000001c isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=1 val=0x0000000a by=vmm",
	"0006 0x24 DABT     pc=0x40000028 isv=1 sas=w sse=0 srt=r2 wnr=1 ipa=0x09000000 : mmio "
	"write uart.DR size=4 val=0x12345678 by=vmm",
	"0007 0x24 DABT     pc=0x4000002c isv=1 sas=w sse=0 srt=r4 wnr=0 ipa=0x09000018 : mmio "
	"read uart.FR size=4 val=0x00000090 by=vmm",
	"0008 0x03 CP15     pc=0x40000034 dir=read opc1=0 crn=1 crm=0 opc2=1 rt=r6 reg=ACTLR : "
	"cp15 read val=? by=kvm",
	"0009 0x03 CP15     pc=0x40000040 dir=write opc1=0 crn=2 crm=0 opc2=0 rt=r0 reg=TTBR0 : "
	"cp15 write val=? by=kvm",
	"0010 0x13 SMC      pc=0x40000044 imm=0x0000 : smc skipped ret=0xffffffff by=kvm",
	"0011 0x12 HVC      pc=0x40000054 imm=0x0000 : psci PSCI_VERSION fn=0x84000000 ret=? "
	"by=kvm",
	"0012 0x12 HVC      pc=0x40000064 imm=0x0000 : hvc fn=0x8400ffff ret=? by=kvm",
	"0013 0x12 HVC      pc=0x40000074 imm=0x0000 : psci SYSTEM_OFF fn=0x84000008 status=0 "
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
		if (!dropped(lines[i]) && trace_parse_line(lines[i], &ev) == 1)
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

/* A runner record of an MMIO write, as run.c makes it. */
static void vmm_write(struct traps *t, uint32_t pc, uint32_t ipa, uint32_t val, uint16_t reg)
{
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.pc = pc,
		.ipa = ipa,
		.v0 = val,
		.size = 4,
		.flags = TR_WRITE,
		.reg = reg,
		.outcome = TRAP_OUT_MMIO,
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
	};

	traps_add(t, &r);
}

static void merge_fixture(const char *path, struct traps *vmm, struct traps *out, bool irqs)
{
	struct trap_merge m;
	struct kvm_event ev;
	char line[512];
	FILE *f = fopen(path, "r");

	check(f != NULL, "open %s", path);
	if (!f)
		return;
	merge_begin(&m, out, vmm, 0x1000000);
	m.irq_events = irqs; /* as once the writer has version 2 */
	while (fgets(line, sizeof(line), f))
		if (!dropped(line) && trace_parse_line(line, &ev) == 1)
			merge_event(&m, &ev);
	fclose(f);
	merge_end(&m);
	check(m.unmatched == 0 && m.untraced == 0, "every runner record has its trap");
}

/* The record at i: its outcome, INTID/register and pc (~0u: pc=?). */
static bool rec_is(const struct traps *t, unsigned i, uint8_t outcome, unsigned reg, uint32_t pc)
{
	const struct trap_record *r = i < t->n ? &t->rec[i] : NULL;

	if (!r || r->outcome != outcome || r->reg != reg)
		return false;
	if (pc == ~0u)
		return (r->flags & TR_PC_UNKNOWN) != 0;
	return r->pc == pc && !(r->flags & TR_PC_UNKNOWN);
}

/*
 * KVM's vGIC in the arm64 test bed (tests/kvm/irqchip-guest.S, excerpts):
 * IRQ exits, the distributor writes KVM completed itself (mmio by=kvm),
 * the timer's level rising (VIRQ 27) during the guest, the UART's SPI by
 * KVM_IRQ_LINE while the runner handled an IMSC write (VIRQ 33 after that
 * trap's line), and the levels falling (EOI). Repeated levels give no line.
 */
static void merge_vgic(void)
{
	struct traps vmm = { 0 }, out = { 0 };
	const struct trap_record *r;

	vmm_write(&vmm, 0x40000090, 0x09000038, 0x20, BREG_UART_IMSC);
	vmm_write(&vmm, 0x400001a8, 0x09000038, 0, BREG_UART_IMSC);
	vmm_write(&vmm, 0x400001b0, 0x09000044, 0x20, BREG_UART_ICR);
	merge_fixture("tests/kvm/fixtures/linux-6.1-arm64-vgic-trace.txt", &vmm, &out, true);
	check_eq(out.n, 13, "records: 2 IRQ exits, 4 kernel MMIO, 2 VIRQ, 2 EOI, 3 runner's");
	check(rec_is(&out, 0, TRAP_OUT_IRQ, TRAP_INTID_UNKNOWN, 0x4000002c), "IRQ exit at 0x2c");
	r = &out.rec[1];
	check(rec_is(&out, 1, TRAP_OUT_MMIO, BREG_GICD, 0x40000034) && r->by == TRAP_BY_KVM &&
		      r->ipa == 0x08000000 && r->v0 == 1 && r->size == 4 && (r->flags & TR_WRITE) &&
		      (r->flags & TR_HSR) && r->hsr == 0x93800047,
	      "GICD_CTLR write KVM completed: mmio gic.dist by=kvm with the trace's HSR");
	check(rec_is(&out, 2, TRAP_OUT_MMIO, BREG_GICD, 0x4000003c) &&
		      out.rec[2].ipa == 0x08000100 && out.rec[2].v0 == 0x08000000,
	      "GICD_ISENABLER0: the exact address, not the fault's page");
	check(rec_is(&out, 4, TRAP_OUT_MMIO, BREG_GICD, 0x4000004c) && out.rec[4].size == 1 &&
		      out.rec[4].ipa == 0x08000821,
	      "GICD_ITARGETSR byte store");
	r = &out.rec[5];
	check(rec_is(&out, 5, TRAP_OUT_VIRQ, 27, ~0u) && r->v0 == TRAP_LR_UNKNOWN &&
		      r->v1 == GICH_LR_PENDING && (r->flags & TR_VAL_UNKNOWN) &&
		      r->by == TRAP_BY_KVM,
	      "the timer's level rises: VIRQ 27, pending, LR unknown");
	check(rec_is(&out, 6, TRAP_OUT_IRQ, TRAP_INTID_UNKNOWN, 0x40000120), "IRQ exit at 0x120");
	check(rec_is(&out, 7, TRAP_OUT_MMIO, BREG_UART_IMSC, 0x40000090) &&
		      out.rec[7].by == TRAP_BY_VMM && out.rec[7].hsr == 0x93800046,
	      "IMSC write: the runner's record with KVM's HSR");
	check(rec_is(&out, 8, TRAP_OUT_VIRQ, 33, ~0u), "SPI 33 raised by KVM_IRQ_LINE: after it");
	check(rec_is(&out, 9, TRAP_OUT_EOI, 27, ~0u), "the timer's level falls: EOI 27");
	check(rec_is(&out, 10, TRAP_OUT_MMIO, BREG_UART_IMSC, 0x400001a8), "IMSC 0");
	check(rec_is(&out, 11, TRAP_OUT_EOI, 33, ~0u), "SPI 33 lowered: EOI 33");
	check(rec_is(&out, 12, TRAP_OUT_MMIO, BREG_UART_ICR, 0x400001b0), "ICR");
	traps_free(&out);
	/* Version 1 logs: the same without the interrupt lines. */
	merge_fixture("tests/kvm/fixtures/linux-6.1-arm64-vgic-trace.txt", &vmm, &out, false);
	check_eq(out.n, 7, "version 1: 4 kernel MMIO, 3 runner's");
	check(rec_is(&out, 0, TRAP_OUT_MMIO, BREG_GICD, 0x40000034), "version 1: no IRQ line");
	traps_free(&vmm);
	traps_free(&out);
}

/*
 * --irqchip=user in the test bed (test.S's WFI): the timer's level rises
 * while the vCPU sleeps in WFI, the runner forwards it (kvm_irq_line of
 * the vCPU's own line: no line of its own), then it falls.
 */
static void merge_user_irq(void)
{
	struct traps vmm = { 0 }, out = { 0 };

	vmm_write(&vmm, 0x40000278, 0x09000000, 0x50, BREG_UART_DR);
	merge_fixture("tests/kvm/fixtures/linux-6.1-arm64-userirq-trace.txt", &vmm, &out, true);
	check_eq(out.n, 4, "records: WFX, VIRQ, EOI, the runner's");
	check(rec_is(&out, 0, TRAP_OUT_WFX, 0, 0x40000194) && (out.rec[0].flags & TR_SLEPT),
	      "WFI slept");
	check(rec_is(&out, 1, TRAP_OUT_VIRQ, 27, ~0u), "VIRQ 27 after the WFI's line");
	check(rec_is(&out, 2, TRAP_OUT_EOI, 27, ~0u), "EOI 27 once the guest turned it off");
	check(rec_is(&out, 3, TRAP_OUT_MMIO, BREG_UART_DR, 0x40000278), "the UART write");
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
		if (!dropped(lines[i]) && trace_parse_line(lines[i], &ev) == 1)
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
		if (!dropped(lines[i]) && trace_parse_line(lines[i], &ev) == 1)
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

/* A coalesced console write as run.c records it: value only, pc=?. */
static void vmm_coalesced(struct traps *t, uint32_t val)
{
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.ipa = 0x09000000,
		.size = 1,
		.outcome = TRAP_OUT_MMIO,
		.reg = BREG_UART_DR,
		.v0 = val,
		.by = TRAP_BY_KVM,
		.srt = 0xff,
		.srt2 = 0xff,
		.flags = TR_WRITE | TR_PC_UNKNOWN,
	};

	traps_add(t, &r);
}

/*
 * --coalesce-console around test.S's STM to DR and RSR (ISV=0: the
 * runner's NISV exit, two lines), the real trace of a failing run: an IRQ
 * exit right after the NISV exit. The RSR word must stay with its STM
 * (the old merge looked for it after the IRQ line, found none, and left
 * every later record unpaired, pc=?). lose: the trace lines of one trap
 * dropped, as a lost event would: the merge picks up at the next write.
 */
static void coalesced_nisv(const char *lose, unsigned want_untraced)
{
	static const char *const want[] = {
		"0001 0x24 DABT     pc=0x40000278 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : "
		"mmio write uart.DR size=1 val=0x0000006e by=kvm",
		"0002 0x24 DABT     pc=0x40000278 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : "
		"mmio write uart.DR size=1 val=0x00000065 by=kvm",
		"0003 0x24 DABT     pc=0x4000005c isv=0 sas=w sse=0 srt=r5 wnr=1 ipa=0x09000000 "
		"insn=0xe8870060 : mmio write uart.DR size=4 val=0x0000000a by=vmm",
		"0004 0x24 DABT     pc=0x4000005c isv=0 sas=w sse=0 srt=r6 wnr=1 ipa=0x09000004 "
		"insn=0xe8870060 : mmio write uart.RSR size=4 val=0x00000000 by=vmm",
		"0005 -- IRQ      pc=0x40000060 intid=? : irq taken by=kvm",
		"0006 0x24 DABT     pc=0x40000278 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : "
		"mmio write uart.DR size=1 val=0x00000050 by=kvm",
		"0007 0x24 DABT     pc=0x40000278 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : "
		"mmio write uart.DR size=1 val=0x00000041 by=kvm",
	};
	struct trap_record stm = {
		.hsr = 0x92000046,
		.pc = 0x4000005c,
		.ipa = 0x09000000,
		.insn = 0xe8870060,
		.v0 = '\n',
		.size = 4,
		.reg = BREG_UART_DR,
		.outcome = TRAP_OUT_MMIO,
		.by = TRAP_BY_VMM,
		.flags = TR_HSR | TR_INSN | TR_WRITE,
		.srt = 5,
		.srt2 = 0xff,
	};
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_merge m;
	struct kvm_event ev;
	char line[512];
	char got[7][512];
	unsigned pc_unknown = 0, same = 0;
	FILE *f = fopen("tests/kvm/fixtures/linux-6.1-arm64-coalesce-irq-trace.txt", "r");

	check(f != NULL, "open the coalesce-irq fixture");
	if (!f)
		return;
	vmm_coalesced(&vmm, 0x6e);
	vmm_coalesced(&vmm, 0x65);
	traps_add(&vmm, &stm);
	stm.ipa = 0x09000004, stm.v0 = 0, stm.reg = BREG_UART_RSR, stm.srt = 6;
	traps_add(&vmm, &stm);
	vmm_coalesced(&vmm, 0x50);
	vmm_coalesced(&vmm, 0x41);
	merge_begin(&m, &out, &vmm, 0x1000000);
	m.irq_events = true;
	while (fgets(line, sizeof(line), f))
		if ((!lose || !strstr(line, lose)) && trace_parse_line(line, &ev) == 1)
			merge_event(&m, &ev);
	fclose(f);
	merge_end(&m);
	check(out.n == 7, "coalesced + NISV + IRQ (lose %s): every record once (%u lines)",
	      lose ? lose : "none", out.n);
	for (unsigned i = 0; i < out.n && i < 7; i++) {
		traplog_format(got[i], sizeof(got[i]), i + 1, &out.rec[i]);
		pc_unknown += strstr(got[i], "pc=?") != NULL;
		if (!lose)
			check_str(got[i], want[i], "coalesced + NISV + IRQ");
	}
	for (unsigned i = 0; i < 7; i++) /* each line found, wherever (past its number) */
		for (unsigned j = 0; j < out.n && j < 7; j++)
			if (strcmp(got[j] + 5, want[i] + 5) == 0) {
				same++;
				break;
			}
	check(m.unmatched == 0 && m.untraced == want_untraced,
	      "coalesced + NISV + IRQ (lose %s): %u traced without record, %u records untraced",
	      lose ? lose : "none", m.unmatched, m.untraced);
	if (lose) /* a lost trap costs its own line its detail, no more */
		check(pc_unknown <= 1 && same + pc_unknown == 7,
		      "lose %s: %u pc=? lines, %u lines as without loss", lose, pc_unknown, same);
	traps_free(&vmm);
	traps_free(&out);
}

/*
 * --coalesce-console with the ring full (a real run's trace): KVM leaves
 * the write of 'r' to the runner (an MMIO exit, by=vmm), though kvm_mmio
 * fires for it as for the coalesced ones. It takes the runner's record of
 * it, not the next coalesced 'r' seven records on.
 */
static void coalesced_full(void)
{
	static const char text[] = "turns, virtual";
	struct trap_record user = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.ipa = 0x09000000,
		.size = 1,
		.outcome = TRAP_OUT_MMIO,
		.reg = BREG_UART_DR,
		.v0 = 'r',
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
		.flags = TR_WRITE | TR_PC_UNKNOWN,
	};
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_merge m;
	struct kvm_event ev;
	char line[512];
	unsigned ok = 0;
	FILE *f = fopen("tests/kvm/fixtures/linux-6.1-arm64-coalesce-full-trace.txt", "r");

	check(f != NULL, "open the coalesce-full fixture");
	if (!f)
		return;
	for (unsigned i = 0; text[i]; i++)
		if (i == 2)
			traps_add(&vmm, &user);
		else
			vmm_coalesced(&vmm, (uint8_t)text[i]);
	merge_begin(&m, &out, &vmm, 0x1000000);
	m.irq_events = true;
	while (fgets(line, sizeof(line), f))
		if (trace_parse_line(line, &ev) == 1)
			merge_event(&m, &ev);
	fclose(f);
	merge_end(&m);
	for (unsigned i = 0; i < out.n && i < sizeof(text) - 1; i++) {
		const struct trap_record *r = &out.rec[i];

		ok += r->pc == 0x40000278 && !(r->flags & TR_PC_UNKNOWN) && (r->flags & TR_HSR) &&
			r->v0 == (uint8_t)text[i] && r->by == (i == 2 ? TRAP_BY_VMM : TRAP_BY_KVM);
	}
	check(out.n == sizeof(text) - 1 && ok == out.n && m.unmatched == 0 && m.untraced == 0,
	      "coalesced, ring full: %u lines, %u with the trace's pc in order, the runner's 'r' "
	      "by=vmm; %u/%u disagreements",
	      out.n, ok, m.unmatched, m.untraced);
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

/* What the ring lost: the trace file's own lines and a CPU's stats (6.1's text). */
static void losses(void)
{
	unsigned in_buf = 7;

	check(trace_line_lost("CPU:0 [LOST 1234 EVENTS]\n", &in_buf) == 1234 && in_buf == 7,
	      "a LOST line counts its events");
	check(trace_line_lost("# entries-in-buffer/entries-written: 21050/30000   #P:1\n",
			      &in_buf) == 8950 &&
		      in_buf == 21050,
	      "the header: written less in buffer, overwritten");
	check(trace_line_lost("# entries-in-buffer/entries-written: 140/140   #P:1\n", &in_buf) ==
			      0 &&
		      in_buf == 140,
	      "the header of a complete trace");
	check(trace_line_lost("  kvm-runner-78 [000] ..... 6.3: kvm_exit: TRAP: ...\n", &in_buf) ==
		      0,
	      "an event line loses nothing");
	check(trace_stats_lost("entries: 21050\noverrun: 8950\ncommit overrun: 0\nbytes: 4186112\n"
			       "oldest event ts:     6.301522\nnow ts:     9.861033\n"
			       "dropped events: 0\nread events: 0\n") == 8950,
	      "stats: the overrun");
	check(trace_stats_lost("entries: 9\noverrun: 0\ncommit overrun: 2\nbytes: 1\n"
			       "dropped events: 5\nread events: 0\n") == 7,
	      "stats: commit overrun and dropped events (overwrite off) add up");
	check(trace_stats_lost("entries: 140\noverrun: 0\ncommit overrun: 0\n") == 0,
	      "stats of a complete ring: 0");
	check(trace_stats_lost("no such file\n") == -1, "stats without an overrun line: -1");
	check(trace_stats_entries("entries: 21050\noverrun: 8950\nread events: 3\n") == 21050,
	      "stats: the events in the ring");
	check(trace_stats_entries("overrun: 0\nread events: 3\n") == -1,
	      "stats without an entries line: -1");
}

/* kvm_mmio's filter: only what KVM completes itself reaches the ring. */
static void mmio_filter(void)
{
	char f[96];

	check(trace_mmio_filter(f, sizeof(f), true, false), "vGIC: kvm_mmio on");
	check_str(f, "(gpa >= 0x8000000 && gpa < 0x8010000)", "vGIC: the distributor only");
	check(trace_mmio_filter(f, sizeof(f), true, true), "vGIC and coalescing");
	check_str(f, "(gpa >= 0x8000000 && gpa < 0x8010000) || gpa == 0x9000000",
		  "and the UART's DR");
	check(trace_mmio_filter(f, sizeof(f), false, true), "coalescing alone");
	check_str(f, "gpa == 0x9000000", "the DR alone");
	check(!trace_mmio_filter(f, sizeof(f), false, false),
	      "--irqchip=user, no coalescing: every MMIO is the runner's, kvm_mmio off");
}

int main(void)
{
	mmio_filter();
	losses();
	interleave();
	coalesced(false);
	coalesced(true);
	injected_abort();
	cpu_off();
	merge_vgic();
	merge_user_irq();
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
	/*
	 * kvm_entry and kvm_userspace_exit off and kvm_mmio filtered, as the
	 * runner traces (each event costs about 750 instructions): the next
	 * kvm_exit or the end closes a trap, and a runner record of its page
	 * or function says it went to userspace. The same log.
	 */
	drop_events = true;
	merge_file("tests/kvm/fixtures/linux-6.1-arm64-trace.txt", NULL, want_61,
		   sizeof(want_61) / sizeof(want_61[0]));
	merge_file("tests/kvm/fixtures/linux-5.4-armv7-trace.txt", NULL, want_54,
		   sizeof(want_54) / sizeof(want_54[0]));
	merge_vgic();
	merge_user_irq();
	cpu_off();
	injected_abort();
	keep_dr = true; /* --coalesce-console: the filter keeps the DR */
	coalesced(false);
	coalesced(true);
	coalesced_full();
	coalesced_nisv(NULL, 0);
	coalesced_nisv("4000005c", 1); /* the NISV exit's events lost: its two words untraced */
	coalesced_nisv("6.7205", 1);   /* 'P' lost: its record alone pc=?, 'A' paired by value */
	drop_events = keep_dr = false;
	no_pc = false;
	/* One lost trap: its runner record goes out without HSR, the rest keep theirs. */
	want_61[4] = "0005 0x24 DABT     pc=0x40000028 isv=? sas=w sse=? srt=? wnr=1 "
		     "ipa=0x09000000 : mmio write uart.DR size=4 val=0x12345678 by=vmm";
	merge_file("tests/kvm/fixtures/linux-6.1-arm64-trace.txt", "PC: 0x0000000040000028",
		   want_61, sizeof(want_61) / sizeof(want_61[0]));
	return unit_summary();
}
