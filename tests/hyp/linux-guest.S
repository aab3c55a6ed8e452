/*
 * The Linux boot protocol under the bare hypervisor: an ELF linked at
 * 0x40010000 (as kvm-unit-tests), so it is entered there with r0 = 0,
 * r1 = 0xffffffff and r2 = the DTB (docs/guest-abi.md). It checks those,
 * its CPSR (SVC, A I F masked), the DTB's header at r2 above its own image,
 * and a 4 KiB initrd just below the DTB (tests/hyp/linux.test makes it:
 * "INRD" first, "DRNI" last). STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "report.inc"
#define FDT_MAGIC_BE	0xedfe0dd0	/* 0xd00dfeed as a little-endian load reads it */
#define INITRD_SIZE	0x1000

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	mrs	r7, cpsr
	ldr	sp, =stack_top
	mov	r9, #0

	mov	r1, r4
	REPORT	t_r0
	mvn	r1, r5				@ 0 if r1 was 0xffffffff
	REPORT	t_r1
	ldr	r0, =BOARD_RAM_BASE + BOARD_RAM_SIZE - BOARD_DTB_MAX
	subs	r1, r6, r0
	REPORT	t_r2
	ldr	r0, [r6]
	ldr	r1, =FDT_MAGIC_BE
	subs	r1, r0, r1
	REPORT	t_magic
	ldr	r0, =image_end
	cmp	r6, r0
	movhi	r1, #0
	movls	r1, #1
	REPORT	t_above
	ldr	r0, =0x1ff			@ M, T, F, I, A
	and	r1, r7, r0
	ldr	r0, =0x1d3
	subs	r1, r1, r0
	REPORT	t_cpsr
	sub	r0, r6, #INITRD_SIZE
	ldr	r1, [r0]
	ldr	r2, =0x44524e49			@ "INRD"
	subs	r1, r1, r2
	REPORT	t_initrd_first
	ldr	r1, [r6, #-4]
	ldr	r2, =0x494e5244			@ "DRNI"
	subs	r1, r1, r2
	REPORT	t_initrd_last
	FINISH

	REPORT_CODE
t_r0:		.asciz	"linux: r0 = 0"
t_r1:		.asciz	"linux: r1 = 0xffffffff (machine type from the DT)"
t_r2:		.asciz	"linux: r2 = the DTB at the top 64 KiB of RAM"
t_magic:	.asciz	"linux: the FDT magic at r2"
t_above:	.asciz	"linux: the DTB lies above the image"
t_cpsr:		.asciz	"linux: SVC, A I F masked, ARM"
t_initrd_first:	.asciz	"linux: the initrd's first word just below the DTB"
t_initrd_last:	.asciz	"linux: the initrd's last word"
	.align	2
	.ltorg
	.bss
	.align	3
	.space	512
stack_top:
image_end:
