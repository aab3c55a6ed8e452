/* A growing list of trap records (the runner's own, then the merged log). */
#ifndef KVM_RUNNER_TRAPS_H
#define KVM_RUNNER_TRAPS_H

#include <stdio.h>
#include "traplog.h"

#define TRAPS_MAX 200000 /* beyond this, records are counted as dropped */

struct traps {
	struct trap_record *rec;
	unsigned n, cap, dropped;
};

void traps_add(struct traps *t, const struct trap_record *r);
void traps_free(struct traps *t);

/* Writes the whole log through traplog_format (header, lines, end line). */
void traps_write(FILE *f, const struct traps *t, const char *guest, int status);

#endif
