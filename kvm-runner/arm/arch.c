/*
 * Back end for 32-bit ARM KVM (Linux <= 5.6 on a Cortex-A15/A7 host): the
 * guest is simply the vCPU; PSCI 0.2 is the only feature asked for.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "../arch.h"
#include "../err.h"
#include "../regdump.h"
#include "../vm.h"
#include "hsr.h"
#include "kvm_arch_abi.h"

const char arch_name[] = "arm";
const char arch_binary[] = "kvm-runner-armhf";

int arch_check_host(const char *machine, char *err, size_t n)
{
	if (strcmp(machine, "aarch64") == 0) {
		snprintf(err, n,
			 "this is an arm64 kernel: 32-bit programs cannot use its KVM "
			 "(no compat ioctls); run kvm-runner-arm64 instead");
		return -1;
	}
	return 0;
}

int arch_check_caps(struct vm *vm)
{
	(void)vm;
	return 0; /* 32-bit ARM KVM always runs 32-bit guests */
}

void arch_vcpu_features(struct kvm_vcpu_init *init)
{
	init->features[0] |= 1u << KVM_ARM_VCPU_PSCI_0_2;
}

void arch_vcpu_power_off(struct kvm_vcpu_init *init)
{
	init->features[0] |= 1u << KVM_ARM_VCPU_POWER_OFF;
}

const char *arch_target_name(uint32_t target)
{
	switch (target) {
	case KVM_ARM_TARGET_CORTEX_A15: return "CORTEX_A15";
	case KVM_ARM_TARGET_CORTEX_A7: return "CORTEX_A7";
	}
	return NULL;
}

uint64_t arch_reg_pc(void) { return ARM_CORE_REG(ARM_CORE_USR + 15); }
uint64_t arch_reg_cpsr(void) { return ARM_CORE_REG(ARM_CORE_CPSR); }

void arch_abt_regs(struct arch_abt_regs *r)
{
	*r = (struct arch_abt_regs){
		.lr_abt = ARM_CORE_REG(ARM_CORE_ABT + 1),
		.spsr_abt = ARM_CORE_REG(ARM_CORE_ABT + 2),
		.sctlr = ARM_CP15_REG32(0, 1, 0, 0),
		.vbar = ARM_CP15_REG32(0, 12, 0, 0),
		.ttbcr = ARM_CP15_REG32(0, 2, 0, 2),
		.dfsr = ARM_CP15_REG32(0, 5, 0, 0),
		.dfar = ARM_CP15_REG32(0, 6, 0, 0),
	};
}

/* The kvm_regs word holding banked sp (0) or lr (1) of a mode. */
static int banked_word(uint32_t mode, unsigned which)
{
	switch (mode) {
	case 0x11: return ARM_CORE_FIQ + 5 + which;
	case 0x12: return ARM_CORE_IRQ + which;
	case 0x13: return ARM_CORE_SVC + which;
	case 0x17: return ARM_CORE_ABT + which;
	case 0x1b: return ARM_CORE_UND + which;
	}
	return ARM_CORE_USR + 13 + which; /* usr, sys */
}

uint64_t arch_reg_gpr(unsigned n, uint32_t cpsr)
{
	uint32_t mode = cpsr & 0x1f;

	if (n >= 13 && n <= 14)
		return ARM_CORE_REG(banked_word(mode, n - 13));
	if (n >= 8 && n <= 12 && mode == 0x11)
		return ARM_CORE_REG(ARM_CORE_FIQ + n - 8);
	return ARM_CORE_REG(ARM_CORE_USR + n);
}

static const char *const core_names[ARM_CORE_WORDS] = {
	"r0",	   "r1",      "r2",	  "r3",	    "r4",	"r5",	    "r6",     "r7",
	"r8",	   "r9",      "r10",	  "r11",    "r12",	"SP_usr",   "LR_usr", "pc",
	"cpsr",	   "ORIG_r0", "SP_svc",	  "LR_svc", "SPSR_svc", "SP_abt",   "LR_abt", "SPSR_abt",
	"SP_und",  "LR_und",  "SPSR_und", "SP_irq", "LR_irq",	"SPSR_irq", "R8_fiq", "R9_fiq",
	"R10_fiq", "R11_fiq", "R12_fiq",  "SP_fiq", "LR_fiq",	"SPSR_fiq",
};

static bool cp15_name(uint64_t id, char *buf, size_t n)
{
	const char *name;

	if ((id & KVM_REG_SIZE_MASK) == KVM_REG_SIZE_U64) {
		struct cp_access64 a = { .opc1 = (id >> ARM_CP_OPC1_SHIFT) & 0xf,
					 .crm = (id >> ARM_CP_CRM_SHIFT) & 0xf };
		name = cp15_reg_name64(&a);
	} else {
		struct cp_access32 a = { .opc1 = (id >> ARM_CP_OPC1_SHIFT) & 0xf,
					 .crn = (id >> ARM_CP_CRN_SHIFT) & 0xf,
					 .crm = (id >> ARM_CP_CRM_SHIFT) & 0xf,
					 .opc2 = id & 7,
					 .read = true };
		name = cp15_reg_name32(&a);
	}
	if (!name)
		return false;
	snprintf(buf, n, "%s", name);
	return true;
}

static bool vfp_name(unsigned idx, char *buf, size_t n)
{
	static const char *const ctl[] = { "FPSID", "FPSCR", NULL,    NULL,	NULL,	  NULL,
					   "MVFR1", "MVFR0", "FPEXC", "FPINST", "FPINST2" };

	if (idx < 32) {
		snprintf(buf, n, "d%u", idx);
		return true;
	}
	if (idx >= ARM_VFP_FPSID && idx <= ARM_VFP_FPINST2 && ctl[idx - ARM_VFP_FPSID]) {
		snprintf(buf, n, "%s", ctl[idx - ARM_VFP_FPSID]);
		return true;
	}
	return false;
}

bool arch_reg_name(uint64_t id, char *buf, size_t n)
{
	uint64_t group = id & KVM_REG_ARM_COPROC_MASK;
	unsigned low = id & 0xffff;

	if ((id & KVM_REG_ARCH_MASK) != KVM_REG_ARM)
		return false;
	if (group == KVM_REG_ARM_CORE && low < ARM_CORE_WORDS) {
		snprintf(buf, n, "%s", core_names[low]);
		return true;
	}
	if (group == ARM_REG_CP15)
		return cp15_name(id, buf, n);
	if (group == ARM_REG_VFP)
		return vfp_name(low, buf, n);
	if (group == KVM_REG_ARM_FW)
		return fw_reg_name(low, buf, n);
	if (group == KVM_REG_ARM_DEMUX && (low >> 8) == 0) {
		snprintf(buf, n, "CCSIDR[%u]", low & 0xff);
		return true;
	}
	return false;
}
