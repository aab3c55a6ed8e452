/*
 * A guest whose own vectors catch the data aborts a VMM injects for
 * accesses where the board has nothing: a load, a store and an LDM (ISV=0)
 * to NOWHERE. For each, the abort handler records DFAR, DFSR, LR_abt and
 * its mode and returns past the access; the checks then print PASS/FAIL.
 * The handler returns with cps + bx, not "subs pc, lr": under QEMU's TCG
 * the SPSR_abt of an abort KVM enters by eret reads 0 (measured in the
 * arm64 test bed, with KVM's injection and with the runner's alike).
 * STATUS = the number of failed checks, then "EXIT: STATUS=n", SYSTEM_OFF.
 */
#include "memmap.h"
#include "psci_ids.h"
#define NOWHERE		0x30000000	/* no RAM, no device */
#define MODE_ABT	0x17
#define MODE_MASK	0x1f
#define DFSR_FS_MASK	0x40f		/* FS[4] (bit 10) and FS[3:0] */
#define DFSR_EXTABT	0x008		/* synchronous external abort */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb
	mov	r10, #0				@ failed checks
	ldr	r4, =NOWHERE

	ldr	r11, =a_load
a_load:	ldr	r2, [r4]			@ data abort (ISV=1: an MMIO exit)
	ldr	r0, =NOWHERE
	bl	check_abort
	ldr	r11, =a_store
a_store: str	r2, [r4, #4]			@ data abort, a store
	ldr	r0, =NOWHERE + 4
	bl	check_abort
	ldr	r11, =a_ldm
a_ldm:	ldm	r4, {r5, r6}			@ data abort, ISV=0 (KVM_EXIT_ARM_NISV)
	ldr	r0, =NOWHERE
	bl	check_abort

	ldr	r0, =aborts
	ldr	r0, [r0]
	cmp	r0, #3
	ldr	r0, =t_count
	bl	report
	b	finish

/*
 * The last abort: r0 = the DFAR it must show, r11 = the faulting
 * instruction. Checks DFAR, DFSR, LR_abt - 8 and the handler's mode (ABT).
 */
check_abort:
	push	{r4, r11, lr}
	ldr	r4, =last
	ldr	r1, [r4]			@ DFAR
	cmp	r1, r0
	ldr	r0, =t_dfar
	bl	report
	ldr	r1, [r4, #4]			@ DFSR
	ldr	r2, =DFSR_FS_MASK
	and	r1, r1, r2
	cmp	r1, #DFSR_EXTABT
	ldr	r0, =t_dfsr
	bl	report
	ldr	r1, [r4, #8]			@ LR_abt
	sub	r1, r1, #8
	ldr	r11, [sp, #4]
	cmp	r1, r11
	ldr	r0, =t_lr
	bl	report
	ldr	r1, [r4, #12]			@ CPSR in the handler
	and	r1, r1, #MODE_MASK
	cmp	r1, #MODE_ABT
	ldr	r0, =t_mode
	bl	report
	pop	{r4, r11, pc}

/* Prints "PASS: " or "FAIL: " (flags: eq = pass) and the string at r0. */
report:
	push	{r4, lr}
	mov	r4, r0
	ldreq	r0, =s_pass
	ldrne	r0, =s_fail
	addne	r10, r10, #1
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

finish:
	ldr	r1, =BOARD_STATUS_ADDR
	str	r10, [r1]
	ldr	r0, =s_exit
	bl	puts
	ldr	r1, =BOARD_UART_BASE
	add	r2, r10, #'0'			@ fewer than ten checks can fail here
	strb	r2, [r1]
	mov	r2, #'\n'
	strb	r2, [r1]
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

	.balign	32
vectors:
	b	.				@ reset
	b	.				@ undefined
	b	.				@ svc
	b	.				@ prefetch abort
	b	dabt				@ data abort
	b	.
	b	.				@ irq
	b	.				@ fiq

/* Records the abort and returns to the instruction after the access. */
dabt:	ldr	sp, =abt_stack_top
	push	{r0, r1}
	ldr	r0, =last
	mrc	p15, 0, r1, c6, c0, 0		@ DFAR
	str	r1, [r0]
	mrc	p15, 0, r1, c5, c0, 0		@ DFSR
	str	r1, [r0, #4]
	str	lr, [r0, #8]
	mrs	r1, cpsr
	str	r1, [r0, #12]
	ldr	r0, =aborts
	ldr	r1, [r0]
	add	r1, r1, #1
	str	r1, [r0]
	pop	{r0, r1}
	sub	r3, lr, #4			@ past the access (LR_abt = it + 8)
	cps	#0x13				@ back to SVC, A and I as they were (masked)
	bx	r3

s_pass:	.asciz	"PASS: "
s_fail:	.asciz	"FAIL: "
t_dfar:	.asciz	"inject: DFAR is the address\n"
t_dfsr:	.asciz	"inject: DFSR is a synchronous external abort\n"
t_lr:	.asciz	"inject: LR_abt is the access + 8\n"
t_mode:	.asciz	"inject: the handler runs in ABT mode\n"
t_count: .asciz	"inject: three aborts taken\n"
s_exit:	.asciz	"EXIT: STATUS="
	.ltorg

	.data
	.balign	4
last:	.word	0, 0, 0, 0			@ DFAR, DFSR, LR_abt, CPSR
aborts:	.word	0
	.bss
	.balign	8
	.space	256
abt_stack_top:
	.space	1024
stack_top:
