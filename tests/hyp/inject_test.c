/*
 * Host unit tests: the guest state of an injected exception
 * (baremetal-hyp/inject.c), against ARM DDI 0406C B1.9 and Linux 5.6's
 * prepare_fault32/get_except32_cpsr/inject_abt32.
 */
#include "../unit.h"
#include "inject.h"
#include "sysregs.h"

/* clang-format off */
#define PC	0x40001000u
#define SVC_FLAGS	0x600001d3u	/* Z C, A I F masked, SVC, ARM */
/* clang-format on */

int main(void)
{
	struct guest_pl1 low = { .sctlr = 0x00c50078, .vbar = 0x40000000, .ttbcr = 0 };
	struct guest_pl1 s;
	struct injection j;

	inject_plan(TRAP_INJ_DABT, PC, SVC_FLAGS, &low, 0x20000000, &j);
	check_eq(j.mode, PSR_MODE_ABT, "dabt: to ABT mode");
	check_eq(j.pc, 0x40000010, "dabt: VBAR + 0x10");
	check_eq(j.lr, PC + 8, "dabt: LR_abt = PC + 8");
	check_eq(j.spsr, SVC_FLAGS, "dabt: SPSR_abt = the CPSR it interrupted");
	check_eq(j.cpsr, 0x600001d7, "dabt: ABT, A I masked, F and flags kept, ARM");
	check_eq(j.far, 0x20000000, "dabt: DFAR = the address");
	check_eq(j.fsr, 0x08, "dabt: DFSR 0x08, synchronous external abort, short descriptors");

	s = low;
	s.ttbcr = 0x80000000;
	inject_plan(TRAP_INJ_DABT, PC, SVC_FLAGS, &s, 0x20000000, &j);
	check_eq(j.fsr, 0x210, "dabt: DFSR 0x210 with TTBCR.EAE (LPAE format bit 9, status 0x10)");

	inject_plan(TRAP_INJ_PABT, 0x20000000, 0x13, &low, 0x20000000, &j);
	check_eq(j.pc, 0x4000000c, "pabt: VBAR + 0x0c");
	check_eq(j.lr, 0x20000004, "pabt: LR_abt = PC + 4");
	check_eq(j.cpsr, 0x197, "pabt: A and I set where they were clear; F stays clear");
	check_eq(j.far, 0x20000000, "pabt: IFAR");

	inject_plan(TRAP_INJ_UNDEF, PC, 0x13, &low, 0xdead, &j);
	check_eq(j.mode, PSR_MODE_UND, "undef: to UND mode");
	check_eq(j.pc, 0x40000004, "undef: VBAR + 4");
	check_eq(j.lr, PC + 4, "undef, ARM: LR_und = PC + 4");
	check_eq(j.cpsr, 0x9b, "undef: I set, A unchanged (clear)");
	check_eq(j.far | j.fsr, 0, "undef: no fault address or status");

	/* Thumb, in an IT block (IT bits 0x0600fc00 region), big-endian handlers in Thumb. */
	s = low;
	s.sctlr |= SCTLR_V | SCTLR_TE | SCTLR_EE;
	inject_plan(TRAP_INJ_UNDEF, PC, 0x0600fc33, &s, 0, &j);
	check_eq(j.pc, 0xffff0004, "SCTLR.V: high vectors");
	check_eq(j.lr, PC + 2, "undef, Thumb: LR_und = PC + 2 (table B1-7, as KVM)");
	check_eq(j.cpsr, 0x2bb, "TE: handler in Thumb; EE: CPSR.E; IT bits cleared");
	check_eq(j.spsr, 0x0600fc33, "SPSR keeps the IT state");
	inject_plan(TRAP_INJ_DABT, PC, 0x0600fc33, &s, 4, &j);
	check_eq(j.lr, PC + 8, "dabt, Thumb: LR_abt = PC + 8 too");
	check_eq(j.pc, 0xffff0010, "dabt: high vector");
	return unit_summary();
}
