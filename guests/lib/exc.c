/*
 * Exception dispatch for the C guests: a guest installs a handler per
 * kind; any other exception is a failure that ends the run with the
 * report (as test.S's "unexpected exception"). A return with an SPSR
 * that holds no mode is a failure too, but the run goes on.
 */
#include "guest.h"


static exc_handler_fn *handlers[EXC_KINDS];

static const char *const names[EXC_KINDS] = {
	[EXC_RESET] = "reset", [EXC_UNDEF] = "undef", [EXC_SVC] = "svc", [EXC_PABT] = "pabt",
	[EXC_DABT] = "dabt",   [EXC_HYP] = "hyp",     [EXC_IRQ] = "irq", [EXC_FIQ] = "fiq",
};

const char *exc_name(enum exc_kind kind) { return kind < EXC_KINDS ? names[kind] : "?"; }

void exc_set_handler(enum exc_kind kind, exc_handler_fn *fn) { handlers[kind] = fn; }

/* A mode the return (CPSR = SPSR) can enter: USR FIQ IRQ SVC ABT UND SYS. */
static bool valid_mode(uint32_t spsr)
{
	switch (spsr & PSR_MODE_MASK) {
	case 0x10:
	case 0x11:
	case 0x12:
	case 0x13:
	case 0x17:
	case 0x1b:
	case 0x1f: return true;
	}
	return false;
}

void exc_handle(enum exc_kind kind, struct exc_frame *f)
{
	if (kind >= EXC_KINDS || !handlers[kind]) {
		report(false, "unexpected exception: %s, lr 0x%08x", exc_name(kind), f->lr);
		exit(report_summary());
	}
	handlers[kind](f);
	/*
	 * An SPSR with no mode (the arm64 test bed's TCG loses SPSR_abt of an
	 * injected abort, docs/kvm-runner.md): one FAIL, then back to main's
	 * mode, SVC in ARM state with A I F masked as at entry (entry.S), so
	 * the later checks still run and report.
	 */
	if (!valid_mode(f->spsr)) {
		report(false, "%s: SPSR 0x%08x holds no mode, returned to SVC (lr 0x%08x)",
		       exc_name(kind), f->spsr, f->lr);
		f->spsr = PSR_MODE_SVC | PSR_A | PSR_I | PSR_F;
	}
}
