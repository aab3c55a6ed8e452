/*
 * Event classes for the alignment: every event of both logs gets the id of
 * its key (EC, PC, outcome kind) and of its exact text (key, syndrome,
 * outcome), so the LCS compares two integers per cell instead of strings.
 * Pairs of exact classes that differ in text but may still be the same
 * ("?" fields) are asked once and remembered.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tlog_class.h"

/* FNV-1a over a NUL-separated list of fields. */
static uint64_t hash_fields(const char *const *f, unsigned n)
{
	uint64_t h = 14695981039346656037u;

	for (unsigned k = 0; k < n; k++) {
		for (const char *s = f[k]; *s; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211u;
		h = (h ^ 0xff) * 1099511628211u;
	}
	return h;
}

static bool same_key(const struct tlog_event *x, const struct tlog_event *y)
{
	return tlog_same_key(x, y);
}

static bool same_exact(const struct tlog_event *x, const struct tlog_event *y)
{
	return same_key(x, y) && strcmp(x->l.syndrome, y->l.syndrome) == 0 &&
		strcmp(x->l.outcome, y->l.outcome) == 0;
}

/* Open addressing over class ids; rep[] holds one event of each class. */
struct intern {
	uint32_t *slot; /* id + 1, 0 = free */
	size_t size;	/* a power of two, at least twice the events */
	const struct tlog_event **rep;
	uint32_t n;
};

static uint32_t intern(struct intern *t, const struct tlog_event *e, bool exact)
{
	char pc[12], ec[8];
	const char *f[5] = { ec, pc, e->kind, e->l.syndrome, e->l.outcome };
	size_t i;

	tlog_event_ec(e, ec, sizeof(ec));
	snprintf(pc, sizeof(pc), "%08x", (unsigned)tlog_key_pc(e));
	i = hash_fields(f, exact ? 5 : 3) & (t->size - 1);
	for (;; i = (i + 1) & (t->size - 1)) {
		uint32_t id = t->slot[i];

		if (!id)
			break;
		if (exact ? same_exact(t->rep[id - 1], e) : same_key(t->rep[id - 1], e))
			return id - 1;
	}
	t->rep[t->n] = e;
	t->slot[i] = ++t->n;
	return t->n - 1;
}

static void classify(struct intern *t, const struct tlog_event *ev, size_t n, uint32_t *id,
		     bool exact)
{
	for (size_t i = 0; i < n; i++)
		id[i] = intern(t, &ev[i], exact);
}

int tlog_classes_make(struct tlog_classes *c, const struct tlog_event *a, size_t n,
		      const struct tlog_event *b, size_t m)
{
	struct intern keys = { 0 }, exact = { 0 };
	size_t size = 16;
	int r = -1;

	memset(c, 0, sizeof(*c));
	while (size < 2 * (n + m))
		size *= 2;
	keys.size = exact.size = size;
	keys.slot = calloc(size, sizeof(uint32_t));
	exact.slot = calloc(size, sizeof(uint32_t));
	keys.rep = malloc((n + m + 1) * sizeof(*keys.rep));
	exact.rep = malloc((n + m + 1) * sizeof(*exact.rep));
	c->ka = malloc((n + 1) * sizeof(uint32_t));
	c->xa = malloc((n + 1) * sizeof(uint32_t));
	c->kb = malloc((m + 1) * sizeof(uint32_t));
	c->xb = malloc((m + 1) * sizeof(uint32_t));
	if (keys.slot && exact.slot && keys.rep && exact.rep && c->ka && c->xa && c->kb && c->xb) {
		classify(&keys, a, n, c->ka, false);
		classify(&keys, b, m, c->kb, false);
		classify(&exact, a, n, c->xa, true);
		classify(&exact, b, m, c->xb, true);
		c->rep = exact.rep;
		exact.rep = NULL;
		r = 0;
	}
	free(keys.slot);
	free(exact.slot);
	free(keys.rep);
	free(exact.rep);
	if (r < 0)
		tlog_classes_free(c);
	return r;
}

/* The pair cache: (x, y) -> 1 or 2, open addressing, grown at half full. */
static unsigned *pair_slot(struct tlog_classes *c, uint32_t x, uint32_t y)
{
	uint64_t key = (uint64_t)x << 32 | y, h = key * 11400714819323198485u;

	for (size_t i = h >> 40 & (c->psize - 1);; i = (i + 1) & (c->psize - 1))
		if (!c->pval[i] || c->pkey[i] == key) {
			c->pkey[i] = key;
			return &c->pval[i];
		}
}

static int pair_grow(struct tlog_classes *c)
{
	struct tlog_classes old = *c;

	c->psize = old.psize ? 2 * old.psize : 256;
	c->pkey = calloc(c->psize, sizeof(*c->pkey));
	c->pval = calloc(c->psize, sizeof(*c->pval));
	if (!c->pkey || !c->pval) {
		free(c->pkey);
		free(c->pval);
		*c = old;
		return -1;
	}
	c->pn = 0;
	for (size_t i = 0; i < old.psize; i++)
		if (old.pval[i]) {
			uint64_t k = old.pkey[i];

			*pair_slot(c, k >> 32, (uint32_t)k) = old.pval[i];
			c->pn++;
		}
	free(old.pkey);
	free(old.pval);
	return 0;
}

unsigned tlog_classes_pair(struct tlog_classes *c, uint32_t x, uint32_t y)
{
	unsigned *v;

	if (2 * (c->pn + 1) > c->psize && pair_grow(c) < 0)
		return tlog_same_details(c->rep[x], c->rep[y], NULL, 0) ? 2 : 1;
	v = pair_slot(c, x, y);
	if (!*v) {
		*v = tlog_same_details(c->rep[x], c->rep[y], NULL, 0) ? 2 : 1;
		c->pn++;
	}
	return *v;
}

void tlog_classes_free(struct tlog_classes *c)
{
	free(c->ka);
	free(c->kb);
	free(c->xa);
	free(c->xb);
	free(c->rep);
	free(c->pkey);
	free(c->pval);
	memset(c, 0, sizeof(*c));
}
