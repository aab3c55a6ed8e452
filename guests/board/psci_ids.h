/*
 * The function ids of the SMC Calling Convention that the board answers
 * (PSCI 0.2+, ARM DEN 0022; SMCCC 1.1, ARM DEN 0028), for C and assembly:
 * #defines only, apart from board.h and psci.h, which hold C.
 */
#ifndef BOARD_PSCI_IDS_H
#define BOARD_PSCI_IDS_H

/* clang-format off */
#define PSCI_0_2_FN_BASE		0x84000000u	/* SMC32 PSCI ids: base + n */
#define PSCI_VERSION_FN			0x84000000u
#define PSCI_CPU_SUSPEND_FN		0x84000001u
#define PSCI_CPU_OFF_FN			0x84000002u
#define PSCI_CPU_ON_FN			0x84000003u
#define PSCI_AFFINITY_INFO_FN		0x84000004u
#define PSCI_MIGRATE_FN			0x84000005u
#define PSCI_MIGRATE_INFO_TYPE_FN	0x84000006u
#define PSCI_MIGRATE_INFO_UP_CPU_FN	0x84000007u
#define PSCI_SYSTEM_OFF_FN		0x84000008u
#define PSCI_SYSTEM_RESET_FN		0x84000009u
#define PSCI_FEATURES_FN		0x8400000Au
#define PSCI_SYSTEM_SUSPEND_FN		0x8400000Eu
#define PSCI_SYSTEM_RESET2_FN		0x84000012u
#define PSCI_CPU_SUSPEND64_FN		0xC4000001u	/* SMC64: 0xC4000000 + n */
#define PSCI_CPU_ON64_FN		0xC4000003u
#define PSCI_AFFINITY_INFO64_FN		0xC4000004u
#define PSCI_SYSTEM_RESET2_64_FN	0xC4000012u

#define SMCCC_VERSION_FN		0x80000000u
#define SMCCC_ARCH_FEATURES_FN		0x80000001u
#define SMCCC_ARCH_WORKAROUND_1_FN	0x80008000u	/* KVM answers it at EL2, no world switch */
/* clang-format on */

#endif
