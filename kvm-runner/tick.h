/*
 * The periodic tick that bounds every KVM_RUN: SIGALRM with a handler
 * that only notes it fired, installed without SA_RESTART, so a vCPU
 * sleeping in WFI (or a guest that never exits) returns to the runner
 * with EINTR at least once per period; the run loop then checks the
 * timeout.
 */
#ifndef KVM_RUNNER_TICK_H
#define KVM_RUNNER_TICK_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Ticks every period_ms, the first after first_us (0: after one period):
 * the run loop puts a tick on its deadline, so the timeout is seen when it
 * falls, not up to a period later.
 */
int tick_start(unsigned period_ms, uint64_t first_us);
void tick_stop(void);

/* Whether a tick fired since the last call (an EINTR of ours, not KVM's). */
bool tick_fired(void);

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t mono_ns(void);

#endif
