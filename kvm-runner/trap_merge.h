/*
 * Turns the kvm trace events of a run into trap records (by=kvm) and
 * merges the runner's own records (by=vmm) in at the traps that went to
 * userspace, in order. Pure C: fed one event at a time.
 *
 * A trap is a kvm_exit that is a guest trap (not a host IRQ) plus the
 * detail events up to the next kvm_entry or kvm_exit. One that ended in
 * kvm_userspace_exit (MMIO, SYSTEM_EVENT, ARM_NISV) is the next runner
 * record, which takes the trace's full HSR; the others are KVM's own.
 */
#ifndef KVM_RUNNER_TRAP_MERGE_H
#define KVM_RUNNER_TRAP_MERGE_H

#include <stdbool.h>
#include <stdint.h>
#include "trace_parse.h"
#include "traps.h"

struct trap_merge {
	struct traps *out;
	const struct traps *vmm;
	unsigned next_vmm;
	struct trap_record cur;
	bool active;	    /* cur holds a trap being assembled */
	bool to_user;	    /* it ended in a userspace exit */
	bool mmio;	    /* KVM saw it as an MMIO access */
	unsigned skipped;   /* guest traps of a class the log has no outcome for */
	unsigned unmatched; /* trace traps to userspace with no runner record */
	unsigned untraced;  /* runner records with no trace trap (lost events) */
	unsigned injected;  /* aborts outside RAM KVM reflected into the guest */
	uint64_t ram_size;  /* guest RAM from BOARD_RAM_BASE: where faults map */
	unsigned cpu;	    /* the vCPU whose events and records these are */
	uint64_t ts;	    /* the trace time of the trap being assembled (us) */
};

void merge_begin(struct trap_merge *m, struct traps *out, const struct traps *vmm,
		 uint64_t ram_size);
void merge_event(struct trap_merge *m, const struct kvm_event *ev);
/* Flushes the last trap and appends runner records the trace did not cover. */
void merge_end(struct trap_merge *m);

#endif
