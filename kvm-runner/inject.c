/*
 * Exceptions given to the guest instead of ending its run: a data abort at
 * the guest's own vectors for an access where the board has nothing (an
 * MMIO exit no device claims, an ISV=0 access outside the board), as KVM's
 * kvm_inject_dabt() gives one for an access outside every memslot and
 * device it knows.
 *
 * Two ways, by what the host has (docs/kvm-runner.md, "Injection"):
 * - KVM_CAP_ARM_INJECT_EXT_DABT (Linux >= 5.5, arm64 6.1 here):
 *   KVM_SET_VCPU_EVENTS with ext_dabt_pending; KVM calls kvm_inject_dabt()
 *   with the exit's HxFAR, for an AArch32 guest inject_abt32(): DFSR an
 *   external abort, DFAR, then the ABT-mode entry at the next KVM_RUN.
 * - Without it (Linux 5.4, the 32-bit reference host): the runner does
 *   what inject_abt32()/prepare_fault32() do, through KVM_SET_ONE_REG:
 *   LR_abt = pc + 8, SPSR_abt = CPSR, CPSR = ABT with A and I masked (T
 *   from SCTLR.TE, E from SCTLR.EE), DFSR, DFAR = the IPA (the guest's VA
 *   with its MMU off; KVM would give the VA from HDFAR, which userspace
 *   cannot read), PC = VBAR + 0x10, or 0xffff0010 with SCTLR.V.
 * Either way kvm_run.exit_reason is cleared before the next KVM_RUN, so
 * KVM does not complete the MMIO access (kvm_handle_mmio_return() would
 * write a load's register and step the pc past the faulting instruction).
 */
#include <errno.h>
#include <string.h>
#include "arch.h"
#include "err.h"
#include "hsr.h"
#include "ioctl_trace.h"
#include "cpsr.h"
#include "run.h"


/* clang-format off */
#define SCTLR_M		(1u << 0)	/* stage-1 MMU on: the PC is a VA */
#define SCTLR_V		(1u << 13)	/* high vectors at 0xffff0000 */
#define SCTLR_EE	(1u << 25)	/* exceptions taken big-endian */
#define SCTLR_TE	(1u << 30)	/* exceptions taken in Thumb */
#define TTBCR_EAE	(1u << 31)	/* long descriptors: the LPAE DFSR format */
/* clang-format on */

/* clang-format off */
#define VECTOR_DABT	0x10u
#define DABT_LR_OFFSET	8u		/* ARM and Thumb alike (ARM DDI 0406C B1.8.3) */
#define DFSR_LPAE	(1u << 9)
#define DFSR_EXTABT_LPAE 0x10u		/* synchronous external abort, LPAE format */
#define DFSR_EXTABT	0x08u		/* the same, short-descriptor format */
/* clang-format on */

/* Stop after this many injections at one pc and IPA in a row: no progress. */
#define STUCK_REPEATS 32

/* The new CPSR of an abort taken from cpsr (KVM's get_except32_cpsr()). */
static uint32_t abt_cpsr(uint32_t cpsr, uint32_t sctlr)
{
	uint32_t n = cpsr & ~(PSR_MODE_MASK | PSR_T | PSR_E | PSR_IT_MASK | PSR_J);

	n |= PSR_MODE_ABT | PSR_A | PSR_I; /* F is left as it was */
	if (sctlr & SCTLR_TE)
		n |= PSR_T;
	if (sctlr & SCTLR_EE)
		n |= PSR_E;
	return n;
}

static uint32_t dabt_vector(uint32_t sctlr, uint32_t vbar)
{
	return (sctlr & SCTLR_V ? 0xffff0000u : vbar) + VECTOR_DABT;
}

/* The 5.4 way: the exception entry written register by register. */
static int enter_abort(struct vm *vm, const struct arch_abt_regs *id, uint32_t pc, uint32_t cpsr,
		       uint32_t sctlr, uint32_t vbar, uint32_t far)
{
	uint64_t ttbcr, old_far;
	uint32_t fsr;

	if (vcpu_get_reg(vm, id->ttbcr, &ttbcr) < 0 || vcpu_get_reg(vm, id->dfar, &old_far) < 0)
		return -1;
	fsr = (uint32_t)ttbcr & TTBCR_EAE ? DFSR_LPAE | DFSR_EXTABT_LPAE : DFSR_EXTABT;
	/* arm64's FAR_EL1 holds IFAR in its high half: keep it */
	if (vcpu_set_reg(vm, id->dfar, (old_far & ~0xffffffffull) | far) < 0 ||
	    vcpu_set_reg(vm, id->dfsr, fsr) < 0 || vcpu_set_reg(vm, id->spsr_abt, cpsr) < 0 ||
	    vcpu_set_reg(vm, arch_reg_cpsr(), abt_cpsr(cpsr, sctlr)) < 0 ||
	    vcpu_set_reg(vm, id->lr_abt, pc + DABT_LR_OFFSET) < 0 ||
	    vcpu_set_reg(vm, arch_reg_pc(), dabt_vector(sctlr, vbar)) < 0)
		return -1;
	return 0;
}

static int pend_ext_dabt(struct vm *vm)
{
	struct kvm_vcpu_events ev = { .exception = { .ext_dabt_pending = 1 } };

	return kvm_ioctl(vm->vcpu_fd, KVM_SET_VCPU_EVENTS, &ev);
}

/* The same fault again with nothing in between: count it; true when stuck. */
static bool no_progress(struct run_state *rs, uint32_t pc, uint32_t ipa)
{
	if (rs->inject_run == rs->runs - 1 && rs->inject_pc == pc && rs->inject_ipa == ipa)
		rs->inject_repeats++;
	else
		rs->inject_repeats = 1;
	rs->inject_run = rs->runs;
	rs->inject_pc = pc;
	rs->inject_ipa = ipa;
	return rs->inject_repeats >= STUCK_REPEATS;
}

int run_inject_dabt(struct run_state *rs, uint32_t ipa, bool write)
{
	struct vm *vm = rs->vm;
	struct arch_abt_regs id;
	uint64_t pc, cpsr, sctlr, vbar;
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.ipa = ipa,
		.outcome = TRAP_OUT_INJECT,
		.reg = TRAP_INJECT(TRAP_INJ_DABT, TRAP_WHY_NODEVICE),
		.v1 = ipa,
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
		.flags = write ? TR_WRITE : 0,
	};

	arch_abt_regs(&id);
	if (vcpu_get_reg(vm, arch_reg_pc(), &pc) < 0 ||
	    vcpu_get_reg(vm, arch_reg_cpsr(), &cpsr) < 0 ||
	    vcpu_get_reg(vm, id.sctlr, &sctlr) < 0 || vcpu_get_reg(vm, id.vbar, &vbar) < 0)
		return fail(EXIT_KVMFAIL, "KVM_GET_ONE_REG: %s", strerror(errno));
	r.pc = (uint32_t)pc;
	r.v0 = dabt_vector((uint32_t)sctlr, (uint32_t)vbar);
	if (no_progress(rs, r.pc, ipa)) {
		note("guest stuck taking exceptions at PC 0x%08x: %u data aborts in a row for "
		     "IPA 0x%08x, with no progress",
		     r.pc, rs->inject_repeats, ipa);
		run_stop(rs, TRAP_STOP_STUCK, BOARD_STATUS_STUCK, r.pc, ipa);
		return 0;
	}
	if (vm->ext_dabt ? pend_ext_dabt(vm) < 0
			 : enter_abort(vm, &id, r.pc, (uint32_t)cpsr, (uint32_t)sctlr,
				       (uint32_t)vbar, ipa) < 0)
		return fail(EXIT_KVMFAIL, "%s: %s",
			    vm->ext_dabt ? "KVM_SET_VCPU_EVENTS" : "KVM_SET_ONE_REG",
			    strerror(errno));
	vm->run->exit_reason = KVM_EXIT_UNKNOWN; /* no MMIO completion at the next run */
	rs->injected++;
	run_record(rs, &r);
	return 0;
}

/*
 * A pc outside RAM can only be taking prefetch aborts: nothing else there
 * executes. KVM injects those itself (kvm_handle_guest_abort() gives an
 * instruction fetch outside every memslot kvm_inject_pabt()) and never
 * exits, so the runner looks at the ticks that interrupt a KVM_RUN with
 * no exit since the previous one: outside RAM at two of them in a row, the
 * guest is stuck (typically: a fault with VBAR still 0). Only with the
 * guest's MMU off (SCTLR.M clear): then its PC is an IPA; with it on (a
 * Linux kernel at 0xc0000000) the PC says nothing about RAM.
 */
int run_check_pc(struct run_state *rs)
{
	bool idle = rs->runs - rs->tick_runs == 1; /* this KVM_RUN was all since the last */
	struct arch_abt_regs id;
	uint64_t pc, sctlr;

	rs->tick_runs = rs->runs;
	if (!idle) {
		rs->pc_outside = 0;
		return 0;
	}
	arch_abt_regs(&id);
	if (vcpu_get_reg(rs->vm, arch_reg_pc(), &pc) < 0 ||
	    vcpu_get_reg(rs->vm, id.sctlr, &sctlr) < 0)
		return fail(EXIT_KVMFAIL, "KVM_GET_ONE_REG: %s", strerror(errno));
	if ((sctlr & SCTLR_M) || (pc >= BOARD_RAM_BASE && pc - BOARD_RAM_BASE < rs->vm->ram_size)) {
		rs->pc_outside = 0;
		return 0;
	}
	if (++rs->pc_outside < 2)
		return 0;
	note("guest stuck taking exceptions at PC 0x%08x: no memory there, so every fetch "
	     "is a prefetch abort (KVM injects those itself)",
	     (uint32_t)pc);
	run_stop(rs, TRAP_STOP_STUCK, BOARD_STATUS_STUCK, (uint32_t)pc, (uint32_t)pc);
	return 0;
}
