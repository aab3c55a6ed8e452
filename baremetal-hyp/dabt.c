/*
 * Data and instruction aborts from the guest: Stage-2 faults. A fault on
 * a board device is emulated by the board model; anything else gives the
 * guest an abort (fault.c; --strict: stops it). With ISV=0 the instruction
 * is fetched from guest RAM and decoded.
 */
#include "a32_decode.h"
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "sysregs.h"

/* clang-format off */
#define FSC_TRANSLATION_MASK 0x3c	/* 0b0001LL: translation fault, level LL */
#define FSC_TRANSLATION 0x04
/* clang-format on */

/* The faulting IPA: HPFAR holds IPA[39:12] in bits 31:4 (B4.1.70). */
static uint32_t fault_ipa(uint32_t far) { return (read_HPFAR() & ~0xfu) << 8 | (far & 0xfff); }

/*
 * An access outside the guest's RAM and devices: an abort for the guest at
 * far, its virtual address (HDFAR/HIFAR), as kvm_inject_dabt/pabt give it.
 */
static HYP_COLD int outside(struct hyp_frame *f, struct trap_record *r, enum trap_inject kind,
			    uint32_t ipa, uint32_t far)
{
	bool ram = ipa_in_machine_ram(ipa);

	if (hyp_vcpu.strict)
		hyp_printf("hyp: guest access to IPA 0x%08lx: %s\n", (unsigned long)ipa,
			   ram ? "machine RAM outside the guest's (the hypervisor's own range)"
			       : "no device there");
	return guest_fault(f, r,
			   &(struct fault){ kind, ram ? TRAP_WHY_HYP_RAM : TRAP_WHY_NODEVICE, far,
					    ram ? TRAP_STOP_HYP_RAM : TRAP_STOP_NODEVICE });
}

/* A loaded value, zero-extended by the board, sign-extended for LDRSB/LDRSH. */
static uint32_t extend(uint32_t v, unsigned size, bool sign)
{
	unsigned shift = 32 - 8 * size;

	if (!sign || size == 4)
		return v;
	return (uint32_t)((int32_t)(v << shift) >> shift);
}

/* One device access a (its value in or out) for guest register rt, faulting at far. */
struct dev_access {
	struct board_access a;
	unsigned rt;
	bool sign;
	uint32_t far;
};

/*
 * Performs d through the board, moving the value from or to the guest's
 * register, and fills the record (the log's fields: ipa, size, write,
 * register, value). Inlined in both callers: the ISV=1 path is the hot one.
 */
static inline __attribute__((always_inline)) int device_access(struct hyp_frame *f,
							       struct trap_record *r,
							       struct dev_access *d)
{
	struct board_access *a = &d->a;
	enum board_reg reg;

	if (a->write)
		a->value = guest_reg(f, d->rt); /* the board takes its low size bytes */
	reg = vgic_board_mmio(a, frame_pc(f));
	if (r) {
		r->ipa = a->ipa;
		r->size = a->size;
		r->flags |= a->write ? TR_WRITE : 0;
		r->reg = reg;
		r->outcome = TRAP_OUT_MMIO;
		r->srt = (uint8_t)d->rt;
		r->v0 = a->value & (a->size == 4 ? ~0u : (1u << (8 * a->size)) - 1);
	}
	if (reg == BREG_NONE)
		return outside(f, r, TRAP_INJ_DABT, a->ipa, d->far);
	if (!a->write)
		set_guest_reg(f, d->rt, extend(a->value, a->size, d->sign));
	return TRAP_RESUME;
}

/* Guest RAM word of an LDM/STM that also touched a device: done, not logged. */
static void ram_access(struct hyp_frame *f, const struct a32_access *a, uint8_t *p)
{
	uint32_t v = guest_reg(f, a->reg);

	for (unsigned i = 0; i < a->size; i++) {
		if (a->load)
			v = (v & ~(0xffu << 8 * i)) | (uint32_t)p[i] << 8 * i;
		else
			p[i] = (uint8_t)(v >> 8 * i);
	}
	if (a->load)
		set_guest_reg(f, a->reg, a32_extend(a, v));
}

static int stop_decode(const struct hyp_frame *f, struct trap_record *r, const char *why)
{
	hyp_printf("hyp: ISV=0 abort at pc=0x%08lx not emulated: %s\n", (unsigned long)frame_pc(f),
		   why);
	return trap_stop(r, TRAP_STOP_DECODE, BOARD_STATUS_FAULT);
}

/* The guest's instruction at its PC: only with its MMU off (VA = IPA). */
static int fetch_insn(const struct hyp_frame *f, struct trap_record *r, uint32_t *insn)
{
	uint32_t *p;

	if (frame_cpsr(f) & PSR_T)
		return stop_decode(f, r, "Thumb code");
	if (read_SCTLR() & SCTLR_M)
		return stop_decode(f, r, "guest MMU on: its PC is not an IPA");
	p = guest_ram_ptr(frame_pc(f), 4);
	if (!p)
		return stop_decode(f, r, "PC outside guest RAM");
	*insn = *p;
	if (r) {
		r->insn = *p;
		r->flags |= TR_INSN;
	}
	return TRAP_RESUME;
}

/*
 * Every access of the decoded instruction: one log record per device word,
 * each a copy of the trap's first (pc, hsr, insn) in the ring's next slot.
 */
static int emulate_insn(struct hyp_frame *f, struct trap_record *r, const struct a32_insn *d)
{
	struct trap_record first = r ? *r : (struct trap_record){ 0 };
	bool logged_one = false;

	for (unsigned i = 0; i < d->count; i++) {
		const struct a32_access *a = &d->access[i];
		uint8_t *ram = guest_ram_ptr(a->addr, a->size);
		struct dev_access da = {
			{ a->addr, a->size, !a->load, 0, 0 }, a->reg, a->sign_extend, a->addr
		}; /* MMU off: VA = IPA */
		int rc;

		if (ram) {
			ram_access(f, a, ram);
			continue;
		}
		if (logged_one) { /* one more record (log off: counted only) */
			r = logbuf_slot();
			if (r)
				*r = first;
		}
		logged_one = true;
		if (r) /* this access's direction, not the syndrome's */
			r->flags = (uint8_t)((r->flags & ~TR_WRITE) |
					     (a->sign_extend ? TR_SIGNED : 0));
		rc = device_access(f, r, &da);
		if (rc != TRAP_RESUME)
			return rc;
	}
	if (d->writeback)
		set_guest_reg(f, d->rn, d->rn_value);
	return TRAP_RESUME;
}

static HYP_COLD int dabt_decode(struct hyp_frame *f, struct trap_record *r)
{
	uint32_t regs[16];
	struct a32_insn d;
	enum a32_error e;
	uint32_t insn = 0;
	int rc;

	if (fetch_insn(f, r, &insn) != TRAP_RESUME)
		return TRAP_STOPPED;
	for (unsigned i = 0; i < 15; i++)
		regs[i] = guest_reg(f, i);
	regs[15] = frame_pc(f);
	e = a32_decode(insn, regs, &d);
	if (e != A32_OK)
		return stop_decode(f, r, a32_error_text(e));
	rc = emulate_insn(f, r, &d);
	if (rc != TRAP_RESUME)
		return rc;
	frame_set_pc(f, frame_pc(f) + 4); /* ISV=0 leaves HSR.IL 0: ARM state, checked above */
	return TRAP_RESUME;
}

int trap_dabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t far = read_HDFAR();
	uint32_t ipa = fault_ipa(far);
	struct dev_access d;
	int rc;

	if ((hsr & FSC_TRANSLATION_MASK) != FSC_TRANSLATION || dabt_s1ptw(hsr)) {
		if (r) {
			r->ipa = ipa;
			r->flags |= dabt_is_write(hsr) ? TR_WRITE : 0;
		}
		return outside(f, r, TRAP_INJ_DABT, ipa,
			       far); /* a table walk or not a missing page */
	}
	if (!dabt_isv(hsr)) {
		if (r) {
			r->ipa = ipa;
			r->flags |= dabt_is_write(hsr) ? TR_WRITE : 0;
		}
		return dabt_decode(f, r);
	}
	d = (struct dev_access){ { ipa, (uint8_t)dabt_size(hsr), dabt_is_write(hsr), 0, 0 },
				 dabt_srt(hsr),
				 dabt_sse(hsr),
				 far };
	rc = device_access(f, r, &d);
	if (rc != TRAP_RESUME)
		return rc;
	frame_skip(f, hsr);
	return TRAP_RESUME;
}

/*
 * A guest fetch outside its RAM: a prefetch abort for the guest. With
 * --strict, as before: with the guest's VBAR at 0 (reset), an exception
 * the guest takes itself jumps to an unmapped vector; offset 4 is its
 * Undefined Instruction vector, so report an undefined instruction at
 * LR_und - 4.
 */
HYP_COLD int trap_iabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t vbar = read_SCTLR() & SCTLR_V ? HIGH_VECTORS : read_VBAR();
	uint32_t far = read_HIFAR();
	uint32_t ipa = fault_ipa(far);

	(void)hsr;
	if (r)
		r->ipa = ipa;
	if (hyp_vcpu.strict && frame_pc(f) == vbar + VECTOR_UNDEF) {
		hyp_printf("hyp: the guest ran an undefined instruction at 0x%08lx "
			   "and has no vector for it\n",
			   (unsigned long)banked_lr_read(PSR_MODE_UND) - 4);
		return trap_stop(r, TRAP_STOP_UNDEF, BOARD_STATUS_FAULT);
	}
	return outside(f, r, TRAP_INJ_PABT, ipa, far);
}
