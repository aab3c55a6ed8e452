/*
 * Setup errors: one clear line on stderr and an exit status of the VMMs'
 * own range (memmap.h: 201..203), above every guest status and every
 * 128 + signal, so a harness never mistakes a runner failure for either.
 */
#ifndef KVM_RUNNER_ERR_H
#define KVM_RUNNER_ERR_H

#include "memmap.h"

#define EXIT_BADINPUT	VMM_STATUS_BADINPUT	/* command line, image, result files */
#define EXIT_NOKVM	VMM_STATUS_NOPLATFORM	/* no usable KVM: device, API, capability, target */
#define EXIT_KVMFAIL	VMM_STATUS_FAILED	/* a KVM call, the run or a result write failed */

/* Prints "kvm-runner: <message>" and returns code. */
int fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Non-fatal notes, silenced by -q. */
extern int quiet;
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
