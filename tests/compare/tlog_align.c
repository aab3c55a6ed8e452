/*
 * Lining two logs up: a longest common subsequence on the key (EC, PC,
 * outcome kind), weighted so that exact pairs win, after stripping the
 * common head and tail, so that one extra or missing trap shows as one row
 * and not as a shifted tail.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hsr.h"
#include "tlog.h"
#include "tlog_class.h"

/* The middle part's LCS table may hold at most this many cells (uint32). */
#define MAX_CELLS (16u * 1024 * 1024)

bool tlog_same_key(const struct tlog_event *x, const struct tlog_event *y)
{
	return x->l.ec == y->l.ec && tlog_key_pc(x) == tlog_key_pc(y) && x->l.cpu == y->l.cpu &&
		strcmp(x->kind, y->kind) == 0;
}

/* Next space-separated word of *s into w; false at the end. */
static bool next_word(const char **s, char *w, size_t n)
{
	const char *p = *s + strspn(*s, " ");
	size_t l = strcspn(p, " ");

	if (l == 0)
		return false;
	if (l >= n)
		l = n - 1;
	memcpy(w, p, l);
	w[l] = 0;
	*s = p + strcspn(p, " ");
	return true;
}

/* Same word, or same key where one value is "?" (unknown to its writer). */
static bool same_word(const char *x, const char *y)
{
	const char *ex = strchr(x, '='), *ey = strchr(y, '=');

	if (strcmp(x, y) == 0 || strcmp(x, "?") == 0 || strcmp(y, "?") == 0)
		return true;
	if (!ex || !ey || ex - x != ey - y || strncmp(x, y, ex - x) != 0)
		return false;
	return strcmp(ex + 1, "?") == 0 || strcmp(ey + 1, "?") == 0;
}

static void note(char *buf, size_t n, const char *x, const char *y)
{
	size_t l = strlen(buf);

	if (l < n)
		snprintf(buf + l, n - l, "%s%s -> %s", l ? ", " : "", x[0] ? x : "(none)",
			 y[0] ? y : "(none)");
}

/* Word by word; notes every differing pair in buf. */
static bool same_words(const char *x, const char *y, char *buf, size_t n)
{
	char wx[96], wy[96];
	bool same = true;

	for (;;) {
		bool hx = next_word(&x, wx, sizeof(wx));
		bool hy = next_word(&y, wy, sizeof(wy));

		if (!hx && !hy)
			return same;
		if (!hx)
			wx[0] = 0;
		if (!hy)
			wy[0] = 0;
		if (hx && hy && same_word(wx, wy))
			continue;
		same = false;
		if (buf)
			note(buf, n, wx, wy);
	}
}

bool tlog_same_details(const struct tlog_event *x, const struct tlog_event *y, char *differs,
		       size_t n)
{
	bool s, o;

	if (differs && n)
		differs[0] = 0;
	s = same_words(x->l.syndrome, y->l.syndrome, differs, n);
	o = same_words(x->l.outcome, y->l.outcome, differs, n);
	return s && o;
}

static int push(struct tlog_diff *d, size_t *cap, enum tlog_mark m, const struct tlog_event *a,
		const struct tlog_event *b)
{
	struct tlog_row *r;

	if (d->n == *cap) {
		size_t c = *cap ? 2 * *cap : 64;
		void *p = realloc(d->rows, c * sizeof(*d->rows));

		if (!p)
			return -1;
		d->rows = p;
		*cap = c;
	}
	r = &d->rows[d->n++];
	memset(r, 0, sizeof(*r));
	r->mark = m;
	r->a = a;
	r->b = b;
	r->expect = -1;
	if (a && b && !tlog_same_details(a, b, r->differs, sizeof(r->differs)))
		r->mark = TLOG_CHANGED;
	return 0;
}

/*
 * How well two traps pair up: 0 not the same trap, 1 the same trap with
 * other details, 2 the same in every detail. Weighting exact pairs higher
 * keeps a run of same-key traps (UART bytes) paired byte by byte.
 */
static unsigned weight(const struct tlog_event *x, const struct tlog_event *y)
{
	if (!tlog_same_key(x, y))
		return 0;
	if (!strcmp(x->l.syndrome, y->l.syndrome) && !strcmp(x->l.outcome, y->l.outcome))
		return 2;
	return tlog_same_details(x, y, NULL, 0) ? 2 : 1;
}

/*
 * A trap pair outweighs a run of interrupt-event pairs: an interrupt is
 * asynchronous, so where the two logs order them differently the traps
 * stay paired and the events show as moved, not the other way round.
 */
#define TRAP_SCALE 64u

static unsigned pair_weight(struct tlog_classes *c, const struct tlog_event *a, size_t i, size_t j)
{
	unsigned k = tlog_classes_weight(c, i, j);

	return a[i].l.ec == TRAPLOG_EC_EVENT ? k : k * TRAP_SCALE;
}

/* L[i][j] = best total weight of pairing a[i..n) with b[j..m). */
static uint32_t *lcs_table(struct tlog_classes *c, const struct tlog_event *a, size_t n, size_t m)
{
	size_t w = m + 1;
	uint32_t *L = calloc((n + 1) * w, sizeof(*L));

	if (!L)
		return NULL;
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;) {
			uint32_t down = L[(i + 1) * w + j], right = L[i * w + j + 1];
			uint32_t best = down > right ? down : right;
			unsigned k = pair_weight(c, a, i, j);

			if (k && L[(i + 1) * w + j + 1] + k > best)
				best = L[(i + 1) * w + j + 1] + k;
			L[i * w + j] = best;
		}
	return L;
}

/* Walks the table from the front: pairs, then A's extras before B's. */
static int walk(struct tlog_diff *d, size_t *cap, const struct tlog_event *a, size_t n,
		const struct tlog_event *b, size_t m, const uint32_t *L, struct tlog_classes *c)
{
	size_t i = 0, j = 0, w = m + 1;
	int r = 0;

	while (r == 0 && (i < n || j < m)) {
		unsigned k = i < n && j < m ? pair_weight(c, a, i, j) : 0;

		if (k && L[i * w + j] == L[(i + 1) * w + j + 1] + k) {
			r = push(d, cap, TLOG_SAME, &a[i++], &b[j++]);
		} else if (j == m || (i < n && L[(i + 1) * w + j] >= L[i * w + j + 1])) {
			r = push(d, cap, TLOG_ONLY_A, &a[i++], NULL);
		} else {
			r = push(d, cap, TLOG_ONLY_B, NULL, &b[j++]);
		}
	}
	return r;
}

/* The key's hash (EC, PC, outcome kind): the buckets of note_moves. */
static size_t key_hash(const struct tlog_event *e)
{
	size_t h = e->l.ec * 2654435761u ^ tlog_key_pc(e) * 40503u ^ (size_t)(e->l.cpu + 1) * 97u;

	for (const char *s = e->kind; *s; s++)
		h = h * 31 + (unsigned char)*s;
	return h;
}

/*
 * A trap only in A and an equal one only in B: the trap moved. Notes both.
 * Each A row takes the first B row (in row order) not yet noted that is the
 * same in every detail; B rows are bucketed by key, as only those can be.
 * Linear unless many same-key traps differ in their details.
 */
static int note_moves(struct tlog_diff *d)
{
	size_t nb = 1, *head, *next;

	if (!d->n)
		return 0;
	while (nb < d->n)
		nb *= 2;
	head = malloc(nb * sizeof(*head));
	next = malloc(d->n * sizeof(*next));
	if (!head || !next) {
		free(head);
		free(next);
		return -1;
	}
	for (size_t k = 0; k < nb; k++)
		head[k] = SIZE_MAX;
	for (size_t j = d->n; j-- > 0;) {
		size_t h;

		if (d->rows[j].mark != TLOG_ONLY_B)
			continue;
		h = key_hash(d->rows[j].b) & (nb - 1);
		next[j] = head[h];
		head[h] = j;
	}
	for (size_t i = 0; i < d->n; i++) {
		struct tlog_row *x = &d->rows[i];
		size_t *link;

		if (x->mark != TLOG_ONLY_A || x->differs[0])
			continue;
		link = &head[key_hash(x->a) & (nb - 1)];
		for (size_t j = *link; j != SIZE_MAX; link = &next[j], j = *link) {
			struct tlog_row *y = &d->rows[j];

			if (y->differs[0] || weight(x->a, y->b) != 2)
				continue;
			snprintf(x->differs, sizeof(x->differs), "moved: row %zu", j + 1);
			snprintf(y->differs, sizeof(y->differs), "moved: row %zu", i + 1);
			*link = next[j]; /* noted: out of the bucket */
			break;
		}
	}
	free(head);
	free(next);
	return 0;
}

/* One vCPU's traps (or all of them), lined up; moves are noted by the caller. */
static int align_one(const struct tlog *a, const struct tlog *b, struct tlog_diff *d, char *err,
		     size_t errlen)
{
	size_t head = 0, tail = 0, cap = 0, n, m;
	struct tlog_classes c;
	uint32_t *L = NULL;
	int r = 0;

	memset(d, 0, sizeof(*d));
	while (head < a->n && head < b->n && weight(&a->ev[head], &b->ev[head]) == 2)
		head++;
	while (tail < a->n - head && tail < b->n - head &&
	       weight(&a->ev[a->n - 1 - tail], &b->ev[b->n - 1 - tail]) == 2)
		tail++;
	n = a->n - head - tail;
	m = b->n - head - tail;
	if ((n + 1) > MAX_CELLS / (m + 1)) {
		snprintf(err, errlen, "logs too different to line up (%zu x %zu traps apart)", n,
			 m);
		return -1;
	}
	if (tlog_classes_make(&c, a->ev + head, n, b->ev + head, m) == 0)
		L = lcs_table(&c, a->ev + head, n, m);
	if (!L) {
		tlog_classes_free(&c);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t k = 0; r == 0 && k < head; k++)
		r = push(d, &cap, TLOG_SAME, &a->ev[k], &b->ev[k]);
	if (r == 0)
		r = walk(d, &cap, a->ev + head, n, b->ev + head, m, L, &c);
	for (size_t k = tail; r == 0 && k > 0; k--)
		r = push(d, &cap, TLOG_SAME, &a->ev[a->n - k], &b->ev[b->n - k]);
	free(L);
	tlog_classes_free(&c);
	if (r < 0) {
		snprintf(err, errlen, "out of memory");
		tlog_diff_free(d);
	}
	return r;
}

/*
 * e repeats prev as a polling loop does: an HVC at the same pc with the same
 * syndrome and call, only its answer (ret=) may differ. A vCPU that waits
 * for another (AFFINITY_INFO until OFF) calls as often as the other's
 * scheduling makes it, on each side anew.
 */
static bool poll_repeat(const struct tlog_event *prev, const struct tlog_event *e)
{
	const char *ret = strstr(e->l.outcome, " ret=");
	size_t call = ret ? (size_t)(ret - e->l.outcome) : strlen(e->l.outcome);

	return e->l.ec == HSR_EC_HVC && tlog_same_key(prev, e) &&
		strcmp(prev->l.syndrome, e->l.syndrome) == 0 &&
		strncmp(prev->l.outcome, e->l.outcome, call) == 0 &&
		(prev->l.outcome[call] == 0 || prev->l.outcome[call] == ' ');
}

/*
 * The events of vCPU cpu, copied to out (a line without cpu= is vCPU 0's),
 * a polling run of HVCs (poll_repeat) folded into its last call, the one
 * whose answer ended the loop. Interrupt events between two calls do not
 * end the run (they are asynchronous: KVM's host IRQ exits fall anywhere).
 */
static size_t events_of(const struct tlog *l, unsigned cpu, struct tlog_event *out)
{
	size_t n = 0, last = SIZE_MAX; /* out[last]: the last trap kept */

	for (size_t i = 0; i < l->n; i++) {
		const struct tlog_event *e = &l->ev[i];
		int c = e->l.cpu == TRAPLOG_NO_CPU ? 0 : e->l.cpu;

		if ((unsigned)c != cpu)
			continue;
		if (e->l.ec == TRAPLOG_EC_EVENT) {
			out[n++] = *e;
			continue;
		}
		if (last != SIZE_MAX && poll_repeat(&out[last], e)) {
			memmove(&out[last], &out[last + 1], (n - last - 1) * sizeof(*out));
			n--;
		}
		last = n;
		out[n++] = *e;
	}
	return n;
}

static int align_per_cpu(const struct tlog *a, const struct tlog *b, struct tlog_diff *d, char *err,
			 size_t errlen)
{
	unsigned cpus = a->cpus > b->cpus ? a->cpus : b->cpus;
	struct tlog_event *own = malloc((a->n + b->n + 1) * sizeof(*own));
	size_t used = 0;

	memset(d, 0, sizeof(*d));
	if (!own) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	d->owned = own;
	for (unsigned c = 0; c < cpus; c++) {
		struct tlog sa = *a, sb = *b;
		struct tlog_diff sd;
		struct tlog_row *rows;

		sa.ev = own + used;
		sa.n = events_of(a, c, sa.ev);
		used += sa.n;
		sb.ev = own + used;
		sb.n = events_of(b, c, sb.ev);
		used += sb.n;
		if (align_one(&sa, &sb, &sd, err, errlen) < 0)
			break;
		rows = realloc(d->rows, (d->n + sd.n + 1) * sizeof(*rows));
		if (!rows) {
			tlog_diff_free(&sd);
			snprintf(err, errlen, "out of memory");
			break;
		}
		if (sd.n)
			memcpy(rows + d->n, sd.rows, sd.n * sizeof(*rows));
		d->rows = rows;
		d->n += sd.n;
		tlog_diff_free(&sd);
		if (c + 1 == cpus)
			return 0;
	}
	tlog_diff_free(d);
	return -1;
}

int tlog_align(const struct tlog *a, const struct tlog *b, struct tlog_diff *d, char *err,
	       size_t errlen)
{
	int r = a->cpus > 1 || b->cpus > 1 ? align_per_cpu(a, b, d, err, errlen)
					   : align_one(a, b, d, err, errlen);

	if (r == 0 && note_moves(d) < 0) {
		snprintf(err, errlen, "out of memory");
		tlog_diff_free(d);
		r = -1;
	}
	return r;
}

void tlog_diff_free(struct tlog_diff *d)
{
	free(d->rows);
	free(d->owned);
	d->rows = NULL;
	d->owned = NULL;
	d->n = 0;
}
