/*
 * Exception dispatch for the C guests: a guest installs a handler per
 * kind; any other exception is a failure that ends the run with the
 * report (as test.S's "unexpected exception").
 */
#include "guest.h"

static exc_handler_fn *handlers[EXC_KINDS];

static const char *const names[EXC_KINDS] = {
	[EXC_RESET] = "reset", [EXC_UNDEF] = "undef", [EXC_SVC] = "svc", [EXC_PABT] = "pabt",
	[EXC_DABT] = "dabt",   [EXC_HYP] = "hyp",     [EXC_IRQ] = "irq", [EXC_FIQ] = "fiq",
};

const char *exc_name(enum exc_kind kind)
{
	return kind < EXC_KINDS ? names[kind] : "?";
}

void exc_set_handler(enum exc_kind kind, exc_handler_fn *fn)
{
	handlers[kind] = fn;
}

void exc_handle(enum exc_kind kind, struct exc_frame *f)
{
	if (kind < EXC_KINDS && handlers[kind]) {
		handlers[kind](f);
		return;
	}
	report(false, "unexpected exception: %s, lr 0x%08x", exc_name(kind), f->lr);
	exit(report_summary());
}
