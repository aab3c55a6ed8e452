/*
 * The debug registers and set/way cache maintenance as Linux touches them
 * at boot, under the bare hypervisor (HDCR.TDA, HCR.TSW): cp14 MRC reads
 * 0 (DBGDIDR, as KVM's kvm_handle_cp14_32), MCR is ignored, MRRC reads 0
 * (kvm_handle_cp14_64), MRC to APSR_nzcv clears the flags, DCCISW/DCISW
 * complete (access_dcsw). An UNDEF would go to VBAR 0, where nothing is
 * mapped: the run would not end with STATUS 0.
 */
#include "memmap.h"
#include "report.inc"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r9, #0

	.global	d_didr
d_didr:
	mvn	r1, #0
	mrc	p14, 0, r1, c0, c0, 0		@ DBGDIDR
	REPORT	t_didr

	.global	d_bvr
d_bvr:
	ldr	r0, =0x40000000
	mcr	p14, 0, r0, c0, c0, 4		@ DBGBVR0: ignored
	mrc	p14, 0, r1, c0, c0, 4
	REPORT	t_bvr

	.global	d_drar
d_drar:
	mvn	r1, #0
	mvn	r2, #0
	mrrc	p14, 0, r1, r2, c1		@ DBGDRAR, 64-bit
	orr	r1, r1, r2
	REPORT	t_drar

	.global	d_dscr
d_dscr:
	mov	r0, #0xf0000000
	msr	APSR_nzcvq, r0			@ N Z C V set
	mrc	p14, 0, APSR_nzcv, c0, c1, 0	@ DBGDSCRint into the flags
	mrs	r1, APSR
	and	r1, r1, #0xf0000000
	REPORT	t_dscr

	.global	d_setway
d_setway:
	mov	r0, #0
	mcr	p15, 0, r0, c7, c14, 2		@ DCCISW, set 0 way 0 level 1
	mcr	p15, 0, r0, c7, c6, 2		@ DCISW
	mov	r1, #0
	REPORT	t_setway
	FINISH

	REPORT_CODE
t_didr:		.asciz	"debug: DBGDIDR reads 0"
t_bvr:		.asciz	"debug: DBGBVR0 write ignored, reads 0"
t_drar:		.asciz	"debug: MRRC DBGDRAR reads 0"
t_dscr:		.asciz	"debug: MRC DBGDSCRint to APSR_nzcv clears NZCV"
t_setway:	.asciz	"setway: DCCISW and DCISW complete"
	.align	2
	.bss
	.align	3
	.space	256
stack_top:
