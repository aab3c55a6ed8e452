/*
 * CP14 accesses HDCR.TDA/TDOSA/TDRA trap (the debug registers: DBGDIDR,
 * DBGDSCR, the breakpoint and watchpoint registers, the OS lock): RAZ/WI
 * and skipped, as KVM's kvm_handle_cp14_32 and kvm_handle_cp14_64 do (Linux
 * 5.6 arch/arm/kvm/coproc.c), so that a guest's probe finds no debug
 * hardware instead of an UNDEF. Linux reads DBGDIDR at boot
 * (get_debug_arch); DBGDIDR = 0 reads as "no debug architecture".
 * LDC/STC to cp14 (EC 0x06) stay UNDEFINED, as kvm_handle_cp14_load_store.
 */
#include "hsr.h"
#include "hyp.h"

#define PSR_NZCV 0xf0000000u /* an MRC to APSR_nzcv writes Rt[31:28] there */

int trap_cp14_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	unsigned rt = (hsr >> 5) & 0xf;

	r->outcome = TRAP_OUT_CP15;
	if (hsr & 1) { /* MRC: zero into Rt, or APSR_nzcv cleared (Rt = 15) */
		r->v0 = 0;
		if (rt == 15)
			f->spsr &= ~PSR_NZCV;
		else
			set_guest_reg(f, rt, 0);
	} else {
		r->flags |= TR_WRITE;
		r->v0 = rt == 15 ? 0 : guest_reg(f, rt);
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
}

int trap_cp14_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct cp_access64 a;

	hsr_decode_cp64(hsr, &a);
	r->outcome = TRAP_OUT_CP15;
	if (a.read) {
		if (a.rt < 15)
			set_guest_reg(f, a.rt, 0);
		if (a.rt2 < 15)
			set_guest_reg(f, a.rt2, 0);
		r->v0 = r->v1 = 0;
	} else {
		r->flags |= TR_WRITE;
		r->v0 = a.rt < 15 ? guest_reg(f, a.rt) : 0;
		r->v1 = a.rt2 < 15 ? guest_reg(f, a.rt2) : 0;
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
}
