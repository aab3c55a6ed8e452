/*
 * A small flattened-device-tree writer (DTSpec v0.3, version 17 blobs) into
 * a caller's buffer: no allocation, no libfdt. Errors are sticky: once one
 * call fails, every later one does nothing and fdt_finish reports the first.
 */
#ifndef BOARD_FDT_H
#define BOARD_FDT_H

#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedu

struct fdt {
	uint8_t *buf;
	size_t cap;			/* bytes in buf */
	size_t struct_len, strings_len; /* the two blocks, built apart */
	unsigned depth;			/* open nodes */
	const char *error;		/* first error, NULL while all is well */
	/* layout detail the writer owns; callers read none of it */
	size_t struct_off, strings_off;
};

void fdt_begin(struct fdt *f, void *buf, size_t cap);
void fdt_begin_node(struct fdt *f, const char *name); /* "" for the root */
void fdt_end_node(struct fdt *f);
void fdt_prop(struct fdt *f, const char *name, const void *val, size_t len);
void fdt_prop_u32(struct fdt *f, const char *name, uint32_t v);
void fdt_prop_cells(struct fdt *f, const char *name, const uint32_t *cells, unsigned n);
void fdt_prop_str(struct fdt *f, const char *name, const char *s);
/* A string list: "a\0b\0", given as n strings. */
void fdt_prop_strs(struct fdt *f, const char *name, const char *const *s, unsigned n);
void fdt_prop_empty(struct fdt *f, const char *name);

/* Closes the blob. Returns its size, or -1 with *err = the first error. */
long fdt_finish(struct fdt *f, const char **err);

#endif
