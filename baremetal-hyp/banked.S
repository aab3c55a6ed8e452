/*
 * The guest's banked SP and LR, read and written from Hyp mode with the
 * Virtualization Extensions' banked MRS/MSR (B9.3.9). r0 = the mode
 * (PSR_MODE_*); user and system mode share SP_usr/LR_usr. A mode with no
 * bank here (FIQ, Hyp, monitor) reads 0 and ignores writes: the callers
 * refuse such guests first.
 */
#include "sysregs.h"

	.syntax unified
	.arm
	.text

	.macro	bank_switch reg, op
	cmp	r0, #PSR_MODE_SVC
	beq	1f
	cmp	r0, #PSR_MODE_ABT
	beq	2f
	cmp	r0, #PSR_MODE_UND
	beq	3f
	cmp	r0, #PSR_MODE_IRQ
	beq	4f
	cmp	r0, #PSR_MODE_USR
	cmpne	r0, #PSR_MODE_SYS
	beq	5f
	.ifc	\op, read
	mov	r0, #0
	.endif
	bx	lr
	.ifc	\op, read
1:	mrs	r0, \reg\()_svc
	bx	lr
2:	mrs	r0, \reg\()_abt
	bx	lr
3:	mrs	r0, \reg\()_und
	bx	lr
4:	mrs	r0, \reg\()_irq
	bx	lr
5:	mrs	r0, \reg\()_usr
	bx	lr
	.else
1:	msr	\reg\()_svc, r1
	bx	lr
2:	msr	\reg\()_abt, r1
	bx	lr
3:	msr	\reg\()_und, r1
	bx	lr
4:	msr	\reg\()_irq, r1
	bx	lr
5:	msr	\reg\()_usr, r1
	bx	lr
	.endif
	.endm

	.global	banked_sp_read, banked_lr_read, banked_sp_write, banked_lr_write
banked_sp_read:
	bank_switch sp, read
banked_lr_read:
	bank_switch lr, read
banked_sp_write:
	bank_switch sp, write
banked_lr_write:
	bank_switch lr, write

/*
 * banked_spsr_write(mode, v): the SPSR of the mode an injected exception
 * enters (undefined or abort); other modes are not targets and are ignored.
 */
	.global	banked_spsr_write
banked_spsr_write:
	cmp	r0, #PSR_MODE_UND
	bne	1f
	msr	spsr_und, r1
	bx	lr
1:	cmp	r0, #PSR_MODE_ABT
	msreq	spsr_abt, r1
	bx	lr
