/*
 * The result files asked for on the command line (--traplog, --kvm-trace,
 * --ioctl-trace, --regs, --dump-dtb): all opened before the guest starts,
 * so a bad path costs no run; every write checked when each is closed
 * (stdio's error flag and fclose), so a full disk fails the run.
 */
#ifndef KVM_RUNNER_RESULTS_H
#define KVM_RUNNER_RESULTS_H

#include <stdio.h>
#include "options.h"

struct results {
	FILE *traplog, *kvm_trace, *ioctls, *regs, *dtb;
};

/* Opens each file named in o. 0, or EXIT_BADINPUT after one line (none left open). */
int results_open(struct results *r, const struct options *o);

/*
 * Flushes and closes every file. 0, or EXIT_KVMFAIL after one line naming
 * the first file a write or the close failed on.
 */
int results_close(struct results *r, const struct options *o);

#endif
