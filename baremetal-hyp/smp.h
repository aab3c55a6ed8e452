/*
 * The bare hypervisor on -smp N (issue 10; docs/baremetal-hyp.md, "SMP"):
 * one physical CPU per vCPU, vCPU n on CPU n (MPIDR Aff0 = n), so a vCPU's
 * registers never move: its guest context is the CPU's own, its Hyp stack
 * the n-th. Shared: Stage 2 and its VMID, the board, the trap log, under
 * one lock (hyp_lock), taken only when there is more than one vCPU.
 *
 *   CPU 0: hyp_main ... guest            CPU n (n >= 1), never started
 *          guest's CPU_ON(n) ──► smp_vcpu_on: mailbox n; first time an SMC
 *                                PSCI CPU_ON to QEMU ──► secondary_start
 *                                (boot.S) ──► hyp_secondary_main: Hyp MMU,
 *                                traps, Stage 2, VMPIDR ──► guest at entry
 *          guest's CPU_OFF on n ──► smp_vcpu_off: parked in Hyp (WFE) until
 *                                the next CPU_ON fills its mailbox (SEV)
 */
#ifndef HYP_SMP_H
#define HYP_SMP_H

#include <stdbool.h>
#include <stdint.h>
#include "memmap.h"
#include "sysregs.h"

extern unsigned hyp_ncpus; /* the board's vCPUs (-c) */

/* The physical SGI that makes a CPU fold and flush its vCPU's LRs (gich.c). */
#define HYP_KICK_SGI 0u

/* This CPU's index, = its vCPU's: MPIDR Aff0 (QEMU virt numbers CPUs so). */
static inline unsigned this_cpu(void) { return read_MPIDR() & 0xffu; }

/* The hypervisor's one lock, around each trap's handling (no-op on one vCPU). */
void hyp_lock(void);
void hyp_unlock(void);

/* PSCI CPU_ON answered 0 for target: start its vCPU at entry, r0 = context_id. */
void smp_vcpu_on(unsigned target, uint32_t entry, bool thumb, uint32_t context_id);

/*
 * PSCI CPU_OFF at pc: this vCPU's LRs into the model (vgic_park), then the
 * CPU parks until a CPU_ON (the lock is given up first); the CPU_ON's
 * entry resets its timer and flushes what was queued meanwhile.
 */
void smp_vcpu_off(uint32_t pc) __attribute__((noreturn));

/* C entry of a secondary CPU, from boot.S's secondary_start. */
void hyp_secondary_main(void) __attribute__((noreturn));

#endif
