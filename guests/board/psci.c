/*
 * PSCI and the SMCCC architecture calls through HVC (docs/guest-abi.md).
 * Function ids: ARM DEN 0022 (PSCI 1.1) and ARM DEN 0028 (SMCCC 1.1).
 */
#include <stddef.h>
#include "board.h"

/*
 * Names by id, looked up by index (never a walk: the trap log formats them,
 * and the SMCCC ids sit far apart). PSCI 0.2+ SMC32 ids are 0x84000000 + n,
 * their SMC64 twins 0xC4000000 + n (only some n have one).
 */
#define PSCI_FN64_BASE 0xC4000000u

static const char *const psci32_names[] = {
	"PSCI_VERSION",
	"CPU_SUSPEND",
	"CPU_OFF",
	"CPU_ON",
	"AFFINITY_INFO",
	"MIGRATE",
	"MIGRATE_INFO_TYPE",
	"MIGRATE_INFO_UP_CPU",
	"SYSTEM_OFF",
	"SYSTEM_RESET",
	"PSCI_FEATURES",
	"CPU_FREEZE",
	"CPU_DEFAULT_SUSPEND",
	"NODE_HW_STATE",
	"SYSTEM_SUSPEND",
	"PSCI_SET_SUSPEND_MODE",
	"PSCI_STAT_RESIDENCY",
	"PSCI_STAT_COUNT",
	"SYSTEM_RESET2",
	"MEM_PROTECT",
	"MEM_PROTECT_CHECK_RANGE",
};

static const char *const psci64_names[] = {
	[0x01] = "CPU_SUSPEND_64",	   [0x03] = "CPU_ON_64",
	[0x04] = "AFFINITY_INFO_64",	   [0x05] = "MIGRATE_64",
	[0x07] = "MIGRATE_INFO_UP_CPU_64", [0x0C] = "CPU_DEFAULT_SUSPEND_64",
	[0x0D] = "NODE_HW_STATE_64",	   [0x0E] = "SYSTEM_SUSPEND_64",
	[0x10] = "PSCI_STAT_RESIDENCY_64", [0x11] = "PSCI_STAT_COUNT_64",
	[0x12] = "SYSTEM_RESET2_64",	   [0x14] = "MEM_PROTECT_CHECK_RANGE_64",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *smccc_fn_name(uint32_t fn)
{
	switch (fn) {
	case SMCCC_VERSION_FN: return "SMCCC_VERSION";
	case SMCCC_ARCH_FEATURES_FN: return "SMCCC_ARCH_FEATURES";
	case 0x80000002: return "SMCCC_ARCH_SOC_ID";
	case SMCCC_ARCH_WORKAROUND_1_FN: return "SMCCC_ARCH_WORKAROUND_1";
	case 0x80007FFF: return "SMCCC_ARCH_WORKAROUND_2";
	case 0x80003FFF: return "SMCCC_ARCH_WORKAROUND_3";
	}
	return NULL;
}

const char *psci_fn_name(uint32_t fn)
{
	if (fn - PSCI_0_2_FN_BASE < COUNT(psci32_names))
		return psci32_names[fn - PSCI_0_2_FN_BASE];
	if (fn - PSCI_FN64_BASE < COUNT(psci64_names))
		return psci64_names[fn - PSCI_FN64_BASE]; /* NULL in the gaps */
	return smccc_fn_name(fn);
}

/* The functions the board implements: PSCI_FEATURES answers 0 for these. */
static bool board_implements(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION_FN:
	case PSCI_FEATURES_FN:
	case PSCI_CPU_OFF_FN:
	case PSCI_SYSTEM_OFF_FN:
	case PSCI_SYSTEM_RESET_FN:
	case SMCCC_VERSION_FN: return true;
	}
	return false;
}

static void stop(struct board *b, struct psci_result *out, int status)
{
	b->stopped = true;
	out->stop = true;
	out->status = status;
}

void board_psci_answer(struct board *b, uint32_t fn, uint32_t arg, struct psci_result *out)
{
	*out = (struct psci_result){ .ret = PSCI_RET_SUCCESS, .known = true };
	if (board_psci_const(fn, &out->ret))
		return; /* PSCI_VERSION, SMCCC_VERSION, WORKAROUND_1 */
	switch (fn) {
	case PSCI_FEATURES_FN:
		out->ret = board_implements(arg) ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
		break;
	case PSCI_CPU_OFF_FN:
	case PSCI_SYSTEM_OFF_FN: stop(b, out, (int)board_exit_status(b, &out->from)); break;
	case PSCI_SYSTEM_RESET_FN: stop(b, out, BOARD_STATUS_RESET); break;
	case SMCCC_ARCH_FEATURES_FN:
		/* WORKAROUND_1 is offered (as a no-op) so a benchmark can time it. */
		out->ret = arg == SMCCC_ARCH_WORKAROUND_1_FN ? PSCI_RET_SUCCESS
							     : PSCI_RET_NOT_SUPPORTED;
		break;
	default: out->ret = PSCI_RET_NOT_SUPPORTED; out->known = false;
	}
}

void board_psci(struct board *b, uint32_t fn, uint32_t arg, struct psci_result *out)
{
	board_psci_answer(b, fn, arg, out);
	out->name = psci_fn_name(fn);
	if (!out->name)
		out->name = "UNKNOWN"; /* a name only for ids no spec defines */
}
