/*
 * Register side-by-side tables: the PL2 setup of two or three VMMs decoded
 * field by field (the bare hypervisor, arm64 KVM, 32-bit KVM), and the
 * guest-visible reset state name by name.
 */
#ifndef COMPARE_REGTABLE_H
#define COMPARE_REGTABLE_H

#include "regbits.h"
#include "regfile.h"
#include <stdbool.h>
#include <stdio.h>

/* hyp, arm64 KVM, 32-bit KVM. */
#define REGTABLE_MAX_SIDES 3

struct regtable_opts {
	bool md;			      /* Markdown instead of terminal text */
	bool all;			      /* also the fields that are zero on every side */
	const char *name[REGTABLE_MAX_SIDES]; /* column titles: "hyp", "kvm" */
};

/* One side of a row set: a register's description (NULL: 64 bits, no fields) and value. */
struct regside {
	const struct reg_desc *d;
	uint64_t v;
};

/* One row of a field-by-field comparison. */
struct regrow {
	unsigned lo, width;
	const char *f[REGTABLE_MAX_SIDES]; /* field names; NULL: none starts here */
	uint64_t v[REGTABLE_MAX_SIDES];	   /* the bits lo..lo+width of each value */
	bool has[REGTABLE_MAX_SIDES];	   /* the side's register is that wide */
};

/*
 * Field rows of the n sides (2..REGTABLE_MAX_SIDES), in bit order; a field
 * of the same place and width on several sides is one row, unnamed set bits
 * get rows of their own. Returns the row count (<= max).
 */
size_t regtable_rows(const struct regside *s, unsigned n, struct regrow *rows, size_t max);

/* A value as wide as its register: 32-bit ones as 8 hex digits, not sign-extended. */
int regtable_value(char *buf, size_t n, const struct reg_desc *d, uint64_t v);

/*
 * The ARMv7 PL2 registers of f[0] (by ARMv7 name) against f[1..n-1] (each by
 * AArch64 or ARMv7 name). Returns how many registers were missing from a dump.
 */
unsigned regtable_pl2(FILE *out, const struct regfile *f, unsigned n,
		      const struct regtable_opts *o);

/* GICv2 allows 1..64 list registers (GICH_VTR.ListRegs). */
#define REGTABLE_MAX_LRS 64

/*
 * The GIC virtualization interface and the generic timer's virtualization:
 * GICH_HCR, GICH_VTR, GICH_VMCR, GICH_LR0.., CNTHCTL, CNTVOFF (CNTHCTL_EL2,
 * CNTVOFF_EL2 on arm64), each that some dump holds, side by side; a side
 * without it shows "(not in dump)" (a VMM that does not dump them yet), not
 * an error. Returns how many registers were shown.
 */
unsigned regtable_gic(FILE *out, const struct regfile *f, unsigned n,
		      const struct regtable_opts *o);

/* Guest state: every name in both dumps that is not a PL2 register. */
unsigned regtable_guest(FILE *out, const struct regfile *a, const struct regfile *b,
			const struct regtable_opts *o);

#endif
