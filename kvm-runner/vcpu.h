/*
 * The vCPUs beyond the first (issue 10; docs/kvm-runner.md, "vCPU threads"):
 * created with KVM_ARM_VCPU_POWER_OFF, one thread each, KVM's in-kernel
 * PSCI starting and stopping them. vCPU 0 runs on the main thread.
 *
 *   main thread:  run_loop(vCPU 0) ── ticks (SIGALRM) ── the watchdog
 *   thread n:     run_loop(vCPU n)    (SIGALRM blocked; SIGUSR1 kicks it)
 *
 * KVM_RUN runs unlocked; what a thread does with an exit (the board, the
 * trap log, the ioctl trace) is done under one lock, so the log is one
 * ordered list. The run is over when any vCPU's loop ends it (SYSTEM_OFF
 * or SYSTEM_RESET, a fault, the watchdog, KVM failing): then every other
 * thread is kicked out of KVM_RUN (immediate_exit and SIGUSR1) and joined.
 */
#ifndef KVM_RUNNER_VCPU_H
#define KVM_RUNNER_VCPU_H

#include <stdbool.h>
#include "run.h"
#include "vm.h"

/* KVM_CREATE_VCPU n, KVM_ARM_VCPU_INIT with POWER_OFF, mmap, for n = 1..ncpus-1. */
int vcpu_create_secondaries(struct vm *vm);

/*
 * Runs every vCPU until the run is over: the secondaries' threads, vCPU 0
 * on this one. Returns run_loop's result for the vCPU that ended it (its
 * status in rs0->status, rs0->done set), after every thread is joined.
 */
int vcpu_run_all(struct run_state *rs0);

/* The exit lock (the runner's own, not KVM's): taken only with several vCPUs. */
void vcpu_lock(void);
void vcpu_unlock(void);

/* True once some vCPU ended the run: the others' loops stop. */
bool vcpu_run_over(void);

/*
 * At vCPU 0's tick: with several vCPUs, whether all were seen powered off
 * (KVM_MP_STATE_STOPPED: each thread reads its own fd, as KVM_GET_MP_STATE
 * waits for a vCPU's KVM_RUN to end). One tick behind; a vCPU that powers
 * off the last running one ends the run only once no CPU_ON can follow.
 */
bool vcpu_all_off(struct run_state *rs0);

/* The thread ids of vCPU 0, 1 ...: whose kvm trace events are whose. */
const int *vcpu_tids(void);

/* A thread's loop saw EINTR: refresh its power state for vcpu_all_off. */
void vcpu_note_power(struct run_state *rs);

#endif
