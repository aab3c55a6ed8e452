/* A reader of FDT blobs for the fuzzers: is a blob well formed? (fdt_check.c) */
#ifndef TESTS_FUZZ_FDT_CHECK_H
#define TESTS_FUZZ_FDT_CHECK_H

#include <stddef.h>

/*
 * Checks what a DTB reader relies on (DTSpec v0.3 ch. 5): the header's
 * magic, version 17, total size and block offsets inside size; aligned
 * blocks; a struct block of BEGIN_NODE/PROP/NOP/END_NODE tokens, nested,
 * ending in one END; every property name offset inside the strings block
 * and NUL-terminated there. Returns NULL, or what is wrong.
 */
const char *fdt_check(const void *blob, size_t size);

#endif
