/*
 * PSCI and the SMCCC architecture calls through HVC (docs/guest-abi.md).
 * Function ids: ARM DEN 0022 (PSCI 1.1) and ARM DEN 0028 (SMCCC 1.1).
 */
#include <stddef.h>
#include "board.h"

struct fn_name {
	uint32_t fn;
	const char *name;
};

/* Every PSCI 0.2+ id (SMC32, then the SMC64 twins) and the SMCCC calls. */
static const struct fn_name fn_names[] = {
	{ 0x84000000, "PSCI_VERSION" }, { 0x84000001, "CPU_SUSPEND" },
	{ 0x84000002, "CPU_OFF" }, { 0x84000003, "CPU_ON" },
	{ 0x84000004, "AFFINITY_INFO" }, { 0x84000005, "MIGRATE" },
	{ 0x84000006, "MIGRATE_INFO_TYPE" }, { 0x84000007, "MIGRATE_INFO_UP_CPU" },
	{ 0x84000008, "SYSTEM_OFF" }, { 0x84000009, "SYSTEM_RESET" },
	{ 0x8400000A, "PSCI_FEATURES" }, { 0x8400000B, "CPU_FREEZE" },
	{ 0x8400000C, "CPU_DEFAULT_SUSPEND" }, { 0x8400000D, "NODE_HW_STATE" },
	{ 0x8400000E, "SYSTEM_SUSPEND" }, { 0x8400000F, "PSCI_SET_SUSPEND_MODE" },
	{ 0x84000010, "PSCI_STAT_RESIDENCY" }, { 0x84000011, "PSCI_STAT_COUNT" },
	{ 0x84000012, "SYSTEM_RESET2" }, { 0x84000013, "MEM_PROTECT" },
	{ 0x84000014, "MEM_PROTECT_CHECK_RANGE" },
	{ 0xC4000001, "CPU_SUSPEND_64" }, { 0xC4000003, "CPU_ON_64" },
	{ 0xC4000004, "AFFINITY_INFO_64" }, { 0xC4000005, "MIGRATE_64" },
	{ 0xC4000007, "MIGRATE_INFO_UP_CPU_64" }, { 0xC400000C, "CPU_DEFAULT_SUSPEND_64" },
	{ 0xC400000D, "NODE_HW_STATE_64" }, { 0xC400000E, "SYSTEM_SUSPEND_64" },
	{ 0xC4000010, "PSCI_STAT_RESIDENCY_64" }, { 0xC4000011, "PSCI_STAT_COUNT_64" },
	{ 0xC4000012, "SYSTEM_RESET2_64" }, { 0xC4000014, "MEM_PROTECT_CHECK_RANGE_64" },
	{ SMCCC_VERSION_FN, "SMCCC_VERSION" },
	{ SMCCC_ARCH_FEATURES_FN, "SMCCC_ARCH_FEATURES" },
	{ 0x80000002, "SMCCC_ARCH_SOC_ID" },
	{ SMCCC_ARCH_WORKAROUND_1_FN, "SMCCC_ARCH_WORKAROUND_1" },
	{ 0x80007FFF, "SMCCC_ARCH_WORKAROUND_2" },
	{ 0x80003FFF, "SMCCC_ARCH_WORKAROUND_3" },
};

const char *psci_fn_name(uint32_t fn)
{
	for (size_t i = 0; i < sizeof(fn_names) / sizeof(fn_names[0]); i++)
		if (fn_names[i].fn == fn)
			return fn_names[i].name;
	return NULL;
}

/* The functions the board implements: PSCI_FEATURES answers 0 for these. */
static bool board_implements(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION_FN: case PSCI_FEATURES_FN: case PSCI_CPU_OFF_FN:
	case PSCI_SYSTEM_OFF_FN: case PSCI_SYSTEM_RESET_FN: case SMCCC_VERSION_FN:
		return true;
	}
	return false;
}

static void stop(struct board *b, struct psci_result *out, int status)
{
	b->stopped = true;
	out->stop = true;
	out->status = status;
}

void board_psci(struct board *b, uint32_t fn, uint32_t arg, struct psci_result *out)
{
	*out = (struct psci_result){ .ret = PSCI_RET_SUCCESS, .known = true };
	out->name = psci_fn_name(fn);
	switch (fn) {
	case PSCI_VERSION_FN: out->ret = PSCI_BOARD_VERSION; break;
	case PSCI_FEATURES_FN:
		out->ret = board_implements(arg) ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
		break;
	case PSCI_CPU_OFF_FN:
	case PSCI_SYSTEM_OFF_FN: stop(b, out, (int)b->status); break;
	case PSCI_SYSTEM_RESET_FN: stop(b, out, BOARD_STATUS_RESET); break;
	case SMCCC_VERSION_FN: out->ret = SMCCC_BOARD_VERSION; break;
	case SMCCC_ARCH_FEATURES_FN:
		/* WORKAROUND_1 is offered (as a no-op) so a benchmark can time it. */
		out->ret = arg == SMCCC_ARCH_WORKAROUND_1_FN ? PSCI_RET_SUCCESS
							     : PSCI_RET_NOT_SUPPORTED;
		break;
	case SMCCC_ARCH_WORKAROUND_1_FN: break;	/* nothing to flush: returns 0 */
	default:
		out->ret = PSCI_RET_NOT_SUPPORTED;
		out->known = false;
	}
	if (!out->name)
		out->name = "UNKNOWN";	/* a name only for ids no spec defines */
}
