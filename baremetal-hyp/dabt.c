/*
 * Data and instruction aborts from the guest: Stage-2 faults. A fault on
 * a board device is emulated by the board model; anything else gives the
 * guest an abort (fault.c; --strict: stops it). With ISV=0 the instruction
 * is fetched from guest RAM and decoded.
 */
#include "a32_decode.h"
#include "board_hot.h"
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "sysregs.h"

/* clang-format off */
#define FSC_TRANSLATION_MASK 0x3c	/* 0b0001LL: translation fault, level LL */
#define FSC_TRANSLATION 0x04
/* clang-format on */

/* The faulting IPA: HPFAR holds IPA[39:12] in bits 31:4 (B4.1.70). */
static uint32_t fault_ipa(uint32_t far) { return read_HPFAR() >> 4 << 12 | (far & 0xfff); }

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

/* One device access: size bytes at ipa for guest register rt, faulting at far. */
struct dev_access {
	uint32_t ipa, far;
	uint8_t size, rt;
	bool write, sign;
};

/* After the board answered (reg, value): the guest's register, or an abort for it. */
static inline __attribute__((always_inline)) int device_act(struct hyp_frame *f,
							    struct trap_record *r,
							    struct dev_access d, enum board_reg reg,
							    uint32_t value)
{
	if (reg == BREG_NONE)
		return outside(f, r, TRAP_INJ_DABT, d.ipa, d.far);
	if (!d.write)
		set_guest_reg(f, d.rt, extend(value, d.size, d.sign));
	return TRAP_RESUME;
}

/*
 * device_act with the record, started (logbuf_start): the log's fields
 * of the access (ipa, size, write, register, value).
 */
static inline __attribute__((always_inline)) int device_done(struct hyp_frame *f,
							     struct trap_record *r,
							     struct dev_access d,
							     enum board_reg reg, uint32_t value)
{
	if (r) {
		r->ipa = d.ipa;
		r->size = d.size;
		r->flags |= d.write ? TR_WRITE : 0;
		r->reg = reg;
		r->outcome = TRAP_OUT_MMIO;
		r->srt = d.rt;
		r->v0 = value & (d.size == 4 ? ~0u : (1u << (8 * d.size)) - 1);
	}
	return device_act(f, r, d, reg, value);
}

/* The general path: any device, any register, through board_mmio(). */
static HYP_COLD int device_slow(struct hyp_frame *f, struct trap_record *r, struct dev_access d,
				uint32_t value)
{
	struct board_access a = { .ipa = d.ipa, .size = d.size, .write = d.write, .value = value };
	enum board_reg reg = vgic_board_mmio(&a, frame_pc(f));

	uart_in_access(reg, frame_pc(f));
	return device_done(f, r, d, reg, a.value);
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
		struct dev_access da = { .ipa = a->addr,
					 .far = a->addr, /* MMU off: VA = IPA */
					 .size = a->size,
					 .rt = (uint8_t)a->reg,
					 .write = !a->load,
					 .sign = a->sign_extend };
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
		rc = device_slow(f, r, da, da.write ? guest_reg(f, da.rt) : 0);
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

/*
 * An access KVM would call MMIO: ISV=1, a translation fault, not on a table
 * walk. S1PTW and the DFSC type (HSR[7:2]) are one AND and one compare.
 */
#define DABT_FAULT_MASK (HSR_DABT_S1PTW | FSC_TRANSLATION_MASK)
#define DABT_FAULT	FSC_TRANSLATION

/* The access the HSR describes, at the IPA of HPFAR and HDFAR. */
static struct dev_access dabt_access(uint32_t hsr, unsigned size)
{
	uint32_t far = read_HDFAR();

	return (struct dev_access){ .ipa = fault_ipa(far),
				    .far = far,
				    .size = (uint8_t)size,
				    .rt = (uint8_t)dabt_srt(hsr),
				    .write = dabt_is_write(hsr),
				    .sign = dabt_sse(hsr) };
}

/* Past the instruction at pc after the access, unless the guest was given an abort. */
static int dabt_skip_from(struct hyp_frame *f, uint32_t hsr, uint32_t pc, int rc)
{
	if (rc == TRAP_RESUME)
		frame_skip_from(f, hsr, pc);
	return rc;
}

static int dabt_skip(struct hyp_frame *f, uint32_t hsr, int rc)
{
	return dabt_skip_from(f, hsr, frame_pc(f), rc);
}

/* Not one of the hot registers: the general path, with everything read again. */
static HYP_COLD int dabt_slow(struct hyp_frame *f, uint32_t hsr, struct trap_record *r,
			      unsigned size)
{
	struct dev_access d = dabt_access(hsr, size);

	r = logbuf_start(r, hsr);
	return dabt_skip(f, hsr, device_slow(f, r, d, d.write ? guest_reg(f, d.rt) : 0));
}

/*
 * HPFAR[31:4] is the faulting IPA[39:12] (B4.1.70). A device window is 4
 * KiB aligned below 4 GiB (board_desc_check), so the UART page's HPFAR is
 * its base >> 8: one compare, before any IPA is built.
 */
static inline bool hpfar_is_uart_page(uint32_t hpfar, const struct board *b)
{
	return hpfar == b->uart_base >> 8;
}

/*
 * A word access by r0-r12 (rt): the hot registers (board_hot.h) inline
 * when HPFAR names the UART's page, the rest on the general path; then
 * past the instruction. The IPA is built only where it is needed: the
 * record, a guest fault.
 */
static inline __attribute__((always_inline)) int dabt_word(struct hyp_frame *f, uint32_t hsr,
							   struct trap_record *r, unsigned rt)
{
	struct board *b = &hyp_vcpu.board;
	uint32_t hpfar = read_HPFAR(), far, value = 0, pc;
	struct dev_access d;
	enum board_reg reg;

	if (!hpfar_is_uart_page(hpfar, b))
		return dabt_slow(f, hsr, r, 4);
	far = read_HDFAR();
	/* the UART's page: its base, 4 KiB aligned (board_desc_check), and the offset */
	d = (struct dev_access){ .ipa = b->uart_base | (far & 0xfff),
				 .far = far,
				 .size = 4,
				 .rt = (uint8_t)rt,
				 .write = dabt_is_write(hsr) };
	if (d.write)
		value = f->r[rt];
	/* the page offset of the IPA is the VA's */
	reg = board_mmio_hot_at(b, far & 0xfff, 4, d.write, &value);
	if (reg == BOARD_NOT_HOT)
		return dabt_slow(f, hsr, r, 4);
	pc = frame_pc(f);
	if (r) /* the record, once: device_done's fields of a word access */
		logbuf_put(r,
			   &(struct record_words){ .hsr = hsr,
						   .pc = pc,
						   .ipa = d.ipa,
						   .v0 = value,
						   .tail0 = logbuf_tail0(reg, TRAP_OUT_MMIO,
									 d.write ? TR_WRITE : 0),
						   .tail1 = logbuf_tail1(4, rt) },
			   TRAPLOG_WORDS_MMIO_ISV);
	return dabt_skip_from(f, hsr, pc, device_act(f, r, d, reg, value));
}

/* Any other access the HSR describes (a byte, a halfword, SP or LR): the general path. */
static HYP_COLD int dabt_any(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct dev_access d = dabt_access(hsr, dabt_size(hsr));
	uint32_t value = d.write ? guest_reg(f, d.rt) : 0;
	enum board_reg reg = BOARD_NOT_HOT;

	r = logbuf_start(r, hsr);
	if (d.rt <= 12) /* a UART DR byte, say */
		reg = board_mmio_hot(&hyp_vcpu.board, d.ipa, d.size, d.write, &value);
	if (reg == BOARD_NOT_HOT)
		return dabt_skip(f, hsr, device_slow(f, r, d, value));
	return dabt_skip(f, hsr, device_done(f, r, d, reg, value));
}

/* A data abort that is no device access the HSR describes: decoded, or the guest's. */
static HYP_COLD int dabt_other(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t far = read_HDFAR();
	uint32_t ipa = fault_ipa(far);

	r = logbuf_start(r, hsr);
	if (r) {
		r->ipa = ipa;
		r->flags |= dabt_is_write(hsr) ? TR_WRITE : 0;
	}
	if ((hsr & FSC_TRANSLATION_MASK) != FSC_TRANSLATION || dabt_s1ptw(hsr))
		return outside(f, r, TRAP_INJ_DABT, ipa,
			       far); /* a table walk, not a missing page */
	return dabt_decode(f, r);    /* ISV=0 */
}

/* r: the trap's slot, not yet written (traps.c's dispatch). */
int trap_dabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	unsigned rt = dabt_word_rt(hsr);

	if ((hsr & DABT_FAULT_MASK) != DABT_FAULT)
		return dabt_other(f, hsr, r);
	if (rt <= 12) /* the fast case: a word by r0-r12 */
		return dabt_word(f, hsr, r, rt);
	if (!dabt_isv(hsr))
		return dabt_other(f, hsr, r);
	return dabt_any(f, hsr, r);
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
