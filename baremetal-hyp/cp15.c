/*
 * CP15 accesses the guest makes to registers HSTR/HCR/HDCR trap, handled
 * as Linux 5.6's 32-bit KVM does (arch/arm/kvm/coproc.c, emulate_cp15):
 * the registers KVM swaps (SCTLR, CPACR, TTBR0/1, TTBCR) are passed through
 * to the guest's own non-secure copies (from Hyp mode the PL1 cp15
 * registers name exactly those); ACTLR writes are ignored (access_actlr,
 * HCR.TAC: the machine's bits); set/way cache maintenance (HCR.TSW) is
 * done on the guest's behalf (access_dcsw; a read of those is UNDEFINED,
 * as read_from_write_only). Anything else is UNDEFINED for the guest, as
 * emulate_cp15() gives it for a register it has no entry for
 * (kvm_inject_undefined), and as arm64 KVM gives the PMU of a vCPU without
 * one (docs/comparison.md); --strict stops the guest instead.
 */
#include <stddef.h>
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "sysregs.h"

/*
 * A 32-bit register is named by the ISS bits Opc2 [19:17], Opc1 [16:14],
 * CRn [13:10] and CRm [4:1] (B3.13.6, table B3-18): one switch on those
 * bits, as HSR holds them, finds it with no decoding.
 */
#define CP32_KEY(opc1, crn, crm, opc2) \
	((uint32_t)(opc2) << 17 | (uint32_t)(opc1) << 14 | (uint32_t)(crn) << 10 | \
	 (uint32_t)(crm) << 1)
#define CP32_KEY_MASK CP32_KEY(7, 15, 15, 7)
#define CP32_RT(hsr)  (((hsr) >> 5) & 0xf)
#define CP32_READ     1u /* ISS bit 0: MRC */

static bool pass_read32(uint32_t key, uint32_t *v)
{
	switch (key) {
	case CP32_KEY(0, 1, 0, 0): *v = read_SCTLR(); return true;
	case CP32_KEY(0, 1, 0, 1): *v = read_ACTLR(); return true;
	case CP32_KEY(0, 1, 0, 2): *v = read_CPACR(); return true;
	case CP32_KEY(0, 2, 0, 0): *v = read_TTBR0(); return true;
	case CP32_KEY(0, 2, 0, 1): *v = read_TTBR1(); return true;
	case CP32_KEY(0, 2, 0, 2): *v = read_TTBCR(); return true;
	}
	return false;
}

static bool pass_write32(uint32_t key, uint32_t v)
{
	switch (key) {
	case CP32_KEY(0, 1, 0, 0): write_SCTLR(v); return true;
	case CP32_KEY(0, 1, 0, 1): return true; /* ACTLR: the machine's bits (HCR.TAC) */
	case CP32_KEY(0, 1, 0, 2): write_CPACR(v); return true;
	case CP32_KEY(0, 2, 0, 0): write_TTBR0(v); return true;
	case CP32_KEY(0, 2, 0, 1): write_TTBR1(v); return true;
	case CP32_KEY(0, 2, 0, 2): write_TTBCR(v); return true;
	/*
	 * DCISW, DCCSW, DCCISW: KVM flushes the whole VM by VA
	 * (kvm_set_way_flush) because a vCPU may move between CPUs; here
	 * the guest owns its one CPU, so its own set/way operation is
	 * exact, done as clean+invalidate (as HCR.SWIO makes DCISW).
	 */
	case CP32_KEY(0, 7, 6, 2):
	case CP32_KEY(0, 7, 10, 2):
	case CP32_KEY(0, 7, 14, 2): dccisw(v); return true;
	}
	return false;
}

struct cp15_pass64 {
	uint8_t opc1, crm;
	uint64_t (*read)(void);
	void (*write)(uint64_t);
};

static const struct cp15_pass64 pass64[] = {
	{ 0, 2, read_TTBR0_64, write_TTBR0_64 },
	{ 1, 2, read_TTBR1_64, write_TTBR1_64 },
};

/*
 * Why a register is not emulated, for the trap log: a PMU register (CRn 9,
 * opc1 0, CRm 12-14, trapped by HDCR.TPM/TPMCR), an IMPLEMENTATION DEFINED
 * one (CRn 9-11 under HCR.TIDCP, CRn 15 / MCRR CRm 15 under HSTR.T15), or
 * any other cp15 register.
 */
static enum trap_inject_why not_emulated_why(uint32_t hsr)
{
	unsigned crm = (hsr >> 1) & 0xf, crn = (hsr >> 10) & 0xf, opc1 = (hsr >> 14) & 7;

	if (hsr_ec(hsr) == HSR_EC_CP15_64)
		return crm == 15 ? TRAP_WHY_IMPDEF : TRAP_WHY_CP15;
	if (crn == 9 && opc1 == 0 && crm >= 12 && crm <= 14)
		return TRAP_WHY_PMU;
	if (crn == 15 || (crn >= 9 && crn <= 11))
		return TRAP_WHY_IMPDEF;
	return TRAP_WHY_CP15;
}

static HYP_COLD int not_emulated(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	if (hyp_vcpu.strict)
		hyp_printf("hyp: cp15 access the board does not emulate (hsr=0x%08lx)\n",
			   (unsigned long)hsr);
	return guest_fault(
		f, r, &(struct fault){ TRAP_INJ_UNDEF, not_emulated_why(hsr), 0, TRAP_STOP_UNDEF });
}

/* A 32-bit access that is not emulated: its record started, a write's marked. */
static HYP_COLD int not_emulated32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	r = logbuf_start(r, hsr);
	if (r && !(hsr & CP32_READ))
		r->flags |= TR_WRITE;
	return not_emulated(f, hsr, r);
}

/* r: the trap's slot, not yet written (traps.c's dispatch). */
int trap_cp15_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	uint32_t key = hsr & CP32_KEY_MASK;
	unsigned rt = CP32_RT(hsr);
	uint32_t v, pc;

	if (rt == 15)
		return not_emulated(f, hsr,
				    logbuf_start(r, hsr)); /* APSR_nzcv as Rt: none of ours */
	if (hsr & CP32_READ) {
		if (!pass_read32(key, &v))
			return not_emulated32(f, hsr, r);
		set_guest_reg(f, rt, v);
	} else {
		v = guest_reg(f, rt);
		if (!pass_write32(key, v))
			return not_emulated32(f, hsr, r);
	}
	pc = frame_pc(f);
	if (r)
		logbuf_put(r,
			   &(struct record_words){
				   .hsr = hsr,
				   .pc = pc,
				   .v0 = v,
				   .tail0 = logbuf_tail0(0, TRAP_OUT_CP15,
							 hsr & CP32_READ ? 0 : TR_WRITE),
				   .tail1 = logbuf_tail1(0, 0) },
			   TRAPLOG_WORDS_CP32);
	frame_skip_from(f, hsr, pc);
	return TRAP_RESUME;
}

HYP_COLD int trap_cp15_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct cp_access64 a;
	const struct cp15_pass64 *p = NULL;
	uint64_t v;

	hsr_decode_cp64(hsr, &a);
	for (size_t i = 0; i < sizeof(pass64) / sizeof(pass64[0]); i++)
		if (pass64[i].opc1 == a.opc1 && pass64[i].crm == a.crm)
			p = &pass64[i];
	if (!p || a.rt >= 15 || a.rt2 >= 15)
		return not_emulated(f, hsr, r);
	if (a.read) {
		v = p->read();
		set_guest_reg(f, a.rt, (uint32_t)v);
		set_guest_reg(f, a.rt2, (uint32_t)(v >> 32));
	} else {
		v = (uint64_t)guest_reg(f, a.rt2) << 32 | guest_reg(f, a.rt);
		p->write(v);
	}
	if (r) {
		r->outcome = TRAP_OUT_CP15;
		r->flags |= a.read ? 0 : TR_WRITE;
		r->v0 = (uint32_t)v;
		r->v1 = (uint32_t)(v >> 32);
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
}
