/*
 * The board's RAM size as both VMMs take it (-m, docs/guest-abi.md):
 * decimal digits (a leading 0 is still decimal, never octal), then an
 * optional K, M or G in either case (none = M, as kvmtool and QEMU), whole
 * MiB from BOARD_RAM_MIN to BOARD_RAM_MAX; overflow refused. Freestanding.
 */
#ifndef BOARD_MEMSIZE_H
#define BOARD_MEMSIZE_H

#include <stddef.h>
#include <stdint.h>

/* Returns 0 with the size in bytes, or -1 with the reason in err. */
int board_parse_mem(const char *s, uint32_t *bytes, char *err, size_t n);

#endif
