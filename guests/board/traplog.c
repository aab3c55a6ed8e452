/*
 * The trap log's writer (docs/trap-log.md is the spec): one record, one
 * line. snprintf only, no floating point, no allocation, so the bare
 * hypervisor links it with newlib and the host tools with libc.
 */
#include <stdarg.h>
#include <stdio.h>
#include "board.h"
#include "hsr.h"
#include "traplog.h"

/* An snprintf that appends, keeping the full length like snprintf does. */
struct out {
	char *buf;
	size_t n;
	size_t len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	size_t room = o->len < o->n ? o->n - o->len : 0;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
	va_end(ap);
	if (k > 0)
		o->len += (size_t)k;
}

static const char *const by_names[] = { "hyp", "kvm", "vmm" };
static const char *const stop_names[] = {
	[TRAP_STOP_NODEVICE] = "nodevice",     [TRAP_STOP_UNDEF] = "undef",
	[TRAP_STOP_UNKNOWN_EC] = "unknown-ec", [TRAP_STOP_DECODE] = "decode",
	[TRAP_STOP_TIMEOUT] = "timeout",       [TRAP_STOP_HYP_RAM] = "hyp-ram",
	[TRAP_STOP_STUCK] = "stuck",
};
static const char *const inject_names[] = { "undef", "pabt", "dabt" };
static const char *const why_names[] = {
	[TRAP_WHY_NODEVICE] = "nodevice",
	[TRAP_WHY_HYP_RAM] = "hyp-ram",
	[TRAP_WHY_UNKNOWN_EC] = "unknown-ec",
	[TRAP_WHY_CP15] = "cp15",
	[TRAP_WHY_IMPDEF] = "impdef",
	[TRAP_WHY_PMU] = "pmu",
	[TRAP_WHY_CP14] = "cp14",
	[TRAP_WHY_COPROC] = "coproc",
	[TRAP_WHY_CLASS] = "class",
};

#define NAME_OF(table, i) \
	((unsigned)(i) < sizeof(table) / sizeof((table)[0]) && (table)[i] ? (table)[i] : "?")

const char *traplog_why_name(unsigned why) { return NAME_OF(why_names, why); }

int traplog_header_cpus(char *buf, size_t n, const char *side, const char *guest, unsigned cpus)
{
	struct out o = { buf, n, 0 };

	if (n)
		buf[0] = '\0';
	put(&o, "# traplog %d side=%s guest=%s", TRAPLOG_VERSION, side, guest);
	if (cpus > 1)
		put(&o, " cpus=%u", cpus);
	return (int)o.len;
}

int traplog_header(char *buf, size_t n, const char *side, const char *guest)
{
	return traplog_header_cpus(buf, n, side, guest, 1);
}

int traplog_footer(char *buf, size_t n, unsigned traps, unsigned dropped, int status)
{
	return snprintf(buf, n, "# end traps=%u dropped=%u status=%d", traps, dropped, status);
}

static void put_reg(struct out *o, const char *key, unsigned r)
{
	if (r > 15)
		put(o, " %s=?", key);
	else
		put(o, " %s=r%u", key, r);
}

static char size_letter(unsigned size)
{
	return size == 1 ? 'b' : size == 2 ? 'h' : size == 4 ? 'w' : '?';
}

static void syndrome_dabt(struct out *o, const struct trap_record *r)
{
	bool full = r->flags & TR_HSR;
	bool isv = full && dabt_isv(r->hsr);
	bool wnr = full ? dabt_is_write(r->hsr) : (r->flags & TR_WRITE);

	if (isv) {
		put(o, " isv=1 sas=%c sse=%d", size_letter(dabt_size(r->hsr)), dabt_sse(r->hsr));
		put_reg(o, "srt", dabt_srt(r->hsr));
	} else {
		put(o, " isv=%s sas=%c", full ? "0" : "?", size_letter(r->size));
		if (r->size && (r->flags & TR_INSN))
			put(o, " sse=%d", !!(r->flags & TR_SIGNED));
		else
			put(o, " sse=?");
		put_reg(o, "srt", r->srt);
	}
	put(o, " wnr=%d ipa=0x%08x", wnr, (unsigned)r->ipa);
	if (!isv && (r->flags & TR_INSN))
		put(o, " insn=0x%08x", (unsigned)r->insn);
}

static bool cp_is_read(const struct trap_record *r)
{
	return (r->flags & TR_HSR) ? (r->hsr & 1) : !(r->flags & TR_WRITE);
}

static void syndrome_cp32(struct out *o, const struct trap_record *r, unsigned ec)
{
	struct cp_access32 a;
	const char *name;

	hsr_decode_cp32(r->hsr, &a);
	if (!(r->flags & TR_HSR))
		a.rt = r->srt;
	name = ec == HSR_EC_CP15_32 ? cp15_reg_name32(&a) : NULL;
	put(o, " dir=%s opc1=%u crn=%u crm=%u opc2=%u", cp_is_read(r) ? "read" : "write", a.opc1,
	    a.crn, a.crm, a.opc2);
	put_reg(o, "rt", a.rt);
	put(o, " reg=%s", name ? name : "?");
}

static void syndrome_cp64(struct out *o, const struct trap_record *r, unsigned ec)
{
	struct cp_access64 a;
	const char *name;

	hsr_decode_cp64(r->hsr, &a);
	if (!(r->flags & TR_HSR)) {
		a.rt = r->srt;
		a.rt2 = r->srt2;
	}
	name = ec == HSR_EC_CP15_64 ? cp15_reg_name64(&a) : NULL;
	put(o, " dir=%s opc1=%u crm=%u", cp_is_read(r) ? "read" : "write", a.opc1, a.crm);
	put_reg(o, "rt", a.rt);
	put_reg(o, "rt2", a.rt2);
	put(o, " reg=%s", name ? name : "?");
}

static void put_syndrome(struct out *o, const struct trap_record *r, unsigned ec)
{
	switch (ec) {
	case HSR_EC_WFX: put(o, " wfe=%u", (unsigned)(r->hsr & 1)); break;
	case HSR_EC_CP15_32:
	case HSR_EC_CP14_MR: syndrome_cp32(o, r, ec); break;
	case HSR_EC_CP15_64:
	case HSR_EC_CP14_64: syndrome_cp64(o, r, ec); break;
	case HSR_EC_SVC_HYP:
	case HSR_EC_HVC:
	case HSR_EC_SMC: put(o, " imm=0x%04x", (unsigned)(r->hsr & 0xffff)); break;
	case HSR_EC_DABT: syndrome_dabt(o, r); break;
	case HSR_EC_IABT: put(o, " ipa=0x%08x", (unsigned)r->ipa); break;
	default:
		if (r->flags & TR_HSR)
			put(o, " iss=0x%07x", (unsigned)hsr_iss(r->hsr));
		else
			put(o, " iss=?");
	}
}

/* " val=0x..." or " val=?" for a 32-bit value. */
static void put_val(struct out *o, const char *key, const struct trap_record *r, uint32_t v)
{
	if (r->flags & TR_VAL_UNKNOWN)
		put(o, " %s=?", key);
	else
		put(o, " %s=0x%08x", key, (unsigned)v);
}

static void outcome_cp(struct out *o, const struct trap_record *r, unsigned ec)
{
	put(o, "%s %s", ec == HSR_EC_CP14_MR || ec == HSR_EC_CP14_64 ? "cp14" : "cp15",
	    cp_is_read(r) ? "read" : "write");
	if (r->flags & TR_VAL_UNKNOWN)
		put(o, " val=?");
	else if (ec == HSR_EC_CP15_64 || ec == HSR_EC_CP14_64)
		put(o, " val=0x%08x%08x", (unsigned)r->v1, (unsigned)r->v0);
	else
		put(o, " val=0x%08x", (unsigned)r->v0);
}

static void outcome_psci(struct out *o, const struct trap_record *r)
{
	const char *name = psci_fn_name(r->v0);

	put(o, "psci %s fn=0x%08x", name ? name : "UNKNOWN", (unsigned)r->v0);
	if (r->flags & TR_STOP)
		put(o, " status=%d", (int)r->v1);
	else
		put_val(o, "ret", r, r->v1);
}

/* "inject dabt why=nodevice far=0x... vector=0x...": what the guest got, and why. */
static void outcome_inject(struct out *o, const struct trap_record *r)
{
	unsigned kind = TRAP_INJECT_KIND(r->reg);

	put(o, "inject %s why=%s", NAME_OF(inject_names, kind),
	    traplog_why_name(TRAP_INJECT_WHY(r->reg)));
	if (kind != TRAP_INJ_UNDEF)
		put(o, " far=0x%08x", (unsigned)r->v1);
	put(o, " vector=0x%08x", (unsigned)r->v0);
}

static void put_outcome(struct out *o, const struct trap_record *r, unsigned ec)
{
	switch (r->outcome) {
	case TRAP_OUT_MMIO:
		put(o, "mmio %s %s size=%u", (r->flags & TR_WRITE) ? "write" : "read",
		    board_reg_name(r->reg), r->size);
		put_val(o, "val", r, r->v0);
		break;
	case TRAP_OUT_PSCI: outcome_psci(o, r); break;
	case TRAP_OUT_HVC:
		put(o, "hvc fn=0x%08x", (unsigned)r->v0);
		put_val(o, "ret", r, r->v1);
		break;
	case TRAP_OUT_CP15: outcome_cp(o, r, ec); break;
	case TRAP_OUT_WFX: put(o, "wfx %s", (r->flags & TR_SLEPT) ? "slept" : "skipped"); break;
	case TRAP_OUT_SMC: put(o, "smc skipped ret=0x%08x", (unsigned)r->v1); break;
	case TRAP_OUT_STAGE2: put(o, "stage2 mapped"); break;
	case TRAP_OUT_STOP:
		put(o, "stop reason=%s status=%d", NAME_OF(stop_names, r->reg), (int)r->v0);
		break;
	case TRAP_OUT_VFP: put(o, "vfp: given to the guest"); break;
	case TRAP_OUT_INJECT: outcome_inject(o, r); break;
	default: put(o, "? outcome=%u", r->outcome);
	}
}

/* ---- version 2: interrupt events ---- */

static const char *const event_names[] = {
	[TRAP_OUT_IRQ - TRAP_OUT_IRQ] = "IRQ",
	[TRAP_OUT_VIRQ - TRAP_OUT_IRQ] = "VIRQ",
	[TRAP_OUT_MAINT - TRAP_OUT_IRQ] = "MAINT",
	[TRAP_OUT_EOI - TRAP_OUT_IRQ] = "EOI",
};
static const char *const lr_state_names[] = { "invalid", "pending", "active", "pending+active" };

bool traplog_is_event(unsigned outcome)
{
	return outcome >= TRAP_OUT_IRQ && outcome <= TRAP_OUT_EOI;
}

static void put_num_or_unknown(struct out *o, const char *key, unsigned v, bool known)
{
	if (known)
		put(o, " %s=%u", key, v);
	else
		put(o, " %s=?", key);
}

/* "virq lr=0 state=pending hw=1 pintid=27 prio=0xa0": an LR as written. */
static void outcome_virq(struct out *o, const struct trap_record *r)
{
	bool known = !(r->flags & TR_VAL_UNKNOWN);
	uint32_t lr = r->v1;

	put(o, "virq");
	put_num_or_unknown(o, "lr", r->v0, known && r->v0 != TRAP_LR_UNKNOWN);
	put(o, " state=%s", lr_state_names[GICH_LR_STATE(lr)]);
	if (!known)
		put(o, " hw=? pintid=? prio=?");
	else if (lr & GICH_LR_HW)
		put(o, " hw=1 pintid=%u prio=0x%02x", (unsigned)GICH_LR_PHYSID(lr),
		    (unsigned)GICH_LR_PRIO(lr));
	else
		put(o, " hw=0 pintid=- prio=0x%02x", (unsigned)GICH_LR_PRIO(lr));
}

static void put_event_outcome(struct out *o, const struct trap_record *r)
{
	switch (r->outcome) {
	case TRAP_OUT_IRQ: put(o, "irq taken"); break;
	case TRAP_OUT_VIRQ: outcome_virq(o, r); break;
	case TRAP_OUT_MAINT:
		put(o, "maint");
		put_val(o, "misr", r, r->v0);
		put_val(o, "eisr", r, r->v1);
		break;
	case TRAP_OUT_EOI:
		put(o, "eoi");
		put_num_or_unknown(o, "lr", r->v0, r->v0 != TRAP_LR_UNKNOWN);
		break;
	}
}

/* "SEQ -- NAME     pc=PC intid=N : OUTCOME" */
static void put_event(struct out *o, unsigned seq, const struct trap_record *r)
{
	put(o, "%04u -- %-8s pc=", seq, event_names[r->outcome - TRAP_OUT_IRQ]);
	if (r->flags & TR_PC_UNKNOWN)
		put(o, "?");
	else
		put(o, "0x%08x", (unsigned)r->pc);
	put_num_or_unknown(o, "intid", r->reg, r->reg != TRAP_INTID_UNKNOWN);
	put(o, " : ");
	put_event_outcome(o, r);
}

static void put_trap(struct out *o, unsigned seq, const struct trap_record *r)
{
	unsigned ec = hsr_ec(r->hsr);

	put(o, "%04u 0x%02x %-8s pc=", seq, ec, hsr_ec_name(ec));
	if (r->flags & TR_PC_UNKNOWN)
		put(o, "?");
	else
		put(o, "0x%08x", (unsigned)r->pc);
	put_syndrome(o, r, ec);
	put(o, " : ");
	put_outcome(o, r, ec);
}

int traplog_format_cpus(char *buf, size_t n, unsigned seq, const struct trap_record *r,
			unsigned cpus)
{
	struct out o = { buf, n, 0 };

	if (n)
		buf[0] = '\0';
	if (traplog_is_event(r->outcome))
		put_event(&o, seq, r);
	else
		put_trap(&o, seq, r);
	put(&o, " by=%s", r->by < 3 ? by_names[r->by] : "?");
	if (cpus > 1)
		put(&o, " cpu=%u", (unsigned)r->cpu);
	return (int)o.len;
}

int traplog_format(char *buf, size_t n, unsigned seq, const struct trap_record *r)
{
	return traplog_format_cpus(buf, n, seq, r, 1);
}
