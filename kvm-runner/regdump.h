/*
 * The register dump (--regs): every register KVM_GET_REG_LIST lists, read
 * with KVM_GET_ONE_REG, one "reg: NAME = 0x..." line each, named where the
 * back end knows the id, else the raw id.
 */
#ifndef KVM_RUNNER_REGDUMP_H
#define KVM_RUNNER_REGDUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* KVM's firmware pseudo-registers (the same index on both ABIs). */
bool fw_reg_name(unsigned idx, char *buf, size_t n);

/* One dump line, without newline: value holds kvm_reg_size(id) bytes. */
void regdump_line(char *buf, size_t n, uint64_t id, const void *value);

/*
 * Dumps every register of the vCPU to f under a "# <when>" line, or with
 * core_only the core registers of at most 64 bits (the general registers,
 * pc, CPSR, the banked and saved ones: what a stopped guest is at).
 * *count (if not NULL) gets how many the vCPU has, and of them core.
 */
struct regdump_count {
	unsigned all, core;
};
int regdump(FILE *f, int vcpu_fd, const char *when, bool core_only, struct regdump_count *count);

/* A core register of at most 64 bits (KVM_REG_ARM_CORE, not the FP/SIMD ones). */
bool regdump_is_core(uint64_t id);

#endif
