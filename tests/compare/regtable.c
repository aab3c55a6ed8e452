/*
 * Registers side by side. A row per field that starts at a bit in either
 * description (and per set bit neither names); rows zero on both sides are
 * left out unless asked for; '*' marks a row whose bits differ.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "regtable.h"

#define MAX_ROWS 160

/* The fields of d starting at bit lo (a table may hold two, e.g. RES1). */
static const struct reg_field *field_from(const struct reg_desc *d, unsigned lo,
					  unsigned width)
{
	for (unsigned i = 0; d && i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];

		if (f->width && f->shift == lo && (!width || f->width == width))
			return f;
	}
	return NULL;
}

static bool unnamed_set(const struct reg_desc *d, uint64_t v, unsigned bit)
{
	return bit < (d ? d->bits : 64u) && (v >> bit & 1) && !regbits_field_at(d, bit);
}

static void fill(struct regrow *r, unsigned lo, unsigned width, const struct reg_desc *da,
		 uint64_t a, const struct reg_desc *db, uint64_t b)
{
	const struct reg_field *fa = field_from(da, lo, width), *fb = field_from(db, lo, width);

	memset(r, 0, sizeof(*r));
	r->lo = lo;
	r->width = width;
	r->fa = fa ? fa->name : NULL;
	r->fb = fb ? fb->name : NULL;
	r->has_a = lo < (da ? da->bits : 64u);
	r->has_b = lo < (db ? db->bits : 64u);
	r->va = r->has_a ? regbits_get(lo, width, a) : 0;
	r->vb = r->has_b ? regbits_get(lo, width, b) : 0;
}

/*
 * Rows at bit lo: a field both tables have (same place, same width) is one
 * row; fields of different widths get a row each; then unnamed set bits.
 */
static size_t rows_at(unsigned lo, const struct reg_desc *da, uint64_t a,
		      const struct reg_desc *db, uint64_t b, struct regrow *rows, size_t max)
{
	const struct reg_field *fa = field_from(da, lo, 0), *fb = field_from(db, lo, 0);
	size_t n = 0;

	if (fa && n < max)
		fill(&rows[n++], lo, fa->width, da, a, db, b);
	if (fb && (!fa || fa->width != fb->width) && n < max)
		fill(&rows[n++], lo, fb->width, da, a, db, b);
	if (!fa && !fb && (unnamed_set(da, a, lo) || unnamed_set(db, b, lo)) && n < max)
		fill(&rows[n++], lo, 1, da, a, db, b);
	return n;
}

size_t regtable_rows(const struct reg_desc *da, uint64_t a, const struct reg_desc *db,
		     uint64_t b, struct regrow *rows, size_t max)
{
	size_t n = 0;

	for (unsigned lo = 0; lo < 64; lo++)
		n += rows_at(lo, da, a, db, b, rows + n, max - n);
	return n;
}

static bool row_differs(const struct regrow *r)
{
	return r->va != r->vb || r->has_a != r->has_b;
}

/* The row's bits are RES1 on a side: fixed by the architecture, not news. */
static bool res1(const struct reg_desc *d, unsigned lo)
{
	const struct reg_field *f = regbits_field_at(d, lo);

	return f && !strcmp(f->name, "RES1");
}

/* Rows shown: not zero on both sides, not RES1 on either (unless --all). */
static bool shown(const struct regrow *r, const struct reg_desc *da,
		  const struct reg_desc *db, const struct regtable_opts *o)
{
	if (o->all)
		return true;
	return (r->va || r->vb) && !res1(da, r->lo) && !res1(db, r->lo);
}

static void field_name(char *buf, size_t n, const struct regrow *r)
{
	if (r->fa && r->fb && strcmp(r->fa, r->fb) == 0)
		snprintf(buf, n, "%s", r->fa);
	else if (!r->fa && !r->fb)
		snprintf(buf, n, "bit%u", r->lo);
	else
		snprintf(buf, n, "%s / %s", r->fa ? r->fa : "-", r->fb ? r->fb : "-");
}

static void value(char *buf, size_t n, bool has, unsigned width, uint64_t v)
{
	if (!has)
		snprintf(buf, n, "-");
	else if (width > 4)
		snprintf(buf, n, "0x%llx", (unsigned long long)v);
	else
		snprintf(buf, n, "%llu", (unsigned long long)v);
}

static void bits(char *buf, size_t n, const struct regrow *r)
{
	if (r->width == 1)
		snprintf(buf, n, "%u", r->lo);
	else
		snprintf(buf, n, "%u-%u", r->lo, r->lo + r->width - 1);
}

static void print_row(FILE *out, const struct regrow *r, const struct regtable_opts *o)
{
	char name[64], va[24], vb[24], b[12];
	char mark = row_differs(r) ? '*' : ' ';

	field_name(name, sizeof(name), r);
	value(va, sizeof(va), r->has_a, r->width, r->va);
	value(vb, sizeof(vb), r->has_b, r->width, r->vb);
	bits(b, sizeof(b), r);
	if (o->md)
		fprintf(out, "| %s | %s | %s | %s | %s |\n", mark == '*' ? "**≠**" : "", b, name,
			va, vb);
	else
		fprintf(out, "  %c %-6s %-16s %18s %18s\n", mark, b, name, va, vb);
}

static void print_head(FILE *out, const char *na, const struct regval *a, const char *nb,
		       const struct regval *b, const struct regtable_opts *o)
{
	char va[24] = "(not in dump)", vb[24] = "(not in dump)";

	if (a)
		snprintf(va, sizeof(va), "0x%llx", (unsigned long long)a->v);
	if (b)
		snprintf(vb, sizeof(vb), "0x%llx", (unsigned long long)b->v);
	if (o->md)
		fprintf(out, "\n**%s** (%s) `%s` vs **%s** (%s) `%s`\n", na, o->name_a, va, nb,
			o->name_b, vb);
	else
		fprintf(out, "\n%s = %s (%s)  vs  %s = %s (%s)\n", na, va, o->name_a, nb, vb,
			o->name_b);
}

static void print_columns(FILE *out, const struct regtable_opts *o)
{
	if (o->md)
		fprintf(out, "\n| | bits | field | %s | %s |\n|---|---|---|---|---|\n",
			o->name_a, o->name_b);
	else
		fprintf(out, "    %-6s %-16s %18s %18s\n", "bits", "field", o->name_a, o->name_b);
}

/* One register: a's value by the ARMv7 name, b's by either name. */
static unsigned pl2_one(FILE *out, const char *v7, const struct regfile *a,
			const struct regfile *b, const struct regtable_opts *o)
{
	const char *v8 = regbits_aarch64_name(v7);
	const struct regval *ra = regfile_get(a, v7), *rb = regfile_get(b, v8);
	const char *nb = v8;
	struct regrow rows[MAX_ROWS];
	size_t n;

	if (!rb && regfile_get(b, v7)) {
		rb = regfile_get(b, v7);
		nb = v7;
	}
	const struct reg_desc *da = regbits_find(v7), *db = regbits_find(nb);

	print_head(out, v7, ra, nb, rb, o);
	if (!ra || !rb)
		return 1;
	if (da && da->nfields <= 1)
		return 0;	/* an address (HVBAR): its value says it all */
	n = regtable_rows(da, ra->v, db, rb->v, rows, MAX_ROWS);
	print_columns(out, o);
	for (size_t i = 0; i < n; i++)
		if (shown(&rows[i], da, db, o))
			print_row(out, &rows[i], o);
	return 0;
}

unsigned regtable_pl2(FILE *out, const struct regfile *a, const struct regfile *b,
		      const struct regtable_opts *o)
{
	unsigned missing = 0;

	for (size_t i = 0; i < regbits_pl2_count; i++)
		missing += pl2_one(out, regbits_pl2_order[i], a, b, o);
	return missing;
}

/*
 * The guest's registers in dump a. The bare hypervisor writes them as
 * "guest.NAME", and a group as "guest.r0-r12,SP,LR" (one value for all);
 * SP and LR are the SVC ones, the mode the guest starts in. A dump
 * without "guest." names (kvm-runner's) gives every non-PL2 register.
 */
static size_t expand(const char *group, uint64_t v, struct regval *g, size_t n, size_t max)
{
	char buf[40], *save = NULL;
	unsigned lo, hi;

	snprintf(buf, sizeof(buf), "%s", group);
	for (char *t = strtok_r(buf, ",", &save); t && n < max; t = strtok_r(NULL, ",", &save)) {
		if (sscanf(t, "r%u-r%u", &lo, &hi) == 2 && lo <= hi && hi < 16) {
			for (unsigned r = lo; r <= hi && n < max; r++, n++)
				snprintf(g[n].name, sizeof(g[n].name), "r%u", r), g[n].v = v;
			continue;
		}
		if (!strcmp(t, "SP") || !strcmp(t, "LR"))
			snprintf(g[n].name, sizeof(g[n].name), "%s_svc", t);
		else
			snprintf(g[n].name, sizeof(g[n].name), "%s", t);
		g[n++].v = v;
	}
	return n;
}

/* Fills g (room for a->n + 32 entries); returns the count. */
static size_t guest_regs(const struct regfile *a, struct regval *g)
{
	size_t n = 0, max = a->n + 32;

	for (size_t i = 0; i < a->n; i++)
		if (!strncmp(a->r[i].name, "guest.", 6))
			n = expand(a->r[i].name + 6, a->r[i].v, g, n, max);
	if (n)
		return n;
	for (size_t i = 0; i < a->n; i++) {
		const char *name = a->r[i].name;

		if (regfile_get(a, name) != &a->r[i])
			continue;	/* a second dump (at exit) */
		if (!regbits_find(name) || !strcmp(name, "CPSR") || !strcmp(name, "SCTLR"))
			g[n++] = a->r[i];
	}
	return n;
}

static const struct regval *find(const struct regval *g, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(g[i].name, name))
			return &g[i];
	return NULL;
}

static void guest_row(FILE *out, const struct regval *ra, const struct regval *rb,
		      const struct regtable_opts *o)
{
	char va[24], vb[24] = "(absent)";
	bool d = !rb || rb->v != ra->v;

	snprintf(va, sizeof(va), "0x%llx", (unsigned long long)ra->v);
	if (rb)
		snprintf(vb, sizeof(vb), "0x%llx", (unsigned long long)rb->v);
	if (o->md)
		fprintf(out, "| %s | %s | %s | %s |\n", d ? "**≠**" : "", ra->name, va, vb);
	else
		fprintf(out, "%c %-10s %18s %18s\n", d ? '*' : ' ', ra->name, va, vb);
}

unsigned regtable_guest(FILE *out, const struct regfile *a, const struct regfile *b,
			const struct regtable_opts *o)
{
	struct regval *ga = calloc(a->n + 32, sizeof(*ga)), *gb = calloc(b->n + 32, sizeof(*gb));
	size_t na = ga ? guest_regs(a, ga) : 0, nb = gb ? guest_regs(b, gb) : 0;
	unsigned differ = 0;

	if (o->md)
		fprintf(out, "| | register | %s | %s |\n|---|---|---|---|\n", o->name_a,
			o->name_b);
	else
		fprintf(out, "  %-10s %18s %18s\n", "register", o->name_a, o->name_b);
	for (size_t i = 0; i < na; i++) {
		const struct regval *rb = find(gb, nb, ga[i].name);

		differ += !rb || rb->v != ga[i].v;
		guest_row(out, &ga[i], rb, o);
	}
	if (!o->md && nb > na)
		fprintf(out, "  (%zu more registers in %s's dump)\n", nb - na, o->name_b);
	free(ga);
	free(gb);
	return differ;
}
