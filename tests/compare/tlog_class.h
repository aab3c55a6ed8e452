/*
 * Event classes for tlog_align (tlog_class.c): integer ids for the key and
 * the exact text of every event of the two logs' middle parts.
 */
#ifndef COMPARE_TLOG_CLASS_H
#define COMPARE_TLOG_CLASS_H

#include <stdint.h>
#include "tlog.h"

struct tlog_classes {
	uint32_t *ka, *kb;	/* key id of a[i], b[j] */
	uint32_t *xa, *xb;	/* exact-text id of a[i], b[j] */
	const struct tlog_event **rep;	/* one event of each exact class */
	uint64_t *pkey;		/* pair cache: x << 32 | y */
	unsigned *pval;		/* its weight, 1 or 2; 0 = free slot */
	size_t psize, pn;
};

/* Classifies a[0..n) and b[0..m). 0, or -1 out of memory. */
int tlog_classes_make(struct tlog_classes *c, const struct tlog_event *a, size_t n,
		      const struct tlog_event *b, size_t m);
void tlog_classes_free(struct tlog_classes *c);

/* Weight of two same-key events of other exact classes x and y: 1 or 2. */
unsigned tlog_classes_pair(struct tlog_classes *c, uint32_t x, uint32_t y);

/* How well a[i] and b[j] pair up: 0 other trap, 1 other details, 2 the same. */
static inline unsigned tlog_classes_weight(struct tlog_classes *c, size_t i, size_t j)
{
	if (c->ka[i] != c->kb[j])
		return 0;
	if (c->xa[i] == c->xb[j])
		return 2;
	return tlog_classes_pair(c, c->xa[i], c->xb[j]);
}

#endif
