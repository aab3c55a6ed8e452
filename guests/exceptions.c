/*
 * exceptions: the guest's own vectors (VBAR, guests/lib/vectors.S) catch
 * what a VMM injects, as kvm_inject_dabt / kvm_inject_pabt /
 * kvm_inject_undefined do, and what the CPU raises itself (issue 8):
 *   - a load from an address outside RAM and the devices: data abort,
 *     DFSR = 0x008 (synchronous external abort), DFAR, LR = insn + 8;
 *   - a branch there: prefetch abort, IFSR = 0x008, IFAR, LR = IFAR + 4;
 *   - IMPLEMENTATION DEFINED CP15 registers that HCR.TIDCP traps (CRn=9
 *     and 11 lockdown/DMA encodings) and no VMM emulates: UNDEF, as the CPU
 *     (QEMU's cortex-a15) gives natively;
 *   - UDF and SVC, which no VMM sees: UNDEF and SVC, LR = insn + 4.
 * Two probes print what happened (INFO), because the answer differs by
 * design (tests/compare/expected-differences.txt): CRn=15 (HSTR.T15),
 * RAZ/WI natively, UNDEF under KVM; PMCR (HDCR.TPM), the CPU's natively,
 * RAZ on 32-bit KVM, UNDEF on arm64 KVM without a vPMU.
 * Each handler records what it saw and resumes after the instruction.
 */
#include "guest.h"

#define BAD_ADDR      0x0b000000u /* nothing here: not the board's, nor QEMU virt's */
#define FSR_EXT_ABORT 0x008u	  /* short-descriptor FS = 0b01000, synchronous external */
#define FSR_FS_MASK   0x40fu	  /* FS[4] (bit 10) and FS[3:0] */
#define FSR_WNR	      (1u << 11)

static struct {
	enum exc_kind kind;
	uint32_t lr, spsr, fsr, far;
	unsigned count;
} seen;
static uint32_t resume; /* where the pabt handler returns */

static void record(enum exc_kind kind, struct exc_frame *f)
{
	seen.kind = kind;
	seen.lr = f->lr;
	seen.spsr = f->spsr;
	seen.count++;
}

static void on_dabt(struct exc_frame *f)
{
	record(EXC_DABT, f);
	asm volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(seen.fsr)); /* DFSR */
	asm volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(seen.far)); /* DFAR */
	f->lr -= 4; /* LR = insn + 8: resume at insn + 4 */
}

static void on_pabt(struct exc_frame *f)
{
	record(EXC_PABT, f);
	asm volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(seen.fsr)); /* IFSR */
	asm volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(seen.far)); /* IFAR */
	f->lr = resume; /* nothing to resume at BAD_ADDR */
}

static void on_undef(struct exc_frame *f)
{
	record(EXC_UNDEF, f); /* LR = insn + 4 in ARM state: resume there */
}

static void on_svc(struct exc_frame *f) { record(EXC_SVC, f); }

static void expect_kind(enum exc_kind kind)
{
	if (seen.count != 1 || seen.kind != kind)
		report_info("took %u exception(s), the last: %s", seen.count, exc_name(seen.kind));
}

static bool from_svc_arm(void)
{
	return (seen.spsr & PSR_MODE_MASK) == PSR_MODE_SVC && !(seen.spsr & PSR_T);
}

static void data_abort(void)
{
	uint32_t insn, v = 0x5a5a5a5a;

	seen.count = 0;
	asm volatile("adr %0, 1f\n1:\tldr %1, [%2]"
		     : "=&r"(insn), "+r"(v)
		     : "r"(BAD_ADDR)
		     : "memory");
	expect_kind(EXC_DABT);
	report(seen.count == 1 && seen.kind == EXC_DABT, "dabt: a load from 0x%08x is a data abort",
	       BAD_ADDR);
	report(seen.fsr == FSR_EXT_ABORT, "dabt: DFSR = 0x%08x (synchronous external abort)",
	       seen.fsr);
	report(seen.far == BAD_ADDR, "dabt: DFAR = 0x%08x", seen.far);
	report(seen.lr == insn + 8 && from_svc_arm(), "dabt: LR = the load + 8, SPSR = SVC, ARM");
	report(v == 0x5a5a5a5a, "dabt: the load's register is unchanged");

	seen.count = 0;
	asm volatile("str %0, [%1]" : : "r"(v), "r"(BAD_ADDR) : "memory");
	report(seen.count == 1 && seen.kind == EXC_DABT &&
		       (seen.fsr & FSR_FS_MASK) == FSR_EXT_ABORT && seen.far == BAD_ADDR,
	       "dabt: a store there too, DFSR.FS external abort");
	/* The one bit the VMMs leave out (inject_abt32 writes FS only). */
	report_info("dabt: the store's DFSR.WnR = %u", (seen.fsr & FSR_WNR) ? 1u : 0u);
}

static void prefetch_abort(void)
{
	uint32_t tmp;

	seen.count = 0;
	asm volatile("adr %0, 1f\n\tstr %0, [%1]\n\tblx %2\n1:"
		     : "=&r"(tmp)
		     : "r"(&resume), "r"(BAD_ADDR)
		     : "lr", "memory");
	expect_kind(EXC_PABT);
	report(seen.count == 1 && seen.kind == EXC_PABT,
	       "pabt: a branch to 0x%08x is a prefetch abort", BAD_ADDR);
	report(seen.fsr == FSR_EXT_ABORT, "pabt: IFSR = 0x%08x (synchronous external abort)",
	       seen.fsr);
	report(seen.far == BAD_ADDR, "pabt: IFAR = 0x%08x", seen.far);
	report(seen.lr == BAD_ADDR + 4 && from_svc_arm(), "pabt: LR = IFAR + 4, SPSR = SVC, ARM");
}

/* One instruction that must be UNDEFINED; insn and LR compared. */
#define EXPECT_UNDEF(name, asmtext) \
	do { \
		uint32_t insn; \
		seen.count = 0; \
		asm volatile("adr %0, 1f\n1:\t" asmtext : "=&r"(insn) : : "r0", "memory"); \
		expect_kind(EXC_UNDEF); \
		report(seen.count == 1 && seen.kind == EXC_UNDEF && seen.lr == insn + 4 && \
			       from_svc_arm(), \
		       "undef: %s, LR = insn + 4", name); \
	} while (0)

static void undefined(void)
{
	EXPECT_UNDEF("udf #0", "udf #0");
	EXPECT_UNDEF("mrc p15, 0, r0, c9, c0, 0 (IMP DEF, HCR.TIDCP)", "mrc p15, 0, r0, c9, c0, 0");
	EXPECT_UNDEF("mcr p15, 0, r0, c9, c0, 0 (IMP DEF, HCR.TIDCP)", "mcr p15, 0, r0, c9, c0, 0");
	EXPECT_UNDEF("mrc p15, 0, r0, c11, c0, 0 (IMP DEF, HCR.TIDCP)",
		     "mrc p15, 0, r0, c11, c0, 0");
}

/* One read that may be UNDEFINED: what it gave, as an INFO line. */
#define PROBE(name, asmtext) \
	do { \
		uint32_t v = 0; \
		seen.count = 0; \
		asm volatile(asmtext : "+r"(v) : : "memory"); \
		if (seen.count == 1 && seen.kind == EXC_UNDEF) \
			report_info("%s: UNDEF", name); \
		else \
			report_info("%s: reads 0x%08x", name, v); \
	} while (0)

static void probes(void)
{
	PROBE("probe: mrc p15, 0, Rt, c15, c0, 0 (IMP DEF, HSTR.T15)",
	      "mrc p15, 0, %0, c15, c0, 0");
	PROBE("probe: mrc PMCR (HDCR.TPMCR)", "mrc p15, 0, %0, c9, c12, 0");
}

static void supervisor_call(void)
{
	uint32_t insn;

	seen.count = 0;
	asm volatile("adr %0, 1f\n1:\tsvc #0x42" : "=&r"(insn) : : "memory");
	report(seen.count == 1 && seen.kind == EXC_SVC && seen.lr == insn + 4 &&
		       (*(const uint32_t *)insn & 0xffffff) == 0x42,
	       "svc: svc #0x42, LR = insn + 4");
}

int main(void)
{
	report_prefix("exceptions");
	exc_set_handler(EXC_DABT, on_dabt);
	exc_set_handler(EXC_PABT, on_pabt);
	exc_set_handler(EXC_UNDEF, on_undef);
	exc_set_handler(EXC_SVC, on_svc);
	data_abort();
	prefetch_abort();
	undefined();
	probes();
	supervisor_call();
	report_skip("sctlr.v: high vectors (0xffff0000) lie outside this board's RAM");
	return report_summary();
}
