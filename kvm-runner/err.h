/*
 * Setup errors: one clear line on stderr and an exit status below the
 * guest statuses of memmap.h (124..126), so a harness never mistakes a
 * runner failure for a guest result or a signal.
 */
#ifndef KVM_RUNNER_ERR_H
#define KVM_RUNNER_ERR_H

#define EXIT_BADINPUT	1	/* command line, image file */
#define EXIT_NOKVM	2	/* no usable KVM: no device, API, capability, target */
#define EXIT_KVMFAIL	3	/* a KVM call or the run itself failed */

/* Prints "kvm-runner: <message>" and returns code. */
int fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Non-fatal notes, silenced by -q. */
extern int quiet;
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
