/*
 * The hypervisor's instruction counts (pmu.c, tests/hyp/pmu.test): a guest
 * of a known length. From _start to the hvc, the hvc counted: ldr, mov, orr,
 * LOOPS x (subs, bne), ldr, hvc = 2 * LOOPS + 5 instructions at PL1; the
 * hvc's trap and the rest are the hypervisor's, at PL2.
 */
#include "psci_ids.h"

#define LOOPS 50000

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	sp, =stack_top
	mov	r1, #LOOPS & 0xff00
	orr	r1, r1, #LOOPS & 0xff
1:	subs	r1, r1, #1
	bne	1b
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.

	.align	2
	.ltorg
	.bss
	.align	3
	.space	256
stack_top:
