/*
 * "-m SIZE" as both VMMs and mkdtb read it (docs/guest-abi.md): decimal
 * digits (a leading 0 is not octal), then nothing (MiB) or one of K, M, G
 * (either case). Plain C, no libc beyond the compiler's.
 */
#ifndef BOARD_SIZE_ARG_H
#define BOARD_SIZE_ARG_H

#include <stdint.h>

/*
 * Sets *bytes and returns 0, or returns -1 for anything else: empty, a
 * sign, spaces, another suffix, or a size of 4 GiB or more (no wrap). The
 * board's limits (1..512 MiB, whole MiB) are board_desc_check's.
 */
int board_size_arg(const char *s, uint32_t *bytes);

#endif
