/*
 * Register dumps as the VMMs write them: lines `reg: NAME = 0xVALUE ...`
 * (anything after the value is the writer's own decoding, ignored), with
 * or without the "reg: " prefix. Other lines are skipped, so a whole
 * console capture can be read.
 */
#ifndef COMPARE_REGFILE_H
#define COMPARE_REGFILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct regval {
	char name[40];
	uint64_t v;
	unsigned lineno;
};

struct regfile {
	const char *path;
	struct regval *r;
	size_t n, cap;
};

/* Returns 0, or -1 with "FILE:LINE: why" (or "FILE: no register lines"). */
int regfile_load(const char *path, struct regfile *f, char *err, size_t n);
int regfile_load_stream(FILE *in, const char *path, struct regfile *f, char *err, size_t n);
void regfile_free(struct regfile *f);

/* The first value named name (case-insensitive), or NULL. */
const struct regval *regfile_get(const struct regfile *f, const char *name);

#endif
