/*
 * Where the SPSR_abt of an injected data abort goes wrong in the arm64 test
 * bed (issue 8: the exceptions guest reads SPSR_abt = 0 in its handler).
 * The guest writes a mark into SPSR_svc, then loads from NOWHERE: natively
 * the CPU aborts, under a VMM the abort is injected. Its handler reads SPSR
 * (which must be the CPSR at the fault) and returns with cps + bx, which
 * needs no SPSR. It prints
 *   PASS/FAIL: spsr: SPSR_abt in the handler is the CPSR at the fault
 *   INFO: spsr: read 0x........, CPSR at the fault 0x........, SPSR_svc mark 0x9000011f
 * Read back as the mark, it shows the outer QEMU's TCG (QEMU 7.2) keeping
 * the SPSR of the mode left behind: an ERET from AArch64 EL2 into AArch32
 * ABT mode writes CPSR raw and aarch64_sync_64_to_32() switches the r13 and
 * r14 banks but not the current SPSR, so the guest's `mrs rN, spsr` sees
 * its SVC mode's SPSR, not the SPSR_abt KVM wrote (docs/kvm-runner.md).
 * STATUS = the failed checks, then "EXIT: STATUS=n", SYSTEM_OFF.
 */
#include "memmap.h"
#include "psci_ids.h"
#define NOWHERE	  0x0b000000	/* no RAM, no device: the board's nor QEMU virt's */
#define SPSR_MARK 0x9000011f	/* N, V, A, SYS: no CPSR this guest ever has */

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
	ldr	r0, =SPSR_MARK
	msr	spsr_cxsf, r0			@ SPSR_svc = the mark
	ldr	r4, =NOWHERE
	mrs	r9, cpsr			@ the CPSR the abort must save
	ldr	r2, [r4]			@ data abort

	ldr	r1, =seen
	ldr	r1, [r1]
	cmp	r1, r9
	ldr	r0, =t_spsr
	bl	report
	ldr	r0, =s_info
	bl	puts
	ldr	r0, =seen
	ldr	r0, [r0]
	bl	puthex
	ldr	r0, =s_cpsr
	bl	puts
	mov	r0, r9
	bl	puthex
	ldr	r0, =s_mark
	bl	puts
	b	finish

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

/* r0 as "0x" and eight hex digits. */
puthex:	ldr	r1, =BOARD_UART_BASE
	mov	r2, #'0'
	strb	r2, [r1]
	mov	r2, #'x'
	strb	r2, [r1]
	mov	r3, #28
1:	lsr	r2, r0, r3
	and	r2, r2, #0xf
	cmp	r2, #10
	addlo	r2, r2, #'0'
	addhs	r2, r2, #'a' - 10
	strb	r2, [r1]
	subs	r3, r3, #4
	bpl	1b
	bx	lr

finish:
	ldr	r1, =BOARD_STATUS_ADDR
	str	r10, [r1]
	ldr	r0, =s_exit
	bl	puts
	ldr	r1, =BOARD_UART_BASE
	add	r2, r10, #'0'
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

/* Keeps the SPSR it sees and returns past the load without using it. */
dabt:	mrs	r5, spsr
	ldr	r6, =seen
	str	r5, [r6]
	sub	r3, lr, #4			@ LR_abt = the load + 8
	cps	#0x13				@ back to SVC, A and I masked as before
	bx	r3

s_pass:	.asciz	"PASS: "
s_fail:	.asciz	"FAIL: "
t_spsr:	.asciz	"spsr: SPSR_abt in the handler is the CPSR at the fault\n"
s_info:	.asciz	"INFO: spsr: read "
s_cpsr:	.asciz	", CPSR at the fault "
s_mark:	.asciz	", SPSR_svc mark 0x9000011f\n"
s_exit:	.asciz	"EXIT: STATUS="
	.ltorg

	.data
	.balign	4
seen:	.word	0xffffffff
	.bss
	.balign	8
	.space	256
stack_top:
