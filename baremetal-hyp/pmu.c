/*
 * The hypervisor's share of a run, counted exactly (command-line option
 * "pmu", run.sh --pmu; docs/linux-profile.md): HDCR.HPMN keeps the top two
 * PMU event counters from the guest (its PMU accesses trap anyway, HDCR.TPM),
 * HDCR.HPME turns them on, and both count INST_RETIRED from the guest's
 * entry on: one at PL2 only, one at PL1 and PL0 only (PMXEVTYPER's P, U and
 * NSH filter bits). QEMU counts the event only under -icount; otherwise both
 * stay 0 and the line says so. KVM leaves HPMN at all counters
 * (__activate_traps keeps it): it has no such measurement.
 *
 * The counters are 32 bits wide: each physical interrupt (irq.c) folds an
 * overflow into the high half, a guest's timer tick or an idle wake-up
 * comes far more often than every 2^32 instructions.
 */
#include <stdint.h>
#include "console.h"
#include "hyp.h"
#include "sysregs.h"

enum { PMU_GUEST, PMU_HYP, PMU_OURS };

/* clang-format off */
#define FILTER_GUEST	0u	/* P, U clear: PL1 and PL0; NSH clear: not PL2 */
#define FILTER_HYP	(PMXEVTYPER_P | PMXEVTYPER_U | PMXEVTYPER_NSH)	/* PL2 only */
/* clang-format on */

static bool on;
static unsigned first;		/* the first of our counters: HPMN */
static uint64_t high[PMU_OURS]; /* the overflows, times 2^32 */

static uint32_t counter_read(unsigned i)
{
	write_PMSELR(first + i);
	isb();
	return read_PMXEVCNTR();
}

/* Starts both counters at 0: just before the guest's first instruction. */
void pmu_start(void)
{
	static const uint32_t filter[PMU_OURS] = {
		[PMU_GUEST] = FILTER_GUEST,
		[PMU_HYP] = FILTER_HYP,
	};
	unsigned n = (read_PMCR() >> PMCR_N_SHIFT) & PMCR_N_MASK;

	if (n < PMU_OURS + 1) { /* HPMN = 0 is UNPREDICTABLE */
		hyp_printf("hyp: pmu: %u event counters, too few to keep %u\n", n, PMU_OURS);
		return;
	}
	first = n - PMU_OURS;
	write_HDCR((read_HDCR() & ~HDCR_HPMN_MASK) | first | HDCR_HPME);
	for (unsigned i = 0; i < PMU_OURS; i++) {
		write_PMSELR(first + i);
		isb();
		write_PMXEVTYPER(filter[i] | PMU_EV_INST_RETIRED);
		write_PMXEVCNTR(0);
	}
	write_PMOVSR(3u << first);
	on = true;
	write_PMCNTENSET(3u << first);
	isb();
}

/* Folds a wrapped counter into its high half. */
void pmu_poll(void)
{
	uint32_t ovs;

	if (!on)
		return;
	ovs = read_PMOVSR() & (3u << first);
	if (!ovs)
		return;
	write_PMOVSR(ovs);
	for (unsigned i = 0; i < PMU_OURS; i++)
		if (ovs & (1u << (first + i)))
			high[i] += 1ull << 32;
}

/* The counts, once the guest has stopped: "hyp: instructions guest=G hyp=H". */
void pmu_report(void)
{
	uint64_t v[PMU_OURS];

	if (!on)
		return;
	write_PMCNTENCLR(3u << first);
	isb();
	pmu_poll();
	for (unsigned i = 0; i < PMU_OURS; i++)
		v[i] = high[i] + counter_read(i);
	if (!v[PMU_GUEST] && !v[PMU_HYP]) {
		hyp_printf("hyp: instructions: none counted (QEMU counts them under -icount)\n");
		return;
	}
	hyp_printf("hyp: instructions guest=%llu hyp=%llu (PMU INST_RETIRED at PL1+PL0 and at PL2, "
		   "from the guest's entry)\n",
		   (unsigned long long)v[PMU_GUEST], (unsigned long long)v[PMU_HYP]);
}
