/*
 * The per-CPU half of PSCI (psci.h): CPU_ON, CPU_OFF, AFFINITY_INFO and the
 * system events, with the answers KVM gives an AArch32 guest. Each function
 * names the kernel function it follows; where 5.6 and 6.1 differ, p->as
 * picks.
 */
#include "board.h"

void psci_cpus_reset(struct psci_cpus *p, enum psci_as as)
{
	p->as = as;
	for (unsigned i = 0; i < BOARD_MAX_CPUS; i++)
		p->power[i] = i == 0 ? PSCI_POWER_ON : PSCI_POWER_OFF;
}

void psci_cpu_entered(struct psci_cpus *p, unsigned cpu)
{
	if (cpu < BOARD_MAX_CPUS && p->power[cpu] == PSCI_POWER_ON_PENDING)
		p->power[cpu] = PSCI_POWER_ON;
}

uint32_t psci_version(enum psci_as as) { return as == PSCI_AS_KVM_5_6 ? 0x00010000 : 0x00010001; }

/*
 * 6.1's kvm_psci_valid_affinity: an affinity with bits outside
 * MPIDR_HWID_BITMASK is refused (for a 32-bit value: bits 31..24, so the
 * MPIDR's own M bit too). 5.6 has no such check: kvm_psci_vcpu_on masks the
 * bits off, kvm_psci_vcpu_affinity_info ignores them.
 */
static bool affinity_valid(enum psci_as as, uint32_t aff)
{
	return as == PSCI_AS_KVM_5_6 || (aff & ~(uint32_t)PSCI_HWID_64) == 0;
}

/* kvm_mpidr_to_vcpu: the vCPU whose MPIDR affinity is aff, or -1. */
static int cpu_of_affinity(unsigned ncpus, uint32_t aff)
{
	for (unsigned i = 0; i < ncpus && i < BOARD_MAX_CPUS; i++)
		if ((board_cpu_mpidr(i) & PSCI_HWID_32) == aff)
			return (int)i;
	return -1;
}

/* kvm_psci_vcpu_on (5.6 and 6.1 alike, but for the affinity check). */
void psci_cpu_on(struct psci_cpus *p, unsigned ncpus, const struct psci_call *c,
		 struct psci_result *out)
{
	uint32_t aff = c->a1;
	int t;

	if (!affinity_valid(p->as, aff)) {
		out->ret = PSCI_RET_INVALID_PARAMS;
		return;
	}
	t = cpu_of_affinity(ncpus, aff & PSCI_HWID_32);
	if (t < 0) {
		out->ret = PSCI_RET_INVALID_PARAMS;
		return;
	}
	if (p->power[t] != PSCI_POWER_OFF) { /* ON_PENDING too: power_off is false */
		out->ret = PSCI_RET_ALREADY_ON;
		return;
	}
	p->power[t] = PSCI_POWER_ON_PENDING;
	out->ret = PSCI_RET_SUCCESS;
	out->act = PSCI_ACT_CPU_ON;
	out->target = (unsigned)t;
	out->entry = c->a2 & ~1u; /* kvm_reset_vcpu: bit 0 selects Thumb */
	out->thumb = c->a2 & 1u;
	out->context_id = c->a3;
}

/*
 * psci_affinity_mask: the affinity fields at and above the lowest level
 * asked for, within MPIDR_HWID_BITMASK; 0 for a level KVM refuses (above
 * 3, and on 32-bit ARM level 3 itself, which it has no Aff3 for).
 */
static uint64_t affinity_mask(enum psci_as as, uint32_t level)
{
	uint64_t hwid = as == PSCI_AS_KVM_5_6 ? PSCI_HWID_32 : PSCI_HWID_64;

	if (level > 3)
		return 0;
	return hwid & ~((1ull << (level * 8)) - 1);
}

/* kvm_psci_vcpu_affinity_info: ON if any matching vCPU is not off. */
void psci_affinity_info(const struct psci_cpus *p, unsigned ncpus, const struct psci_call *c,
			struct psci_result *out)
{
	uint64_t mask = affinity_mask(p->as, c->a2), target = c->a1 & mask;
	unsigned matching = 0;

	out->ret = PSCI_RET_INVALID_PARAMS;
	if (!affinity_valid(p->as, c->a1) || !mask)
		return;
	for (unsigned i = 0; i < ncpus && i < BOARD_MAX_CPUS; i++) {
		if (((board_cpu_mpidr(i) & PSCI_HWID_32) & mask) != target)
			continue;
		matching++;
		if (p->power[i] != PSCI_POWER_OFF) {
			out->ret = PSCI_AFFINITY_ON;
			return;
		}
	}
	if (matching)
		out->ret = PSCI_AFFINITY_OFF;
}

/*
 * kvm_psci_vcpu_off: the caller powers off. KVM then sleeps the vCPU; when
 * none is left on, nothing can ever start one, and the board ends the run
 * (with the status the guest gave), as a VMM whose vCPUs all sleep would.
 */
bool psci_cpu_off(struct psci_cpus *p, unsigned ncpus, unsigned cpu)
{
	if (cpu < BOARD_MAX_CPUS)
		p->power[cpu] = PSCI_POWER_OFF;
	for (unsigned i = 0; i < ncpus && i < BOARD_MAX_CPUS; i++)
		if (p->power[i] != PSCI_POWER_OFF)
			return false;
	return true;
}

/* kvm_prepare_system_event: every vCPU powers off before the VMM is told. */
void psci_all_off(struct psci_cpus *p)
{
	for (unsigned i = 0; i < BOARD_MAX_CPUS; i++)
		p->power[i] = PSCI_POWER_OFF;
}
