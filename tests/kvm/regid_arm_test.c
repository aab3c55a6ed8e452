/*
 * 32-bit ARM KVM register ids (arm/ back end) against the facts: the ids
 * Linux 5.4 listed for KVM_GET_REG_LIST, and the names the dump gives.
 */
#include "arch.h"
#include "arm/kvm_arch_abi.h"
#include "unit.h"

static const char *name(uint64_t id)
{
	static char buf[48];

	return arch_reg_name(id, buf, sizeof(buf)) ? buf : "(none)";
}

int main(void)
{
	struct kvm_vcpu_init init = { 0 };
	char err[160];

	check_eq(arch_reg_pc(), 0x402000000010000full, "pc id");
	check_eq(arch_reg_cpsr(), 0x4020000000100010ull, "cpsr id");
	check_eq(ARM_CP15_REG32(0, 1, 0, 0), 0x40200000000f0800ull, "SCTLR id (cp15 c1 c0 0)");
	check_eq(ARM_CP15_REG64(0, 2), 0x40300000000f0100ull, "TTBR0 64-bit id");
	check_eq(ARM_CORE_REG(ARM_CORE_FIQ + 7), 0x4020000000100025ull, "SPSR_fiq id (last core)");
	check_eq(arch_reg_gpr(13, 0x1d3), 0x4020000000100012ull, "r13 in SVC is SP_svc");
	check_eq(arch_reg_gpr(14, 0x1d3), 0x4020000000100013ull, "r14 in SVC is LR_svc");
	check_eq(arch_reg_gpr(13, 0x1d0), 0x402000000010000dull, "r13 in USR");
	check_eq(arch_reg_gpr(8, 0x1d1), 0x402000000010001eull, "r8 in FIQ is R8_fiq");
	check_eq(arch_reg_gpr(8, 0x1d3), 0x4020000000100008ull, "r8 in SVC");
	check_str(name(0x402000000010000full), "pc", "name pc");
	check_str(name(0x4020000000100012ull), "SP_svc", "name SP_svc");
	check_str(name(0x40200000000f0800ull), "SCTLR", "name SCTLR");
	check_str(name(0x40200000000f0000ull), "MIDR", "name MIDR");
	check_str(name(0x40200000000f1000ull), "TTBR0", "name TTBR0 (32-bit)");
	check_str(name(0x4030000000120003ull), "d3", "name d3");
	check_str(name(0x4020000000121001ull), "FPSCR", "name FPSCR");
	check_str(name(0x4030000000140000ull), "KVM_PSCI_VERSION", "name firmware PSCI");
	check_str(name(0x4020000000110002ull), "CCSIDR[2]", "name CCSIDR demux");
	check(!arch_reg_name(0x6030000000100040ull, err, sizeof(err)), "arm64 id has no arm name");
	arch_vcpu_features(&init);
	check_eq(init.features[0], 0x2, "features: PSCI_0_2 is bit 1 on 32-bit ARM");
	check(arch_check_host("aarch64", err, sizeof(err)) < 0, "armhf refuses an arm64 kernel");
	check(arch_check_host("armv7l", err, sizeof(err)) == 0, "armhf takes an armv7l kernel");
	check_str(arch_target_name(0), "CORTEX_A15", "target 0");
	return unit_summary();
}
