/*
 * The state the guest would be in had it taken the exception itself
 * (ARM DDI 0406C B1.9.3-B1.9.5, TakeUndefInstrException and the two
 * TakeAbortException pseudocode functions), as Linux 5.6's
 * prepare_fault32() and get_except32_cpsr() compute it: NZCVQ, GE, F and
 * (for UNDEF) A keep their values, IT and J are cleared.
 */
#include <stdbool.h>
#include "inject.h"
#include "sysregs.h"

/* clang-format off */
#define PSR_E		(1u << 9)
#define PSR_KEPT	0xf80f0140u	/* NZCVQ [31:27], GE [19:16], A, F: unchanged */
/* clang-format on */

/* LR = the preferred return address + this, by vector (ARM, Thumb): table B1-7. */
static uint32_t return_offset(enum trap_inject kind, bool thumb)
{
	switch (kind) {
	case TRAP_INJ_UNDEF: return thumb ? 2 : 4;
	case TRAP_INJ_PABT: return 4;
	case TRAP_INJ_DABT: return 8;
	}
	return 0;
}

static uint32_t vector_offset(enum trap_inject kind)
{
	return kind == TRAP_INJ_UNDEF	? VECTOR_UNDEF
		: kind == TRAP_INJ_PABT ? VECTOR_PABT
					: VECTOR_DABT;
}

void inject_plan(enum trap_inject kind, uint32_t pc, uint32_t cpsr, const struct guest_pl1 *s,
		 uint32_t addr, struct injection *out)
{
	bool undef = kind == TRAP_INJ_UNDEF;
	uint32_t base = s->sctlr & SCTLR_V ? HIGH_VECTORS : s->vbar;

	out->kind = kind;
	out->mode = undef ? PSR_MODE_UND : PSR_MODE_ABT;
	/* IRQs masked, asynchronous aborts too for an abort; IT, J, T cleared. */
	out->cpsr = (cpsr & PSR_KEPT) | out->mode | PSR_I | (undef ? 0 : PSR_A);
	if (s->sctlr & SCTLR_TE)
		out->cpsr |= PSR_T;
	if (s->sctlr & SCTLR_EE)
		out->cpsr |= PSR_E;
	out->spsr = cpsr;
	out->lr = pc + return_offset(kind, cpsr & PSR_T);
	out->pc = base + vector_offset(kind);
	out->far = undef ? 0 : addr;
	out->fsr = undef ? 0 : s->ttbcr & TTBCR_EAE ? FSR_EXTABT_LPAE : FSR_EXTABT_SHORT;
}
