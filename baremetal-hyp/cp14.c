/*
 * CP14 accesses HDCR.TDA/TDOSA/TDRA trap (the debug registers: DBGDIDR,
 * DBGDSCR, the breakpoint and watchpoint registers, the OS lock): RAZ/WI
 * and skipped, as KVM's kvm_handle_cp14_32 and kvm_handle_cp14_64 do (Linux
 * 5.6 arch/arm/kvm/coproc.c), so that a guest's probe finds no debug
 * hardware instead of an UNDEF. Linux reads DBGDIDR at boot
 * (get_debug_arch); DBGDIDR = 0 reads as "no debug architecture".
 * LDC/STC to cp14 (EC 0x06) stay UNDEFINED, as kvm_handle_cp14_load_store.
 * Cold: a handful of accesses a boot. r is NULL with the log off.
 */
#include "hsr.h"
#include "hyp.h"

#define PSR_NZCV 0xf0000000u /* an MRC to APSR_nzcv writes Rt[31:28] there */

HYP_COLD int trap_cp14_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	unsigned rt = (hsr >> 5) & 0xf;
	uint32_t v = 0;

	if (hsr & 1) { /* MRC: zero into Rt, or APSR_nzcv cleared (Rt = 15) */
		if (rt == 15)
			frame_set_cpsr(f, frame_cpsr(f) & ~PSR_NZCV);
		else
			set_guest_reg(f, rt, 0);
	} else if (rt != 15)
		v = guest_reg(f, rt);
	if (r) {
		r->outcome = TRAP_OUT_CP15;
		r->flags |= (hsr & 1) ? 0 : TR_WRITE;
		r->v0 = v;
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
}

HYP_COLD int trap_cp14_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct cp_access64 a;
	uint32_t lo = 0, hi = 0;

	hsr_decode_cp64(hsr, &a);
	if (a.read) {
		if (a.rt < 15)
			set_guest_reg(f, a.rt, 0);
		if (a.rt2 < 15)
			set_guest_reg(f, a.rt2, 0);
	} else {
		lo = a.rt < 15 ? guest_reg(f, a.rt) : 0;
		hi = a.rt2 < 15 ? guest_reg(f, a.rt2) : 0;
	}
	if (r) {
		r->outcome = TRAP_OUT_CP15;
		r->flags |= a.read ? 0 : TR_WRITE;
		r->v0 = lo;
		r->v1 = hi;
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
}
