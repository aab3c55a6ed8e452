/*
 * VFP and Advanced SIMD, switched lazily as Linux 5.6 KVM does: HCPTR traps
 * the guest's first use (EC 0x07), the handler gives the FPU to the guest
 * and the instruction runs again, now without a trap. KVM's trap handler
 * (switch_to_guest_vfp in arch/arm/kvm/hyp/hyp-entry.S) clears
 * HCPTR.TCP10/TCP11, saves the host's VFP registers and loads the guest's
 * (__vfp_save_state/__vfp_restore_state, vfp.S); this hypervisor never uses
 * the FPU itself (built -mfloat-abi=soft), so it has nothing to save, and
 * the guest's registers are simply the hardware's from then on.
 */
#include "console.h"
#include "hyp.h"

/* clang-format off */
#define HCPTR_ISS_TA	(1u << 5)	/* EC 0x07: an Advanced SIMD use */
#define HCPTR_ISS_COPROC 0xfu		/* EC 0x07: the coprocessor number */
#define FPEXC_EN	(1u << 30)
#define FPEXC_GUEST_RESET 0u		/* EN clear, as after a reset */
/* clang-format on */

/*
 * Before the guest first runs, with HCPTR still clear: FPEXC.EN set, as
 * KVM's __activate_traps does, because HCPTR traps a VFP use only if it
 * would not otherwise be UNDEFINED at PL1, and with EN clear it would be.
 */
void vfp_trap_setup(void)
{
	fpexc_write(fpexc_read() | FPEXC_EN);
	isb();
}

HYP_COLD int trap_vfp(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	unsigned cp = hsr & HCPTR_ISS_COPROC;

	if (!(hsr & HCPTR_ISS_TA) && cp != 10 && cp != 11)
		return guest_fault(f, r,
				   &(struct fault){ TRAP_INJ_UNDEF, TRAP_WHY_COPROC, 0,
						    TRAP_STOP_UNKNOWN_EC });
	write_HCPTR(read_HCPTR() & ~(HCPTR_TCP(10) | HCPTR_TCP(11) | HCPTR_TASE));
	isb();
	/* The guest's FPEXC as it would read after reset: it enables VFP itself. */
	fpexc_write(FPEXC_GUEST_RESET);
	isb();
	hyp_vcpu.vfp_guest = true;
	if (r)
		r->outcome = TRAP_OUT_VFP;
	return TRAP_RESUME; /* ELR_hyp is the instruction: it runs again */
}
