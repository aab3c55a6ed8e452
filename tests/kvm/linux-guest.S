/*
 * A guest booted by the Linux protocol (docs/guest-abi.md): linked at
 * RAM base + 0x10000 as kvm-unit-tests is, so a VMM enters it with r0 = 0,
 * r1 = 0xffffffff (machine type: from the DT), r2 = the DTB's address, in
 * SVC with A, I and F masked. It checks those and the DTB's magic and
 * total size, prints PASS/FAIL lines and "EXIT: STATUS=n" (n = failures),
 * and powers off without writing STATUS.
 */
#include "memmap.h"
#include "psci_ids.h"
#define FDT_MAGIC_LE	0xedfe0dd0	/* 0xd00dfeed, big-endian in memory */
#define PSR_SVC_AIF	0x1d3

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	mov	r8, r0
	mov	r9, r1
	mov	r10, r2
	mrs	r11, cpsr
	ldr	sp, =stack_top
	mov	r7, #0				@ failed checks

	cmp	r8, #0
	ldr	r0, =t_r0
	bl	report
	cmn	r9, #1				@ r1 == 0xffffffff
	ldr	r0, =t_r1
	bl	report
	ldr	r2, =stack_top			@ the DTB lies above this image
	cmp	r10, r2
	movhi	r1, #0
	movls	r1, #1
	cmp	r1, #0
	ldr	r0, =t_r2
	bl	report
	ldr	r1, [r10]
	ldr	r2, =FDT_MAGIC_LE
	cmp	r1, r2
	ldr	r0, =t_magic
	bl	report
	ldr	r1, [r10, #4]			@ totalsize, big-endian
	rev	r1, r1
	cmp	r1, #BOARD_DTB_MAX
	ldr	r0, =t_size
	bl	reportls
	ldr	r2, =0x1ff
	and	r1, r11, r2
	ldr	r2, =PSR_SVC_AIF
	cmp	r1, r2
	ldr	r0, =t_cpsr
	bl	report

	ldr	r0, =s_exit
	bl	puts
	ldr	r1, =BOARD_UART_BASE
	add	r2, r7, #'0'			@ fewer than ten checks
	strb	r2, [r1]
	mov	r2, #'\n'
	strb	r2, [r1]
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

/* "PASS: " when the flags say hs (report: eq; reportls: ls), else "FAIL: ", then r0's text. */
reportls:
	movls	r1, #0
	movhi	r1, #1
	cmp	r1, #0
	b	report
report:
	push	{r4, lr}
	mov	r4, r0
	ldreq	r0, =s_pass
	ldrne	r0, =s_fail
	addne	r7, r7, #1
	bl	puts
	mov	r0, r4
	bl	puts
	pop	{r4, pc}

puts:	ldr	r1, =BOARD_UART_BASE
1:	ldrb	r2, [r0], #1
	cmp	r2, #0
	strbne	r2, [r1]
	bne	1b
	bx	lr

s_pass:	.asciz	"PASS: "
s_fail:	.asciz	"FAIL: "
t_r0:	.asciz	"linux: r0 = 0\n"
t_r1:	.asciz	"linux: r1 = 0xffffffff\n"
t_r2:	.asciz	"linux: r2 = the DTB, above the image\n"
t_magic: .asciz	"linux: the DTB's magic\n"
t_size:	.asciz	"linux: the DTB's size fits its 64 KiB\n"
t_cpsr:	.asciz	"linux: SVC, A I F masked\n"
s_exit:	.asciz	"EXIT: STATUS="
	.ltorg
	.bss
	.balign	8
	.space	1024
stack_top:
