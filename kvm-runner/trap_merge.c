/* Trace events + runner records -> one ordered trap list. */
#include <string.h>
#include "a32_decode.h"
#include "board.h"
#include "board_desc.h"
#include "hsr.h"
#include "kvm_abi.h"
#include "memmap.h"
#include "trap_merge.h"
#include "uart.h"

#define SMC_RET_SKIPPED 0xffffffffu /* KVM skips an SMC with r0 = -1 */

void merge_begin(struct trap_merge *m, struct traps *out, const struct traps *vmm,
		 uint64_t ram_size)
{
	memset(m, 0, sizeof(*m));
	m->out = out;
	m->vmm = vmm;
	m->ram_size = ram_size;
	m->irq_events = TRAPLOG_VERSION >= 2;
}

static bool in_ram(const struct trap_merge *m, uint32_t ipa)
{
	return ipa >= BOARD_RAM_BASE && ipa - BOARD_RAM_BASE < m->ram_size;
}

#define RESYNC_WINDOW 8 /* runner records looked at for a trace trap's pc */

/* The trap-log lines of the ISV=0 load/store r was decoded from (the board's decoder). */
static unsigned insn_words(const struct trap_record *r)
{
	uint32_t regs[16] = { [15] = r->pc }; /* the count is the encoding's, not the values' */
	struct a32_insn in;

	return a32_decode(r->insn, regs, &in) == A32_OK && in.count ? in.count : 1;
}

/*
 * Is runner record w a further word of the LDM/STM whose earlier word was
 * the last trap line? Interrupt lines in between do not count: an IRQ exit
 * right after the NISV exit is common (the runner spends about 50 ms on
 * one in the test bed) and must not cut the instruction's words apart.
 */
static bool further_word(const struct trap_merge *m, const struct trap_record *w)
{
	return m->words_left && (w->flags & TR_INSN) && w->pc == m->last.pc &&
		w->insn == m->last.insn;
}

/* Out it goes, with its vCPU and the trace time of the trap it came with. */
static void add(struct trap_merge *m, const struct trap_record *r)
{
	struct trap_record c = *r;

	c.cpu = (uint8_t)m->cpu;
	if (further_word(m, &c))
		m->words_left--;
	else
		m->words_left = (c.flags & TR_INSN) ? insn_words(&c) - 1 : 0;
	m->last = c;
	traps_add_ts(m->out, &c, m->ts);
}

/* A record without a syndrome takes the one of the trap it belongs to. */
static void share_hsr(struct trap_record *r, const struct trap_record *from)
{
	if (!(r->flags & TR_HSR) && (from->flags & TR_HSR)) {
		r->hsr = from->hsr;
		r->flags |= TR_HSR;
	}
}

/*
 * Runner records up to (not including) index end that no trace trap
 * matched: the further words of an LDM/STM (sharing its HSR), or exits
 * whose trace events were lost (counted).
 */
static void emit_untraced(struct trap_merge *m, unsigned end)
{
	while (m->next_vmm < end) {
		struct trap_record w = m->vmm->rec[m->next_vmm++];

		if (further_word(m, &w))
			share_hsr(&w, &m->last);
		else
			m->untraced++;
		add(m, &w);
	}
}

/* The further words of the LDM/STM just put out, at once: before any interrupt line. */
static void take_words(struct trap_merge *m)
{
	while (m->next_vmm < m->vmm->n && further_word(m, &m->vmm->rec[m->next_vmm]))
		emit_untraced(m, m->next_vmm + 1);
}

/* A write KVM completed from a coalesced zone: the runner drained it, no exit. */
static bool coalesced(const struct trap_record *r)
{
	return (r->flags & TR_PC_UNKNOWN) && r->by == TRAP_BY_KVM;
}

/*
 * Is runner record w the one of trace trap c? Same class, and the same pc,
 * or, for a record whose pc the runner left to the trace (run_record_pc:
 * no ioctl per exit), the same function for an HVC (a PSCI call KVM
 * leaves to userspace). An abort's IPA page is the same in either case
 * (kvm_guest_fault's ipa is HPFAR's page): one instruction (a guest's
 * writel) may reach the vGIC in the kernel and the UART in the runner.
 */
static bool same_trap(const struct trap_record *w, const struct trap_record *c)
{
	unsigned ec = hsr_ec(c->hsr);

	if (hsr_ec(w->hsr) != ec)
		return false;
	if (ec == HSR_EC_DABT && (c->flags & TR_HSR) && w->ipa >> 12 != c->ipa >> 12)
		return false;
	if (!(w->flags & TR_PC_UNKNOWN))
		return w->pc == c->pc;
	return ec != HSR_EC_HVC || w->v0 == c->v0;
}

/* The first runner record from next_vmm that is not a coalesced write (whose traps were lost). */
static unsigned past_coalesced(const struct trap_merge *m)
{
	unsigned i = m->next_vmm;

	while (i < m->vmm->n && coalesced(&m->vmm->rec[i]))
		i++;
	return i;
}

/*
 * Whether trace trap c went to userspace, when no kvm_userspace_exit said
 * so (the runner leaves that event off: about 750 instructions an MMIO
 * exit): a runner record near the next one is its. Only an abort (by its
 * page) or an HVC (by its function) can be, or a trap at a known pc.
 */
static bool went_to_user(const struct trap_merge *m)
{
	const struct trap_record *c = &m->cur;
	unsigned ec = hsr_ec(c->hsr), from = past_coalesced(m);

	for (unsigned i = from; i < m->vmm->n && i < from + RESYNC_WINDOW; i++) {
		const struct trap_record *w = &m->vmm->rec[i];

		if (coalesced(w) || !same_trap(w, c))
			continue;
		if ((w->flags & TR_PC_UNKNOWN) && ec != HSR_EC_HVC &&
		    !(ec == HSR_EC_DABT && (c->flags & TR_HSR)))
			continue;
		return true;
	}
	return false;
}

/* w with trace trap c's pc, when the runner left it to the trace. */
static void take_pc(struct trap_record *w, const struct trap_record *c)
{
	if (w->flags & TR_PC_UNKNOWN) {
		w->pc = c->pc;
		w->flags &= (uint8_t)~TR_PC_UNKNOWN;
	}
}

/*
 * The runner's record for a trap that reached userspace, with KVM's HSR.
 * Both lists are in exit order; should the trace have lost a trap, the
 * records before the one with this trap's pc (and class) go out as they
 * are, so one lost event never shifts the HSRs of the rest.
 */
static void take_vmm(struct trap_merge *m)
{
	const struct trap_record *c = &m->cur;
	unsigned i, n = m->vmm->n, from = past_coalesced(m);
	struct trap_record r;

	for (i = from; i < n && i < from + RESYNC_WINDOW; i++)
		if (same_trap(&m->vmm->rec[i], c))
			break;
	if (i == n || i == from + RESYNC_WINDOW) {
		m->unmatched++; /* no runner record for it near here */
		return;
	}
	emit_untraced(m, i);
	r = m->vmm->rec[m->next_vmm++];
	share_hsr(&r, c);
	take_pc(&r, c);
	add(m, &r);
	take_words(m);
}

/* The board register at ipa as a VMM names it: the GIC's frames, the UART. */
static uint16_t board_reg_at(uint32_t ipa)
{
	const struct board_dev *d = board_desc_find(board_desc_kit(), ipa);

	if (!d)
		return BREG_NONE;
	switch (d->kind) {
	case BDEV_GICD: return BREG_GICD;
	case BDEV_GICC: return BREG_GICC;
	case BDEV_UART: return ipa == BOARD_STATUS_ADDR ? BREG_STATUS : uart_reg_at(ipa - d->base);
	default: return BREG_NONE;
	}
}

/* An access KVM's own device model completed (the vGIC's distributor): an mmio line. */
static bool kernel_mmio(struct trap_merge *m)
{
	struct trap_record *r = &m->cur;

	r->outcome = TRAP_OUT_MMIO;
	r->reg = board_reg_at((uint32_t)m->mmio_gpa);
	r->size = (uint8_t)m->mmio_len;
	r->v0 = (uint32_t)m->mmio_val;
	r->flags &= (uint8_t)~TR_VAL_UNKNOWN;
	r->flags |= m->mmio_write ? TR_WRITE : 0;
	r->ipa = (uint32_t)m->mmio_gpa; /* kvm_guest_fault's ipa is the page's (HPFAR) */
	return true;
}

/* The outcome of a trap KVM handled itself, from its class. */
static bool kvm_outcome(struct trap_merge *m)
{
	struct trap_record *r = &m->cur;

	switch (hsr_ec(r->hsr)) {
	case HSR_EC_IABT:
	case HSR_EC_DABT: /* not MMIO: RAM mapped on first touch */
		if (m->mmio)
			return hsr_ec(r->hsr) == HSR_EC_DABT && kernel_mmio(m);
		r->outcome = TRAP_OUT_STAGE2;
		if (!in_ram(m, r->ipa)) { /* KVM injects an abort: no outcome kind */
			m->injected++;
			return false;
		}
		return true;
	case HSR_EC_SMC:
		r->outcome = TRAP_OUT_SMC;
		r->v1 = SMC_RET_SKIPPED;
		return true;
	case HSR_EC_WFX:
	case HSR_EC_HVC:
	case HSR_EC_CP15_32:
	case HSR_EC_CP15_64:
	case HSR_EC_CP14_MR:
	case HSR_EC_CP14_64: return true; /* outcome set by the detail event */
	}
	return false;
}

/*
 * A write KVM completed into a coalesced zone (--coalesce-console): the
 * runner drained the ring in KVM's order, so it is the runner's next
 * coalesced record, of the same value; the trace gives its pc and HSR.
 * kvm_mmio fires for every write, so a DR write the runner handled (the
 * ring full: an MMIO exit) looks the same here, and its record, of this
 * page, comes first. Both lists are in exit order: other runner records
 * before it that no trace trap took are exits whose events were lost, and
 * go out as they are (counted): one lost event costs one line its detail.
 */
static bool take_coalesced(struct trap_merge *m)
{
	const struct trap_record *c = &m->cur;
	unsigned i, n = m->vmm->n;
	struct trap_record r;

	if (m->to_user || !m->mmio || hsr_ec(c->hsr) != HSR_EC_DABT ||
	    board_reg_at((uint32_t)m->mmio_gpa) != BREG_UART_DR)
		return false; /* only the console's DR is ever a coalesced zone */
	take_words(m);
	for (i = m->next_vmm; i < n && i < m->next_vmm + RESYNC_WINDOW; i++) {
		const struct trap_record *w = &m->vmm->rec[i];

		if (w->v0 != (uint32_t)m->mmio_val)
			continue;
		if (coalesced(w))
			break;
		if (same_trap(w, c))
			return false; /* the ring was full: KVM left this write to the runner */
	}
	if (i == n || i == m->next_vmm + RESYNC_WINDOW)
		return false;
	emit_untraced(m, i);
	r = m->vmm->rec[m->next_vmm++];
	take_pc(&r, c);
	share_hsr(&r, c); /* a coalesced write has none of its own */
	add(m, &r);
	return true;
}

/* Interrupt lines held while a trap was assembled go out after its line. */
static void put_held(struct trap_merge *m)
{
	for (unsigned i = 0; i < m->nheld; i++)
		traps_add(m->out, &m->held[i]);
	m->nheld = 0;
}

static void flush(struct trap_merge *m)
{
	if (!m->active)
		return;
	m->active = false;
	if (take_coalesced(m))
		;
	else if ((m->to_user || went_to_user(m)) && m->next_vmm < m->vmm->n)
		take_vmm(m);
	else if (!m->to_user && kvm_outcome(m))
		add(m, &m->cur);
	else
		m->skipped++;
	put_held(m);
}

/* An interrupt line: after the trap being assembled, if any, else now. */
static void put_irq(struct trap_merge *m, const struct trap_record *r)
{
	if (!m->irq_events)
		return;
	m->irqs++;
	if (m->active && m->nheld < MERGE_HELD)
		m->held[m->nheld++] = *r;
	else
		traps_add(m->out, r);
}

static struct trap_record irq_record(uint8_t outcome, unsigned intid)
{
	struct trap_record r = {
		.outcome = outcome,
		.reg = (uint16_t)intid,
		.by = TRAP_BY_KVM,
		.srt = 0xff,
		.srt2 = 0xff,
	};

	return r;
}

/* An IRQ exit: a physical interrupt took the CPU from the guest at pc. */
static void on_irq_exit(struct trap_merge *m, const struct kvm_event *ev)
{
	struct trap_record r = irq_record(TRAP_OUT_IRQ, TRAP_INTID_UNKNOWN);

	r.pc = (uint32_t)ev->pc;
	put_irq(m, &r);
}

/*
 * A level given to an INTID. Each source may repeat a level (the timer's
 * at every vCPU load, the vgic's for the timer's own update): only a
 * change is a line. Rising: made pending (VIRQ); falling: the line lowered
 * (EOI, as trap-log.md has it for KVM: the guest's EOI itself is not traced).
 */
static void on_level(struct trap_merge *m, const struct kvm_event *ev)
{
	unsigned id = ev->intid;
	bool was, now = ev->level != 0;
	struct trap_record r;

	if (ev->type == KEV_IRQ_LINE && ev->irq_type == KVM_ARM_IRQ_TYPE_CPU)
		return; /* the vCPU's own IRQ line (no irqchip): the timer event said it */
	if (id >= MERGE_INTIDS)
		return;
	was = m->level[id / 8] >> (id % 8) & 1;
	if (was == now)
		return;
	m->level[id / 8] ^= (uint8_t)(1u << (id % 8));
	r = irq_record(now ? TRAP_OUT_VIRQ : TRAP_OUT_EOI, id);
	r.v0 = TRAP_LR_UNKNOWN;
	r.v1 = now ? GICH_LR_PENDING : 0;
	r.flags = TR_VAL_UNKNOWN | TR_PC_UNKNOWN;
	r.cpu = (uint8_t)ev->vcpu;
	put_irq(m, &r);
}

static void start(struct trap_merge *m, const struct kvm_event *ev)
{
	struct trap_record *r = &m->cur;

	flush(m);
	if (ev->irq)
		on_irq_exit(m, ev);
	if (!ev->trap)
		return; /* a host interrupt, not the guest's doing */
	memset(r, 0, sizeof(*r));
	m->ts = ev->ts_us;
	r->hsr = (uint32_t)(ev->ec & 0x3f) << HSR_EC_SHIFT;
	/* An HVC's exception returns past it: the trap log wants the HVC itself. */
	r->pc = (uint32_t)ev->pc - (ev->ec == HSR_EC_HVC ? 4 : 0);
	r->by = TRAP_BY_KVM;
	r->srt = r->srt2 = 0xff;
	r->flags = TR_VAL_UNKNOWN;
	m->active = true;
	m->to_user = m->mmio = false;
}

static void on_hvc(struct trap_record *r, const struct kvm_event *ev)
{
	uint32_t fn = (uint32_t)ev->r0;

	r->hsr |= ev->imm & 0xffff;
	r->v0 = fn;
	r->outcome = psci_fn_is_psci(fn) ? TRAP_OUT_PSCI : TRAP_OUT_HVC;
}

static void on_cp15(struct trap_record *r, const struct kvm_event *ev)
{
	unsigned ec = hsr_ec(r->hsr);

	r->outcome = TRAP_OUT_CP15;
	r->flags |= ev->write ? TR_WRITE : 0;
	r->srt = (uint8_t)ev->rt;
	if (ec == HSR_EC_CP15_64) /* ISS: Opc1 16-19, CRm 1-4, direction 0 */
		r->hsr |= ev->opc1 << 16 | ev->crm << 1 | !ev->write;
	else /* ISS: Opc2 17-19, Opc1 14-16, CRn 10-13, CRm 1-4 */
		r->hsr |= ev->opc2 << 17 | ev->opc1 << 14 | ev->crn << 10 | ev->crm << 1 |
			!ev->write;
}

static void detail(struct trap_merge *m, const struct kvm_event *ev)
{
	struct trap_record *r = &m->cur;

	switch (ev->type) {
	case KEV_GUEST_FAULT:
		r->hsr = ev->hsr;
		r->flags |= TR_HSR;
		r->ipa = (uint32_t)ev->ipa;
		break;
	case KEV_MMIO:
		if (!ev->unsatisfied && !m->to_user) {
			m->mmio = true;
			m->mmio_gpa = ev->gpa;
			m->mmio_val = ev->val;
			m->mmio_len = ev->len;
			m->mmio_write = ev->write;
		}
		break;
	case KEV_USERSPACE_EXIT:
		/* a KVM_RUN interrupted before re-entry adds a "restart" one */
		m->to_user |= !ev->restart;
		break;
	case KEV_HVC: on_hvc(r, ev); break;
	case KEV_WFX:
		r->hsr |= ev->wfe;
		r->outcome = TRAP_OUT_WFX;
		r->flags |= ev->wfe ? 0 : TR_SLEPT; /* WFI blocks, WFE yields */
		break;
	case KEV_CP15: on_cp15(r, ev); break;
	default: break;
	}
}

void merge_event(struct trap_merge *m, const struct kvm_event *ev)
{
	if (ev->type == KEV_EXIT)
		start(m, ev);
	else if (ev->type == KEV_IRQ_LINE || ev->type == KEV_TIMER_IRQ ||
		 ev->type == KEV_VGIC_PENDING)
		on_level(m, ev);
	else if (ev->type == KEV_ENTRY)
		flush(m);
	else if (m->active)
		detail(m, ev);
}

/* The runner's stop at a tick (timeout, stuck outside RAM): no exit, no trace trap. */
static bool own_stop(const struct trap_record *r)
{
	return r->outcome == TRAP_OUT_STOP && hsr_ec(r->hsr) == HSR_EC_UNKNOWN;
}

void merge_end(struct trap_merge *m)
{
	flush(m);
	while (m->next_vmm < m->vmm->n) {
		struct trap_record r = m->vmm->rec[m->next_vmm];
		struct trap_record *last = m->out->n ? &m->out->rec[m->out->n - 1] : NULL;

		/* CPU_OFF: KVM's HVC, whose end the runner saw later; one line */
		if (last && last->by == TRAP_BY_KVM && r.outcome == TRAP_OUT_PSCI &&
		    (r.flags & TR_STOP) && hsr_ec(last->hsr) == HSR_EC_HVC &&
		    hsr_ec(r.hsr) == HSR_EC_HVC &&
		    ((r.flags & TR_PC_UNKNOWN) ? last->v0 == r.v0 : last->pc == r.pc)) {
			m->next_vmm++;
			take_pc(&r, last);
			*last = r;
			continue;
		}
		if (own_stop(&r)) {
			m->next_vmm++;
			add(m, &r);
		} else {
			emit_untraced(m, m->next_vmm + 1); /* counted: its trace trap was missed */
		}
	}
}
