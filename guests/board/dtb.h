/*
 * The board's device tree, derived from its description (board_desc.h):
 * /memory, /cpus/cpu@N (reg = MPIDR, enable-method psci), /psci (method
 * hvc), the PL011 with its apb_pclk clock, /chosen (stdout-path, bootargs,
 * linux,initrd-start/end), the GIC (arm,cortex-a15-gic) and arm,armv7-timer.
 */
#ifndef BOARD_DTB_H
#define BOARD_DTB_H

#include <stddef.h>
#include <stdint.h>
#include "board_desc.h"

struct dtb_chosen {
	const char *bootargs;		   /* NULL or "": no bootargs property */
	uint32_t initrd_start, initrd_end; /* IPAs; equal: no initrd */
};

/*
 * Writes the DTB into buf (cap bytes, at most BOARD_DTB_MAX is ever
 * needed). Returns its size, or -1 with one line in err (a description
 * board_desc_check refuses, or a buffer too small).
 */
long board_dtb(const struct board_desc *d, const struct dtb_chosen *c, void *buf, size_t cap,
	       char *err, size_t n);

#endif
