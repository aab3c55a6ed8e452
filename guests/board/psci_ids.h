/*
 * The function ids of the SMC Calling Convention that the board answers
 * (PSCI 0.2+, ARM DEN 0022; SMCCC 1.1, ARM DEN 0028), for C and assembly:
 * #defines only, and no 'u' suffix, which the assembler does not take (in
 * C a hex literal of 0x80000000 and above is unsigned int already).
 */
#ifndef BOARD_PSCI_IDS_H
#define BOARD_PSCI_IDS_H

/* clang-format off */
#define PSCI_0_2_FN_BASE		0x84000000	/* SMC32 PSCI ids: base + n */
#define PSCI_VERSION_FN			0x84000000
#define PSCI_CPU_SUSPEND_FN		0x84000001
#define PSCI_CPU_OFF_FN			0x84000002
#define PSCI_CPU_ON_FN			0x84000003
#define PSCI_AFFINITY_INFO_FN		0x84000004
#define PSCI_MIGRATE_FN			0x84000005
#define PSCI_MIGRATE_INFO_TYPE_FN	0x84000006
#define PSCI_MIGRATE_INFO_UP_CPU_FN	0x84000007
#define PSCI_SYSTEM_OFF_FN		0x84000008
#define PSCI_SYSTEM_RESET_FN		0x84000009
#define PSCI_FEATURES_FN		0x8400000A
#define PSCI_SYSTEM_SUSPEND_FN		0x8400000E
#define PSCI_SYSTEM_RESET2_FN		0x84000012
#define PSCI_CPU_SUSPEND64_FN		0xC4000001	/* SMC64: 0xC4000000 + n */
#define PSCI_CPU_ON64_FN		0xC4000003
#define PSCI_AFFINITY_INFO64_FN		0xC4000004
#define PSCI_SYSTEM_RESET2_64_FN	0xC4000012

#define SMCCC_VERSION_FN		0x80000000
#define SMCCC_ARCH_FEATURES_FN		0x80000001
#define SMCCC_ARCH_WORKAROUND_1_FN	0x80008000	/* KVM answers it at EL2, no world switch */
/* clang-format on */

#endif
