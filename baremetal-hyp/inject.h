/*
 * Exceptions the hypervisor gives the guest: an undefined instruction, a
 * prefetch abort, a data abort, taken as the CPU would have taken them at
 * PL1 (ARM DDI 0406C B1.9; Linux 5.6 virt/kvm/arm/aarch32.c,
 * prepare_fault32 and inject_abt32). Pure C: the plan is computed here and
 * applied by emulate.c, so a host test checks every value.
 */
#ifndef HYP_INJECT_H
#define HYP_INJECT_H

#include <stdint.h>
#include "traplog.h"

/* The guest's PL1 state an injection depends on (its cp15 copies). */
struct guest_pl1 {
	uint32_t sctlr;		/* V (high vectors), TE (Thumb handlers), EE */
	uint32_t vbar;		/* low vectors' base */
	uint32_t ttbcr;		/* EAE: the fault status format */
};

/* What the guest's state becomes. */
struct injection {
	enum trap_inject kind;
	uint32_t mode;		/* PSR_MODE_UND or PSR_MODE_ABT: whose LR, SPSR */
	uint32_t cpsr, pc;	/* the new CPSR, the vector */
	uint32_t lr, spsr;	/* the mode's banked LR and SPSR */
	uint32_t far, fsr;	/* DFAR/DFSR or IFAR/IFSR; aborts only */
};

/* Vector offsets (B1.8.1) */
#define VECTOR_UNDEF	0x04
#define VECTOR_PABT	0x0c
#define VECTOR_DABT	0x10
#define HIGH_VECTORS	0xffff0000u

/* Fault status the guest reads, as kvm_inject_dabt/pabt give it. */
#define FSR_IMPDEF_SHORT 0x14		/* FS 0b10100: IMPLEMENTATION DEFINED (lockdown) */
#define FSR_LPAE	(1u << 9)	/* long-descriptor format (TTBCR.EAE) */
#define FSR_IMPDEF_LPAE	(FSR_LPAE | 0x34)	/* STATUS 0b110100: IMPLEMENTATION DEFINED */
#define TTBCR_EAE	(1u << 31)

/* SCTLR bits taking an exception reads */
#define SCTLR_EE	(1u << 25)	/* exceptions big-endian: CPSR.E */
#define SCTLR_TE	(1u << 30)	/* handlers in Thumb: CPSR.T */

/*
 * The guest at pc with CPSR cpsr takes exception kind; addr is the faulting
 * address of an abort (ignored for UNDEF).
 */
void inject_plan(enum trap_inject kind, uint32_t pc, uint32_t cpsr, const struct guest_pl1 *s,
		 uint32_t addr, struct injection *out);

#endif
