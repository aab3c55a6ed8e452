/*
 * The trap log's kvm events from eBPF programs the runner loads itself
 * (bpf_prog.h) on KVM's raw tracepoints, written into an mmapped array
 * map: no ftrace ring buffer on the exit path, no system call to read.
 * arm64 (Linux >= 5.12: mmapable maps, atomics), as root; else the
 * runner falls back to the trace events (tracefs.h). docs/kvm-runner.md,
 * "Where the kvm events come from".
 */
#ifndef KVM_RUNNER_BPF_SRC_H
#define KVM_RUNNER_BPF_SRC_H

#include <stdbool.h>
#include <stdint.h>
#include "traps.h"

/*
 * Attaches the programs (a map of about twice buffer_kb KiB). Returns
 * true when they are on; else one note says why and nothing is left.
 * kernel_irqchip and coalesce as tracefs_start's.
 */
bool bpf_src_start(unsigned buffer_kb, bool kernel_irqchip, bool coalesce);

/* Detaches them and frees the map (the run never started). */
void bpf_src_stop(void);

/* As tracefs_finish, from the map (there are no trace lines to keep). */
int bpf_src_finish(const struct traps *vmm, struct traps *out, uint64_t ram_size, const int *tids,
		   unsigned ncpus, uint64_t until_ns, unsigned *lost);

#endif
