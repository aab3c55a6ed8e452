/*
 * Back end for arm64 KVM running the guest in AArch32 at EL1: the same
 * vCPU with the EL1_32BIT feature, after checking KVM_CAP_ARM_EL1_32BIT.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "../arch.h"
#include "../err.h"
#include "../ioctl_trace.h"
#include "../regdump.h"
#include "../vm.h"
#include "hsr.h"
#include "kvm_arch_abi.h"

const char arch_name[] = "arm64";
const char arch_binary[] = "kvm-runner-arm64";

int arch_check_host(const char *machine, char *err, size_t n)
{
	(void)machine;
	(void)err;
	(void)n;
	return 0;
}

int arch_check_caps(struct vm *vm)
{
	if (kvm_ioctl_val(vm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_ARM_EL1_32BIT) <= 0)
		return fail(EXIT_NOKVM,
			    "this KVM cannot run 32-bit guests "
			    "(no KVM_CAP_ARM_EL1_32BIT: the CPU has no AArch32 at EL1)");
	return 0;
}

void arch_vcpu_features(struct kvm_vcpu_init *init)
{
	init->features[0] |= 1u << KVM_ARM_VCPU_EL1_32BIT;
	init->features[0] |= 1u << KVM_ARM_VCPU_PSCI_0_2;
}

void arch_vcpu_power_off(struct kvm_vcpu_init *init)
{
	init->features[0] |= 1u << KVM_ARM_VCPU_POWER_OFF;
}

const char *arch_target_name(uint32_t target)
{
	static const char *const names[] = { "AEM_V8",	      "FOUNDATION_V8", "CORTEX_A57",
					     "XGENE_POTENZA", "CORTEX_A53",    "GENERIC_V8" };

	return target < sizeof(names) / sizeof(names[0]) ? names[target] : NULL;
}

uint64_t arch_reg_pc(void) { return ARM64_CORE_REG(ARM64_CORE_PC); }
uint64_t arch_reg_cpsr(void) { return ARM64_CORE_REG(ARM64_CORE_PSTATE); }

/* AArch32 DFSR is ESR_EL1, DFAR FAR_EL1[31:0], TTBCR TCR_EL1[31:0] (ARM DDI 0487, G8). */
void arch_abt_regs(struct arch_abt_regs *r)
{
	*r = (struct arch_abt_regs){
		.lr_abt = ARM64_CORE_REG(ARM64_CORE_X(20)),
		.spsr_abt = ARM64_CORE_REG(ARM64_CORE_SPSR(1)),
		.sctlr = ARM64_SYS_REG(3, 0, 1, 0, 0),
		.vbar = ARM64_SYS_REG(3, 0, 12, 0, 0),
		.ttbcr = ARM64_SYS_REG(3, 0, 2, 0, 2),
		.dfsr = ARM64_SYS_REG(3, 0, 5, 2, 0),
		.dfar = ARM64_SYS_REG(3, 0, 6, 0, 0),
	};
}

/* The x register holding banked sp (0) or lr (1) of an AArch32 mode. */
static unsigned banked_x(uint32_t mode, unsigned which)
{
	switch (mode) {
	case 0x11: return which ? 30 : 29; /* LR_fiq, SP_fiq */
	case 0x12: return which ? 16 : 17; /* LR_irq, SP_irq */
	case 0x13: return which ? 18 : 19; /* LR_svc, SP_svc */
	case 0x17: return which ? 20 : 21; /* LR_abt, SP_abt */
	case 0x1a: return which ? 14 : 15; /* hyp: ELR_hyp is not here; SP_hyp */
	case 0x1b: return which ? 22 : 23; /* LR_und, SP_und */
	}
	return 13 + which; /* usr, sys */
}

uint64_t arch_reg_gpr(unsigned n, uint32_t cpsr)
{
	uint32_t mode = cpsr & 0x1f;

	if (n >= 13 && n <= 14)
		return ARM64_CORE_REG(ARM64_CORE_X(banked_x(mode, n - 13)));
	if (n >= 8 && n <= 12 && mode == 0x11)
		return ARM64_CORE_REG(ARM64_CORE_X(24 + n - 8));
	return ARM64_CORE_REG(ARM64_CORE_X(n));
}

/* x0-x30 by their AArch32 meaning. */
static const char *const x_names[31] = {
	"r0",	  "r1",	    "r2",      "r3",	  "r4",	     "r5",     "r6",	 "r7",
	"r8",	  "r9",	    "r10",     "r11",	  "r12",     "SP_usr", "LR_usr", "SP_hyp",
	"LR_irq", "SP_irq", "LR_svc",  "SP_svc",  "LR_abt",  "SP_abt", "LR_und", "SP_und",
	"R8_fiq", "R9_fiq", "R10_fiq", "R11_fiq", "R12_fiq", "SP_fiq", "LR_fiq",
};

static bool core_name(unsigned off, char *buf, size_t n)
{
	static const char *const spsr[] = { "SPSR_svc", "SPSR_abt", "SPSR_und", "SPSR_irq",
					    "SPSR_fiq" };

	if (off < ARM64_CORE_SP && off % 2 == 0)
		snprintf(buf, n, "%s", x_names[off / 2]);
	else if (off == ARM64_CORE_SP)
		snprintf(buf, n, "SP_EL0");
	else if (off == ARM64_CORE_PC)
		snprintf(buf, n, "pc");
	else if (off == ARM64_CORE_PSTATE)
		snprintf(buf, n, "cpsr");
	else if (off == ARM64_CORE_SP_EL1)
		snprintf(buf, n, "SP_EL1");
	else if (off == ARM64_CORE_ELR_EL1)
		snprintf(buf, n, "ELR_EL1");
	else if (off >= ARM64_CORE_SPSR(0) && off <= ARM64_CORE_SPSR(4) && off % 2 == 0)
		snprintf(buf, n, "%s", spsr[(off - ARM64_CORE_SPSR(0)) / 2]);
	else if (off >= ARM64_CORE_V(0) && off < ARM64_CORE_FPSR && off % 4 == 0)
		snprintf(buf, n, "q%u", (off - ARM64_CORE_V(0)) / 4);
	else if (off == ARM64_CORE_FPSR)
		snprintf(buf, n, "FPSR");
	else if (off == ARM64_CORE_FPCR)
		snprintf(buf, n, "FPCR");
	else
		return false;
	return true;
}

/*
 * System registers: KVM's timer ids, a few AArch64 names, else the ARM
 * generic form S<op0>_<op1>_C<n>_C<m>_<op2>, followed by the AArch32 cp15
 * name with the same encoding where hsr.h knows one (for op0 = 3 they are
 * the architectural mappings, e.g. SCTLR_EL1 = SCTLR).
 */
static bool sys_name(uint64_t id, char *buf, size_t n)
{
	unsigned op0 = (id >> ARM64_SYS_OP0_SHIFT) & 3, op1 = (id >> ARM64_SYS_OP1_SHIFT) & 7;
	unsigned crn = (id >> ARM64_SYS_CRN_SHIFT) & 0xf, crm = (id >> ARM64_SYS_CRM_SHIFT) & 0xf;
	unsigned op2 = id & 7;
	struct cp_access32 a = { .opc1 = op1, .crn = crn, .crm = crm, .opc2 = op2, .read = true };
	/* op1 0..2 keep the AArch32 encoding (SCTLR, CLIDR, CSSELR); EL0's op1 3 does not */
	const char *cp15 = op0 == 3 && op1 <= 2 ? cp15_reg_name32(&a) : NULL;
	static const char *const dbg[] = { "DBGBVR", "DBGBCR", "DBGWVR", "DBGWCR" };

	if (op0 == 2 && op1 == 0 && crn == 0 && op2 >= 4) /* breakpoint/watchpoint n */
		snprintf(buf, n, "%s%u", dbg[op2 - 4], crm);
	else if (id == ARM64_KVM_TIMER_CTL)
		snprintf(buf, n, "CNTV_CTL");
	else if (id == ARM64_KVM_TIMER_CVAL)
		snprintf(buf, n, "CNTV_CVAL");
	else if (id == ARM64_KVM_TIMER_CNT)
		snprintf(buf, n, "CNTVCT");
	else if (cp15)
		snprintf(buf, n, "%s", cp15);
	else
		snprintf(buf, n, "S%u_%u_C%u_C%u_%u", op0, op1, crn, crm, op2);
	return true;
}

bool arch_reg_name(uint64_t id, char *buf, size_t n)
{
	uint64_t group = id & KVM_REG_ARM_COPROC_MASK;
	unsigned low = id & 0xffff;

	if ((id & KVM_REG_ARCH_MASK) != KVM_REG_ARM64)
		return false;
	if (group == KVM_REG_ARM_CORE)
		return core_name(low, buf, n);
	if (group == ARM64_REG_SYSREG)
		return sys_name(id, buf, n);
	if (group == KVM_REG_ARM_FW)
		return fw_reg_name(low, buf, n);
	if (group == ARM64_REG_FW_FEAT_BMAP) {
		snprintf(buf, n, "FW_FEAT_BMAP%u", low);
		return true;
	}
	if (group == KVM_REG_ARM_DEMUX && (low >> 8) == 0) {
		snprintf(buf, n, "CCSIDR[%u]", low & 0xff);
		return true;
	}
	return false;
}
