/*
 * What one unittests.cfg test becomes under one VMM: skipped with a
 * reason, in the order and the words of kvm-unit-tests' runner
 * (scripts/runtime.bash, run()), or run with an image, a vCPU count, RAM,
 * a command line and a time limit. Pure C: the host unit tests cover it.
 */
#ifndef KUT_PLAN_H
#define KUT_PLAN_H

#include "kutcfg.h"
#include "kutparams.h"

struct kut_vmm {
	const char *name;   /* native, hyp, kvm, kvm-armv7 */
	const char *accel;  /* what a test's "accel =" is matched against */
	const char *target; /* $TARGET in disabled_if (kvm-unit-tests: qemu or kvmtool) */
	int vcpus;	    /* the most vCPUs it runs */
	int qemu_params;    /* takes qemu_params as given (else: the kit's options) */
	const char *suffix; /* the image: .flat, as arm/run gives QEMU, or .elf */
};

/* The VMMs by name; NULL for an unknown one. */
const struct kut_vmm *kut_vmm_find(const char *name);

struct kut_opts {
	int max_smp;	    /* $MAX_SMP (kvm-unit-tests: the host's CPU count) */
	const char *group;  /* only this group (NULL: all), as run_tests.sh -g */
	int all;	    /* also the nodefault tests, as run_tests.sh -a */
	unsigned timeout_s; /* overrides every test's (0: the cfg's, 90 s by default) */
};

#define KUT_DEFAULT_TIMEOUT 90 /* runtime.bash: ${11:-90s} */

enum kut_action { KUT_FILTERED, KUT_SKIP, KUT_RUN };

struct kut_run {
	enum kut_action action;
	char reason[KUT_VALUE_MAX];   /* KUT_SKIP: why */
	char image[KUT_NAME_MAX + 8]; /* the file in the tree's arm/ */
	int smp;
	unsigned mem_mib;	  /* 0: the VMM's default */
	char args[KUT_VALUE_MAX]; /* the guest's command line, unquoted */
	struct kut_words qemu;	  /* native: the test's QEMU arguments */
	unsigned timeout_s;
	char note[128]; /* how the run differs from what the cfg asked */
};

/* Decides for test t under vmm. Returns r->action. */
enum kut_action kut_plan(const struct kut_test *t, const struct kut_vmm *vmm,
			 const struct kut_opts *o, struct kut_run *r);

#endif
