/* Both event sources' merge: per vCPU, then interleaved by trace time. */
#include <string.h>
#include "err.h"
#include "event_merge.h"

/* The vCPU whose thread a trace line is from, or -1 (not this run's). */
static int cpu_of_task(int pid, const int *tids, unsigned ncpus)
{
	for (unsigned c = 0; c < ncpus; c++)
		if (tids[c] == pid)
			return (int)c;
	return -1;
}

/* vCPU c's own records, in their order. */
static void records_of(struct traps *sub, const struct traps *vmm, unsigned c)
{
	for (unsigned i = 0; i < vmm->n; i++)
		if (vmm->rec[i].cpu == c)
			traps_add(sub, &vmm->rec[i]);
}

void event_merge_begin(struct event_merge *em, const struct traps *vmm, uint64_t ram_size,
		       const int *tids, unsigned ncpus)
{
	memset(em, 0, sizeof(*em));
	em->tids = tids;
	em->ncpus = ncpus;
	for (unsigned c = 0; c < ncpus; c++) {
		records_of(&em->sub[c], vmm, c);
		merge_begin(&em->m[c], &em->per_cpu[c], &em->sub[c], ram_size);
		em->m[c].cpu = c;
	}
}

int event_merge_cpu(const struct event_merge *em, const struct kvm_event *ev)
{
	return ev->pid >= 0 ? cpu_of_task(ev->pid, em->tids, em->ncpus) : 0;
}

void event_merge_add(struct event_merge *em, unsigned cpu, const struct kvm_event *ev)
{
	merge_event(&em->m[cpu], ev);
}

/* On stderr, and the disagreements in the trap log too (traps_write's comment). */
static void merge_note(const struct trap_merge *m, unsigned ncpus, unsigned lost, struct traps *out)
{
	unsigned injected = 0, unmatched = 0, untraced = 0;

	for (unsigned c = 0; c < ncpus; c++) {
		injected += m[c].injected;
		unmatched += m[c].unmatched;
		untraced += m[c].untraced;
	}
	out->unmatched = unmatched;
	out->untraced = untraced;
	if (lost)
		note("the kvm trace lost %u events: some traps are missing from the log", lost);
	if (injected)
		note("%u aborts outside RAM that KVM reflected into the guest are not in the "
		     "trap log",
		     injected);
	if (unmatched || untraced)
		note("kvm trace and runner exits disagree: %u traced exits without a runner "
		     "record, %u runner records without trace events",
		     unmatched, untraced);
}

void event_merge_end(struct event_merge *em, struct traps *out, unsigned lost)
{
	for (unsigned c = 0; c < em->ncpus; c++)
		merge_end(&em->m[c]);
	traps_interleave(out, em->per_cpu, em->ncpus);
	merge_note(em->m, em->ncpus, lost, out);
	for (unsigned c = 0; c < em->ncpus; c++) {
		traps_free(&em->sub[c]);
		traps_free(&em->per_cpu[c]);
	}
}
