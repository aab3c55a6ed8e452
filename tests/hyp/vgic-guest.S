/*
 * The bare hypervisor's virtual GIC from the guest's side: its own IRQ
 * vector takes what the list registers give it through GICV.
 *   - nothing pending: GICC_IAR reads the spurious 1023
 *   - the virtual timer: TICKS interrupts, each ended by turning it off
 *     (a HW-linked LR: the guest's EOI deactivates the physical PPI 27)
 *   - an SGI to itself through GICD_SGIR: IAR = 1 from CPU 0
 *   - a level SPI made pending by GICD_ISPENDR: the EOI maintenance path
 *   - six edge SPIs at once, more than the four LRs: taken in priority
 *     order, the last two after the underflow maintenance (GICH_HCR.UIE)
 * STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "cpsr.h"
#include "gicv2.h"
#include "report.inc"
#include "irq.inc"
/* clang-format off */
#define VTIMER		27
#define TICKS		5
#define SPI_LEVEL	33		/* made level (SPIs reset edge, as KVM's) */
#define SPI_FIRST	34		/* 34..39: made edge, priorities 0x60 down to 0x10 */
#define SPI_BITS	0xfc		/* 34..39 in GICD_ISENABLER1/ISPENDR1 */
#define SPI_EDGE	0xaaa0		/* 34..39 in GICD_ICFGR2 */
/* clang-format on */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	IRQ_START

	ldr	r0, [r5, #GICC_IAR]		@ nothing pending yet
	ldr	r1, =GIC_INTID_SPURIOUS
	subs	r1, r0, r1
	REPORT	t_spurious

	/* The virtual timer, TICKS times: armed, slept for, taken. */
	mov	r0, #(1 << VTIMER)
	str	r0, [r4, #GICD_ISENABLER]
	mov	r7, #TICKS
1:	mrc	p15, 0, r0, c14, c0, 0		@ CNTFRQ
	lsr	r0, r0, #12			@ about 250 us
	mcr	p15, 0, r0, c14, c3, 0		@ CNTV_TVAL
	mov	r0, #1
	mcr	p15, 0, r0, c14, c3, 1		@ CNTV_CTL: enabled, not masked
	isb
	ldr	r6, =ticks
	ldr	r8, [r6]
2:	ldr	r0, [r6]			@ with CPSR.I set: no tick between
	cmp	r0, r8				@ this check and the WFI
	bne	3f
	wfi					@ wakes for a pending IRQ, even masked
	cpsie	i				@ taken here: the handler turns the timer off
	cpsid	i
	b	2b
3:	subs	r7, r7, #1
	bne	1b
	ldr	r0, [r6]
	subs	r1, r0, #TICKS
	REPORT	t_ticks
	ldr	r0, =last_iar
	ldr	r0, [r0]
	subs	r1, r0, #VTIMER
	REPORT	t_timer_id

	/* An SGI to itself. */
	ldr	r0, =(GICD_SGIR_FILTER_SELF << GICD_SGIR_FILTER_SHIFT | 1)
	str	r0, [r4, #GICD_SGIR]
	cpsie	i
	isb
	cpsid	i
	ldr	r0, =last_iar
	ldr	r1, [r0]
	subs	r1, r1, #1			@ INTID 1, CPUID 0
	REPORT	t_sgi

	/* A level SPI through ISPENDR: its LR asks for maintenance at EOI. */
	mov	r0, #0
	str	r0, [r4, #GICD_ICFGR + 8]	@ 32..47 level
	mov	r0, #(1 << (SPI_LEVEL - 32))
	str	r0, [r4, #GICD_ISENABLER + 4]
	str	r0, [r4, #GICD_ISPENDR + 4]
	cpsie	i
	isb
	cpsid	i
	ldr	r0, =last_iar
	ldr	r1, [r0]
	subs	r1, r1, #SPI_LEVEL
	REPORT	t_level
	ldr	r0, [r4, #GICD_ISPENDR + 4]	@ taken and EOIed: no longer pending
	ands	r1, r0, #(1 << (SPI_LEVEL - 32))
	REPORT	t_level_done

	/* Six edge SPIs at once: four LRs, the rest after the underflow. */
	ldr	r0, =0x10203040
	str	r0, [r4, #GICD_IPRIORITYR + 36]	@ 39 0x10, 38 0x20, 37 0x30, 36 0x40
	ldr	r0, =0x50600000
	str	r0, [r4, #GICD_IPRIORITYR + 32]	@ 35 0x50, 34 0x60
	ldr	r0, =SPI_EDGE
	str	r0, [r4, #GICD_ICFGR + 8]
	mov	r0, #SPI_BITS
	str	r0, [r4, #GICD_ISENABLER + 4]
	ldr	r6, =order_n
	mov	r0, #0
	str	r0, [r6]
	mov	r0, #SPI_BITS
	str	r0, [r4, #GICD_ISPENDR + 4]	@ all six pending
	cpsie	i
	mov	r7, #0x10000
3:	ldr	r0, [r6]
	cmp	r0, #6
	beq	4f
	subs	r7, r7, #1
	bne	3b
4:	cpsid	i
	ldr	r0, [r6]
	subs	r1, r0, #6
	REPORT	t_six
	ldr	r6, =order
	mov	r2, #39
	mov	r1, #0
5:	ldr	r0, [r6], #4
	cmp	r0, r2
	movne	r1, #1
	sub	r2, r2, #1
	cmp	r2, #33
	bne	5b
	REPORT	t_order
	FINISH

/* IRQ: acknowledge, note it, quiet its source, EOI. */
irq:
	sub	lr, lr, #4
	push	{r0-r4, ip, lr}
	ldr	r1, =BOARD_GICC_BASE
	ldr	r0, [r1, #GICC_IAR]
	ldr	r2, =last_iar
	str	r0, [r2]
	ldr	r3, =GICC_IAR_ID_MASK
	and	r3, r0, r3
	cmp	r3, #VTIMER
	bne	1f
	mov	r2, #0
	mcr	p15, 0, r2, c14, c3, 1		@ CNTV_CTL: off, the line falls
	ldr	r2, =ticks
	ldr	r3, [r2]
	add	r3, r3, #1
	str	r3, [r2]
	b	2f
1:	cmp	r3, #SPI_FIRST
	blt	2f
	ldr	r2, =order_n			@ order[order_n++] = INTID
	ldr	r4, [r2]
	cmp	r4, #6
	ldrlt	ip, =order
	strlt	r3, [ip, r4, lsl #2]
	addlt	r4, r4, #1
	strlt	r4, [r2]
2:	str	r0, [r1, #GICC_EOIR]
	ldmfd	sp!, {r0-r4, ip, pc}^

	IRQ_VECTORS t_unexpected

	REPORT_CODE

t_spurious:	.asciz	"vgic: IAR with nothing pending is 1023"
t_ticks:	.asciz	"vgic: five virtual timer interrupts taken"
t_timer_id:	.asciz	"vgic: the timer's INTID is 27"
t_sgi:		.asciz	"vgic: SGI 1 to itself, from CPU 0"
t_level:	.asciz	"vgic: level SPI 33 pending through ISPENDR, taken"
t_level_done:	.asciz	"vgic: SPI 33 no longer pending after its EOI"
t_six:		.asciz	"vgic: six SPIs pending at once, all taken"
t_order:	.asciz	"vgic: in priority order, 39 down to 34"
t_unexpected:	.asciz	"vgic: unexpected exception"

	.data
	.align	2
ticks:		.word	0
last_iar:	.word	0
order_n:	.word	0
order:		.space	24
	.bss
	.align	3
		.space	1024
irq_stack_top:
		.space	4096
stack_top:
