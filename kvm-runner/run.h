/* The KVM_RUN loop and what it does with each exit. */
#ifndef KVM_RUNNER_RUN_H
#define KVM_RUNNER_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include "traps.h"
#include "vm.h"

struct run_state {
	struct vm *vm;
	struct traps *traps;	/* the runner's own records (by=vmm) */
	bool log;		/* record traps (costs a KVM_GET_ONE_REG of pc) */
	bool strict;		/* --strict: an access to no device stops the guest */
	uint64_t deadline_ns;	/* CLOCK_MONOTONIC; 0 = none */
	uint64_t irq_level;	/* device_irq_level last forwarded */
	unsigned runs, ticks;
	unsigned coalesced;	/* writes drained from the coalesced MMIO ring */
	bool done;
	int status;		/* the exit status once done */
};

#define RUN_TICK_MS 100
#define RUN_CLOCK_EVERY 1024	/* exits between deadline checks without a tick */

/* Runs the vCPU until the guest stops, times out or KVM fails. */
int run_loop(struct run_state *rs);

/*
 * Helpers of the exit handlers: a record for the trap log (kept only when
 * one is written); the guest stopped, with a stop record and its status.
 */
void run_record(struct run_state *rs, const struct trap_record *r);
void run_stop(struct run_state *rs, enum trap_stop why, int status, uint32_t pc, uint32_t ipa);
uint32_t run_pc(struct run_state *rs);

/* KVM_EXIT_ARM_NISV (nisv.c). */
int run_nisv(struct run_state *rs);
/*
 * KVM_RUN failed with ENOSYS (no NISV_TO_USER): emulates the instruction
 * at pc if it is a load/store to devices only. 0 when done, -1 when not.
 */
int run_isv0_fallback(struct run_state *rs);

#endif
