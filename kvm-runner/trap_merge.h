/*
 * Turns the kvm trace events of a run into trap records (by=kvm) and
 * merges the runner's own records (by=vmm) in at the traps that went to
 * userspace, in order. Pure C: fed one event at a time.
 *
 * A trap is a kvm_exit that is a guest trap (not a host IRQ) plus the
 * detail events up to the next kvm_entry or kvm_exit. One that went to
 * userspace (MMIO, SYSTEM_EVENT, ARM_NISV: kvm_userspace_exit says so, or,
 * the runner leaving that event off, a runner record of the same page or
 * HVC function near the next) is that runner record, which takes the
 * trace's full HSR; the others are KVM's own (an MMIO access KVM completed
 * itself, the vGIC distributor's, is an mmio line by=kvm).
 *
 * Interrupt events (trap log version 2, docs/trap-log.md): an IRQ exit is
 * an IRQ line (INTID unseen); a level that rises on an INTID
 * (kvm_timer_update_irq, vgic_update_irq_pending, kvm_irq_line of an SPI
 * or PPI) is a VIRQ line, one that falls an EOI line, both with only the
 * state known. One seen during a trap follows that trap's line.
 */
#ifndef KVM_RUNNER_TRAP_MERGE_H
#define KVM_RUNNER_TRAP_MERGE_H

#include <stdbool.h>
#include <stdint.h>
#include "trace_parse.h"
#include "traps.h"

/* clang-format off */
#define MERGE_INTIDS	1024	/* GICv2's INTIDs */
#define MERGE_HELD	16	/* interrupt events during one trap; more go out at once */
/* clang-format on */

struct trap_merge {
	struct traps *out;
	const struct traps *vmm;
	unsigned next_vmm;
	struct trap_record cur;
	bool active;		 /* cur holds a trap being assembled */
	bool to_user;		 /* it ended in a userspace exit */
	bool mmio;		 /* KVM saw it as an MMIO access */
	unsigned skipped;	 /* guest traps of a class the log has no outcome for */
	unsigned unmatched;	 /* trace traps to userspace with no runner record */
	unsigned untraced;	 /* runner records with no trace trap (lost events) */
	unsigned injected;	 /* aborts outside RAM KVM reflected into the guest */
	uint64_t ram_size;	 /* guest RAM from BOARD_RAM_BASE: where faults map */
	unsigned cpu;		 /* the vCPU whose events and records these are */
	struct trap_record last; /* the last trap line out (not an interrupt line) */
	unsigned words_left;	 /* last's LDM/STM words still to come */
	uint64_t ts;		 /* the trace time of the trap being assembled (us) */
	/* the access KVM completed in the kernel (kvm_mmio without a userspace exit) */
	uint64_t mmio_gpa, mmio_val;
	unsigned mmio_len;
	bool mmio_write;
	/* interrupt events: each INTID's last level, and those held until the trap's line */
	uint8_t level[MERGE_INTIDS / 8];
	struct trap_record held[MERGE_HELD];
	unsigned nheld;
	unsigned irqs;	 /* interrupt lines written */
	bool irq_events; /* write them: the trap log has version 2 (merge_begin) */
};

void merge_begin(struct trap_merge *m, struct traps *out, const struct traps *vmm,
		 uint64_t ram_size);
void merge_event(struct trap_merge *m, const struct kvm_event *ev);
/* Flushes the last trap and appends runner records the trace did not cover. */
void merge_end(struct trap_merge *m);

#endif
