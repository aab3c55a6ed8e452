/* The trap list and its text through the shared writer. */
#include <stdlib.h>
#include "traps.h"

void traps_add_ts(struct traps *t, const struct trap_record *r, uint64_t ts)
{
	if (t->n == t->cap) {
		unsigned cap = t->cap ? t->cap * 2 : 64;

		if (cap > TRAPS_MAX && t->cap < TRAPS_MAX)
			cap = TRAPS_MAX; /* doubling from 131,072 would pass it: grow to it */
		struct trap_record *p = cap <= TRAPS_MAX ? realloc(t->rec, cap * sizeof(*p)) : NULL;
		uint64_t *q = p ? realloc(t->ts, cap * sizeof(*q)) : NULL;

		if (p)
			t->rec = p;
		if (!q) {
			t->dropped++;
			return;
		}
		t->ts = q;
		t->cap = cap;
	}
	t->ts[t->n] = ts;
	t->rec[t->n++] = *r;
}

void traps_add(struct traps *t, const struct trap_record *r) { traps_add_ts(t, r, 0); }

void traps_interleave(struct traps *out, const struct traps *per_cpu, unsigned ncpus)
{
	unsigned next[TRAPLOG_MAX_CPUS] = { 0 };

	for (;;) {
		int pick = -1;

		for (unsigned c = 0; c < ncpus && c < TRAPLOG_MAX_CPUS; c++)
			if (next[c] < per_cpu[c].n &&
			    (pick < 0 || per_cpu[c].ts[next[c]] < per_cpu[pick].ts[next[pick]]))
				pick = (int)c;
		if (pick < 0)
			break;
		traps_add_ts(out, &per_cpu[pick].rec[next[pick]], per_cpu[pick].ts[next[pick]]);
		next[pick]++;
	}
	for (unsigned c = 0; c < ncpus; c++)
		out->dropped += per_cpu[c].dropped;
}

void traps_free(struct traps *t)
{
	free(t->rec);
	free(t->ts);
	t->rec = NULL;
	t->ts = NULL;
	t->n = t->cap = t->dropped = 0;
}

void traps_write(FILE *f, const struct traps *t, const char *guest, int status)
{
	char line[512];

	traplog_header_cpus(line, sizeof(line), "kvm", guest, t->cpus ? t->cpus : 1);
	fprintf(f, "%s\n", line);
	for (unsigned i = 0; i < t->n; i++) {
		traplog_format_cpus(line, sizeof(line), i + 1, &t->rec[i], t->cpus ? t->cpus : 1);
		fprintf(f, "%s\n", line);
	}
	if (t->unmatched || t->untraced)
		fprintf(f,
			"# kvm trace and runner exits disagree: %u traced exits without a runner "
			"record, %u runner records without trace events\n",
			t->unmatched, t->untraced);
	traplog_footer(line, sizeof(line), t->n, t->dropped, status);
	fprintf(f, "%s\n", line);
}
