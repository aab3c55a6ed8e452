/*
 * arm64 KVM register ids for an AArch32 guest (arm64/ back end) against
 * the facts: the ids Linux 6.1 listed, and the AArch32 names of x0-x30.
 */
#include "arch.h"
#include "arm64/kvm_arch_abi.h"
#include "regdump.h"
#include "unit.h"

static const char *name(uint64_t id)
{
	static char buf[48];

	return arch_reg_name(id, buf, sizeof(buf)) ? buf : "(none)";
}

int main(void)
{
	struct kvm_vcpu_init init = { 0 };
	char err[8];

	check_eq(arch_reg_pc(), 0x6030000000100040ull, "pc id");
	check_eq(arch_reg_cpsr(), 0x6030000000100042ull, "pstate id");
	check_eq(ARM64_CORE_REG(ARM64_CORE_SPSR(4)), 0x6030000000100050ull, "spsr[4] id");
	check_eq(ARM64_CORE_V(0), 0x54, "v0 offset");
	check_eq(ARM64_CORE_FPSR, 0xd4, "fpsr offset");
	check_eq(ARM64_SYS_REG(3, 0, 1, 0, 0), 0x603000000013c080ull, "SCTLR_EL1 id");
	check_eq(ARM64_KVM_TIMER_CNT, 0x603000000013df1aull, "KVM's timer CNT id");
	check_eq(arch_reg_gpr(13, 0x1d3), ARM64_CORE_REG(ARM64_CORE_X(19)), "r13 in SVC is x19");
	check_eq(arch_reg_gpr(14, 0x1d3), ARM64_CORE_REG(ARM64_CORE_X(18)), "r14 in SVC is x18");
	check_eq(arch_reg_gpr(13, 0x1d0), ARM64_CORE_REG(ARM64_CORE_X(13)), "r13 in USR is x13");
	check_eq(arch_reg_gpr(12, 0x1d1), ARM64_CORE_REG(ARM64_CORE_X(28)), "r12 in FIQ is x28");
	check_eq(arch_reg_gpr(4, 0x1d3), 0x6030000000100008ull, "r4 is x4");
	check_str(name(0x6030000000100040ull), "pc", "name pc");
	check_str(name(0x6030000000100042ull), "cpsr", "name pstate as cpsr");
	check_str(name(0x6030000000100026ull), "SP_svc", "name x19");
	check_str(name(0x6030000000100048ull), "SPSR_svc", "name spsr[0]");
	check_str(name(0x6040000000100058ull), "q1", "name v1");
	check_str(name(0x603000000013c080ull), "SCTLR", "name SCTLR_EL1 (AArch32 view)");
	check_str(name(0x603000000013c008ull), "ID_PFR0", "name ID_PFR0_EL1");
	check_str(name(0x603000000013df19ull), "CNTV_CTL", "name KVM timer CTL");
	check_str(name(0x603000000013c600ull), "VBAR", "name VBAR_EL1");
	check_str(name(0x603000000013a038ull), "S2_4_C0_C7_0", "generic name (DBGVCR32_EL2)");
	check_str(name(0x6030000000160000ull), "FW_FEAT_BMAP0", "firmware bitmap");
	check_str(name(ARM64_SYS_REG(3, 1, 0, 0, 1)), "CLIDR", "CLIDR_EL1 (op1 1)");
	check_str(name(ARM64_SYS_REG(3, 3, 13, 0, 2)), "S3_3_C13_C0_2",
		  "TPIDR_EL0: no AArch32 name");
	check_str(name(ARM64_SYS_REG(2, 0, 0, 3, 5)), "DBGBCR3", "DBGBCR3_EL1");
	check(!arch_reg_name(0x402000000010000full, err, sizeof(err)), "32-bit ARM id has no name");
	check(regdump_is_core(arch_reg_pc()) && regdump_is_core(ARM64_CORE_REG(ARM64_CORE_SPSR(4))),
	      "pc and spsr[4]: core, dumped after a timeout");
	check(!regdump_is_core(0x6040000000100058ull), "q1: core but 128 bits, not dumped then");
	check(!regdump_is_core(ARM64_SYS_REG(3, 0, 1, 0, 0)), "SCTLR_EL1: not core");
	arch_vcpu_features(&init);
	check_eq(init.features[0], 0x6, "features: EL1_32BIT bit 1, PSCI_0_2 bit 2");
	check_str(arch_target_name(2), "CORTEX_A57", "target 2");
	return unit_summary();
}
