/*
 * The kvm trace events of the run, from tracefs (root only): enabled just
 * before the VM is created, for this process only, read back after the
 * run and merged into the trap log (trap_merge.h).
 */
#ifndef KVM_RUNNER_TRACEFS_H
#define KVM_RUNNER_TRACEFS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "traps.h"

/*
 * Returns true when the events are on (else the reason is noted once), with
 * a ring of buffer_kb KiB per CPU. kernel_irqchip: KVM's vGIC, which traces
 * every level the timer gives it (vgic_update_irq_pending), so the timer's
 * own event, a twin fired at every vCPU load, stays off. kvm_mmio is
 * filtered to what KVM completes itself (trace_mmio_filter; coalesce:
 * the console's coalesced zone).
 */
bool tracefs_start(unsigned buffer_kb, bool kernel_irqchip, bool coalesce);

/* Stops tracing without reading it (the run never started). */
void tracefs_stop(void);

/*
 * Stops tracing, parses the trace of this process and merges it with the
 * runner's records into out, reading until until_ns (mono_ns; 0: to the
 * end). raw, if not NULL, gets the trace's kvm lines. *lost gets the
 * events missing from it: overwritten or refused by the ring, or unread.
 * Returns the number of kvm events read, or -1.
 */
int tracefs_finish(const struct traps *vmm, struct traps *out, FILE *raw, uint64_t ram_size,
		   const int *tids, unsigned ncpus, uint64_t until_ns, unsigned *lost);

#endif
