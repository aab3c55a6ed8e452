/*
 * vfp: VFP (double and single precision) and Advanced SIMD under a VMM
 * (issue 8). The first use traps when the VMM switches the FPU lazily
 * (HCPTR.TCP10/TCP11; KVM's vfp_guest / kvm_hyp_handle_fpsimd); every
 * result and the FPSCR cumulative flags it leaves must be exactly IEEE 754's
 * (round to nearest, default NaN off, flush-to-zero off: FPSCR = 0).
 * Each operation runs in its own asm block: FPSCR cleared, operands moved in
 * from core registers, one instruction, result and FPSCR moved out.
 */
#include "guest.h"

#define CPACR_CP10_CP11 (0xfu << 20) /* full access to cp10 and cp11 */
#define FPEXC_EN	(1u << 30)
#define FPSCR_IOC	(1u << 0) /* invalid operation */
#define FPSCR_DZC	(1u << 1) /* division by zero */
#define FPSCR_IXC	(1u << 4) /* inexact */
#define FPSCR_FLAGS	0x9fu	  /* IDC and IXC..IOC, cumulative */

/* Double: d0 op d1 -> d2. */
#define F64_OP2(fn, insn) \
	static uint64_t fn(uint64_t a, uint64_t b, uint32_t *fpscr) \
	{ \
		uint64_t r; \
		asm volatile("vmsr fpscr, %[z]\n\tvmov d0, %Q[a], %R[a]\n\t" \
			     "vmov d1, %Q[b], %R[b]\n\t" insn " d2, d0, d1\n\t" \
			     "vmov %Q[r], %R[r], d2\n\tvmrs %[s], fpscr" \
			     : [r] "=&r"(r), [s] "=&r"(*fpscr) \
			     : [a] "r"(a), [b] "r"(b), [z] "r"(0) \
			     : "d0", "d1", "d2"); \
		return r; \
	}
/* Single: s0 op s1 -> s2. */
#define F32_OP2(fn, insn) \
	static uint32_t fn(uint32_t a, uint32_t b, uint32_t *fpscr) \
	{ \
		uint32_t r; \
		asm volatile("vmsr fpscr, %[z]\n\tvmov s0, %[a]\n\tvmov s1, %[b]\n\t" insn \
			     " s2, s0, s1\n\tvmov %[r], s2\n\tvmrs %[s], fpscr" \
			     : [r] "=&r"(r), [s] "=&r"(*fpscr) \
			     : [a] "r"(a), [b] "r"(b), [z] "r"(0) \
			     : "s0", "s1", "s2"); \
		return r; \
	}

F64_OP2(add64, "vadd.f64")
F64_OP2(mul64, "vmul.f64")
F64_OP2(div64, "vdiv.f64")
F32_OP2(add32, "vadd.f32")
F32_OP2(mul32, "vmul.f32")
F32_OP2(div32, "vdiv.f32")

static uint64_t sqrt64(uint64_t a, uint32_t *fpscr)
{
	uint64_t r;

	asm volatile("vmsr fpscr, %[z]\n\tvmov d0, %Q[a], %R[a]\n\tvsqrt.f64 d1, d0\n\t"
		     "vmov %Q[r], %R[r], d1\n\tvmrs %[s], fpscr"
		     : [r] "=&r"(r), [s] "=&r"(*fpscr)
		     : [a] "r"(a), [z] "r"(0)
		     : "d0", "d1");
	return r;
}

static uint32_t sqrt32(uint32_t a, uint32_t *fpscr)
{
	uint32_t r;

	asm volatile("vmsr fpscr, %[z]\n\tvmov s0, %[a]\n\tvsqrt.f32 s1, s0\n\t"
		     "vmov %[r], s1\n\tvmrs %[s], fpscr"
		     : [r] "=&r"(r), [s] "=&r"(*fpscr)
		     : [a] "r"(a), [z] "r"(0)
		     : "s0", "s1");
	return r;
}

/* Conversions: one operand in, one result out, through s0/d0 and s2/d1. */
#define CVT(fn, tin, tout, in, out, insn) \
	static tout fn(tin a, uint32_t *fpscr) \
	{ \
		tout r; \
		asm volatile("vmsr fpscr, %[z]\n\t" in "\n\t" insn "\n\t" out \
			     "\n\tvmrs %[s], fpscr" \
			     : [r] "=&r"(r), [s] "=&r"(*fpscr) \
			     : [a] "r"(a), [z] "r"(0) \
			     : "d0", "d1"); \
		return r; \
	}
#define IN64  "vmov d0, %Q[a], %R[a]"
#define IN32  "vmov s0, %[a]"
#define OUT64 "vmov %Q[r], %R[r], d1"
#define OUT32 "vmov %[r], s2"
CVT(s32_from_f64, uint64_t, uint32_t, IN64, OUT32, "vcvt.s32.f64 s2, d0")     /* toward zero */
CVT(s32_from_f64_rn, uint64_t, uint32_t, IN64, OUT32, "vcvtr.s32.f64 s2, d0") /* FPSCR.RMode */
CVT(f64_from_s32, uint32_t, uint64_t, IN32, OUT64, "vcvt.f64.s32 d1, s0")
CVT(f32_from_f64, uint64_t, uint32_t, IN64, OUT32, "vcvt.f32.f64 s2, d0")
CVT(f64_from_f32, uint32_t, uint64_t, IN32, OUT64, "vcvt.f64.f32 d1, s0")
CVT(u32_from_f32, uint32_t, uint32_t, IN32, OUT32, "vcvt.u32.f32 s2, s0")

static void check64(const char *name, uint64_t got, uint32_t fpscr, uint64_t want, uint32_t flags)
{
	if (!report(got == want && (fpscr & FPSCR_FLAGS) == flags, "%s", name))
		report_info("got 0x%08x%08x, FPSCR 0x%08x", (uint32_t)(got >> 32), (uint32_t)got,
			    fpscr);
}

static void check32(const char *name, uint32_t got, uint32_t fpscr, uint32_t want, uint32_t flags)
{
	if (!report(got == want && (fpscr & FPSCR_FLAGS) == flags, "%s", name))
		report_info("got 0x%08x, FPSCR 0x%08x", got, fpscr);
}

/* IEEE 754 bit patterns. */
#define D_1	0x3ff0000000000000ull
#define D_1_5	0x3ff8000000000000ull
#define D_2	0x4000000000000000ull
#define D_2_25	0x4002000000000000ull
#define D_3	0x4008000000000000ull
#define D_3_75	0x400e000000000000ull
#define D_M0_5	0xbfe0000000000000ull
#define D_M1	0xbff0000000000000ull
#define D_M1_5	0xbff8000000000000ull
#define D_M2_5	0xc004000000000000ull
#define D_M7	0xc01c000000000000ull
#define D_THIRD 0x3fd5555555555555ull /* 1/3 rounded to nearest */
#define D_SQRT2 0x3ff6a09e667f3bcdull
#define D_INF	0x7ff0000000000000ull
#define D_QNAN	0x7ff8000000000000ull /* the default NaN */
#define D_ZERO	0ull
#define F_1	0x3f800000u
#define F_1_5	0x3fc00000u
#define F_2	0x40000000u
#define F_2_25	0x40100000u
#define F_3	0x40400000u
#define F_3_75	0x40700000u
#define F_M0_5	0xbf000000u
#define F_M1	0xbf800000u
#define F_M1_5	0xbfc00000u
#define F_3_375 0x40580000u
#define F_0_5	0x3f000000u
#define F_4	0x40800000u
#define F_THIRD 0x3eaaaaabu
#define F_SQRT2 0x3fb504f3u

static void doubles(void)
{
	uint32_t s;
	uint64_t r;

	r = add64(D_1_5, D_2_25, &s);
	check64("f64: vadd 1.5 + 2.25 = 3.75, exact", r, s, D_3_75, 0);
	r = mul64(D_3, D_M0_5, &s);
	check64("f64: vmul 3 * -0.5 = -1.5, exact", r, s, D_M1_5, 0);
	r = div64(D_1, D_3, &s);
	check64("f64: vdiv 1 / 3 = 0x3fd5555555555555, IXC", r, s, D_THIRD, FPSCR_IXC);
	r = div64(D_1, D_ZERO, &s);
	check64("f64: vdiv 1 / 0 = +inf, DZC", r, s, D_INF, FPSCR_DZC);
	r = sqrt64(D_2, &s);
	check64("f64: vsqrt 2 = 0x3ff6a09e667f3bcd, IXC", r, s, D_SQRT2, FPSCR_IXC);
	r = sqrt64(D_M1, &s);
	check64("f64: vsqrt -1 = default NaN, IOC", r, s, D_QNAN, FPSCR_IOC);
}

static void singles(void)
{
	uint32_t s, r;

	r = add32(F_1_5, F_2_25, &s);
	check32("f32: vadd 1.5 + 2.25 = 3.75, exact", r, s, F_3_75, 0);
	r = mul32(F_3, F_M0_5, &s);
	check32("f32: vmul 3 * -0.5 = -1.5, exact", r, s, F_M1_5, 0);
	r = div32(F_1, F_3, &s);
	check32("f32: vdiv 1 / 3 = 0x3eaaaaab, IXC", r, s, F_THIRD, FPSCR_IXC);
	r = sqrt32(F_2, &s);
	check32("f32: vsqrt 2 = 0x3fb504f3, IXC", r, s, F_SQRT2, FPSCR_IXC);
}

static void conversions(void)
{
	uint32_t s;

	check32("cvt: vcvt.s32.f64 -2.5 = -2 (toward zero), IXC", s32_from_f64(D_M2_5, &s), s,
		(uint32_t)-2, FPSCR_IXC);
	check32("cvt: vcvtr.s32.f64 -2.5 = -2 (nearest, ties to even), IXC",
		s32_from_f64_rn(D_M2_5, &s), s, (uint32_t)-2, FPSCR_IXC);
	check64("cvt: vcvt.f64.s32 -7 = -7.0, exact", f64_from_s32((uint32_t)-7, &s), s, D_M7, 0);
	check32("cvt: vcvt.f32.f64 1/3 = 0x3eaaaaab, IXC", f32_from_f64(D_THIRD, &s), s, F_THIRD,
		FPSCR_IXC);
	check64("cvt: vcvt.f64.f32 -1.5 = -1.5, exact", f64_from_f32(F_M1_5, &s), s, D_M1_5, 0);
	check32("cvt: vcvt.u32.f32 -1 = 0 (saturated), IOC", u32_from_f32(F_M1, &s), s, 0,
		FPSCR_IOC);
}

/* Advanced SIMD on q registers; the lanes go out through vmov. */
static void neon(void)
{
	static const uint32_t a[4] = { 1, 2, 3, 0xffffffff };
	static const uint32_t b[4] = { 10, 20, 30, 2 };
	static const uint32_t fa[4] = { F_1_5, F_M1, F_2, F_3 };
	static const uint32_t fb[4] = { F_2_25, F_M0_5, F_2, F_M0_5 };
	uint32_t sum[4], prod[4], lane0, lane3, dup[4];

	asm volatile(
		"vld1.32 {d0-d1}, [%[a]]\n\tvld1.32 {d2-d3}, [%[b]]\n\t"
		"vadd.i32 q2, q0, q1\n\tvst1.32 {d4-d5}, [%[sum]]\n\t"
		"vld1.32 {d0-d1}, [%[fa]]\n\tvld1.32 {d2-d3}, [%[fb]]\n\t"
		"vmul.f32 q2, q0, q1\n\tvst1.32 {d4-d5}, [%[prod]]\n\t"
		"vmov.32 %[l0], d4[0]\n\tvmov.32 %[l3], d5[1]"
		: [l0] "=&r"(lane0), [l3] "=&r"(lane3)
		: [a] "r"(a), [b] "r"(b), [fa] "r"(fa), [fb] "r"(fb), [sum] "r"(sum), [prod] "r"(prod)
		: "d0", "d1", "d2", "d3", "d4", "d5", "memory");
	report(sum[0] == 11 && sum[1] == 22 && sum[2] == 33 && sum[3] == 1,
	       "neon: vadd.i32 q2 = {1, 2, 3, -1} + {10, 20, 30, 2}, wrapping");
	report(prod[0] == F_3_375 && prod[1] == F_0_5 && prod[2] == F_4 && prod[3] == F_M1_5,
	       "neon: vmul.f32 q2 = {1.5, -1, 2, 3} * {2.25, -0.5, 2, -0.5}");
	report(lane0 == F_3_375 && lane3 == F_M1_5, "neon: vmov.32 of lanes 0 and 3");
	asm volatile("vdup.32 q3, %[v]\n\tvst1.32 {d6-d7}, [%[d]]"
		     :
		     : [v] "r"(0x5a5aa5a5u), [d] "r"(dup)
		     : "d6", "d7", "memory");
	report(dup[0] == 0x5a5aa5a5u && dup[1] == dup[0] && dup[2] == dup[0] && dup[3] == dup[0],
	       "neon: vdup.32 q3 fills all four lanes");
}

/*
 * The registers survive a trap: d16 and d31 (VFPv4-D32) and FPSCR set,
 * then a console line (a UART store per byte: a trap to the VMM, an exit
 * to the KVM runner), then read back.
 */
static void state(void)
{
	uint64_t r16, r31;
	uint32_t s;

	asm volatile("vmov d16, %Q[a], %R[a]\n\tvmov d31, %Q[b], %R[b]"
		     :
		     : [a] "r"(D_M7), [b] "r"(D_SQRT2)
		     : "d16", "d31");
	div64(D_1, D_3, &s); /* leaves FPSCR.IXC; uses d0-d2 only */
	report_info("regs: d16, d31 and FPSCR.IXC set; this line traps");
	asm volatile("vmov %Q[a], %R[a], d16\n\tvmov %Q[b], %R[b], d31\n\tvmrs %[s], fpscr"
		     : [a] "=&r"(r16), [b] "=&r"(r31), [s] "=r"(s));
	report(r16 == D_M7 && r31 == D_SQRT2, "regs: d16 and d31 kept across the trap");
	report((s & FPSCR_FLAGS) == FPSCR_IXC, "regs: FPSCR.IXC kept across the trap");
}

/* Before any VFP instruction: main and this use core registers only. */
static void __attribute__((noinline)) vfp_enable(void)
{
	uint32_t cpacr;

	asm volatile("mrc p15, 0, %0, c1, c0, 2" : "=r"(cpacr)); /* CPACR */
	asm volatile("mcr p15, 0, %0, c1, c0, 2\n\tisb" : : "r"(cpacr | CPACR_CP10_CP11));
	asm volatile("vmsr fpexc, %0" : : "r"(FPEXC_EN)); /* the first VFP access */
}

/* The checks, which the compiler may also give VFP registers to (vpush d8). */
static void __attribute__((noinline)) checks(void)
{
	doubles();
	singles();
	conversions();
	neon();
	state();
}

int main(void)
{
	report_prefix("vfp");
	vfp_enable();
	checks();
	return report_summary();
}
