/*
 * What the hypervisor programs into the PL2 registers, bit by bit, and why.
 * (Bit definitions: sysregs.h. Written by setup.c, shown by regdump.c.)
 */
#ifndef HYP_HYP_REGS_H
#define HYP_HYP_REGS_H

#include "sysregs.h"

/*
 * HCR, the bits we set:
 *   VM     Stage-2 translation: the guest sees only what stage2.c maps
 *   SWIO   set/way invalidates become clean+invalidate: no dirty line is lost
 *   FMO    physical FIQs to Hyp: the guest must not own the real interrupt lines;
 *          and GICV's virtual FIQs reach the guest (none: group 0 signals IRQ)
 *   IMO    physical IRQs to Hyp (HVBAR+0x18): the GIC is ours (watchdog, the
 *          guest's timer, maintenance); and GICV's virtual IRQs reach the guest
 *   AMO    asynchronous aborts to Hyp: an external abort is ours to report
 *   FB     TLB/cache/branch-predictor ops broadcast, as on any SMP host
 *   BSU_IS barriers at least inner shareable, for the same reason
 *   TWI    trap WFI: the vCPU blocks here until it has an interrupt (kvm_handle_wfx)
 *   TWE    trap WFE: the same for WFE
 *   TSC    trap SMC: there is no secure firmware for the guest (r0 = -1)
 *   TIDCP  trap IMPLEMENTATION DEFINED cp15 registers: the guest gets none
 *   TAC    trap ACTLR: its bits are the machine's, not the guest's
 *   TSW    trap cache maintenance by set/way: they make no sense in a VM
 * Linux 5.6 KVM uses 0x0478663B: the same plus TVM (bit 26), with which it
 * watches the guest turn its MMU and caches on to flush by set/way; every
 * guest page here is mapped before the guest starts, so TVM is not needed.
 * KVM also drops TWE while the vCPU has its CPU to itself; we never do.
 */
#define HYP_HCR \
	(HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_FB | HCR_BSU_IS | HCR_TWI | \
	 HCR_TWE | HCR_TSC | HCR_TIDCP | HCR_TAC | HCR_TSW)

/*
 * HSTR, the cp15 primary registers (CRn; CRm for MCRR) we trap:
 *   T1   SCTLR, ACTLR, CPACR: the guest's system control, logged
 *   T2   TTBR0, TTBR1, TTBCR (and 64-bit TTBR0/1): its translation setup
 *   T15  IMPLEMENTATION DEFINED registers, as KVM does (HSTR = 0x8000)
 * These are passed through to the guest's own (non-secure) copies: cp15.c.
 */
#define HYP_HSTR (HSTR_T(1) | HSTR_T(2) | HSTR_T(15))

/*
 * HCPTR, the bits we set:
 *   TCP10, TCP11  VFP/Advanced SIMD: the guest's first use traps (EC 0x07)
 *                 and vfp.c gives it the FPU, clearing them: lazy, as KVM
 *   TTA           trace registers: not virtualized
 * Equal to Linux 5.6 KVM's 0x00100C00 at the guest's entry.
 */
#define HYP_HCPTR (HCPTR_TCP(10) | HCPTR_TCP(11) | HCPTR_TTA)

/*
 * HDCR, the bits we set (HPMN keeps its reset value: all counters):
 *   TPM, TPMCR    performance monitors: the guest must not see host counts
 *   TDA, TDOSA, TDRA  debug registers: a guest cannot arm real breakpoints
 * The same set as Linux 5.6 KVM. With the option "pmu" (pmu.c), at the guest's entry:
 *   HPMN  all counters but the top two: those two are ours (KVM: all the guest's)
 *   HPME  our two count: the guest's and our own instructions (CPU 0's)
 */
#define HYP_HDCR_SET (HDCR_TPM | HDCR_TPMCR | HDCR_TDA | HDCR_TDOSA | HDCR_TDRA)

/*
 * HSCTLR, the bits we set:
 *   M     the Hyp MMU: our own identity map (hyp_s1.c), so memory types are
 *         right (RAM cacheable, devices Device) and a stray access faults
 *   C, I  data and instruction caches: the trap path is short, keep it fast
 *   RES1  the architecture's should-be-one bits
 * Cleared on purpose: TE (its reset value is IMPLEMENTATION DEFINED; our
 * vectors are ARM code), EE (little-endian), WXN, and A once the MMU is on,
 * as KVM (HSCTLR 0x40001005): newlib's ARMv7-A memcpy makes unaligned word
 * accesses (the DTB writer's strings), which Normal memory allows.
 * Until the MMU is on (the first lines of hyp_main) I and A are set: all
 * memory is Strongly-ordered then, where an unaligned access faults anyway.
 */
#define HYP_HSCTLR_BOOT (HSCTLR_RES1 | HSCTLR_I | HSCTLR_A)
#define HYP_HSCTLR	((HYP_HSCTLR_BOOT & ~HSCTLR_A) | HSCTLR_M | HSCTLR_C)

/*
 * HMAIR0/1: the two memory types our map uses (hyp_s1.h):
 *   Attr0  0x04  Device, for the UART and the GIC
 *   Attr1  0xff  Normal write-back, for RAM
 * HMAIR1 (Attr4-7) is unused: 0.
 */

/*
 * CNTHCTL, the bits we set (as KVM's __timer_enable_traps):
 *   PL1PCTEN  the guest may read the physical counter, as KVM lets it
 * Cleared on purpose:
 *   PL1PCEN   the physical timer is not the guest's: it has the virtual one
 *             (CNTV, its own), and CNTP_* accesses are UNDEFINED for it;
 *             the hypervisor's background timer (bgtimer.c) is CNTP
 *   EVNTEN    no event stream: WFE traps anyway (HCR.TWE)
 * CNTVOFF = the physical count when the guest starts, as KVM sets it at
 * vCPU creation (kvm_timer_vcpu_init): the guest's virtual count starts at 0.
 */
#define HYP_CNTHCTL CNTHCTL_PL1PCTEN

/*
 * GICH_HCR, the bits we set (the model's vgic_flush_lr_state picks them):
 *   EN     the virtual CPU interface on: GICV signals the guest's LRs
 *   UIE    only while more interrupts wait than there are LRs (overflow):
 *          the maintenance interrupt when the LRs drain, to refill them
 *   NPIE   only while an SGI waits from a second sender: maintenance
 *          when no LR is pending, to queue the next sender's
 * Never LRENPIE: every interrupt the guest EOIs is in an LR.
 */

#endif
