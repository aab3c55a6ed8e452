/*
 * KVM_EXIT_ARM_NISV: a data abort on a device the hardware gave no
 * syndrome for (ISV=0, e.g. an STM to the UART). KVM hands us the ISS and
 * the IPA; we read the instruction from guest RAM, decode it with the
 * board's a32_decode, make the accesses through the board, write the
 * loaded and written-back registers and step the pc past it. The trap
 * log gets one line per access. A kernel without KVM_CAP_ARM_NISV_TO_USER
 * (Linux 5.4 and older) fails KVM_RUN with ENOSYS instead: the same
 * emulation, with the address taken from the decoded instruction.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include "a32_decode.h"
#include "arch.h"
#include "err.h"
#include "hsr.h"
#include "memmap.h"
#include "cpsr.h"
#include "run.h"


/*
 * The registers (r0-r14) insn may read, from its encoding: Rn, Rt and Rm
 * of a single load/store, Rn and the list of an LDM/STM; all of them for
 * anything else (which the decoder refuses anyway). One ioctl each.
 */
static uint16_t regs_used(uint32_t insn)
{
	uint32_t rn = 1u << (insn >> 16 & 15), m;

	if ((insn >> 25 & 7) == 4) /* LDM/STM */
		m = rn | (insn & 0xffff);
	else if ((insn >> 26 & 3) == 1 || (insn >> 25 & 7) == 0) /* LDR/STR, LDRH ... */
		m = rn | 1u << (insn >> 12 & 15) | 1u << (insn & 15);
	else
		m = 0x7fff;
	return (uint16_t)(m & 0x7fff);
}

static int read_gprs(struct vm *vm, uint32_t insn, uint32_t cpsr, uint32_t pc, uint32_t regs[16])
{
	uint16_t used = regs_used(insn);

	memset(regs, 0, 16 * sizeof(regs[0]));
	for (unsigned n = 0; n < 15; n++) {
		uint64_t v;

		if (!(used & 1u << n))
			continue;
		if (vcpu_get_reg(vm, arch_reg_gpr(n, cpsr), &v) < 0)
			return -1;
		regs[n] = (uint32_t)v;
	}
	regs[15] = pc;
	return 0;
}

/*
 * The accesses, each one trap-log line as docs/trap-log.md says for an
 * LDM/STM (one line per word, srt the register of that word). Returns 0,
 * or -1 with the address no device answered.
 */
static int do_accesses(struct run_state *rs, const struct a32_insn *in, uint32_t regs[16],
		       const struct trap_record *proto, uint32_t *bad_ipa)
{
	for (unsigned i = 0; i < in->count; i++) {
		const struct a32_access *ac = &in->access[i];
		struct board_access a = { .ipa = ac->addr, .size = ac->size, .write = !ac->load };
		struct trap_record r = *proto;

		if (a.write)
			a.value = ac->size == 4 ? regs[ac->reg]
						: regs[ac->reg] & ((1u << (8 * ac->size)) - 1);
		r.reg = (uint16_t)board_mmio(rs->vm->board, &a);
		if (r.reg == BREG_NONE) {
			*bad_ipa = ac->addr;
			return -1;
		}
		if (ac->load)
			regs[ac->reg] = a32_extend(ac, a.value);
		r.ipa = ac->addr;
		r.size = ac->size;
		r.srt = ac->reg;
		r.v0 = a.value; /* the device's value, as the hypervisor logs it: not extended */
		r.flags |= (ac->load ? 0 : TR_WRITE) | (ac->sign_extend ? TR_SIGNED : 0);
		run_record(rs, &r);
	}
	return 0;
}

static int write_back(struct vm *vm, const struct a32_insn *in, const uint32_t regs[16],
		      uint32_t cpsr, uint32_t pc)
{
	for (unsigned i = 0; i < in->count; i++)
		if (in->access[i].load &&
		    vcpu_set_reg(vm, arch_reg_gpr(in->access[i].reg, cpsr),
				 regs[in->access[i].reg]) < 0)
			return -1;
	if (in->writeback && vcpu_set_reg(vm, arch_reg_gpr(in->rn, cpsr), in->rn_value) < 0)
		return -1;
	return vcpu_set_reg(vm, arch_reg_pc(), pc + 4);
}

/* True when every access of the instruction is outside guest RAM. */
static bool all_outside_ram(const struct vm *vm, const struct a32_insn *in)
{
	for (unsigned i = 0; i < in->count; i++)
		if (in->access[i].addr >= BOARD_RAM_BASE &&
		    in->access[i].addr - BOARD_RAM_BASE < vm->ram_size)
			return false;
	return true;
}

/*
 * Emulates the load/store at the vCPU's pc through the board. r holds what
 * KVM said about the abort. Without KVM's word (guessed: the ENOSYS of a
 * kernel with no NISV_TO_USER), only an instruction whose every access is
 * a device access is emulated; else that error stands.
 */
static int emulate_isv0(struct run_state *rs, struct trap_record *r, bool guessed)
{
	struct vm *vm = rs->vm;
	uint32_t regs[16], insn, bad = 0;
	struct a32_insn in;
	uint64_t cpsr, pc;
	enum a32_error e;

	if (vcpu_get_reg(vm, arch_reg_cpsr(), &cpsr) < 0 ||
	    vcpu_get_reg(vm, arch_reg_pc(), &pc) < 0)
		return fail(EXIT_KVMFAIL, "KVM_GET_ONE_REG: %s", strerror(errno));
	r->pc = (uint32_t)pc;
	if ((cpsr & PSR_T) || pc < BOARD_RAM_BASE || pc - BOARD_RAM_BASE > vm->ram_size - 4 ||
	    pc % 4) {
		note("ISV=0 abort at pc 0x%08x (IPA 0x%08x): not an ARM instruction in RAM", r->pc,
		     r->ipa);
		run_stop(rs, TRAP_STOP_DECODE, BOARD_STATUS_FAULT, r->pc, r->ipa);
		return 0;
	}
	memcpy(&insn, vm->ram + (pc - BOARD_RAM_BASE), 4);
	if (read_gprs(vm, insn, (uint32_t)cpsr, r->pc, regs) < 0)
		return fail(EXIT_KVMFAIL, "KVM_GET_ONE_REG: %s", strerror(errno));
	e = a32_decode(insn, regs, &in);
	if (guessed && (e != A32_OK || in.count == 0 || !all_outside_ram(vm, &in)))
		return -1;
	if (e != A32_OK || in.count == 0) {
		note("cannot emulate 0x%08x at pc 0x%08x: %s", insn, r->pc, a32_error_text(e));
		run_stop(rs, TRAP_STOP_DECODE, BOARD_STATUS_FAULT, r->pc, r->ipa);
		return 0;
	}
	r->insn = insn;
	r->flags |= TR_INSN;
	if (do_accesses(rs, &in, regs, r, &bad) < 0) /* the accesses before it stay done */
		return run_no_device(rs, r->pc, bad, !in.access[0].load);
	if (write_back(vm, &in, regs, (uint32_t)cpsr, r->pc) < 0)
		return fail(EXIT_KVMFAIL, "KVM_SET_ONE_REG: %s", strerror(errno));
	return 0;
}

int run_nisv(struct run_state *rs)
{
	struct kvm_run *run = rs->vm->run;
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT |
			((uint32_t)run->arm_nisv.esr_iss & HSR_ISS_MASK),
		.ipa = (uint32_t)run->arm_nisv.fault_ipa,
		.outcome = TRAP_OUT_MMIO,
		.flags = TR_HSR,
		.by = TRAP_BY_VMM,
		.srt2 = 0xff,
	};

	return emulate_isv0(rs, &r, false);
}

int run_isv0_fallback(struct run_state *rs)
{
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.outcome = TRAP_OUT_MMIO,
		.by = TRAP_BY_VMM,
		.srt2 = 0xff,
	};

	return emulate_isv0(rs, &r, true);
}
