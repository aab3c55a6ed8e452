/*
 * smp.S: PSCI and SMP (issue 10; docs/guest-abi.md, "The smp guest"). One
 * binary for -smp/-c 2 or more, natively, under the bare hypervisor and
 * under KVM, printing the same console everywhere:
 *
 *   1. the CPU count, found as PSCI finds CPUs: AFFINITY_INFO of MPIDR 1, 2
 *      ... until INVALID_PARAMETERS (-2);
 *   2. AFFINITY_INFO and CPU_ON with bad arguments, against KVM's codes;
 *   3. CPU_ON of CPU 1, which checks its entry state (r0 = context id, its
 *      MPIDR, SVC, MMU off) and prints it while CPU 0 waits;
 *   4. a counter both CPUs increment under an LDREX/STREX spinlock whose
 *      waiters sleep in WFE and whose unlock wakes them with SEV;
 *   5. PP_ROUNDS rounds of SGI ping-pong through the GIC: CPU 0 sends SGI
 *      PP_PING to CPU 1 (GICD_SGIR, target list), CPU 1 answers with
 *      PP_PONG; each waits in WFI with CPSR.I set and takes the SGI at
 *      GICC_IAR (its INTID and the sender's CPUID), never at a vector;
 *   6. CPU_OFF of CPU 1, seen by AFFINITY_INFO;
 *   7. STRESS_ROUNDS rounds of CPU_ON of every secondary, which adds to the
 *      counter and powers off, each round waited for (bounded).
 *
 * Only one CPU prints at a time (the others wait on a flag), so the
 * console is the same whatever the VMM's scheduling. Every wait is bounded
 * (WAIT_POLLS): a CPU that never comes ends the wait with a FAIL, never a
 * hang. Entry as test.S (SVC, CPSR 0x1D3, MMU off; natively QEMU's HVC
 * PSCI answers). Registers that outlive an HVC are r4 and above; each CPU
 * has its own r9 (failures), r10 (checks), r11 (UART base); a secondary's
 * are added to CPU 0's through `sec_checks`/`sec_fails`.
 *
 * MMU off: memory is Strongly-ordered, where LDREX/STREX are
 * IMPLEMENTATION DEFINED on real silicon (TCG and Cortex-A15 support them
 * for the global monitor); a guest for real boards maps RAM Normal first.
 */
#include "board/gicv2.h"
#include "board/memmap.h"
#include "board/cpsr.h"
#include "board/psci_ids.h"
#include "board/pl011.h"

#define RET_INVALID_PARAMS	-2
#define RET_ALREADY_ON		-4
#define AFF_ON			0
#define AFF_OFF			1
#define ABSENT_MPIDR		0xff		/* Aff0 255: on no board of the kit */
#define CTX_MAGIC		0x5ec0de00	/* context id: magic | CPU index */
#define MPIDR_M			(1 << 31)
#define SCTLR_M			(1 << 0)
#define MAX_CPUS		BOARD_MAX_CPUS
#define SEC_STACK		0x400		/* per secondary */
#define WAIT_POLLS		0x400000	/* bound on every wait */
#define LOCK_LOOPS		200		/* increments per CPU, step 4 */
#define STRESS_ROUNDS		10
#define STRESS_LOOPS		20		/* increments per secondary per round */
#define PP_ROUNDS		8
#define PP_PING			1		/* SGI CPU 0 -> CPU 1 */
#define PP_PONG			2		/* SGI CPU 1 -> CPU 0 */
#define GICC_PMR_ALL		0xf0		/* every priority passes */

	.syntax unified
	.arm

#include "report.inc"

/* psci FN, A1, A2, A3: an HVC; the answer in r0. Clobbers r0-r3. */
	.macro	psci fn, a1=0, a2=0, a3=0
	ldr	r1, =\a1
	ldr	r2, =\a2
	ldr	r3, =\a3
	ldr	r0, =\fn
	hvc	#0
	.endm

/* Load the address of a shared word into reg. */
	.macro	shared reg, name
	ldr	\reg, =\name
	.endm

	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =__stack_top
	ldr	r11, =BOARD_UART_BASE
	mov	r10, #0
	mov	r9, #0
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb
	say	"smp.S: PSCI and SMP guest\n"

	/* 1. The CPU count: AFFINITY_INFO(n, level 0) until -2. */
	mov	r8, #1
1:	mov	r1, r8
	mov	r2, #0
	ldr	r0, =PSCI_AFFINITY_INFO_FN
	hvc	#0
	cmn	r0, #-RET_INVALID_PARAMS
	beq	2f
	add	r8, r8, #1
	cmp	r8, #MAX_CPUS
	blo	1b
2:	say	"INFO: smp: cpus: "
	mov	r0, r8
	bl	putdec
	say	"\n"
	cmp	r8, #2
	expect	hs, "smp: at least 2 CPUs (AFFINITY_INFO answers for MPIDR 1)"
	cmp	r8, #2
	blo	finish

	/* 2. Power states and bad arguments, as KVM answers them. */
	psci	PSCI_AFFINITY_INFO_FN, 0, 0
	cmp	r0, #AFF_ON
	expect	eq, "psci: AFFINITY_INFO(cpu0) = ON (0)"
	psci	PSCI_AFFINITY_INFO_FN, 1, 0
	cmp	r0, #AFF_OFF
	expect	eq, "psci: AFFINITY_INFO(cpu1) = OFF (1) before CPU_ON"
	psci	PSCI_AFFINITY_INFO_FN, ABSENT_MPIDR, 0
	cmn	r0, #-RET_INVALID_PARAMS
	expect	eq, "psci: AFFINITY_INFO(absent MPIDR) = INVALID_PARAMETERS (-2)"
	psci	PSCI_MIGRATE_INFO_TYPE_FN
	cmp	r0, #2
	expect	eq, "psci: MIGRATE_INFO_TYPE = 2 (no Trusted OS to migrate)"
	psci	PSCI_CPU_ON_FN, ABSENT_MPIDR, secondary, CTX_MAGIC
	cmn	r0, #-RET_INVALID_PARAMS
	expect	eq, "psci: CPU_ON(absent MPIDR) = INVALID_PARAMETERS (-2)"
	psci	PSCI_CPU_ON_FN, 0, secondary, CTX_MAGIC
	cmn	r0, #-RET_ALREADY_ON
	expect	eq, "psci: CPU_ON(cpu0, the caller) = ALREADY_ON (-4)"

	/*
	 * 3. CPU 1 on: it checks and prints its entry state, then says so;
	 * CPU 0 prints nothing until then (the answer waits in r4).
	 */
	psci	PSCI_CPU_ON_FN, 1, secondary, CTX_MAGIC | 1
	mov	r4, r0
	shared	r0, sec_up
	mov	r1, #1
	bl	wait_word
	mov	r5, #0
	moveq	r5, #1
	cmp	r4, #0
	expect	eq, "psci: CPU_ON(cpu1) = SUCCESS (0)"
	cmp	r5, #1
	expect	eq, "smp: cpu1 came up and reported"
	bl	add_secondary_counts
	psci	PSCI_AFFINITY_INFO_FN, 1, 0
	cmp	r0, #AFF_ON
	expect	eq, "psci: AFFINITY_INFO(cpu1) = ON (0) after CPU_ON"
	psci	PSCI_CPU_ON_FN, 1, secondary, CTX_MAGIC | 1
	cmn	r0, #-RET_ALREADY_ON
	expect	eq, "psci: CPU_ON(cpu1) again = ALREADY_ON (-4)"

	/* 4. The shared counter: CPU 1 starts on SEV, both add LOCK_LOOPS. */
	shared	r4, sec_go
	mov	r0, #1
	dmb
	str	r0, [r4]
	dsb
	sev
	mov	r0, #LOCK_LOOPS
	bl	add_locked
	shared	r0, sec_done
	mov	r1, #1
	bl	wait_word
	expect	eq, "smp: cpu1 finished its increments (woken by SEV)"
	shared	r4, counter
	ldr	r4, [r4]
	cmp	r4, #(2 * LOCK_LOOPS)
	expect	eq, "spinlock: counter = 2 x LOCK_LOOPS (LDREX/STREX, WFE/SEV)"

	/* 5. SGI ping-pong: CPU 0 pings, CPU 1 pongs, each counts what it took. */
	ldr	r4, =BOARD_GICD_BASE
	mov	r0, #1
	str	r0, [r4, #GICD_CTLR]		@ EnableGrp0: the distributor on
	mov	r0, #PP_PONG
	bl	gic_cpu_on
	shared	r0, pp_ready			@ CPU 1's interface is on
	mov	r1, #1
	bl	wait_word
	expect	eq, "sgi: cpu1 ready (its GIC CPU interface on)"
	mov	r5, #0				@ round
	mov	r6, #0				@ pongs taken right
1:	ldr	r0, =(1 << (GICD_SGIR_TARGETS_SHIFT + 1) | PP_PING)
	str	r0, [r4, #GICD_SGIR]		@ list: CPU 1
	mov	r0, #PP_PONG
	mov	r1, #1
	bl	take_sgi
	add	r6, r6, r0
	add	r5, r5, #1
	cmp	r5, #PP_ROUNDS
	blo	1b
	shared	r0, pp_done
	mov	r1, #1
	bl	wait_word
	shared	r0, pp_pings
	ldr	r0, [r0]
	cmp	r0, #PP_ROUNDS
	expect	eq, "sgi: cpu1 took 8 pings from cpu0 (GICC_IAR: SGI 1, CPUID 0), in WFI"
	cmp	r6, #PP_ROUNDS
	expect	eq, "sgi: cpu0 took 8 pongs from cpu1 (GICC_IAR: SGI 2, CPUID 1), in WFI"

	/* 6. CPU 1 calls CPU_OFF: AFFINITY_INFO turns OFF; CPU_OFF never returns. */
	mov	r0, #1
	bl	wait_off
	expect	eq, "psci: AFFINITY_INFO(cpu1) = OFF (1) after its CPU_OFF"
	shared	r4, sec_off_returned
	ldr	r4, [r4]
	cmp	r4, #0
	expect	eq, "psci: CPU_OFF did not return"

	/* 7. CPU_ON/CPU_OFF cycles of every secondary. */
	bl	stress
	b	finish

/* r0 = word address, r1 = value: waits (WFE) until *r0 == r1; flags: eq if it came. */
wait_word:
	ldr	r2, =WAIT_POLLS
1:	ldr	r3, [r0]
	cmp	r3, r1
	beq	2f
	wfe
	subs	r2, r2, #1
	bne	1b
	cmp	r2, #1				@ ne: timed out
2:	dmb
	bx	lr

/* r0 = CPU index: polls AFFINITY_INFO until OFF; flags: eq if it did. */
wait_off:
	push	{r4, r5, lr}
	mov	r4, r0
	ldr	r5, =WAIT_POLLS
1:	mov	r1, r4
	mov	r2, #0
	ldr	r0, =PSCI_AFFINITY_INFO_FN
	hvc	#0
	cmp	r0, #AFF_OFF
	beq	2f
	subs	r5, r5, #1
	bne	1b
	cmp	r5, #1
2:	pop	{r4, r5, pc}

/* r0 = the SGI this CPU takes: its GIC CPU interface on, that SGI enabled (banked). */
gic_cpu_on:
	mov	r1, #1
	lsl	r1, r1, r0
	ldr	r2, =BOARD_GICD_BASE
	str	r1, [r2, #GICD_ISENABLER]
	ldr	r2, =BOARD_GICC_BASE
	mov	r1, #GICC_PMR_ALL
	str	r1, [r2, #GICC_PMR]
	mov	r1, #1
	str	r1, [r2, #GICC_CTLR]		@ EnableGrp0
	bx	lr

/*
 * r0 = the SGI, r1 = the sender's CPU: WFI (CPSR.I set: the SGI wakes it,
 * never taken) until GICC_IAR gives it, then EOI. r0 = 1 if it came from
 * that sender. An other interrupt is ended and waited past; bounded.
 */
take_sgi:
	push	{r4, r5, r6, lr}
	ldr	r4, =BOARD_GICC_BASE
	orr	r5, r0, r1, lsl #GICC_IAR_CPU_SHIFT	@ the IAR wanted
	ldr	r6, =WAIT_POLLS
1:	wfi
	ldr	r0, [r4, #GICC_IAR]
	ubfx	r1, r0, #0, #GICC_IAR_CPU_SHIFT	@ the INTID
	ldr	r2, =(1 << GICC_IAR_CPU_SHIFT) - 1
	cmp	r1, r2				@ 1023: nothing pending yet
	beq	2f
	str	r0, [r4, #GICC_EOIR]
	ubfx	r1, r1, #0, #4
	and	r2, r5, #0xf
	cmp	r1, r2				@ the SGI wanted, from anyone
	beq	3f
2:	subs	r6, r6, #1
	bne	1b
3:	cmp	r0, r5
	moveq	r0, #1
	movne	r0, #0
	pop	{r4, r5, r6, pc}

/* CPU 0 takes the secondary's counts once it has reported. */
add_secondary_counts:
	shared	r0, sec_checks
	ldr	r1, [r0]
	add	r10, r10, r1
	shared	r0, sec_fails
	ldr	r1, [r0]
	add	r9, r9, r1
	bx	lr

/* r0 = increments of `counter` under `lock`. Clobbers r0-r3. */
add_locked:
	push	{r4, r5, lr}
	mov	r4, r0
1:	shared	r5, lock
	mov	r0, r5
	bl	spin_lock
	shared	r1, counter
	ldr	r2, [r1]
	add	r2, r2, #1
	str	r2, [r1]
	mov	r0, r5
	bl	spin_unlock
	subs	r4, r4, #1
	bne	1b
	pop	{r4, r5, pc}

/* r0 = lock word: 0 free, 1 taken. Waiters sleep in WFE until an unlock's SEV. */
spin_lock:
	mov	r2, #1
1:	ldrex	r1, [r0]
	cmp	r1, #0
	wfene
	bne	1b
	strex	r1, r2, [r0]
	cmp	r1, #0
	bne	1b
	dmb
	bx	lr

spin_unlock:
	mov	r1, #0
	dmb
	str	r1, [r0]
	dsb
	sev
	bx	lr

/*
 * STRESS_ROUNDS rounds: CPU_ON of CPUs 1..r8-1 at stress_entry, wait until
 * all have added STRESS_LOOPS and powered off. One line at the end.
 */
stress:
	push	{r4, r5, r6, r7, lr}
	shared	r4, counter
	mov	r0, #0
	str	r0, [r4]
	mov	r7, #0				@ failures seen
	mov	r6, #0				@ round
1:	shared	r4, stress_done
	mov	r0, #0
	str	r0, [r4]
	dmb
	mov	r5, #1				@ CPU index
2:	mov	r1, r5
	ldr	r2, =stress_entry
	ldr	r3, =CTX_MAGIC
	orr	r3, r3, r5
	ldr	r0, =PSCI_CPU_ON_FN
	hvc	#0
	cmp	r0, #0
	addne	r7, r7, #1
	add	r5, r5, #1
	cmp	r5, r8
	blo	2b
	shared	r0, stress_done
	sub	r1, r8, #1
	bl	wait_word
	addne	r7, r7, #1
	mov	r5, #1
3:	mov	r0, r5
	bl	wait_off
	addne	r7, r7, #1
	add	r5, r5, #1
	cmp	r5, r8
	blo	3b
	add	r6, r6, #1
	cmp	r6, #STRESS_ROUNDS
	blo	1b
	shared	r4, counter
	ldr	r4, [r4]
	sub	r0, r8, #1
	mov	r1, #(STRESS_ROUNDS * STRESS_LOOPS)
	mul	r0, r0, r1
	cmp	r4, r0
	cmpeq	r7, #0
	expect	eq, "stress: 10 rounds of CPU_ON/CPU_OFF of every secondary, counter exact"
	pop	{r4, r5, r6, r7, pc}

	report_code

/* Per-CPU start: r0 = context id. sp from the MPIDR's Aff0; own vectors. */
	.macro	secondary_setup
	mov	r7, r0				@ the context id, kept
	mrc	p15, 0, r6, c0, c0, 5		@ MPIDR
	and	r5, r6, #0xff			@ Aff0 = CPU index
	ldr	sp, =sec_stacks
	add	sp, sp, r5, lsl #10		@ SEC_STACK each, top of its own
	ldr	r11, =BOARD_UART_BASE
	mov	r10, #0
	mov	r9, #0
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR (per CPU)
	isb
	.endm

/* CPU 1 of step 3: checks its entry state, prints, then steps 4 and 5. */
secondary:
	mrs	r4, cpsr			@ before anything changes it
	secondary_setup
	ldr	r0, =(CTX_MAGIC | 1)
	cmp	r7, r0
	expect	eq, "cpu1: r0 = the context id given to CPU_ON"
	ldr	r0, =(MPIDR_M | 1)
	cmp	r6, r0
	expect	eq, "cpu1: MPIDR = 0x80000001"
	and	r0, r4, #PSR_MODE_MASK
	cmp	r0, #PSR_MODE_SVC
	expect	eq, "cpu1: entered in SVC mode"
	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	tst	r0, #SCTLR_M
	expect	eq, "cpu1: MMU off (SCTLR.M = 0)"
	shared	r0, sec_checks
	str	r10, [r0]
	shared	r0, sec_fails
	str	r9, [r0]
	shared	r0, sec_up			@ CPU 0 prints from here on
	mov	r1, #1
	dmb
	str	r1, [r0]
	dsb
	sev
	shared	r0, sec_go			@ 4: wait for CPU 0's SEV
	mov	r1, #1
	bl	wait_word
	mov	r0, #LOCK_LOOPS
	bl	add_locked
	mov	r0, #PP_PING			@ 5: its GIC on before it says done
	bl	gic_cpu_on
	shared	r0, pp_ready
	mov	r1, #1
	dmb
	str	r1, [r0]
	shared	r0, sec_done
	str	r1, [r0]
	dsb
	sev
	mov	r4, #0				@ pings taken right
	mov	r5, #0
1:	mov	r0, #PP_PING
	mov	r1, #0
	bl	take_sgi
	add	r4, r4, r0
	ldr	r0, =BOARD_GICD_BASE
	ldr	r1, =(1 << GICD_SGIR_TARGETS_SHIFT | PP_PONG)
	str	r1, [r0, #GICD_SGIR]		@ list: CPU 0
	add	r5, r5, #1
	cmp	r5, #PP_ROUNDS
	blo	1b
	shared	r0, pp_pings
	str	r4, [r0]
	shared	r0, pp_done
	mov	r1, #1
	dmb
	str	r1, [r0]
	dsb
	sev
	ldr	r0, =PSCI_CPU_OFF_FN		@ 6
	hvc	#0
	shared	r0, sec_off_returned
	mov	r1, #1
	str	r1, [r0]
	b	.

/* A secondary of step 6: STRESS_LOOPS increments, one count in stress_done, off. */
stress_entry:
	secondary_setup
	mov	r0, #STRESS_LOOPS
	bl	add_locked
	shared	r5, stress_done
1:	ldrex	r1, [r5]
	add	r1, r1, #1
	strex	r2, r1, [r5]
	cmp	r2, #0
	bne	1b
	dmb
	dsb
	sev
	ldr	r0, =PSCI_CPU_OFF_FN
	hvc	#0
	shared	r0, sec_off_returned
	mov	r1, #1
	str	r1, [r0]
	b	.


/* Vectors: natively an HVC QEMU does not answer is UNDEF: r0 = -1 (test.S). */
	.balign	32
vectors:
	b	unexpected
	b	undef_handler
	b	unexpected
	b	unexpected
	b	unexpected
	b	unexpected
	b	unexpected
	b	unexpected

undef_handler:
	ldr	r0, [lr, #-4]			@ the instruction (ARM state)
	bic	r0, r0, #0xf0000000		@ cond
	bic	r0, r0, #0x000ff000		@ HVC imm12, high part
	bic	r0, r0, #0x00000f00
	bic	r0, r0, #0x0000000f		@ imm4
	bic	r0, r0, #0x00200000		@ SMC and HVC alike
	sub	r0, r0, #0x01400000
	cmp	r0, #0x70
	bne	unexpected
	mvn	r0, #0				@ -1
	movs	pc, lr

unexpected:
	cps	#PSR_MODE_SVC
	add	r10, r10, #1
	add	r9, r9, #1
	say	"FAIL: unexpected exception\n"
	b	finish

	.ltorg

/* Shared between the CPUs; CPU 0 resets what it reuses. Loaded as data (no .bss to clear). */
	.data
	.balign	4
lock:		.word 0
counter:	.word 0
sec_up:		.word 0
sec_go:		.word 0
sec_done:	.word 0
sec_checks:	.word 0
sec_fails:	.word 0
sec_off_returned: .word 0
stress_done:	.word 0
pp_ready:	.word 0
pp_done:	.word 0
pp_pings:	.word 0

	.bss
	.balign	8
	.space	SEC_STACK			@ CPU index n's stack ends at n * SEC_STACK
sec_stacks_base:
	.space	(MAX_CPUS - 1) * SEC_STACK
	.set	sec_stacks, sec_stacks_base - SEC_STACK
