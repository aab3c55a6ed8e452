/*
 * Guests: one image, entered at its first byte (docs/guest-abi.md).
 * Preprocessed (guests/build.mk) with memmap.h: linked at the RAM base
 * (the kit's boot protocol), or with -DGUEST_LINUX_BOOT at RAM base +
 * BOARD_RAW_IMAGE_OFFSET, where kvm-unit-tests links and QEMU loads a raw
 * image (the Linux protocol: the DTB in r2). Everything lives in RAM; the
 * stack is the top of .stack.
 */
#include "memmap.h"

OUTPUT_ARCH(arm)
ENTRY(_start)

#ifdef GUEST_LINUX_BOOT
LINK_BASE = BOARD_RAM_BASE + BOARD_RAW_IMAGE_OFFSET;
#else
LINK_BASE = BOARD_RAM_BASE;
#endif
RAM_END = BOARD_RAM_BASE + BOARD_RAM_SIZE;
STACK_SIZE = 0x4000;

MEMORY
{
	ram (rwx) : ORIGIN = LINK_BASE, LENGTH = RAM_END - LINK_BASE
}

SECTIONS
{
	.text : {
		KEEP(*(.text.entry))	/* _start must be the image's first byte */
		*(.text .text.*)
	} > ram
	.rodata : { *(.rodata .rodata.*) } > ram
	.data : { *(.data .data.*) } > ram
	.bss (NOLOAD) : {
		. = ALIGN(8);
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > ram
	.stack (NOLOAD) : {
		. = ALIGN(8);
		. += STACK_SIZE;
		__stack_top = .;
	} > ram
	/DISCARD/ : { *(.ARM.exidx*) *(.ARM.attributes) *(.comment) }
}
