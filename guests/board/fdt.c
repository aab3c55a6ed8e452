/*
 * The FDT writer (fdt.h), DTSpec v0.3 chapter 5: a 40-byte header, the
 * memory reservation block (only its terminating entry), the structure
 * block, then the strings block. The strings block sits right after the
 * structure block while both grow: a new structure token moves the few
 * hundred bytes of strings up, so the buffer holds exactly the blob.
 */
#include <string.h>
#include "fdt.h"

#define FDT_BEGIN_NODE	1u
#define FDT_END_NODE	2u
#define FDT_PROP	3u
#define FDT_END		9u

#define FDT_VERSION	17u
#define FDT_LAST_COMP	16u
#define FDT_HDR_SIZE	40u
#define FDT_RSV_OFF	FDT_HDR_SIZE		/* 8-byte aligned, as DTSpec asks */
#define FDT_RSV_SIZE	16u			/* the terminating {0, 0} entry */
#define FDT_NAME_MAX	31u			/* DTSpec 2.2.1 and 2.2.4 */

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void fail(struct fdt *f, const char *why)
{
	if (!f->error)
		f->error = why;
}

void fdt_begin(struct fdt *f, void *buf, size_t cap)
{
	memset(f, 0, sizeof(*f));
	f->buf = buf;
	f->cap = cap;
	f->struct_off = FDT_RSV_OFF + FDT_RSV_SIZE;
	f->strings_off = f->struct_off;
	if (!buf || cap < f->struct_off)
		fail(f, "FDT buffer too small");
}

/* Room for len more structure bytes: the strings block moves up by len. */
static uint8_t *struct_grow(struct fdt *f, size_t len)
{
	uint8_t *at;

	if (f->error)
		return NULL;
	if (f->cap - f->strings_off - f->strings_len < len) {
		fail(f, "FDT buffer too small");
		return NULL;
	}
	at = f->buf + f->struct_off + f->struct_len;
	memmove(at + len, at, f->strings_len);
	f->struct_len += len;
	f->strings_off += len;
	memset(at, 0, len);
	return at;
}

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static void put_token(struct fdt *f, uint32_t token)
{
	uint8_t *p = struct_grow(f, 4);

	if (p)
		put_be32(p, token);
}

/* DTSpec 2.2.1: node-name [@unit-address] of 1..31 of [0-9a-zA-Z,._+-]. */
static int node_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == ',' || c == '.' || c == '_' || c == '+' || c == '-';
}

static const char *check_node_name(const char *name)
{
	size_t len = strlen(name), at = 0;

	if (len == 0 || len > FDT_NAME_MAX)
		return len ? "FDT node name over 31 characters" : "FDT node name empty";
	for (size_t i = 0; i < len; i++) {
		if (name[i] == '@' && !at && i > 0 && i + 1 < len)
			at = i;
		else if (!node_char(name[i]))
			return "FDT node name with a character DTSpec does not allow";
	}
	return NULL;
}

/* DTSpec 2.2.4: property names of 1..31 of [0-9a-zA-Z,._+?#-]. */
static const char *check_prop_name(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > FDT_NAME_MAX)
		return len ? "FDT property name over 31 characters" : "FDT property name empty";
	for (size_t i = 0; i < len; i++)
		if (!node_char(name[i]) && name[i] != '?' && name[i] != '#')
			return "FDT property name with a character DTSpec does not allow";
	return NULL;
}

void fdt_begin_node(struct fdt *f, const char *name)
{
	const char *bad = NULL;
	size_t len = strlen(name);
	uint8_t *p;

	if (f->depth == 0 && (len || f->struct_len))
		bad = f->struct_len ? "FDT node after the root was closed"
				    : "FDT root node with a name";
	else if (f->depth > 0)
		bad = check_node_name(name);
	if (bad) {
		fail(f, bad);
		return;
	}
	put_token(f, FDT_BEGIN_NODE);
	p = struct_grow(f, pad4(len + 1));
	if (!p)
		return;
	memcpy(p, name, len);
	f->depth++;
}

void fdt_end_node(struct fdt *f)
{
	if (f->depth == 0) {
		fail(f, "FDT node closed that was never opened");
		return;
	}
	put_token(f, FDT_END_NODE);
	if (!f->error)
		f->depth--;
}

/* The offset of name in the strings block, added once (DTSpec 5.5). */
static uint32_t string_off(struct fdt *f, const char *name)
{
	const char *s = (const char *)f->buf + f->strings_off;
	size_t len = strlen(name) + 1, off = 0;

	while (off < f->strings_len) {
		size_t here = strlen(s + off) + 1;

		if (here == len && memcmp(s + off, name, len) == 0)
			return (uint32_t)off;
		off += here;
	}
	if (f->cap - f->strings_off - f->strings_len < len) {
		fail(f, "FDT buffer too small");
		return 0;
	}
	memcpy(f->buf + f->strings_off + off, name, len);
	f->strings_len += len;
	return (uint32_t)off;
}

void fdt_prop(struct fdt *f, const char *name, const void *val, size_t len)
{
	const char *bad = f->depth ? check_prop_name(name) : "FDT property outside any node";
	uint32_t nameoff;
	uint8_t *p;

	if (!bad && len > 0xffffffu)
		bad = "FDT property value over 16 MiB";
	if (bad) {
		fail(f, bad);
		return;
	}
	nameoff = string_off(f, name);
	put_token(f, FDT_PROP);
	p = struct_grow(f, 8 + pad4(len));
	if (!p)
		return;
	put_be32(p, (uint32_t)len);
	put_be32(p + 4, nameoff);
	if (len)
		memcpy(p + 8, val, len);
}

void fdt_prop_cells(struct fdt *f, const char *name, const uint32_t *cells, unsigned n)
{
	uint8_t be[4 * 16];

	if (n > sizeof(be) / 4) {
		fail(f, "FDT property of over 16 cells");
		return;
	}
	for (unsigned i = 0; i < n; i++)
		put_be32(be + 4 * i, cells[i]);
	fdt_prop(f, name, be, 4 * (size_t)n);
}

void fdt_prop_u32(struct fdt *f, const char *name, uint32_t v)
{
	fdt_prop_cells(f, name, &v, 1);
}

void fdt_prop_str(struct fdt *f, const char *name, const char *s)
{
	fdt_prop(f, name, s, strlen(s) + 1);
}

void fdt_prop_strs(struct fdt *f, const char *name, const char *const *s, unsigned n)
{
	char list[256];
	size_t len = 0;

	for (unsigned i = 0; i < n; i++) {
		size_t one = strlen(s[i]) + 1;

		if (one > sizeof(list) - len) {
			fail(f, "FDT string list over 256 bytes");
			return;
		}
		memcpy(list + len, s[i], one);
		len += one;
	}
	fdt_prop(f, name, list, len);
}

void fdt_prop_empty(struct fdt *f, const char *name)
{
	fdt_prop(f, name, NULL, 0);
}

static void put_header(struct fdt *f, size_t total)
{
	static const uint32_t fixed[] = { FDT_VERSION, FDT_LAST_COMP, 0 /* boot_cpuid_phys */ };
	uint8_t *h = f->buf;

	put_be32(h + 0, FDT_MAGIC);
	put_be32(h + 4, (uint32_t)total);
	put_be32(h + 8, (uint32_t)f->struct_off);
	put_be32(h + 12, (uint32_t)f->strings_off);
	put_be32(h + 16, FDT_RSV_OFF);
	for (unsigned i = 0; i < 3; i++)
		put_be32(h + 20 + 4 * i, fixed[i]);
	put_be32(h + 32, (uint32_t)f->strings_len);
	put_be32(h + 36, (uint32_t)f->struct_len);
	memset(h + FDT_RSV_OFF, 0, FDT_RSV_SIZE);
}

long fdt_finish(struct fdt *f, const char **err)
{
	size_t total;

	if (f->depth)
		fail(f, "FDT nodes left open");
	else if (!f->struct_len)
		fail(f, "FDT without a root node");
	put_token(f, FDT_END);
	if (f->error) {
		if (err)
			*err = f->error;
		return -1;
	}
	total = f->strings_off + f->strings_len;
	put_header(f, total);
	if (err)
		*err = NULL;
	return (long)total;
}
