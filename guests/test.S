/*
 * test.S: the kit's guest (issue 2; docs/guest-abi.md). One binary that
 * runs natively on qemu-system-arm -M virt, under the bare hypervisor and
 * under KVM, and prints the same console text everywhere:
 *
 *   PASS: name / FAIL: name        one line per check
 *   SUMMARY: N tests, M unexpected failures
 *   EXIT: STATUS=M                 then STATUS = M and PSCI SYSTEM_OFF
 *
 * Entry (board ABI): SVC mode, CPSR 0x1D3, MMU off, registers 0, PC at the
 * image's first byte. Every state that must outlive an HVC is in r4 and
 * above (KVM's SMCCC handler writes r0-r3):
 *   r9  unexpected failures    r10 checks run    r11 UART base
 * The trapping instructions are in this order; keep the sequence stable:
 * golden trap logs depend on their PCs (see build/guests/test.lst).
 */
#include "board/memmap.h"
#include "board/cpsr.h"
#include "board/psci_ids.h"
#include "board/pl011.h"
#include "board/gicv2.h"
#include "board/gtimer.h"

#define PPI_VTIMER		BOARD_PPI(BOARD_TIMER_VIRT_PPI)	/* INTID 27 */
#define TIMER_POLLS		0x1000000	/* bound on waiting for the timer */
#define PSCI_UNKNOWN		0x8400ffff	/* no PSCI function has this id */
#define TTBR0_PATTERN		0x40004000

	.syntax unified
	.arm

#include "report.inc"

	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =__stack_top
	ldr	r11, =BOARD_UART_BASE
	mov	r10, #0
	mov	r9, #0
	/*
	 * Our own vectors: natively SMC and an HVC that QEMU's PSCI does not
	 * know are UNDEFINED (no EL3, no EL2); the UNDEF handler makes them
	 * return -1 as the VMMs do, so every check reads the same everywhere.
	 */
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb

	/* UART: a greeting in byte stores, ended by a word store. */
	say	"test.S: board ABI 1 guest"
	ldr	r5, =0x1234560a			@ DR takes the low byte: '\n'
	str	r5, [r11, #UART_DR]		@ word store to DR

	ldr	r4, [r11, #UART_FR]		@ FR
	and	r5, r4, #(UART_FR_TXFE | UART_FR_BUSY)
	cmp	r5, #UART_FR_TXFE
	expect	eq, "uart: FR has TXFE set and BUSY clear"

	/* STM: two words to DR and RSR. No syndrome (ISV=0): the VMM decodes. */
	say	"uart: an stm ends this line"
	mov	r5, #'\n'			@ to DR: the console's newline
	mov	r6, #0				@ to RSR/ECR: clears no error
	mov	r7, r11
	stm	r7, {r5, r6}
	cmp	r7, r11				@ no writeback happened
	cmpeq	r5, #'\n'
	cmpeq	r6, #0
	expect	eq, "uart: stm (ISV=0) leaves its registers unchanged"

	/* PSCI_VERSION: 1.0 on KVM 5.x, 1.1 on 6.x and the bare hypervisor. */
	ldr	r0, =PSCI_VERSION_FN
	hvc	#0
	mov	r4, r0
	lsr	r5, r4, #16			@ major; bit 31 set is an error code
	sub	r5, r5, #1
	movw	r6, #0x7fff
	cmp	r5, r6
	expect	lo, "psci: PSCI_VERSION major >= 1"

	/* CP15 that a hypervisor traps through HSTR: CRn=1 and CRn=2. */
	mrc	p15, 0, r4, c1, c0, 1		@ ACTLR
	mrc	p15, 0, r5, c1, c0, 1		@ ACTLR
	cmp	r4, r5
	expect	eq, "cp15: ACTLR reads the same twice"

	mrc	p15, 0, r7, c2, c0, 0		@ TTBR0: keep the reset value
	ldr	r5, =TTBR0_PATTERN
	mcr	p15, 0, r5, c2, c0, 0		@ TTBR0
	mrc	p15, 0, r6, c2, c0, 0		@ TTBR0
	mcr	p15, 0, r7, c2, c0, 0		@ TTBR0 restored
	cmp	r6, r5
	expect	eq, "cp15: TTBR0 write reads back"

	mrc	p15, 0, r4, c0, c1, 0		@ ID_PFR0 (trapped by TID3 on arm64)
	cmp	r4, #0
	expect	ne, "cp15: ID_PFR0 is non-zero"

	bl	wfi_check

	/* SMC: the VMMs skip it with r0 = -1; natively our UNDEF handler does. */
	ldr	r0, =PSCI_VERSION_FN		@ a PSCI call by SMC must not be answered
	smc	#0
	mov	r4, r0
	cmn	r4, #1
	expect	eq, "smc: skipped with r0 = -1"

	ldr	r0, =PSCI_UNKNOWN
	hvc	#0
	mov	r4, r0
	cmn	r4, #1
	expect	eq, "psci: unknown function returns NOT_SUPPORTED (-1)"
	b	finish

/*
 * WFI that cannot block forever (docs/guest-abi.md): the virtual timer is
 * armed about 1 ms ahead with CPSR.I set, so its interrupt wakes WFI but is
 * never taken. A WFI wakes only for an interrupt the GIC signals, so PPI 27
 * is enabled: natively in QEMU's GIC, under the VMMs in their vGIC (the
 * bare hypervisor's model, KVM's), whose pending virtual PPI 27 ends the
 * blocking WFI (kvm_vgic_vcpu_pending_irq). Afterwards the timer condition
 * must hold.
 */
wfi_check:
	push	{lr}
	ldr	r5, =BOARD_GICD_BASE
	mov	r6, #1
	str	r6, [r5, #GICD_CTLR]		@ GICD_CTLR.EnableGrp0
	mov	r6, #(1 << PPI_VTIMER)
	str	r6, [r5, #GICD_ISENABLER]	@ GICD_ISENABLER0: the virtual timer
	ldr	r5, =BOARD_GICC_BASE
	mov	r6, #0xff
	str	r6, [r5, #GICC_PMR]		@ GICC_PMR: every priority passes
	mov	r6, #1
	str	r6, [r5, #GICC_CTLR]		@ GICC_CTLR.EnableGrp0
	cpsid	i				@ CPSR.I: never take the interrupt
	mrc	p15, 0, r5, c14, c0, 0		@ CNTFRQ
	lsr	r5, r5, #10			@ about 1 ms
	mcr	p15, 0, r5, c14, c3, 0		@ CNTV_TVAL
	mov	r6, #CNT_CTL_ENABLE
	mcr	p15, 0, r6, c14, c3, 1		@ CNTV_CTL: enabled, not masked
	isb
	wfi
	ldr	r7, =TIMER_POLLS		@ a skipped WFI returns early: wait
1:	mrc	p15, 0, r4, c14, c3, 1		@ CNTV_CTL
	tst	r4, #CNT_CTL_ISTATUS
	bne	2f
	subs	r7, r7, #1
	bne	1b
2:	mov	r6, #0
	mcr	p15, 0, r6, c14, c3, 1		@ CNTV_CTL: timer off
	isb
	tst	r4, #CNT_CTL_ISTATUS
	expect	ne, "wfi: returns, virtual timer condition met"
	pop	{pc}

	report_code

/*
 * The guest's vectors (VBAR). Only UNDEF is expected, and only natively,
 * for SMC or an HVC that QEMU's own PSCI does not answer: the handler
 * returns -1 in r0 past the instruction, as the VMMs do. Anything else
 * counts as a failure and ends the run with the report.
 */
	.balign	32
vectors:
	b	unexpected_reset
	b	undef_handler
	b	unexpected_svc
	b	unexpected_pabt
	b	unexpected_dabt
	b	unexpected_reset
	b	unexpected_irq
	b	unexpected_fiq

undef_handler:
	ldr	r0, [lr, #-4]			@ the instruction (ARM state)
	bic	r0, r0, #0xf0000000		@ cond
	bic	r0, r0, #0x000ff000		@ HVC imm12, high part
	bic	r0, r0, #0x00000f00
	bic	r0, r0, #0x0000000f		@ imm4
	bic	r0, r0, #0x00200000		@ SMC (op 11) and HVC (op 10) alike
	sub	r0, r0, #0x01400000
	cmp	r0, #0x70			@ 0001 0x10 .... 0111: SMC or HVC
	bne	unexpected_undef
	mvn	r0, #0				@ -1
	movs	pc, lr				@ to the next instruction, SVC again

	.macro	unexpected name
unexpected_\name:
	ldr	r8, =.Lexc_\name
	b	unexpected
	.pushsection .rodata.str, "aMS", %progbits, 1
.Lexc_\name: .asciz "\name"
	.popsection
	.endm
	unexpected reset
	unexpected undef
	unexpected svc
	unexpected pabt
	unexpected dabt
	unexpected irq
	unexpected fiq

unexpected:					@ r8 = the exception's name
	cps	#PSR_MODE_SVC			@ back to SVC's stack
	add	r10, r10, #1
	add	r9, r9, #1
	say	"FAIL: unexpected exception: "
	mov	r0, r8
	bl	puts
	say	"\n"
	b	finish

	.ltorg
