/*
 * The guest's console input (the bare hypervisor's uart_in.c, kvm-runner's
 * input.c): with its PL011's FIFO on, RX/RT unmasked, the UART and its
 * receiver on (CR), and SPI 33 enabled in its GIC,
 * it says "uartrx: ready", sleeps in WFI, and on each UART interrupt reads
 * DR until FR.RXFE, up to a newline. Then it checks the line against
 * EXPECT, that interrupts brought it, and that the FIFO and the line are
 * empty and low again. STATUS = the number of failed checks.
 */
#include "memmap.h"
#include "cpsr.h"
#include "gicv2.h"
#include "report.inc"
#include "irq.inc"
#include "pl011.h"
/* clang-format off */
#define UART_SPI	33
#define LCR_H_FEN8	0x70		/* FIFO on, 8 bits: as Linux's pl011 */
#define IM_RX_RT	0x50
#define CR_ON		0x301		/* UARTEN, TXE, RXE: receiving from here on */
#define BUF_MAX		64
/* clang-format on */

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	IRQ_START
	ldr	r6, =BOARD_UART_BASE
	mov	r0, #0
	str	r0, [r4, #GICD_ICFGR + 8]	@ 32..47 level, as the UART's line (SPIs reset edge)
	mov	r0, #(1 << (UART_SPI - 32))
	str	r0, [r4, #GICD_ISENABLER + 4]
	mov	r0, #LCR_H_FEN8
	str	r0, [r6, #UART_LCR_H]
	mov	r0, #IM_RX_RT
	str	r0, [r6, #UART_IMSC]
	ldr	r0, =CR_ON
	str	r0, [r6, #UART_CR]
	ldr	r0, =t_ready
	bl	puts

	ldr	r7, =done
1:	ldr	r0, [r7]			@ with CPSR.I set: nothing between
	cmp	r0, #0				@ this check and the WFI
	bne	2f
	wfi
	cpsie	i				@ taken here
	cpsid	i
	b	1b

2:	ldr	r0, =t_got
	bl	puts
	ldr	r0, =buf
	bl	puts
	ldr	r0, =buf			@ strcmp(buf, expect)
	ldr	r1, =expect
	mov	r2, #0
3:	ldrb	r3, [r0], #1
	ldrb	ip, [r1], #1
	cmp	r3, ip
	movne	r2, #1
	bne	4f
	cmp	r3, #0
	bne	3b
4:	mov	r1, r2
	REPORT	t_line
	ldr	r0, =irqs
	ldr	r0, [r0]
	cmp	r0, #0
	moveq	r1, #1
	movne	r1, #0
	REPORT	t_irqs
	ldr	r0, [r6, #UART_FR]
	eor	r1, r0, #UART_FR_RXFE
	and	r1, r1, #UART_FR_RXFE
	REPORT	t_empty
	ldr	r1, [r6, #UART_MIS]
	REPORT	t_low
	FINISH

/* IRQ: the UART's bytes until RXFE (to the newline), EOI. */
irq:
	sub	lr, lr, #4
	push	{r0-r4, ip, lr}
	ldr	r1, =BOARD_GICC_BASE
	ldr	r0, [r1, #GICC_IAR]
	ldr	r3, =GICC_IAR_ID_MASK
	and	r3, r0, r3
	cmp	r3, #UART_SPI
	bne	9f
	ldr	r2, =irqs
	ldr	r3, [r2]
	add	r3, r3, #1
	str	r3, [r2]
	ldr	r2, =BOARD_UART_BASE
	ldr	r4, =len
1:	ldr	r3, [r2, #UART_FR]
	tst	r3, #UART_FR_RXFE
	bne	9f
	ldr	r3, [r2]			@ DR: the oldest byte
	and	r3, r3, #0xff
	ldr	ip, [r4]
	cmp	ip, #(BUF_MAX - 1)
	bge	1b				@ full: dropped
	push	{r0}
	ldr	r0, =buf
	strb	r3, [r0, ip]
	pop	{r0}
	add	ip, ip, #1
	str	ip, [r4]
	cmp	r3, #'\n'
	bne	1b
	ldr	r3, =done
	str	r3, [r3]			@ non-zero
	b	1b
9:	str	r0, [r1, #GICC_EOIR]
	ldmfd	sp!, {r0-r4, ip, pc}^

	IRQ_VECTORS t_unexpected

	REPORT_CODE

t_ready:	.asciz	"uartrx: ready\n"
t_got:		.asciz	"uartrx: got "
expect:		.asciz	"hello, uart: 0123456789abcdefghijklmnopqrstuvwxyz\n"
t_line:		.asciz	"uartrx: the line typed, every byte in order"
t_irqs:		.asciz	"uartrx: brought by the UART's interrupt (SPI 33)"
t_empty:	.asciz	"uartrx: the FIFO empty after the reads (FR.RXFE)"
t_low:		.asciz	"uartrx: the UART's line low again (MIS 0)"
t_unexpected:	.asciz	"uartrx: unexpected exception"

	.data
	.align	2
done:		.word	0
irqs:		.word	0
len:		.word	0
buf:		.space	BUF_MAX
	.bss
	.align	3
		.space	1024
irq_stack_top:
		.space	4096
stack_top:
