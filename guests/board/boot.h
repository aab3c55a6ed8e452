/*
 * Where everything goes at boot, for both VMMs (docs/guest-abi.md): the
 * image (image.h), the DTB at the top of RAM, the initrd page-aligned just
 * below it, and the entry registers of the image's protocol.
 */
#ifndef BOARD_BOOT_H
#define BOARD_BOOT_H

#include <stddef.h>
#include <stdint.h>
#include "image.h"

struct boot_plan {
	enum boot_protocol proto;
	uint32_t entry, cpsr;		   /* PC and CPSR (BOARD_ENTRY_CPSR) */
	uint32_t r0, r1, r2;		   /* Linux: 0, ~0, dtb; kit: 0, 0, 0 */
	uint32_t dtb_addr;		   /* IPA of the DTB (placed for both protocols) */
	uint32_t initrd_start, initrd_end; /* equal when there is none */
};

/*
 * Plans the boot of a parsed image with an initrd of initrd_size bytes (0:
 * none). Refuses (-1 and one line in err) an image that reaches into the
 * DTB or initrd, or an initrd that does not fit.
 */
int boot_plan(const struct image_info *img, uint32_t ram_base, uint32_t ram_size,
	      size_t initrd_size, struct boot_plan *p, char *err, size_t n);

#endif
