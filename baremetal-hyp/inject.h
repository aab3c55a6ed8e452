/*
 * Exceptions the hypervisor gives the guest: an undefined instruction, a
 * prefetch abort, a data abort, taken as the CPU would have taken them at
 * PL1 (ARM DDI 0406C B1.9; Linux 5.6 virt/kvm/arm/aarch32.c,
 * prepare_fault32, get_except32_cpsr, inject_abt32). Pure C: the plan is computed here and
 * applied by emulate.c, so a host test checks every value.
 */
#ifndef HYP_INJECT_H
#define HYP_INJECT_H

#include <stdint.h>
#include "traplog.h"

/* The guest's PL1 state an injection depends on (its cp15 copies). */
struct guest_pl1 {
	uint32_t sctlr; /* V (high vectors), TE (Thumb handlers), EE */
	uint32_t vbar;	/* low vectors' base */
	uint32_t ttbcr; /* EAE: the fault status format */
};

/* What the guest's state becomes. */
struct injection {
	enum trap_inject kind;
	uint32_t mode;	   /* PSR_MODE_UND or PSR_MODE_ABT: whose LR, SPSR */
	uint32_t cpsr, pc; /* the new CPSR, the vector */
	uint32_t lr, spsr; /* the mode's banked LR and SPSR */
	uint32_t far, fsr; /* DFAR/DFSR or IFAR/IFSR; aborts only */
};

/* Vector offsets (B1.8.1) */
#define VECTOR_UNDEF 0x04
#define VECTOR_PABT  0x0c
#define VECTOR_DABT  0x10
#define HIGH_VECTORS 0xffff0000u

/*
 * Fault status the guest reads, as Linux 5.6's inject_abt32 gives it
 * (DFSR_FSC_EXTABT_nLPAE, DFSR_LPAE | DFSR_FSC_EXTABT_LPAE): a synchronous
 * external abort, which a guest handles; before 5.6 KVM gave an
 * IMPLEMENTATION DEFINED status (0x14), on which guests re-ran the access.
 */
/* clang-format off */
#define FSR_EXTABT_SHORT 0x08		/* FS 0b01000: synchronous external abort */
#define FSR_LPAE	(1u << 9)	/* long-descriptor format (TTBCR.EAE) */
#define FSR_EXTABT_LPAE	(FSR_LPAE | 0x10)	/* STATUS 0b010000: the same */
#define TTBCR_EAE	(1u << 31)
/* clang-format on */

/* SCTLR bits taking an exception reads */
/* clang-format off */
#define SCTLR_EE	(1u << 25)	/* exceptions big-endian: CPSR.E */
#define SCTLR_TE	(1u << 30)	/* handlers in Thumb: CPSR.T */
/* clang-format on */

/*
 * The guest at pc with CPSR cpsr takes exception kind; addr is the faulting
 * address of an abort (ignored for UNDEF).
 */
void inject_plan(enum trap_inject kind, uint32_t pc, uint32_t cpsr, const struct guest_pl1 *s,
		 uint32_t addr, struct injection *out);

#endif
