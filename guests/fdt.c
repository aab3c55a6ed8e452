/*
 * fdt: the device tree a VMM gives a Linux-protocol guest (issue 8).
 * Linked at RAM base + BOARD_RAW_IMAGE_OFFSET, as kvm-unit-tests is, so
 * every VMM enters it by the Linux protocol: r0 = 0, r1 = 0xffffffff,
 * r2 = the DTB. It walks the DTB (Devicetree Specification v0.4, ch. 5)
 * and checks /memory, the /cpus/cpu@ count and the /psci method against
 * what /chosen/bootargs says they must be, separated by spaces or commas
 * (the KVM test bed passes the runner's options through a kernel command
 * line, which cannot quote a space):
 *   kit.mem=256M,kit.cpus=1,kit.psci=hvc     (GUEST_ARGS_fdt, guests/build.mk)
 */
#include "guest.h"

#define FDT_MAGIC	0xd00dfeedu
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9
#define MAX_DEPTH	8

struct fdt_header {		/* big-endian words */
	uint32_t magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap;
	uint32_t version, last_comp_version, boot_cpuid_phys, size_dt_strings, size_dt_struct;
};

/* What the walk found. */
struct dt_facts {
	uint32_t addr_cells, size_cells;	/* the root's */
	uint64_t mem_base, mem_size;
	bool have_memory;
	unsigned cpus;
	const char *psci_method;
	const char *bootargs;
	uint64_t uart_base;
	bool have_uart;
};

extern char __stack_top[];

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint64_t cells(const uint8_t *p, uint32_t n)
{
	uint64_t v = 0;

	while (n--) {
		v = v << 32 | be32(p);
		p += 4;
	}
	return v;
}

static bool named(const char *node, const char *base)
{
	size_t n = strlen(base);

	return !strncmp(node, base, n) && (node[n] == '\0' || node[n] == '@');
}

/* Does the string list (a compatible property) hold s? */
static bool in_list(const char *list, uint32_t len, const char *s)
{
	for (uint32_t i = 0; i < len; i += (uint32_t)strlen(list + i) + 1)
		if (!strcmp(list + i, s))
			return true;
	return false;
}

static void prop(struct dt_facts *f, const char *const path[], int depth,
		 const char *name, const uint8_t *val, uint32_t len)
{
	const char *node = depth ? path[depth - 1] : "";	/* depth 1: the root */

	if (depth == 1 && !strcmp(name, "#address-cells") && len == 4)
		f->addr_cells = be32(val);
	else if (depth == 1 && !strcmp(name, "#size-cells") && len == 4)
		f->size_cells = be32(val);
	else if (depth == 2 && named(node, "memory") && !strcmp(name, "reg") &&
		 len >= 4 * (f->addr_cells + f->size_cells)) {
		f->mem_base = cells(val, f->addr_cells);
		f->mem_size = cells(val + 4 * f->addr_cells, f->size_cells);
		f->have_memory = true;
	} else if (depth == 2 && named(node, "chosen") && !strcmp(name, "bootargs"))
		f->bootargs = (const char *)val;
	else if (depth == 2 && named(node, "psci") && !strcmp(name, "method"))
		f->psci_method = (const char *)val;
	else if (depth >= 2 && !strcmp(name, "compatible") && in_list((const char *)val, len, "arm,pl011"))
		f->have_uart = true;
	else if (depth >= 2 && named(node, "pl011") && !strcmp(name, "reg") && len >= 4 * f->addr_cells)
		f->uart_base = cells(val, f->addr_cells);
}

/* Walks the structure block; false on a malformed one. */
static bool walk(const uint8_t *dtb, struct dt_facts *f)
{
	const struct fdt_header *h = (const void *)dtb;
	const uint8_t *p = dtb + be32(&h->off_dt_struct);
	const uint8_t *end = p + be32(&h->size_dt_struct);
	const char *strings = (const char *)dtb + be32(&h->off_dt_strings);
	const char *path[MAX_DEPTH];
	int depth = 0;

	f->addr_cells = 2;	/* the spec's defaults */
	f->size_cells = 1;
	while (p < end) {
		uint32_t tok = be32(p), len;

		p += 4;
		switch (tok) {
		case FDT_BEGIN_NODE:
			if (depth == MAX_DEPTH)
				return false;
			path[depth++] = (const char *)p;
			if (depth == 3 && named(path[1], "cpus") && named(path[2], "cpu"))
				f->cpus++;
			p += (strlen((const char *)p) + 4) & ~3u;
			break;
		case FDT_END_NODE:
			if (depth-- == 0)
				return false;
			break;
		case FDT_PROP:
			len = be32(p);
			prop(f, path, depth, strings + be32(p + 4), p + 8, len);
			p += 8 + ((len + 3) & ~3u);
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

/* The value of "key=" in the command line, up to the next separator; NULL if absent. */
static const char *arg(const char *cmdline, const char *key, char *buf, size_t n)
{
	size_t k = strlen(key);

	for (const char *s = cmdline; s && *s; ) {
		if (!strncmp(s, key, k) && s[k] == '=') {
			size_t i = 0;

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

	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	*end = s;
	return v;
}

/* "1" -> 1; ~0 if not a plain number. */
static uint32_t count_arg(const char *s)
{
	uint64_t v = num(s, &s);

	return *s || v > 0xffffffffu ? 0xffffffffu : (uint32_t)v;
}

/* "256M" -> bytes; 0 if not a number with an M or G suffix. */
static uint64_t size_arg(const char *s)
{
	uint64_t v = num(s, &s);

	if (s[0] == 'M' && !s[1])
		return v << 20;
	if (s[0] == 'G' && !s[1])
		return v << 30;
	return 0;
}

static void check_expectations(const struct dt_facts *f)
{
	char mem[16], cpus[8], psci[8];
	bool have_mem = arg(f->bootargs, "kit.mem", mem, sizeof(mem));
	bool have_cpus = arg(f->bootargs, "kit.cpus", cpus, sizeof(cpus));
	bool have_psci = arg(f->bootargs, "kit.psci", psci, sizeof(psci));

	report(f->bootargs != NULL, "/chosen/bootargs present");
	if (report(have_mem && size_arg(mem), "bootargs: kit.mem=%s", have_mem ? mem : "(missing)"))
		report(f->have_memory && f->mem_base == BOARD_RAM_BASE && f->mem_size == size_arg(mem),
		       "/memory reg: base 0x%08x, %u MiB", (uint32_t)f->mem_base,
		       (uint32_t)(f->mem_size >> 20));
	if (report(have_cpus, "bootargs: kit.cpus=%s", have_cpus ? cpus : "(missing)"))
		report(count_arg(cpus) == f->cpus, "/cpus: %u cpu@ node(s)", f->cpus);
	if (report(have_psci, "bootargs: kit.psci=%s", have_psci ? psci : "(missing)"))
		report(f->psci_method && !strcmp(f->psci_method, psci), "/psci method: %s",
		       f->psci_method ? f->psci_method : "(none)");
}

int main(uint32_t r0, uint32_t r1, const uint8_t *dtb)
{
	const struct fdt_header *h = (const void *)dtb;
	struct dt_facts f = { 0 };
	uintptr_t at = (uintptr_t)dtb;

	report_prefix("fdt");
	report(r0 == 0 && r1 == BOARD_MACH_TYPE_DT, "entry: r0 = 0, r1 = 0x%08x (Linux protocol)", r1);
	if (!report(at >= BOARD_RAM_BASE && !(at & 7), "entry: r2 points at 8-byte aligned RAM"))
		return report_summary();
	report(at >= (uintptr_t)__stack_top, "the DTB lies above the image and its stack");
	if (!report(be32(&h->magic) == FDT_MAGIC, "header: magic 0x%08x", be32(&h->magic)))
		return report_summary();
	report(be32(&h->version) >= 16 && be32(&h->last_comp_version) <= 16,
	       "header: version >= 16, last compatible version <= 16");
	if (!report(walk(dtb, &f), "structure block walks to FDT_END"))
		return report_summary();
	report(f.have_uart && f.uart_base == BOARD_UART_BASE, "an arm,pl011 node at 0x%08x",
	       (uint32_t)f.uart_base);
	check_expectations(&f);
	return report_summary();
}
