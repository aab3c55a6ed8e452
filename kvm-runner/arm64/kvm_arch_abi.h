/*
 * arm64 KVM userspace ABI for an AArch32 guest (Linux 6.1 arch/arm64/
 * include/uapi/asm/kvm.h), written from the facts.
 *
 * struct kvm_regs, in 32-bit units (a core register id's low bits):
 *   0x00..0x3c x0-x30 (2 each)   0x3e sp   0x40 pc   0x42 pstate
 *   0x44 sp_el1   0x46 elr_el1   0x48..0x50 spsr[5] (svc abt und irq fiq)
 *   0x54..0xd0 v0-v31 (128-bit, 4 each)   0xd4 fpsr   0xd5 fpcr
 * An AArch32 guest's registers live in the x registers (ARM DDI 0487,
 * "Mapping of the general-purpose registers between the Execution states").
 */
#ifndef KVM_RUNNER_ARM64_ABI_H
#define KVM_RUNNER_ARM64_ABI_H

#include "../kvm_abi.h"

#define ARM64_CORE_X(n)	   (2u * (n))
#define ARM64_CORE_SP	   0x3e
#define ARM64_CORE_PC	   0x40
#define ARM64_CORE_PSTATE  0x42
#define ARM64_CORE_SP_EL1  0x44
#define ARM64_CORE_ELR_EL1 0x46
#define ARM64_CORE_SPSR(n) (0x48u + 2u * (n))
#define ARM64_CORE_V(n)	   (0x54u + 4u * (n))
#define ARM64_CORE_FPSR	   0xd4
#define ARM64_CORE_FPCR	   0xd5

#define ARM64_CORE_REG(off) (KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | (off))

/* System registers: op0, op1, CRn, CRm, op2 as in MRS/MSR */
#define ARM64_REG_SYSREG    (0x0013ull << KVM_REG_ARM_COPROC_SHIFT)
#define ARM64_SYS_OP0_SHIFT 14
#define ARM64_SYS_OP1_SHIFT 11
#define ARM64_SYS_CRN_SHIFT 7
#define ARM64_SYS_CRM_SHIFT 3
#define ARM64_SYS_OP2_SHIFT 0
#define ARM64_SYS_REG(op0, op1, crn, crm, op2) \
	(KVM_REG_ARM64 | KVM_REG_SIZE_U64 | ARM64_REG_SYSREG | \
	 ((uint64_t)(op0) << ARM64_SYS_OP0_SHIFT) | ((uint64_t)(op1) << ARM64_SYS_OP1_SHIFT) | \
	 ((uint64_t)(crn) << ARM64_SYS_CRN_SHIFT) | ((uint64_t)(crm) << ARM64_SYS_CRM_SHIFT) | \
	 ((uint64_t)(op2) << ARM64_SYS_OP2_SHIFT))

/* KVM's timer ids: CNT and CVAL are swapped against the architecture */
#define ARM64_KVM_TIMER_CTL  ARM64_SYS_REG(3, 3, 14, 3, 1)
#define ARM64_KVM_TIMER_CVAL ARM64_SYS_REG(3, 3, 14, 0, 2)
#define ARM64_KVM_TIMER_CNT  ARM64_SYS_REG(3, 3, 14, 3, 2)

#define ARM64_REG_FW_FEAT_BMAP (0x0016ull << KVM_REG_ARM_COPROC_SHIFT)

/* KVM_ARM_VCPU_INIT targets and feature bits (arm64 numbering) */
#define KVM_ARM_TARGET_AEM_V8	     0
#define KVM_ARM_TARGET_FOUNDATION_V8 1
#define KVM_ARM_TARGET_CORTEX_A57    2
#define KVM_ARM_TARGET_XGENE_POTENZA 3
#define KVM_ARM_TARGET_CORTEX_A53    4
#define KVM_ARM_TARGET_GENERIC_V8    5
#define KVM_ARM_VCPU_POWER_OFF	     0
#define KVM_ARM_VCPU_EL1_32BIT	     1
#define KVM_ARM_VCPU_PSCI_0_2	     2

#endif
