/*
 * bench: what one trap costs, in instructions (issue 5, docs/performance.md).
 *
 * Run with QEMU's `-icount shift=0`: virtual time then advances 1 ns per
 * instruction executed anywhere in the machine (guest, hypervisor, host
 * kernel, VMM), and the generic timer of -M virt counts at 62.5 MHz, so one
 * CNTVCT tick is 16 instructions. A window of N traps timed with CNTVCT
 * gives the instructions per round trip.
 *
 * Every row runs the same loop body, `mov r0, r8; OP; subs; bne`; the empty
 * row has OP = nop. A row's figure is its loop minus the empty loop, plus
 * one, so that an untrapped instruction costs 1 (natively an MRC). A
 * trapped HVC or SMC retires and counts; an aborted load does not.
 * Each row: one warm-up window (first-touch Stage-2 faults, cold paths),
 * then WINDOWS windows; the median of those is reported, so a host timer
 * tick in one window does not move the figure.
 *
 * Nothing is printed until every window is timed. State lives in r4 and
 * above: KVM's SMCCC handler writes r0-r3.
 *
 * Output, one line each, then EXIT: STATUS=0 and SYSTEM_OFF:
 *   BENCH: cntfrq=62500000 expect=62500000 ok|off
 *   BENCH: cal insns=I ticks=T expect=E ok|off
 *   BENCH: row=NAME n=N windows=W ticks=T insns=I     (or skipped=undef)
 *   SPREAD: row=NAME min=T max=T                       (varies under KVM)
 * Rows a CPU cannot run (natively SMC is UNDEFINED) are found by a probe
 * with an UNDEF handler and reported skipped.
 */
#include "board/memmap.h"
#include "board/psci_ids.h"

#define N_SHIFT		6
#define N_TRAPS		(1 << N_SHIFT)	/* traps per window */
#define WINDOWS		7		/* timed windows per row, odd */
#define CAL_LOOPS	65536		/* calibration: 2 insns each */
#define CAL_WINDOWS	5
#define CNTFRQ_EXPECT	62500000	/* -M virt's generic timer */
#define INSNS_PER_TICK	16		/* 1 GHz (icount) / 62.5 MHz */

#define UART_FR		0x018		/* reads "never busy" */
#define STATUS		BOARD_STATUS_OFFSET	/* the kit's register: a store of 0, no console effect */

/* Row record: ticks median, min, max, skipped flag. */
#define ROW_TICKS	0
#define ROW_MIN		4
#define ROW_MAX		8
#define ROW_SKIP	12
#define ROW_SIZE	16

	.syntax unified
	.arm

	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =__stack_top
	ldr	r0, =__bss_start		@ the loader need not zero .bss
	ldr	r1, =__bss_end
	mov	r2, #0
0:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	0b
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR: our UNDEF probe handler
	isb
	ldr	r9, =BOARD_UART_BASE		@ r9: UART, for the whole run
	mov	r4, #0				@ r4: the value MMIO stores write
	bl	check_cntfrq
	bl	calibrate
	bl	measure_all
	bl	measure_irq
	bl	report_all
	bl	report_irq
	b	exit_pass

	.text
/* PL1 vectors: UNDEF sets r12 and skips the instruction; the rest fail. */
	.balign 32
vectors:
	b	unexpected			@ reset
	b	undef_handler			@ undefined instruction
	b	unexpected			@ SVC
	b	unexpected			@ prefetch abort
	b	unexpected			@ data abort
	b	unexpected			@ (unused)
	b	irq_entry			@ IRQ: bench-irq.inc
	b	unexpected			@ FIQ

undef_handler:
	mov	r12, #1				@ the probe looks at r12
	movs	pc, lr				@ lr_und = the next ARM instruction

unexpected:
	ldr	sp, =__stack_top
	ldr	r0, =msg_unexpected
	bl	puts
	mov	r0, #2
	b	exit_status

/* Reads the 64-bit virtual count; low word in \lo (windows are short). */
	.macro	read_cntvct lo, hi
	isb
	mrrc	p15, 1, \lo, \hi, c14		@ CNTVCT
	.endm

check_cntfrq:
	push	{r4, lr}
	mrc	p15, 0, r4, c14, c0, 0		@ CNTFRQ
	ldr	r0, =msg_cntfrq
	bl	puts
	mov	r0, r4
	bl	putdec
	ldr	r0, =msg_expect
	bl	puts
	ldr	r0, =CNTFRQ_EXPECT
	bl	putdec
	ldr	r1, =CNTFRQ_EXPECT
	cmp	r4, r1
	bl	put_verdict
	pop	{r4, pc}

/*
 * Calibration: CAL_LOOPS iterations of `subs; bne`, plus the two
 * instructions between the counter reads (mov, isb). Exact when 16 ticks
 * match it to within one tick. Median of CAL_WINDOWS into cal_ticks.
 */
#define CAL_INSNS	(2 * CAL_LOOPS + 2)
calibrate:
	push	{r4-r7, lr}
	ldr	r7, =windows_buf
	mov	r6, #0
1:	read_cntvct r10, r11
	mov	r5, #CAL_LOOPS
2:	subs	r5, r5, #1
	bne	2b
	read_cntvct r2, r3
	sub	r2, r2, r10
	str	r2, [r7, r6, lsl #2]
	add	r6, r6, #1
	cmp	r6, #CAL_WINDOWS
	blo	1b
	mov	r0, r7
	mov	r1, #CAL_WINDOWS
	bl	median
	ldr	r1, =cal_ticks
	str	r0, [r1]
	pop	{r4-r7, pc}

/*
 * One timed loop per row, all the same shape. \probe: the OP may be
 * UNDEFINED on this CPU; try it once first and skip the row if so.
 * Leaves the row record at row_\name.
 */
	.macro	row name, r0val, probe, op
measure_\name:
	push	{r4-r8, lr}
	ldr	r8, =\r0val
	ldr	r7, =row_\name
	.if	\probe
	mov	r12, #0
	mov	r0, r8
	\op
	cmp	r12, #0
	movne	r0, #1
	strne	r0, [r7, #ROW_SKIP]
	bne	9f
	.endif
	ldr	r7, =windows_buf
	mov	r6, #0				@ window 0 is the warm-up
1:	read_cntvct r10, r11
	mov	r5, #N_TRAPS
2:	mov	r0, r8
	\op
	subs	r5, r5, #1
	bne	2b
	read_cntvct r2, r3
	sub	r2, r2, r10
	str	r2, [r7, r6, lsl #2]
	add	r6, r6, #1
	cmp	r6, #WINDOWS + 1
	blo	1b
	add	r0, r7, #4			@ drop the warm-up window
	mov	r1, #WINDOWS
	ldr	r2, =row_\name
	bl	summarize
9:	pop	{r4-r8, pc}
	.endm

/* The operations, one macro each (a macro argument cannot hold spaces). */
	.macro	op_empty
	nop
	.endm
	.macro	op_hvc
	hvc	#0
	.endm
	.macro	op_mmiost
	str	r4, [r9, #STATUS]		@ 0; the exit writes the real status last
	.endm
	.macro	op_mmiold
	ldr	r1, [r9, #UART_FR]
	.endm
	.macro	op_cp15
	mrc	p15, 0, r1, c1, c0, 1		@ ACTLR
	.endm
	.macro	op_smc
	smc	#0
	.endm

	row	empty,  0, 0, op_empty
	row	hvc,    PSCI_VERSION_FN, 0, op_hvc
	row	hvcwa1, SMCCC_ARCH_WORKAROUND_1_FN, 1, op_hvc
	row	mmiost, 0, 0, op_mmiost
	row	mmiold, 0, 0, op_mmiold
	row	cp15,   0, 0, op_cp15
	row	smc,    0, 1, op_smc

measure_all:
	push	{r4, lr}
	bl	measure_empty
	bl	measure_hvc
	bl	measure_hvcwa1
	bl	measure_mmiost
	bl	measure_mmiold
	bl	measure_cp15
	bl	measure_smc
	pop	{r4, pc}

/* summarize(r0 = windows, r1 = count, r2 = row record): median, min, max. */
summarize:
	push	{r4-r6, lr}
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	bl	median				@ sorts in place
	str	r0, [r6, #ROW_TICKS]
	ldr	r0, [r4]
	str	r0, [r6, #ROW_MIN]
	sub	r1, r5, #1
	ldr	r0, [r4, r1, lsl #2]
	str	r0, [r6, #ROW_MAX]
	pop	{r4-r6, pc}

/* median(r0 = words, r1 = count): insertion-sorts them, returns the middle. */
median:
	push	{r4-r6, lr}
	mov	r2, #1
1:	cmp	r2, r1
	bhs	4f
	ldr	r3, [r0, r2, lsl #2]		@ key
	sub	r4, r2, #1
2:	cmp	r4, #0
	blt	3f
	ldr	r5, [r0, r4, lsl #2]
	cmp	r5, r3
	bls	3f
	add	r6, r4, #1
	str	r5, [r0, r6, lsl #2]
	sub	r4, r4, #1
	b	2b
3:	add	r6, r4, #1
	str	r3, [r0, r6, lsl #2]
	add	r2, r2, #1
	b	1b
4:	lsr	r1, r1, #1
	ldr	r0, [r0, r1, lsl #2]
	pop	{r4-r6, pc}

#include "bench-report.inc"
#include "bench-irq.inc"

/* Data: its own page, so that stores never land beside translated code. */
	.bss
	.balign	4096
windows_buf:	.space	4 * (WINDOWS + 1 + CAL_WINDOWS)
cal_ticks:	.space	4
	.balign	4
row_empty:	.space	ROW_SIZE
row_hvc:	.space	ROW_SIZE
row_hvcwa1:	.space	ROW_SIZE
row_mmiost:	.space	ROW_SIZE
row_mmiold:	.space	ROW_SIZE
row_cp15:	.space	ROW_SIZE
row_smc:	.space	ROW_SIZE
