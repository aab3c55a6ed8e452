/* The KVM_RUN loop and what it does with each exit. */
#ifndef KVM_RUNNER_RUN_H
#define KVM_RUNNER_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include "traps.h"
#include "vm.h"

struct run_state {
	struct vm *vm;	      /* as this vCPU's thread sees it (vcpu.h) */
	unsigned cpu;	      /* the vCPU: its records' cpu field */
	struct traps *traps;  /* the runner's own records (by=vmm) */
	bool log;	      /* record traps */
	bool pc_from_trace;   /* the kvm trace gives the records' pc: no ioctl per exit */
	bool strict;	      /* --strict: an access to no device stops the guest */
	bool input;	      /* --stdin, until its EOF: polled (input.c) */
	uint64_t deadline_ns; /* CLOCK_MONOTONIC; 0 = none */
	uint64_t irq_level;   /* device_irq_level last forwarded */
	unsigned runs, ticks;
	unsigned coalesced; /* writes drained from the coalesced MMIO ring */
	bool done;
	int status;			     /* the exit status once done */
	unsigned injected;		     /* data aborts given to the guest (inject.c) */
	unsigned inject_run, inject_repeats; /* the last one's KVM_RUN, and its repeats */
	uint32_t inject_pc, inject_ipa;
	unsigned pc_outside; /* ticks in a row with the pc outside RAM */
	unsigned tick_runs;  /* rs->runs at the last tick */
};

/* clang-format off */
#define RUN_TICK_MS 100
#define RUN_CLOCK_EVERY 1024	/* exits between deadline checks without a tick */
/* clang-format on */

/* Runs the vCPU until the guest stops, times out or KVM fails. */
int run_loop(struct run_state *rs);

/*
 * Helpers of the exit handlers: a record for the trap log (kept only when
 * one is written); the guest stopped, with a stop record and its status.
 */
void run_record(struct run_state *rs, const struct trap_record *r);
void run_stop(struct run_state *rs, enum trap_stop why, int status, uint32_t pc, uint32_t ipa);
uint32_t run_pc(struct run_state *rs);
/*
 * The pc of an exit's record, the trapping instruction's (back: bytes
 * the vCPU's pc is past it): left to the trace merge when the kvm trace
 * is on (TR_PC_UNKNOWN until then), else one KVM_GET_ONE_REG.
 */
void run_record_pc(struct run_state *rs, struct trap_record *r, uint32_t back);

/*
 * An access at ipa where the board has nothing: a data abort at the
 * guest's vectors (inject.c), or the stop of a guest stuck re-taking it
 * (BOARD_STATUS_STUCK). 0 to run on, else an exit status.
 */
int run_inject_dabt(struct run_state *rs, uint32_t ipa, bool write);

/*
 * At a tick: stops a guest whose pc stays outside RAM (BOARD_STATUS_STUCK).
 * Looks only when the vCPU came back for nothing but ticks since the last
 * one, so a guest that exits costs no call more.
 */
int run_check_pc(struct run_state *rs);

/* No device at ipa: inject, or stop (status 126) with --strict. */
int run_no_device(struct run_state *rs, uint32_t pc, uint32_t ipa, bool write);

/* KVM_EXIT_ARM_NISV (nisv.c). */
int run_nisv(struct run_state *rs);
/*
 * KVM_RUN failed with ENOSYS (no NISV_TO_USER): emulates the instruction
 * at pc if it is a load/store to devices only. 0 when done, -1 when not.
 */
int run_isv0_fallback(struct run_state *rs);

#endif
