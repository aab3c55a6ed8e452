/* A growing list of trap records (the runner's own, then the merged log). */
#ifndef KVM_RUNNER_TRAPS_H
#define KVM_RUNNER_TRAPS_H

#include <stdio.h>
#include "traplog.h"

#define TRAPS_MAX 200000 /* beyond this, records are counted as dropped */

struct traps {
	struct trap_record *rec;
	unsigned n, cap, dropped;
	unsigned cpus; /* the header's cpus= (0: 1); each record's cpu below it */
	uint64_t *ts;  /* traps_add_ts: each record's trace time, to order vCPUs */
	/* the kvm trace merge's disagreements (trap_merge.h), a comment before the end line */
	unsigned unmatched, untraced;
};

void traps_add(struct traps *t, const struct trap_record *r);
void traps_add_ts(struct traps *t, const struct trap_record *r, uint64_t ts);

/*
 * The per-vCPU lists (each in its own order, with times) as one list
 * ordered by time; a tie keeps the lower vCPU first.
 */
void traps_interleave(struct traps *out, const struct traps *per_cpu, unsigned ncpus);
void traps_free(struct traps *t);

/* Writes the whole log through traplog_format (header, lines, end line). */
void traps_write(FILE *f, const struct traps *t, const char *guest, int status);

#endif
