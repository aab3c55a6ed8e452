/*
 * A KVM trail: the stops of gdb breakpoints on KVM's functions while one
 * guest ran (make kvm-trail, docs/debugging.md), one function name a line,
 * read into KVM_RUN calls, world switches and their exit reasons. Pure C:
 * host unit tests cover it on the Linux 5.4.286 sample.
 *
 * A trail file (kvm-trail.py writes it; the 5.4 sample has only the names):
 *
 *   # kvm-trail 1 arch=arm64 guest=test     comments, and gdb's "Breakpoint
 *   kvm_arch_vcpu_ioctl_run                 N at 0x..." lines, are skipped
 *   __kvm_vcpu_run                          world switch: EL2 / Hyp entry
 *   __guest_enter
 *   __guest_exit
 *   handle_exit 2                           the exception index, if read
 *   kvm_handle_guest_abort
 *   io_mem_abort
 */
#ifndef KVM_TRAIL_H
#define KVM_TRAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The functions a trail knows, by role; both kernels' names map here. */
enum trail_fn {
	TF_IOCTL_RUN,	/* kvm_arch_vcpu_ioctl_run: one KVM_RUN */
	TF_SWITCH,	/* __kvm_vcpu_run_nvhe (5.4), __kvm_vcpu_run (6.1 nVHE) */
	TF_ENTER,	/* __guest_enter */
	TF_EXIT,	/* __guest_exit */
	TF_HANDLE_EXIT, /* handle_exit */
	TF_ABORT,	/* kvm_handle_guest_abort */
	TF_MMIO,	/* io_mem_abort */
	TF_HVC,		/* kvm_hvc_call_handler */
	TF_WFX,		/* kvm_handle_wfx */
	TF_CP15,	/* kvm_handle_cp15_32 */
	TF_COUNT
};

/* Why a world switch came back, from the handler stops after handle_exit. */
enum trail_reason {
	TR_MMIO,   /* kvm_handle_guest_abort, io_mem_abort */
	TR_STAGE2, /* kvm_handle_guest_abort alone: RAM mapped in the kernel */
	TR_HVC,
	TR_WFX,
	TR_CP15,
	TR_OTHER, /* no traced handler: an IRQ exit, or an untraced class */
	TR_COUNT
};

struct trail_switch {
	enum trail_reason reason;
	int index;		       /* handle_exit's exception index, -1 when not read */
	bool entered, exited, handled; /* __guest_enter, __guest_exit, handle_exit seen */
	bool to_user;		       /* the last of its KVM_RUN: the ioctl returned after it */
	bool turned_back;	       /* arm64: handle_exit(IRQ) with no __guest_exit: 6.1's
					  __guest_enter found an IRQ pending and never entered */
	unsigned run;		       /* the KVM_RUN it belongs to, 0-based */
};

struct trail_run {
	size_t first, n; /* its switches: sw[first .. first + n) */
};

struct trail {
	struct trail_run *runs;
	size_t nruns, runs_cap;
	struct trail_switch *sw;
	size_t nsw, sw_cap;
	unsigned fn[TF_COUNT]; /* stops per function */
	unsigned repeats;      /* one stop reported twice: a switch stop with no enter
				  between, a handler or enter/exit stop again in one switch */
	unsigned before_run;   /* switches before any kvm_arch_vcpu_ioctl_run stop */
	unsigned incomplete;   /* switches missing enter, exit or handle_exit */
	unsigned turned_back;  /* entries turned back (see trail_switch) */
	char arch[16];	       /* from the header, or "" */
};

/* The role of a function name, or -1 when the trail does not know it. */
int trail_fn_of(const char *name);

/* Reads a trail. Returns 0, or -1 with "FILE:LINE: why" in err. */
int trail_read(FILE *in, const char *path, struct trail *t, char *err, size_t n);
void trail_free(struct trail *t);

/* Switches of one reason; of those, the ones whose KVM_RUN returned after them. */
unsigned trail_count(const struct trail *t, enum trail_reason r, bool to_user_only);

/* "mmio", "stage2", ... */
const char *trail_reason_name(enum trail_reason r);

/* The counts as Markdown: per function, per reason (kernel / userspace), per KVM_RUN. */
void trail_report(FILE *out, const struct trail *t);

/* One switch's path: "__kvm_vcpu_run > __guest_enter > ... > io_mem_abort > user". */
void trail_path(char *buf, size_t n, const struct trail *t, size_t i);

#endif
