/* The trap list and its text through the shared writer. */
#include <stdlib.h>
#include "traps.h"

void traps_add(struct traps *t, const struct trap_record *r)
{
	if (t->n == t->cap) {
		unsigned cap = t->cap ? t->cap * 2 : 64;
		struct trap_record *p = cap <= TRAPS_MAX ? realloc(t->rec, cap * sizeof(*p)) : NULL;

		if (!p) {
			t->dropped++;
			return;
		}
		t->rec = p;
		t->cap = cap;
	}
	t->rec[t->n++] = *r;
}

void traps_free(struct traps *t)
{
	free(t->rec);
	t->rec = NULL;
	t->n = t->cap = t->dropped = 0;
}

void traps_write(FILE *f, const struct traps *t, const char *guest, int status)
{
	char line[512];

	traplog_header(line, sizeof(line), "kvm", guest);
	fprintf(f, "%s\n", line);
	for (unsigned i = 0; i < t->n; i++) {
		traplog_format(line, sizeof(line), i + 1, &t->rec[i]);
		fprintf(f, "%s\n", line);
	}
	traplog_footer(line, sizeof(line), t->n, t->dropped, status);
	fprintf(f, "%s\n", line);
}
