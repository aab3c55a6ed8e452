/*
 * The lazy VFP switch (docs/baremetal-hyp.md): the guest grants itself
 * cp10/cp11 in CPACR, enables FPEXC (its first VFP access: one HCPTR trap,
 * the FPU is then the guest's), computes with VFP (single and double) and
 * Advanced SIMD, keeps a value in d8 across trapping UART output, and
 * checks every result. STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "report.inc"
#define CPACR_CP10_CP11	(0xf << 20)	/* full access to cp10 and cp11 */
#define FPEXC_EN	(1 << 30)

	.syntax unified
	.arm
	.fpu	neon-vfpv4
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r9, #0
	mrc	p15, 0, r0, c1, c0, 2		@ CPACR
	orr	r0, r0, #CPACR_CP10_CP11
	mcr	p15, 0, r0, c1, c0, 2		@ CPACR: traps (HSTR.T1), passed through
	isb
	.global	first_vfp
first_vfp:
	vmrs	r0, fpexc			@ the first VFP access: the HCPTR trap
	mov	r1, r0				@ the guest's FPEXC reads as after reset
	REPORT	t_fpexc_reset
	mov	r0, #FPEXC_EN
	vmsr	fpexc, r0
	vmrs	r1, fpexc
	eor	r1, r1, #FPEXC_EN
	REPORT	t_fpexc_en

	vmov.f32 s0, #1.5
	vmov.f32 s1, #2.25
	vadd.f32 s2, s0, s1			@ 3.75 = 0x40700000
	vmov	r1, s2
	ldr	r2, =0x40700000
	eor	r1, r1, r2
	REPORT	t_vadd

	vmov.f64 d2, #3.0
	vmov.f64 d3, #0.5
	vmul.f64 d4, d2, d3			@ 1.5 = 0x3ff8000000000000
	vdiv.f64 d5, d4, d3			@ 3.0 = 0x4008000000000000
	vmov	r2, r3, d4
	vmov	r4, r5, d5
	ldr	r6, =0x3ff80000
	ldr	r7, =0x40080000
	eor	r3, r3, r6
	eor	r5, r5, r7
	orr	r1, r2, r3
	orr	r1, r1, r4
	orr	r1, r1, r5
	REPORT	t_vmul

	ldr	r0, =vec_a
	vld1.32	{q1}, [r0]!			@ 1, 2, 3, 4
	vld1.32	{q2}, [r0]			@ 10, 20, 30, 40
	vadd.i32 q0, q1, q2
	vmul.i32 q0, q0, q1			@ 11, 44, 99, 176
	ldr	r0, =vec_out
	vst1.32	{q0}, [r0]
	ldm	r0, {r1-r4}
	eor	r1, r1, #11
	eor	r2, r2, #44
	eor	r3, r3, #99
	eor	r4, r4, #176
	orr	r1, r1, r2
	orr	r1, r1, r3
	orr	r1, r1, r4
	REPORT	t_neon

	ldr	r0, =0x12345678
	ldr	r1, =0x9abcdef0
	vmov	d8, r0, r1
	ldr	r0, =t_chatter			@ many UART traps while d8 holds a value
	bl	puts
	vmov	r2, r3, d8
	ldr	r0, =0x12345678
	ldr	r1, =0x9abcdef0
	eor	r2, r2, r0
	eor	r3, r3, r1
	orr	r1, r2, r3
	REPORT	t_keep
	FINISH

	REPORT_CODE
t_fpexc_reset:	.asciz	"vfp: FPEXC reads 0 before the guest enables it"
t_fpexc_en:	.asciz	"vfp: FPEXC.EN set by the guest"
t_vadd:		.asciz	"vfp: vadd.f32 1.5 + 2.25 = 3.75"
t_vmul:		.asciz	"vfp: vmul.f64 3.0 * 0.5 = 1.5, vdiv.f64 1.5 / 0.5 = 3.0"
t_neon:		.asciz	"neon: vadd.i32, vmul.i32 on four lanes"
t_chatter:	.asciz	"vfp: d8 holds a value across these trapping UART stores\n"
t_keep:		.asciz	"vfp: d8 unchanged across the UART traps"
	.align	2
	.ltorg
	.data
	.align	4
vec_a:	.word	1, 2, 3, 4
vec_b:	.word	10, 20, 30, 40
vec_out: .space	16
	.bss
	.align	3
	.space	512
stack_top:
