/*
 * The kvm events of a run, from either source (tracefs.c's text, bpf_src.c's
 * records), merged per vCPU with the runner's own records (trap_merge.h)
 * and interleaved by time into one trap list.
 */
#ifndef KVM_RUNNER_EVENT_MERGE_H
#define KVM_RUNNER_EVENT_MERGE_H

#include <stdint.h>
#include "memmap.h"
#include "trap_merge.h"

struct event_merge {
	struct trap_merge m[BOARD_MAX_CPUS];
	struct traps sub[BOARD_MAX_CPUS], per_cpu[BOARD_MAX_CPUS];
	const int *tids;
	unsigned ncpus;
};

void event_merge_begin(struct event_merge *em, const struct traps *vmm, uint64_t ram_size,
		       const int *tids, unsigned ncpus);
/* The vCPU whose event ev is (its thread's; 0 for no task's), -1: not this run's. */
int event_merge_cpu(const struct event_merge *em, const struct kvm_event *ev);
void event_merge_add(struct event_merge *em, unsigned cpu, const struct kvm_event *ev);
/* The merged list into out; notes what did not match, and lost (the source's losses). */
void event_merge_end(struct event_merge *em, struct traps *out, unsigned lost);

#endif
