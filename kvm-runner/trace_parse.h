/*
 * One line of tracefs' trace file, as either kernel prints it:
 *   init-1 [000] d... 0.355311: kvm_exit: HVC: HSR_EC: 0x0024 (DABT), PC: 0x4000000c
 *   init-1 [000] ..... 1.350522: kvm_exit: TRAP: HSR_EC: 0x0024 (DABT_LOW), PC: 0x...
 * Linux 5.x 32-bit: kvm_hvc, kvm_wfx, kvm_emulate_cp15_imp; 6.x arm64:
 * kvm_hvc_arm64, kvm_wfx_arm64, kvm_sys_access. Interrupts, the same text
 * on both: kvm_exit "IRQ:", kvm_irq_line, kvm_timer_update_irq,
 * vgic_update_irq_pending. Pure C.
 */
#ifndef KVM_RUNNER_TRACE_PARSE_H
#define KVM_RUNNER_TRACE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum kev_type {
	KEV_ENTRY,	    /* kvm_entry: pc */
	KEV_EXIT,	    /* kvm_exit: trap, ec, pc */
	KEV_GUEST_FAULT,    /* kvm_guest_fault: ipa, hsr, hxfar, pc */
	KEV_MMIO,	    /* kvm_mmio: write/read/unsatisfied, len, gpa, val */
	KEV_USERSPACE_EXIT, /* kvm_userspace_exit: reason */
	KEV_HVC,	    /* kvm_hvc, kvm_hvc_arm64: pc (next insn), r0, imm */
	KEV_WFX,	    /* kvm_wfx, kvm_wfx_arm64: pc, wfe */
	KEV_CP15,	    /* kvm_emulate_cp15_imp, kvm_sys_access */
	KEV_IRQ_LINE,	    /* kvm_irq_line: irq_type, vcpu, intid (the number), level */
	KEV_TIMER_IRQ,	    /* kvm_timer_update_irq: vcpu, intid, level */
	KEV_VGIC_PENDING,   /* vgic_update_irq_pending: vcpu, intid, level */
	KEV_OTHER,	    /* another kvm event (timer, debug ...) */
};

struct kvm_event {
	enum kev_type type;
	uint64_t ts_us; /* the trace's timestamp, in microseconds */
	int pid;	/* the task's pid (TASK-PID), -1 if unreadable */
	uint64_t pc;
	bool trap; /* kvm_exit: a guest trap, not a host interrupt */
	bool irq;  /* kvm_exit: an IRQ exit (label "IRQ") */
	unsigned ec;
	uint32_t hsr;
	uint64_t ipa, gpa, val, r0;
	unsigned len, imm, reason;
	bool restart; /* kvm_userspace_exit of an interrupted KVM_RUN (EINTR) */
	bool write, unsatisfied, wfe;
	/* CP15: the MRC/MCR fields; rt = 0xff when the event does not say */
	unsigned opc1, crn, crm, opc2, rt;
	/* interrupt events */
	unsigned irq_type, vcpu, intid, level;
	char name[32]; /* event name */
};

/*
 * Parses one line. Returns 1 with ev filled, 0 for a line that is not a kvm
 * event (comments, other systems), -1 for a kvm event it cannot read.
 */
int trace_parse_line(const char *line, struct kvm_event *ev);

/*
 * What the trace file's own lines say was lost: "CPU:N [LOST K EVENTS]"
 * (K), or its header "# entries-in-buffer/entries-written: B/W" (W - B,
 * overwritten) and sets *in_buf = B. 0 for any other line.
 */
unsigned trace_line_lost(const char *line, unsigned *in_buf);

/*
 * What one CPU's ring lost, from its per_cpu/cpuN/stats text: "overrun"
 * (the oldest overwritten when full), "commit overrun" (overwritten while
 * being written) and "dropped events" (refused when full, overwrite off),
 * summed; -1 for text without an overrun line.
 */
long trace_stats_lost(const char *text);

/* The events in one CPU's ring, its stats' "entries"; -1 without that line. */
long trace_stats_entries(const char *text);

/*
 * The accesses kvm_mmio is kept for, by either event source: those KVM
 * completes itself, the only ones the merge takes from it (the vGIC's
 * distributor with kernel_irqchip: gpa in [lo, hi); the UART's DR with
 * coalesce: gpa == eq); the runner's own exits then fire none. Neither
 * set: the event stays off.
 */
struct mmio_filter {
	bool range, match;
	uint32_t lo, hi, eq;
};
void mmio_filter_of(struct mmio_filter *f, bool kernel_irqchip, bool coalesce);

/*
 * That filter as tracefs' text (events/kvm/kvm_mmio/filter), saving
 * ftrace's 750 instructions an event. Returns false when it is empty.
 */
bool trace_mmio_filter(char *buf, size_t n, bool kernel_irqchip, bool coalesce);

#endif
