/*
 * The 6.1 fixture (fixtures/linux-6.1-arm64-trace.txt): the runner's own
 * records of that run, and the trap log the merge makes of both. Shared
 * by the trace-text tests (trace_test.c) and the eBPF ones (bpf_test.c).
 */
#ifndef TESTS_KVM_FIXTURE61_H
#define TESTS_KVM_FIXTURE61_H

#include <stdbool.h>
#include <string.h>
#include "board.h"
#include "hsr.h"
#include "traps.h"

/* The runner's records of the run; no_pc: without a pc, as with the kvm events on. */
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

#endif
