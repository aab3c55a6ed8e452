/*
 * What an architecture back end gives the generic runner: arm/ for 32-bit
 * ARM KVM (Linux <= 5.6), arm64/ for an AArch32 guest on arm64 KVM. The
 * Makefile links exactly one of them; generic files never test which.
 */
#ifndef KVM_RUNNER_ARCH_H
#define KVM_RUNNER_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kvm_abi.h"

struct vm;

/* "arm" or "arm64"; the binary's name ("kvm-runner-armhf" ...). */
extern const char arch_name[];
extern const char arch_binary[];

/*
 * Refuses a host this binary cannot drive (the armhf binary on an arm64
 * kernel: no compat ioctls). Returns 0, or -1 with a message in err.
 */
int arch_check_host(const char *machine, char *err, size_t n);

/* Checks the capabilities this back end needs; 0 or EXIT_NOKVM after one line. */
int arch_check_caps(struct vm *vm);

/* The vCPU features to ask for in KVM_ARM_VCPU_INIT. */
void arch_vcpu_features(struct kvm_vcpu_init *init);
/* The feature of a secondary: created off, until the guest's PSCI CPU_ON. */
void arch_vcpu_power_off(struct kvm_vcpu_init *init);

/* A target number's name ("CORTEX_A15"), or NULL. */
const char *arch_target_name(uint32_t target);

/* Register ids of the guest's pc and CPSR. */
uint64_t arch_reg_pc(void);
uint64_t arch_reg_cpsr(void);

/*
 * The registers a data abort taken in ABT mode touches (inject.c):
 * LR_abt and SPSR_abt, and the AArch32 cp15 ones, SCTLR, VBAR, TTBCR,
 * DFSR, DFAR, by their ids on this back end (arm64: the EL1 registers they
 * map to; DFAR is FAR_EL1's low half).
 */
struct arch_abt_regs {
	uint64_t lr_abt, spsr_abt, sctlr, vbar, ttbcr, dfsr, dfar;
};
void arch_abt_regs(struct arch_abt_regs *ids);

/* The id of rN (0..14) as the guest sees it in the mode of cpsr. */
uint64_t arch_reg_gpr(unsigned n, uint32_t cpsr);

/*
 * The name of a register id ("r0", "SP_svc", "SCTLR", "d3"); writes it to
 * buf and returns true, or false when the id has no name here.
 */
bool arch_reg_name(uint64_t id, char *buf, size_t n);

#endif
