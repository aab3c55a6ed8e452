/*
 * The records the eBPF event source (bpf_src.c) writes, one per kvm
 * tracepoint hit, and their decoding into the same struct kvm_event the
 * trace-event text gives (trace_parse.h), so the merge is the same. The
 * raw tracepoints' arguments are Linux 6.1 arm64's (arch/arm64/kvm/
 * trace_arm.h, trace_handle_exit.h, vgic/trace.h). Pure C.
 */
#ifndef KVM_RUNNER_BPF_REC_H
#define KVM_RUNNER_BPF_REC_H

#include <stdbool.h>
#include <stdint.h>
#include "trace_parse.h"

/* One map entry; slot 0 holds the head (the records taken, lost ones too). */
struct bpf_rec {
	uint64_t seq;	 /* the slot: the records' order over all vCPUs */
	uint32_t tid;	 /* the thread; 0: never written */
	uint32_t event;	 /* index in bpf_events */
	uint64_t arg[4]; /* the tracepoint's arguments, or what one points at */
};

#define BPF_REC_SIZE 48

/* One tracepoint: its arguments copied, and one it may point through. */
struct bpf_event {
	const char *tp;
	enum kev_type type;
	unsigned tp_args;    /* the tracepoint's: no program reads past them */
	unsigned nargs;	     /* ctx arguments copied into arg[0..] */
	int deref;	     /* -1, or the argument that is a pointer: */
	unsigned deref_arg;  /*   the arg[] its bytes go to */
	unsigned deref_size; /*   and how many */
	int filter;	     /* -1, or the argument the gpa filter reads */
};

/* clang-format off */
enum bpf_ev {
	BEV_EXIT, BEV_GUEST_FAULT, BEV_MMIO, BEV_HVC, BEV_WFX, BEV_SYS_ACCESS,
	BEV_IRQ_LINE, BEV_TIMER_IRQ, BEV_VGIC_PENDING, BEV_COUNT
};
/* clang-format on */

extern const struct bpf_event bpf_events[BEV_COUNT];

/* clang-format off */
/* kvm_exit's ret (arm64 kvm_asm.h): the exception code, bit 31 an SError with it */
#define BPF_ARM_EXCEPTION_IRQ	0
#define BPF_ARM_EXCEPTION_TRAP	2
#define BPF_ARM_EXIT_SERROR	(1u << 31)
/* clang-format on */

/*
 * Record r as the trace lines of its events would be parsed: a
 * kvm_guest_fault record is its abort's kvm_exit too (the program writes
 * none for it), ev[0] then the exit. Returns the events (1 or 2), 0 for a
 * slot never written, -1 for an unknown event.
 */
int bpf_rec_decode(const struct bpf_rec *r, struct kvm_event ev[2]);

#endif
