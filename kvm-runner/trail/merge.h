/*
 * A trail set beside the same run's trap log and ioctl trace: the counts
 * checked against each other (no stop missed), each trap row given its
 * path through KVM, each ioctl its kernel handler.
 */
#ifndef KVM_TRAIL_MERGE_H
#define KVM_TRAIL_MERGE_H

#include "trail.h"
#include <stdio.h>

/* Trap rows per reason, as the trap log's lines name them. */
struct trap_counts {
	unsigned n[TR_COUNT];
	unsigned rows;
};

/* The trail reason of one trap-log line, or -1 for none (a comment, CP15 by=vmm ...). */
int merge_trap_reason(const char *line);

/*
 * Counts the trap log's rows by reason; writes the trail's counts against
 * them as a Markdown table. Returns how many traced reasons disagree.
 */
unsigned merge_check_traplog(FILE *traplog, const struct trail *t, FILE *out);

/*
 * The ioctl trace's KVM_RUN records against the trail's KVM_RUN stops; one
 * line. Returns 0 when they agree, 1 when not.
 */
unsigned merge_check_ioctls(FILE *ioctls, const struct trail *t, FILE *out);

/* The trap log with "  # kvm: PATH" after each row the trail explains. */
void merge_traplog(FILE *traplog, const struct trail *t, FILE *out);

/* The ioctl trace with "  # kvm: HANDLER" after each record (KVM_RUN: its switches). */
void merge_ioctls(FILE *ioctls, const struct trail *t, FILE *out);

/* The kernel function that answers an ioctl request by name, or NULL. */
const char *merge_handler(const char *request);

#endif
