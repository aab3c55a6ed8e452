/*
 * 32-bit ARM KVM userspace ABI (Linux <= 5.6, arch/arm/include/uapi/asm/
 * kvm.h), written from the facts: Debian's headers no longer ship it.
 *
 * struct kvm_regs, in 32-bit words (a core register id's low bits):
 *   0..15  usr_regs r0-r15    16 cpsr    17 ORIG_r0
 *   18..20 SP_svc LR_svc SPSR_svc        21..23 the same for abt
 *   24..26 und                           27..29 irq
 *   30..37 R8_fiq..R12_fiq SP_fiq LR_fiq SPSR_fiq
 */
#ifndef KVM_RUNNER_ARM_ABI_H
#define KVM_RUNNER_ARM_ABI_H

#include "../kvm_abi.h"

/* clang-format off */
#define ARM_CORE_USR		0	/* r0-r15 */
#define ARM_CORE_CPSR		16
#define ARM_CORE_ORIG_R0	17
#define ARM_CORE_SVC		18	/* sp, lr, spsr */
#define ARM_CORE_ABT		21
#define ARM_CORE_UND		24
#define ARM_CORE_IRQ		27
#define ARM_CORE_FIQ		30	/* r8-r14, spsr */
#define ARM_CORE_WORDS		38
/* clang-format on */

#define ARM_CORE_REG(word) (KVM_REG_ARM | KVM_REG_SIZE_U32 | KVM_REG_ARM_CORE | (word))

/* cp15 registers: coprocessor 15 in the id, fields as in MRC/MCR */
#define ARM_REG_CP15	  (15ull << KVM_REG_ARM_COPROC_SHIFT)
#define ARM_CP_OPC2_SHIFT 0  /* 3 bits */
#define ARM_CP_OPC1_SHIFT 3  /* 4 bits */
#define ARM_CP_CRM_SHIFT  7  /* 4 bits */
#define ARM_CP_CRN_SHIFT  11 /* 4 bits; 0 in 64-bit (MCRR) ids */
#define ARM_CP15_REG32(opc1, crn, crm, opc2) \
	(KVM_REG_ARM | KVM_REG_SIZE_U32 | ARM_REG_CP15 | ((uint64_t)(crn) << ARM_CP_CRN_SHIFT) | \
	 ((uint64_t)(crm) << ARM_CP_CRM_SHIFT) | ((uint64_t)(opc1) << ARM_CP_OPC1_SHIFT) | \
	 ((uint64_t)(opc2) << ARM_CP_OPC2_SHIFT))
#define ARM_CP15_REG64(opc1, crm) \
	(KVM_REG_ARM | KVM_REG_SIZE_U64 | ARM_REG_CP15 | ((uint64_t)(crm) << ARM_CP_CRM_SHIFT) | \
	 ((uint64_t)(opc1) << ARM_CP_OPC1_SHIFT))

/* VFP: d0-d31 (64-bit) at 0..31, control registers at 0x1000.. */
#define ARM_REG_VFP	(0x0012ull << KVM_REG_ARM_COPROC_SHIFT)
#define ARM_VFP_FPSID	0x1000
#define ARM_VFP_FPSCR	0x1001
#define ARM_VFP_MVFR1	0x1006
#define ARM_VFP_MVFR0	0x1007
#define ARM_VFP_FPEXC	0x1008
#define ARM_VFP_FPINST	0x1009
#define ARM_VFP_FPINST2 0x100A

/* KVM_ARM_VCPU_INIT targets and feature bits (32-bit ARM numbering) */
#define KVM_ARM_TARGET_CORTEX_A15 0
#define KVM_ARM_TARGET_CORTEX_A7  1
#define KVM_ARM_VCPU_POWER_OFF	  0
#define KVM_ARM_VCPU_PSCI_0_2	  1

#endif
