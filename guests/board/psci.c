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

/*
 * PSCI_FEATURES: KVM's list (kvm_psci_1_0_call in 5.6, kvm_psci_1_x_call
 * in 6.1, which adds SYSTEM_RESET2 for 1.1). SYSTEM_SUSPEND is offered
 * by 6.1 only once the VMM enables KVM_CAP_ARM_SYSTEM_SUSPEND, which no
 * kit VMM does.
 */
static bool kvm_has_feature(enum psci_as as, uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION_FN:
	case PSCI_CPU_SUSPEND_FN:
	case PSCI_CPU_SUSPEND64_FN:
	case PSCI_CPU_OFF_FN:
	case PSCI_CPU_ON_FN:
	case PSCI_CPU_ON64_FN:
	case PSCI_AFFINITY_INFO_FN:
	case PSCI_AFFINITY_INFO64_FN:
	case PSCI_MIGRATE_INFO_TYPE_FN:
	case PSCI_SYSTEM_OFF_FN:
	case PSCI_SYSTEM_RESET_FN:
	case PSCI_FEATURES_FN:
	case SMCCC_VERSION_FN: return true;
	case PSCI_SYSTEM_RESET2_FN:
	case PSCI_SYSTEM_RESET2_64_FN: return as == PSCI_AS_KVM_6_1;
	}
	return false;
}

static void stop(struct board *b, struct psci_result *out, int status)
{
	b->stopped = true;
	out->stop = true;
	out->status = status;
}

/* kvm_prepare_system_event: all vCPUs off, then the VMM ends the run. */
static void system_event(struct board *b, struct psci_result *out, bool reset)
{
	psci_all_off(&b->psci);
	out->ret = PSCI_RET_INTERNAL_FAILURE; /* r0 if ever resumed, as KVM preloads */
	if (reset)
		stop(b, out, BOARD_STATUS_RESET);
	else
		stop(b, out, (int)board_exit_status(b, &out->from));
}

/* 6.1's SYSTEM_RESET2 (kvm_psci_1_x_call): warm reset or a vendor type resets. */
static void system_reset2(struct board *b, const struct psci_call *c, struct psci_result *out)
{
	if (c->a1 == 0 || c->a1 >= PSCI_RESET2_VENDOR)
		system_event(b, out, true);
	else
		out->ret = PSCI_RET_INVALID_PARAMS;
}

static void not_supported(struct psci_result *out)
{
	out->ret = PSCI_RET_NOT_SUPPORTED;
	out->known = false;
}

/* kvm_psci_0_2_call, with 1.x's additions (kvm_psci_1_x_call) ahead of it. */
static void psci_answer(struct board *b, const struct psci_call *c, struct psci_result *out)
{
	struct psci_cpus *p = &b->psci;
	unsigned ncpus = b->desc->ncpus;

	/* 6.1's kvm_psci_check_allowed_function: no SMC64 ids from AArch32 */
	if (p->as == PSCI_AS_KVM_6_1 && (c->fn & PSCI_FN64_BIT)) {
		not_supported(out);
		return;
	}
	switch (c->fn) {
	case PSCI_VERSION_FN: out->ret = psci_version(p->as); break;
	case PSCI_FEATURES_FN:
		out->ret = (p->as == PSCI_AS_KVM_6_1 && (c->a1 & PSCI_FN64_BIT)) ||
				!kvm_has_feature(p->as, c->a1)
			? PSCI_RET_NOT_SUPPORTED
			: PSCI_RET_SUCCESS;
		break;
	case PSCI_CPU_SUSPEND_FN: /* kvm_psci_vcpu_suspend: a WFI, state kept */
	case PSCI_CPU_SUSPEND64_FN: out->act = PSCI_ACT_SUSPEND; break;
	case PSCI_CPU_OFF_FN: /* kvm_psci_vcpu_off */
		if (psci_cpu_off(p, ncpus, c->cpu))
			stop(b, out, (int)board_exit_status(b, &out->from));
		else
			out->act = PSCI_ACT_CPU_OFF;
		break;
	case PSCI_CPU_ON_FN:
	case PSCI_CPU_ON64_FN: psci_cpu_on(p, ncpus, c, out); break;
	case PSCI_AFFINITY_INFO_FN:
	case PSCI_AFFINITY_INFO64_FN: psci_affinity_info(p, ncpus, c, out); break;
	case PSCI_MIGRATE_INFO_TYPE_FN: out->ret = PSCI_TOS_MP; break;
	case PSCI_SYSTEM_OFF_FN: system_event(b, out, false); break;
	case PSCI_SYSTEM_RESET_FN: system_event(b, out, true); break;
	case PSCI_SYSTEM_RESET2_FN: /* 1.1 only: 5.6 answers -1 */
		if (p->as == PSCI_AS_KVM_6_1)
			system_reset2(b, c, out);
		else
			not_supported(out);
		break;
	default: not_supported(out);
	}
}

/*
 * kvm_hvc_call_handler: the SMCCC calls, then PSCI (kvm_psci_call). The
 * SMCCC_ARCH_FEATURES answers are the board's own: KVM's depend on the
 * host CPU (docs/guest-abi.md).
 */
void board_psci_answer(struct board *b, const struct psci_call *c, struct psci_result *out)
{
	*out = (struct psci_result){ .ret = PSCI_RET_SUCCESS, .known = true };
	switch (c->fn) {
	case SMCCC_ARCH_WORKAROUND_1_FN: break; /* nothing to flush: returns 0 */
	case SMCCC_VERSION_FN: out->ret = SMCCC_BOARD_VERSION; break;
	case SMCCC_ARCH_FEATURES_FN:
		/* WORKAROUND_1 is offered (as a no-op) so a benchmark can time it. */
		out->ret = c->a1 == SMCCC_ARCH_WORKAROUND_1_FN ? PSCI_RET_SUCCESS
							       : PSCI_RET_NOT_SUPPORTED;
		break;
	default: psci_answer(b, c, out);
	}
}

void board_psci(struct board *b, const struct psci_call *c, struct psci_result *out)
{
	board_psci_answer(b, c, out);
	out->name = psci_fn_name(c->fn);
	if (!out->name)
		out->name = "UNKNOWN"; /* a name only for ids no spec defines */
}
