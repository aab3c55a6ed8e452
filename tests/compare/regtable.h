/*
 * Register side-by-side tables: the PL2 setup of two VMMs decoded field by
 * field, and the guest-visible reset state name by name.
 */
#ifndef COMPARE_REGTABLE_H
#define COMPARE_REGTABLE_H

#include <stdbool.h>
#include <stdio.h>
#include "regbits.h"
#include "regfile.h"

struct regtable_opts {
	bool md;		/* Markdown instead of terminal text */
	bool all;		/* also the fields that are zero on both sides */
	const char *name_a, *name_b;	/* column titles: "hyp", "kvm" */
};

/* One row of a field-by-field comparison. */
struct regrow {
	unsigned lo, width;
	const char *fa, *fb;	/* field names; NULL: none starts here */
	uint64_t va, vb;	/* the bits lo..lo+width of each value */
	bool has_a, has_b;	/* the side's register is that wide */
};

/*
 * Field rows of value a (described by da) against b (db), in bit order;
 * unnamed set bits get rows of their own. Returns the row count (<= max).
 */
size_t regtable_rows(const struct reg_desc *da, uint64_t a, const struct reg_desc *db,
		     uint64_t b, struct regrow *rows, size_t max);

/*
 * The ARMv7 PL2 registers of a (by ARMv7 name) against b (by AArch64 or
 * ARMv7 name). Returns how many registers were missing from either dump.
 */
unsigned regtable_pl2(FILE *out, const struct regfile *a, const struct regfile *b,
		      const struct regtable_opts *o);

/* Guest state: every name in both dumps that is not a PL2 register. */
unsigned regtable_guest(FILE *out, const struct regfile *a, const struct regfile *b,
			const struct regtable_opts *o);

#endif
