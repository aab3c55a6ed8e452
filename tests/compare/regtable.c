/*
 * Registers side by side. A row per field that starts at a bit in either
 * description (and per set bit neither names); rows zero on both sides are
 * left out unless asked for; '*' marks a row whose bits differ.
 */
#include "regtable.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ROWS 160

/* The fields of d starting at bit lo (a table may hold two, e.g. RES1). */
static const struct reg_field *field_from(const struct reg_desc *d, unsigned lo, unsigned width)
{
	for (unsigned i = 0; d && i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];

		if (f->width && f->shift == lo && (!width || f->width == width))
			return f;
	}
	return NULL;
}

static unsigned width_of(const struct reg_desc *d) { return d ? d->bits : 64u; }

static bool unnamed_set(const struct regside *s, unsigned bit)
{
	return bit < width_of(s->d) && (s->v >> bit & 1) && !regbits_field_at(s->d, bit);
}

static void fill(struct regrow *r, unsigned lo, unsigned width, const struct regside *s, unsigned n)
{
	memset(r, 0, sizeof(*r));
	r->lo = lo;
	r->width = width;
	for (unsigned i = 0; i < n; i++) {
		const struct reg_field *f = field_from(s[i].d, lo, width);

		r->f[i] = f ? f->name : NULL;
		r->has[i] = lo < width_of(s[i].d);
		r->v[i] = r->has[i] ? regbits_get(lo, width, s[i].v) : 0;
	}
}

/*
 * Rows at bit lo: one per field width some side starts here (a field the
 * sides share, same place and width, is one row); then unnamed set bits.
 */
static size_t rows_at(unsigned lo, const struct regside *s, unsigned n, struct regrow *rows,
		      size_t max)
{
	unsigned widths[REGTABLE_MAX_SIDES], nw = 0, i, k;
	bool unnamed = false;
	size_t m = 0;

	for (i = 0; i < n; i++) {
		const struct reg_field *f = field_from(s[i].d, lo, 0);

		for (k = 0; f && k < nw && widths[k] != f->width; k++)
			;
		if (f && k == nw)
			widths[nw++] = f->width;
		unnamed |= unnamed_set(&s[i], lo);
	}
	for (k = 0; k < nw && m < max; k++)
		fill(&rows[m++], lo, widths[k], s, n);
	if (!nw && unnamed && m < max)
		fill(&rows[m++], lo, 1, s, n);
	return m;
}

size_t regtable_rows(const struct regside *s, unsigned n, struct regrow *rows, size_t max)
{
	size_t m = 0;

	for (unsigned lo = 0; lo < 64; lo++)
		m += rows_at(lo, s, n, rows + m, max - m);
	return m;
}

int regtable_value(char *buf, size_t n, const struct reg_desc *d, uint64_t v)
{
	if (width_of(d) == 32)
		return snprintf(buf, n, "0x%08llx", (unsigned long long)(v & 0xffffffffu));
	return snprintf(buf, n, "0x%llx", (unsigned long long)v);
}

static bool row_differs(const struct regrow *r, unsigned n)
{
	for (unsigned i = 1; i < n; i++)
		if (r->v[i] != r->v[0] || r->has[i] != r->has[0])
			return true;
	return false;
}

/* The row's bits are RES1 on a side: fixed by the architecture, not news. */
static bool res1(const struct reg_desc *d, unsigned lo)
{
	const struct reg_field *f = regbits_field_at(d, lo);

	return f && !strcmp(f->name, "RES1");
}

/* Rows shown: not zero on every side, not RES1 on any (unless --all). */
static bool shown(const struct regrow *r, const struct regside *s, unsigned n,
		  const struct regtable_opts *o)
{
	bool set = false;

	if (o->all)
		return true;
	for (unsigned i = 0; i < n; i++) {
		if (res1(s[i].d, r->lo))
			return false;
		set |= r->v[i] != 0;
	}
	return set;
}

/* "TID2" when every side names it so; else each side's name, "-" for none, repeats left out. */
static void field_name(char *buf, size_t len, const struct regrow *r, unsigned n)
{
	size_t at = 0;
	bool same = true, any = false;

	for (unsigned i = 0; i < n; i++) {
		same &= r->f[i] && r->f[0] && !strcmp(r->f[i], r->f[0]);
		any |= r->f[i] != NULL;
	}
	if (same) {
		snprintf(buf, len, "%s", r->f[0]);
		return;
	}
	if (!any) {
		snprintf(buf, len, "bit%u", r->lo);
		return;
	}
	buf[0] = 0;
	for (unsigned i = 0; i < n && at < len; i++) {
		const char *f = r->f[i] ? r->f[i] : "-";
		bool seen = false;

		for (unsigned k = 0; k < i; k++)
			seen |= !strcmp(f, r->f[k] ? r->f[k] : "-");
		if (!seen)
			at += snprintf(buf + at, len - at, "%s%s", at ? " / " : "", f);
	}
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

static void print_row(FILE *out, const struct regrow *r, unsigned n, const struct regtable_opts *o)
{
	char name[96], v[24], b[12];
	bool d = row_differs(r, n);

	field_name(name, sizeof(name), r, n);
	bits(b, sizeof(b), r);
	if (o->md)
		fprintf(out, "| %s | %s | %s |", d ? "**≠**" : "", b, name);
	else
		fprintf(out, "  %c %-6s %-16s", d ? '*' : ' ', b, name);
	for (unsigned i = 0; i < n; i++) {
		value(v, sizeof(v), r->has[i], r->width, r->v[i]);
		fprintf(out, o->md ? " %s |" : " %18s", v);
	}
	fputc('\n', out);
}

/* "HCR = 0x0478663b (hyp)  vs  HCR_EL2 = 0x8047e663f (kvm) ..." */
static void print_head(FILE *out, const char *const *names, const struct regval *const *r,
		       const struct regside *s, unsigned n, const struct regtable_opts *o)
{
	char v[24];

	fputc('\n', out);
	for (unsigned i = 0; i < n; i++) {
		snprintf(v, sizeof(v), "(not in dump)");
		if (r[i])
			regtable_value(v, sizeof(v), s[i].d, r[i]->v);
		if (o->md)
			fprintf(out, "%s**%s** (%s) `%s`", i ? " vs " : "", names[i], o->name[i],
				v);
		else
			fprintf(out, "%s%s = %s (%s)", i ? "  vs  " : "", names[i], v, o->name[i]);
	}
	fputc('\n', out);
}

static void print_columns(FILE *out, unsigned n, const struct regtable_opts *o)
{
	if (o->md)
		fprintf(out, "\n| | bits | field |");
	else
		fprintf(out, "    %-6s %-16s", "bits", "field");
	for (unsigned i = 0; i < n; i++)
		fprintf(out, o->md ? " %s |" : " %18s", o->name[i]);
	if (o->md) {
		fprintf(out, "\n|---|---|---|");
		for (unsigned i = 0; i < n; i++)
			fprintf(out, "---|");
	}
	fputc('\n', out);
}

/* One register: f[0]'s value by the ARMv7 name, the others' by either name. */
static unsigned pl2_one(FILE *out, const char *v7, const struct regfile *f, unsigned n,
			const struct regtable_opts *o)
{
	const char *v8 = regbits_aarch64_name(v7), *names[REGTABLE_MAX_SIDES];
	const struct regval *r[REGTABLE_MAX_SIDES];
	struct regside s[REGTABLE_MAX_SIDES];
	struct regrow rows[MAX_ROWS];
	unsigned missing = 0;
	size_t m;

	if (!v8)
		v8 = v7; /* a GIC register: one name on every side */

	for (unsigned i = 0; i < n; i++) {
		names[i] = v7;
		r[i] = regfile_get(&f[i], v7);
		if (i && !r[i] && regfile_get(&f[i], v8)) {
			names[i] = v8;
			r[i] = regfile_get(&f[i], v8);
		} else if (i && !r[i])
			names[i] = v8;
		s[i].d = regbits_find(names[i]);
		s[i].v = r[i] ? r[i]->v : 0;
		missing += !r[i];
	}
	print_head(out, names, r, s, n, o);
	if (missing)
		return 1;
	if (s[0].d && s[0].d->nfields <= 1)
		return 0; /* an address (HVBAR): its value says it all */
	m = regtable_rows(s, n, rows, MAX_ROWS);
	print_columns(out, n, o);
	for (size_t i = 0; i < m; i++)
		if (shown(&rows[i], s, n, o))
			print_row(out, &rows[i], n, o);
	return 0;
}

unsigned regtable_pl2(FILE *out, const struct regfile *f, unsigned n, const struct regtable_opts *o)
{
	unsigned missing = 0;

	for (size_t i = 0; i < regbits_pl2_count; i++)
		missing += pl2_one(out, regbits_pl2_order[i], f, n, o);
	return missing;
}

/* A dump holds v7 (or its AArch64 name). */
static bool has_reg(const struct regfile *f, const char *v7)
{
	const char *v8 = regbits_aarch64_name(v7);

	return regfile_get(f, v7) || (v8 && regfile_get(f, v8));
}

static unsigned gic_one(FILE *out, const char *v7, const struct regfile *f, unsigned n,
			const struct regtable_opts *o)
{
	for (unsigned i = 0; i < n; i++)
		if (has_reg(&f[i], v7)) {
			pl2_one(out, v7, f, n, o);
			return 1;
		}
	return 0;
}

unsigned regtable_gic(FILE *out, const struct regfile *f, unsigned n, const struct regtable_opts *o)
{
	static const char *const gich[] = { "GICH_HCR", "GICH_VTR", "GICH_VMCR" };
	static const char *const timer[] = { "CNTHCTL", "CNTVOFF" };
	unsigned shown = 0;
	char lr[16];

	for (size_t i = 0; i < sizeof(gich) / sizeof(gich[0]); i++)
		shown += gic_one(out, gich[i], f, n, o);
	for (unsigned k = 0; k < REGTABLE_MAX_LRS; k++) {
		snprintf(lr, sizeof(lr), "GICH_LR%u", k);
		shown += gic_one(out, lr, f, n, o);
	}
	for (size_t i = 0; i < sizeof(timer) / sizeof(timer[0]); i++)
		shown += gic_one(out, timer[i], f, n, o);
	return shown;
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
			continue; /* a second dump (at exit) */
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
		fprintf(out, "| | register | %s | %s |\n|---|---|---|---|\n", o->name[0],
			o->name[1]);
	else
		fprintf(out, "  %-10s %18s %18s\n", "register", o->name[0], o->name[1]);
	for (size_t i = 0; i < na; i++) {
		const struct regval *rb = find(gb, nb, ga[i].name);

		differ += !rb || rb->v != ga[i].v;
		guest_row(out, &ga[i], rb, o);
	}
	if (!o->md && nb > na)
		fprintf(out, "  (%zu more registers in %s's dump)\n", nb - na, o->name[1]);
	free(ga);
	free(gb);
	return differ;
}
