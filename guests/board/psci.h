/*
 * PSCI as KVM implements it (docs/guest-abi.md, "PSCI"): the per-CPU power
 * states behind CPU_ON, CPU_OFF and AFFINITY_INFO, and which kernel's
 * answers the board gives. Plain C with no hardware access: the bare
 * hypervisor calls it under its PSCI lock, the unit tests directly.
 *
 *            CPU_ON (by another CPU)         the VMM enters it
 *   OFF ---------------------------> ON_PENDING ---------------> ON
 *    ^                                                           |
 *    +------------------ CPU_OFF (by itself), SYSTEM_OFF/RESET --+
 *
 * ON_PENDING is the VMM's state, not the guest's: KVM's kvm_psci_vcpu_on
 * clears power_off before it returns, so every answer treats ON_PENDING
 * as ON (CPU_ON gets ALREADY_ON, never ON_PENDING; AFFINITY_INFO gets ON).
 */
#ifndef BOARD_PSCI_H
#define BOARD_PSCI_H

#include <stdbool.h>
#include <stdint.h>
#include "memmap.h"
#include "psci_ids.h"

#define PSCI_FN64_BIT 0x40000000u /* SMC64 ids: the SMC32 id | this bit */

/* Return codes (ARM DEN 0022, table 6), as the 32-bit r0 holds them. */
/* clang-format off */
#define PSCI_RET_INVALID_PARAMS		0xFFFFFFFEu	/* -2 */
#define PSCI_RET_DENIED			0xFFFFFFFDu	/* -3 */
#define PSCI_RET_ALREADY_ON		0xFFFFFFFCu	/* -4 */
#define PSCI_RET_ON_PENDING		0xFFFFFFFBu	/* -5: KVM never returns it */
#define PSCI_RET_INTERNAL_FAILURE	0xFFFFFFFAu	/* -6 */
#define PSCI_AFFINITY_ON		0u
#define PSCI_AFFINITY_OFF		1u
#define PSCI_TOS_MP			2u	/* MIGRATE_INFO_TYPE: no Trusted OS to migrate */
#define PSCI_RESET2_VENDOR		0x80000000u	/* SYSTEM_RESET2 vendor types from here */
/* clang-format on */

/* The MPIDR bits KVM matches a target against (MPIDR_HWID_BITMASK). */
/* clang-format off */
#define PSCI_HWID_32			0x00FFFFFFu	/* 32-bit ARM: Aff2..Aff0 */
#define PSCI_HWID_64			0xFF00FFFFFFull	/* arm64: Aff3, Aff2..Aff0 */
/* clang-format on */

/* Whose answers: the kernel the board behaves as (PSCI_VERSION tells them apart). */
enum psci_as {
	PSCI_AS_KVM_5_6, /* 32-bit ARM host, virt/kvm/arm/psci.c: PSCI 1.0 */
	PSCI_AS_KVM_6_1, /* arm64 host, AArch32 guest, arch/arm64/kvm/psci.c: PSCI 1.1 */
};

enum psci_power {
	PSCI_POWER_OFF,
	PSCI_POWER_ON_PENDING, /* CPU_ON answered, the VMM has not entered it yet */
	PSCI_POWER_ON,
};

struct psci_cpus {
	enum psci_as as;
	enum psci_power power[BOARD_MAX_CPUS];
};

/* What the VMM must do after a call, besides writing r0 (psci_result.act). */
enum psci_act {
	PSCI_ACT_NONE,	  /* write r0, resume the caller */
	PSCI_ACT_CPU_ON,  /* and start target at entry with r0 = context_id */
	PSCI_ACT_CPU_OFF, /* park the caller (no r0): it is off until a CPU_ON */
	PSCI_ACT_SUSPEND, /* write r0, and wait as for WFI (kvm_psci_vcpu_suspend) */
};

/* CPU 0 on, the others off: the board at reset (KVM: secondaries POWER_OFF). */
void psci_cpus_reset(struct psci_cpus *p, enum psci_as as);

/* The VMM entered a CPU it was told to start: ON_PENDING -> ON. */
void psci_cpu_entered(struct psci_cpus *p, unsigned cpu);

/* PSCI_VERSION as that kernel answers it: 1.0 (0x10000) or 1.1 (0x10001). */
uint32_t psci_version(enum psci_as as);

#endif
