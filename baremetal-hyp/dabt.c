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
static int outside(struct hyp_frame *f, struct trap_record *r, enum trap_inject kind, uint32_t far)
{
	bool ram = ipa_in_machine_ram(r->ipa);

	if (hyp_vcpu.strict)
		hyp_printf("hyp: guest access to IPA 0x%08lx: %s\n", (unsigned long)r->ipa,
			   ram ? "machine RAM outside the guest's (the hypervisor's own range)"
			       : "no device there");
	return guest_fault(f, r,
			   &(struct fault){ kind, ram ? TRAP_WHY_HYP_RAM : TRAP_WHY_NODEVICE, far,
					    ram ? TRAP_STOP_HYP_RAM : TRAP_STOP_NODEVICE });
}

static uint32_t extend(uint32_t v, unsigned size, bool sign)
{
	if (!sign || size == 4)
		return v;
	return size == 1 ? (uint32_t)(int32_t)(int8_t)v : (uint32_t)(int32_t)(int16_t)v;
}

/* One device access for guest register rt at far; fills the record's outcome. */
static int device_access(struct hyp_frame *f, struct trap_record *r, unsigned rt, bool sign,
			 uint32_t far)
{
	uint32_t mask = r->size == 4 ? ~0u : (1u << (8 * r->size)) - 1;
	bool write = r->flags & TR_WRITE;
	struct board_access a = { r->ipa, r->size, write, write ? guest_reg(f, rt) & mask : 0, 0 };

	r->reg = vgic_board_mmio(&a, r->pc);
	r->outcome = TRAP_OUT_MMIO;
	r->srt = (uint8_t)rt;
	r->v0 = a.value;
	if (r->reg == BREG_NONE)
		return outside(f, r, TRAP_INJ_DABT, far);
	if (!write)
		set_guest_reg(f, rt, extend(a.value & mask, r->size, sign));
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

static int stop_decode(struct trap_record *r, const char *why)
{
	hyp_printf("hyp: ISV=0 abort at pc=0x%08lx not emulated: %s\n", (unsigned long)r->pc, why);
	return trap_stop(r, TRAP_STOP_DECODE, BOARD_STATUS_FAULT);
}

/* The guest's instruction at its PC: only with its MMU off (VA = IPA). */
static int fetch_insn(const struct hyp_frame *f, struct trap_record *r)
{
	uint32_t *p;

	if (f->spsr & PSR_T)
		return stop_decode(r, "Thumb code");
	if (read_SCTLR() & SCTLR_M)
		return stop_decode(r, "guest MMU on: its PC is not an IPA");
	p = guest_ram_ptr(f->elr, 4);
	if (!p)
		return stop_decode(r, "PC outside guest RAM");
	r->insn = *p;
	r->flags |= TR_INSN;
	return TRAP_RESUME;
}

/* Every access of the decoded instruction: one log record per device word. */
static int emulate_insn(struct hyp_frame *f, struct trap_record *r, const struct a32_insn *d)
{
	struct trap_record last = *r;
	bool logged_one = false;

	for (unsigned i = 0; i < d->count; i++) {
		const struct a32_access *a = &d->access[i];
		uint8_t *ram = guest_ram_ptr(a->addr, a->size);
		int rc;

		if (ram) {
			ram_access(f, a, ram);
			continue;
		}
		if (logged_one)
			logbuf_add(&last);
		last = *r;
		last.ipa = a->addr;
		last.size = a->size;
		last.flags = (uint8_t)((r->flags & ~TR_WRITE) | (a->load ? 0 : TR_WRITE) |
				       (a->sign_extend ? TR_SIGNED : 0));
		logged_one = true;
		rc = device_access(f, &last, a->reg, a->sign_extend,
				   a->addr); /* MMU off: VA = IPA */
		if (rc != TRAP_RESUME) {
			*r = last;
			return rc;
		}
	}
	*r = last;
	if (d->writeback)
		set_guest_reg(f, d->rn, d->rn_value);
	return TRAP_RESUME;
}

static int dabt_decode(struct hyp_frame *f, struct trap_record *r)
{
	uint32_t regs[16];
	struct a32_insn d;
	enum a32_error e;
	int rc;

	if (fetch_insn(f, r) != TRAP_RESUME)
		return TRAP_STOPPED;
	for (unsigned i = 0; i < 15; i++)
		regs[i] = guest_reg(f, i);
	regs[15] = f->elr;
	e = a32_decode(r->insn, regs, &d);
	if (e != A32_OK)
		return stop_decode(r, a32_error_text(e));
	rc = emulate_insn(f, r, &d);
	if (rc != TRAP_RESUME)
		return rc;
	f->elr += 4; /* ISV=0 leaves HSR.IL 0: ARM state, checked above */
	return TRAP_RESUME;
}

int trap_dabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t far = read_HDFAR();
	int rc;

	r->ipa = fault_ipa(far);
	if (dabt_is_write(hsr))
		r->flags |= TR_WRITE;
	if ((hsr & FSC_TRANSLATION_MASK) != FSC_TRANSLATION || dabt_s1ptw(hsr))
		return outside(f, r, TRAP_INJ_DABT, far); /* a table walk or not a missing page */
	if (!dabt_isv(hsr))
		return dabt_decode(f, r);
	r->size = (uint8_t)dabt_size(hsr);
	rc = device_access(f, r, dabt_srt(hsr), dabt_sse(hsr), far);
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
int trap_iabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t vbar = read_SCTLR() & SCTLR_V ? HIGH_VECTORS : read_VBAR();
	uint32_t far = read_HIFAR();

	(void)hsr;
	r->ipa = fault_ipa(far);
	if (hyp_vcpu.strict && f->elr == vbar + VECTOR_UNDEF) {
		hyp_printf("hyp: the guest ran an undefined instruction at 0x%08lx "
			   "and has no vector for it\n",
			   (unsigned long)banked_lr_read(PSR_MODE_UND) - 4);
		return trap_stop(r, TRAP_STOP_UNDEF, BOARD_STATUS_FAULT);
	}
	return outside(f, r, TRAP_INJ_PABT, far);
}
