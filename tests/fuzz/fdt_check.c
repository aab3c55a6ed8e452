/* A DTB well-formedness check for the fuzzers (fdt_check.h). */
#include <stdint.h>
#include <string.h>
#include "fdt_check.h"

enum { TOK_BEGIN = 1, TOK_END = 2, TOK_PROP = 3, TOK_NOP = 4, TOK_FINISH = 9 };

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The struct block from off for len bytes, its names in strings[0..slen). */
static const char *walk(const uint8_t *b, size_t off, size_t len, const uint8_t *strings,
			size_t slen)
{
	size_t p = off, end = off + len;
	unsigned depth = 0;

	while (p + 4 <= end) {
		uint32_t tok = be32(b + p);
		const uint8_t *nul;

		p += 4;
		switch (tok) {
		case TOK_BEGIN:
			nul = memchr(b + p, 0, end - p);
			if (!nul)
				return "node name runs past the struct block";
			p = (size_t)(nul - b) + 1;
			p = (p + 3) & ~(size_t)3;
			depth++;
			break;
		case TOK_END:
			if (!depth--)
				return "END_NODE without a node";
			break;
		case TOK_PROP: {
			uint32_t plen, nameoff;

			if (!depth || p + 8 > end)
				return "property outside a node or cut short";
			plen = be32(b + p);
			nameoff = be32(b + p + 4);
			p += 8;
			if (plen > end - p)
				return "property value runs past the struct block";
			if (nameoff >= slen || !memchr(strings + nameoff, 0, slen - nameoff))
				return "property name outside the strings block";
			p = (p + plen + 3) & ~(size_t)3;
			break;
		}
		case TOK_NOP:
			break;
		case TOK_FINISH:
			return depth ? "END inside a node" : p == end ? NULL : "bytes after END";
		default:
			return "unknown token";
		}
	}
	return "no END token";
}

const char *fdt_check(const void *blob, size_t size)
{
	const uint8_t *b = blob;
	uint32_t total, off_struct, off_strings, off_rsv, len_strings, len_struct;

	if (size < 40)
		return "shorter than the header";
	total = be32(b + 4);
	off_struct = be32(b + 8);
	off_strings = be32(b + 12);
	off_rsv = be32(b + 16);
	len_strings = be32(b + 32);
	len_struct = be32(b + 36);
	if (be32(b) != 0xd00dfeedu || be32(b + 20) != 17)
		return "bad magic or version";
	if (total != size)
		return "totalsize is not the blob's size";
	if (off_rsv % 8 || off_struct % 4 || off_rsv + 16 > total)
		return "misaligned or outside blocks";
	if (off_struct > total || len_struct > total - off_struct || off_strings > total ||
	    len_strings > total - off_strings)
		return "a block runs past totalsize";
	for (size_t k = 0; k < 16; k++)	/* the reserve map must end at once */
		if (b[off_rsv + k])
			return "memory reserve map not empty-terminated";
	return walk(b, off_struct, len_struct, b + off_strings, len_strings);
}
