/*
 * What the guest is given before its first instruction, worked out before
 * KVM is touched: its image parsed (guests/board/image.h), the initrd, the
 * board described for -m and -c (board_desc.h), the boot plan (boot.h:
 * DTB at the top of RAM, initrd below it, the entry registers) and the
 * DTB itself (dtb.h). vm.c copies it into guest RAM and sets the registers.
 */
#ifndef KVM_RUNNER_GUEST_H
#define KVM_RUNNER_GUEST_H

#include <stdint.h>
#include "board_desc.h"
#include "boot.h"
#include "image.h"
#include "loader.h"
#include "memmap.h"
#include "options.h"

struct guest {
	struct image file, initrd;	/* the files' bytes */
	struct image_info info;
	struct board_desc desc;
	struct boot_plan plan;
	uint8_t dtb[BOARD_DTB_MAX];
	uint32_t dtb_size;
};

/* Reads and checks everything o names. 0, or EXIT_BADINPUT after one line. */
int guest_prepare(struct guest *g, const struct options *o);

/* Copies image, initrd and DTB into ram, the host view of the RAM base. */
void guest_copy(const struct guest *g, uint8_t *ram);

void guest_free(struct guest *g);

#endif
