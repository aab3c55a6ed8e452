/*
 * Device-tree reading for the fdt guest (dt.h). Every offset and length
 * is checked against the blob's size before it is read: the DTB comes
 * from a VMM under test.
 */
#include "dt.h"

#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9
#define MAX_DEPTH 8

uint32_t dt_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint64_t cells(const uint8_t *p, uint32_t n)
{
	uint64_t v = 0;

	while (n--) {
		v = v << 32 | dt_be32(p);
		p += 4;
	}
	return v;
}

/* The length of the NUL-terminated string at s, or -1 if it runs past end. */
static long str_len(const char *s, const char *end)
{
	for (const char *p = s; p < end; p++)
		if (!*p)
			return p - s;
	return -1;
}

static bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* "memory" names "memory" and "memory@40000000". */
static bool named(const char *node, const char *base)
{
	while (*base && *node == *base)
		node++, base++;
	return !*base && (*node == '\0' || *node == '@');
}

/* Does the string list (a compatible property of len bytes) hold s? */
static bool in_list(const char *list, uint32_t len, const char *s)
{
	for (uint32_t i = 0; i < len;) {
		long n = str_len(list + i, list + len);

		if (n < 0)
			return false;
		if (str_eq(list + i, s))
			return true;
		i += (uint32_t)n + 1;
	}
	return false;
}

bool dt_header_ok(const void *dtb, size_t max)
{
	const struct fdt_header *h = dtb;
	uint32_t total, st, ss, str, sl;

	if (max < sizeof(*h) || dt_be32(&h->magic) != FDT_MAGIC)
		return false;
	total = dt_be32(&h->totalsize);
	st = dt_be32(&h->off_dt_struct);
	ss = dt_be32(&h->size_dt_struct);
	str = dt_be32(&h->off_dt_strings);
	sl = dt_be32(&h->size_dt_strings);
	return total <= max && total >= sizeof(*h) && dt_be32(&h->version) >= 16 &&
	       dt_be32(&h->last_comp_version) <= 16 && st <= total && ss <= total - st &&
	       str <= total && sl <= total - str && !(st & 3) && !(ss & 3);
}

/* The nodes open on the way down: their names, and what a pl011 needs. */
struct walk {
	const char *path[MAX_DEPTH];
	uint64_t reg[MAX_DEPTH]; /* the first address of "reg" */
	bool has_reg[MAX_DEPTH], pl011[MAX_DEPTH];
};

static void prop(struct dt_facts *f, struct walk *w, int depth, const char *name,
		 const uint8_t *val, uint32_t len)
{
	const char *node = w->path[depth - 1]; /* depth 1: the root */
	bool str = len > 0 && val[len - 1] == '\0';

	if (depth == 1 && str_eq(name, "#address-cells") && len == 4)
		f->addr_cells = dt_be32(val);
	else if (depth == 1 && str_eq(name, "#size-cells") && len == 4)
		f->size_cells = dt_be32(val);
	else if (depth == 2 && named(node, "memory") && str_eq(name, "reg") && f->addr_cells <= 2 &&
		 f->size_cells <= 2 && len >= 4 * (f->addr_cells + f->size_cells)) {
		f->mem_base = cells(val, f->addr_cells);
		f->mem_size = cells(val + 4 * f->addr_cells, f->size_cells);
		f->have_memory = true;
	} else if (depth == 2 && named(node, "chosen") && str_eq(name, "bootargs") && str)
		f->bootargs = (const char *)val;
	else if (depth == 2 && named(node, "psci") && str_eq(name, "method") && str)
		f->psci_method = (const char *)val;
	else if (depth >= 2 && str_eq(name, "compatible") &&
		 in_list((const char *)val, len, "arm,pl011"))
		w->pl011[depth - 1] = true;
	else if (depth >= 2 && str_eq(name, "reg") && f->addr_cells <= 2 &&
		 len >= 4 * f->addr_cells) {
		w->reg[depth - 1] =
			cells(val, f->addr_cells); /* the root's cells: nodes at depth 2 */
		w->has_reg[depth - 1] = true;
	}
}

bool dt_walk(const void *dtb, size_t max, struct dt_facts *f)
{
	const struct fdt_header *h = dtb;
	const uint8_t *base = dtb, *p, *end;
	const char *strings, *strings_end;
	struct walk w;
	int depth = 0;

	*f = (struct dt_facts){.addr_cells = 2, .size_cells = 1}; /* the spec's defaults */
	if (!dt_header_ok(dtb, max))
		return false;
	p = base + dt_be32(&h->off_dt_struct);
	end = p + dt_be32(&h->size_dt_struct);
	strings = (const char *)base + dt_be32(&h->off_dt_strings);
	strings_end = strings + dt_be32(&h->size_dt_strings);
	while (end - p >= 4) {
		uint32_t tok = dt_be32(p), len, nameoff;
		long n;

		p += 4;
		switch (tok) {
		case FDT_BEGIN_NODE:
			n = str_len((const char *)p, (const char *)end);
			if (n < 0 || depth == MAX_DEPTH)
				return false;
			w.path[depth] = (const char *)p;
			w.has_reg[depth] = w.pl011[depth] = false;
			depth++;
			if (depth == 3 && named(w.path[1], "cpus") && named(w.path[2], "cpu"))
				f->cpus++;
			p += ((size_t)n + 4) & ~(size_t)3;
			break;
		case FDT_END_NODE:
			if (depth-- == 0)
				return false;
			if (w.pl011[depth] && w.has_reg[depth] && !f->have_uart) {
				f->have_uart = true;
				f->uart_base = w.reg[depth];
			}
			break;
		case FDT_PROP:
			if (end - p < 8)
				return false;
			len = dt_be32(p);
			nameoff = dt_be32(p + 4);
			if (depth == 0 || len > (size_t)(end - p) - 8 ||
			    nameoff >= (size_t)(strings_end - strings) ||
			    str_len(strings + nameoff, strings_end) < 0)
				return false;
			prop(f, &w, depth, strings + nameoff, p + 8, len);
			p += 8 + (((size_t)len + 3) & ~(size_t)3);
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			return depth == 0;
		default:
			return false;
		}
	}
	return false;
}

static bool separator(char c)
{
	return c == ' ' || c == ',';
}

const char *dt_arg(const char *cmdline, const char *key, char *buf, size_t n)
{
	size_t k = 0;

	while (key[k])
		k++;
	for (const char *s = cmdline; s && *s;) {
		size_t i = 0;

		while (i < k && s[i] == key[i])
			i++;
		if (i == k && s[k] == '=') {
			i = 0;
			for (s += k + 1; *s && !separator(*s) && i + 1 < n; s++)
				buf[i++] = *s;
			buf[i] = '\0';
			return buf;
		}
		while (*s && !separator(*s))
			s++;
		while (separator(*s))
			s++;
	}
	return NULL;
}

/* A decimal number; *end at the first other character. */
static uint64_t num(const char *s, const char **end)
{
	uint64_t v = 0;

	for (; *s >= '0' && *s <= '9' && v < (1ull << 40); s++)
		v = v * 10 + (uint64_t)(*s - '0');
	*end = s;
	return v;
}

uint64_t dt_size_arg(const char *s)
{
	uint64_t v = num(s, &s);

	if (s[0] == 'M' && !s[1])
		return v << 20;
	if (s[0] == 'G' && !s[1])
		return v << 30;
	return 0;
}

uint32_t dt_count_arg(const char *s)
{
	const char *end;
	uint64_t v = num(s, &end);

	return end == s || *end || v > 0xffffffffu ? 0xffffffffu : (uint32_t)v;
}
