/*
 * ldst: every single-register load and store form against the board's
 * device registers, and its result checked in the registers (issue 8).
 * The UART's IBRD (16 bits that read back) takes the widths and signs; FR
 * (0x90, read-only) a signed byte; LCR_H, CR, IFLS and IMSC a word each.
 *   A32 and T32 (16- and 32-bit encodings), offset forms: the data abort
 *   carries a valid syndrome (HSR ISV=1: size, sign, register), which the
 *   VMM (KVM's io_mem_abort, KVM_EXIT_MMIO) hands to the board;
 *   A32 pre- and post-indexed forms: writeback leaves ISV=0 (ARM DDI 0406C
 *   B3.13.6), so the VMM decodes the instruction itself (a32_decode.c;
 *   KVM_EXIT_ARM_NISV on KVM) and must write the base register back.
 * Every value lies in the bits a PL011 implements, so that QEMU's PL011
 * (which keeps all 32) and the board's (uart.c) read back the same.
 */
#include "guest.h"

#define UART	 BOARD_UART_BASE
#define FR	 0x18
#define IBRD	 0x24
#define LCR_H	 0x2c
#define CR	 0x30
#define IFLS	 0x34
#define IMSC	 0x38
#define FR_RESET 0x90u	/* TXFE | RXFE */
#define CR_ON	 0x301u /* UARTEN TXE RXE: keep the console on */

static void check(const char *name, uint32_t got, uint32_t want)
{
	if (!report(got == want, "%s", name))
		report_info("got 0x%08x, want 0x%08x", got, want);
}

/* A load: asm with %[r] out, %[b] base, %[o] offset register. */
#define LD(name, insn, base, off, want) \
	do { \
		uint32_t r_, b_ = (base), o_ = (off); \
		asm volatile(insn : [r] "=&r"(r_) : [b] "r"(b_), [o] "r"(o_) : "memory"); \
		check(name, r_, want); \
	} while (0)

/* A store of val, then IBRD (or reg) read back as a word. */
#define ST(name, insn, base, off, val, reg, want) \
	do { \
		uint32_t b_ = (base), o_ = (off), v_ = (val); \
		asm volatile(insn : : [v] "r"(v_), [b] "r"(b_), [o] "r"(o_) : "memory"); \
		check(name, readl(UART + (reg)), want); \
	} while (0)

/* Writeback forms: %[b] in and out; the base's final value checked too. */
#define LDWB(name, insn, base, off, want, base_want) \
	do { \
		uint32_t r_, b_ = (base), o_ = (off); \
		asm volatile(insn : [r] "=&r"(r_), [b] "+r"(b_) : [o] "r"(o_) : "memory"); \
		check(name, r_, want); \
		check(name " (base written back)", b_, base_want); \
	} while (0)
#define STWB(name, insn, base, off, val, want, base_want) \
	do { \
		uint32_t b_ = (base), o_ = (off), v_ = (val); \
		asm volatile(insn : [b] "+r"(b_) : [v] "r"(v_), [o] "r"(o_) : "memory"); \
		check(name, readl(UART + IBRD), want); \
		check(name " (base written back)", b_, base_want); \
	} while (0)

static void a32_offsets(void)
{
	writel(UART + IBRD, 0x8081);
	LD("a32: ldr imm", "ldr %[r], [%[b], #0x24]", UART, 0, 0x8081);
	LD("a32: ldr -imm", "ldr %[r], [%[b], #-0x24]", UART + 2 * IBRD, 0, 0x8081);
	LD("a32: ldr reg", "ldr %[r], [%[b], %[o]]", UART, IBRD, 0x8081);
	LD("a32: ldr -reg", "ldr %[r], [%[b], -%[o]]", UART + 2 * IBRD, IBRD, 0x8081);
	LD("a32: ldr reg, lsl #2", "ldr %[r], [%[b], %[o], lsl #2]", UART, IBRD / 4, 0x8081);
	LD("a32: ldrb imm", "ldrb %[r], [%[b], #0x24]", UART, 0, 0x81);
	LD("a32: ldrb reg", "ldrb %[r], [%[b], %[o]]", UART, IBRD, 0x81);
	LD("a32: ldrh imm", "ldrh %[r], [%[b], #0x24]", UART, 0, 0x8081);
	LD("a32: ldrh reg", "ldrh %[r], [%[b], %[o]]", UART, IBRD, 0x8081);
	LD("a32: ldrsb imm: 0x81 sign-extended", "ldrsb %[r], [%[b], #0x24]", UART, 0, 0xffffff81);
	LD("a32: ldrsb reg", "ldrsb %[r], [%[b], %[o]]", UART, IBRD, 0xffffff81);
	LD("a32: ldrsh imm: 0x8081 sign-extended", "ldrsh %[r], [%[b], #0x24]", UART, 0,
	   0xffff8081);
	LD("a32: ldrsh reg", "ldrsh %[r], [%[b], %[o]]", UART, IBRD, 0xffff8081);
	LD("a32: ldrsb FR: 0x90 sign-extended", "ldrsb %[r], [%[b], #0x18]", UART, 0, 0xffffff90);
	LD("a32: ldrsh FR: 0x0090 stays positive", "ldrsh %[r], [%[b], %[o]]", UART, FR, FR_RESET);

	ST("a32: str imm", "str %[v], [%[b], #0x24]", UART, 0, 0x1234, IBRD, 0x1234);
	ST("a32: str -reg", "str %[v], [%[b], -%[o]]", UART + 2 * IBRD, IBRD, 0x4321, IBRD, 0x4321);
	ST("a32: strh imm", "strh %[v], [%[b], #0x24]", UART, 0, 0xfedc, IBRD, 0xfedc);
	ST("a32: strh reg", "strh %[v], [%[b], %[o]]", UART, IBRD, 0x00c3, IBRD, 0x00c3);
	ST("a32: strb imm: zero-extended into IBRD", "strb %[v], [%[b], #0x24]", UART, 0, 0x1a5,
	   IBRD, 0xa5);
	ST("a32: strb reg, lsl #2", "strb %[v], [%[b], %[o], lsl #2]", UART, IBRD / 4, 0x5a, IBRD,
	   0x5a);
	ST("a32: str LCR_H", "str %[v], [%[b], #0x2c]", UART, 0, 0x70, LCR_H, 0x70);
	ST("a32: str CR", "str %[v], [%[b], %[o]]", UART, CR, CR_ON, CR, CR_ON);
	ST("a32: str IFLS", "str %[v], [%[b], #0x34]", UART, 0, 0x24, IFLS, 0x24);
	ST("a32: str IMSC", "str %[v], [%[b], %[o]]", UART, IMSC, 0x50, IMSC, 0x50);
	writel(UART + IMSC, 0);
	writel(UART + IFLS, 0x12);
}

static void a32_writeback(void)
{
	writel(UART + IBRD, 0x8081);
	LDWB("a32: ldr pre-indexed imm", "ldr %[r], [%[b], #0x24]!", UART, 0, 0x8081, UART + IBRD);
	LDWB("a32: ldr post-indexed imm", "ldr %[r], [%[b]], #4", UART + IBRD, 0, 0x8081,
	     UART + IBRD + 4);
	LDWB("a32: ldr post-indexed reg", "ldr %[r], [%[b]], %[o]", UART + IBRD, 8, 0x8081,
	     UART + IBRD + 8);
	LDWB("a32: ldrb pre-indexed reg", "ldrb %[r], [%[b], %[o]]!", UART, IBRD, 0x81,
	     UART + IBRD);
	LDWB("a32: ldrh post-indexed imm", "ldrh %[r], [%[b]], #-2", UART + IBRD, 0, 0x8081,
	     UART + IBRD - 2);
	LDWB("a32: ldrsb pre-indexed imm", "ldrsb %[r], [%[b], #0x24]!", UART, 0, 0xffffff81,
	     UART + IBRD);
	LDWB("a32: ldrsh post-indexed reg", "ldrsh %[r], [%[b]], %[o]", UART + IBRD, 2, 0xffff8081,
	     UART + IBRD + 2);
	STWB("a32: str pre-indexed imm", "str %[v], [%[b], #0x24]!", UART, 0, 0x2468, 0x2468,
	     UART + IBRD);
	STWB("a32: strh post-indexed imm", "strh %[v], [%[b]], #2", UART + IBRD, 0, 0x9bdf, 0x9bdf,
	     UART + IBRD + 2);
	STWB("a32: strb pre-indexed reg", "strb %[v], [%[b], %[o]]!", UART, IBRD, 0x3c, 0x3c,
	     UART + IBRD);
}

/*
 * T32: the same offset forms, in 16-bit (.n, low registers: "l") and 32-bit
 * (.w) encodings; a 16-bit one traps with HSR.IL = 0, so the VMM must skip
 * 2 bytes. The writeback forms have no T32 decoder in the kit (ISV=0).
 */
#define TLD(name, insn, base, off, want) \
	do { \
		uint32_t r_, b_ = (base), o_ = (off); \
		asm volatile(insn : [r] "=&l"(r_) : [b] "l"(b_), [o] "l"(o_) : "memory"); \
		check(name, r_, want); \
	} while (0)
#define TST(name, insn, base, off, val, want) \
	do { \
		uint32_t b_ = (base), o_ = (off), v_ = (val); \
		asm volatile(insn : : [v] "l"(v_), [b] "l"(b_), [o] "l"(o_) : "memory"); \
		check(name, readl(UART + IBRD), want); \
	} while (0)

static void __attribute__((target("thumb"), noinline)) t32(void)
{
	writel(UART + IBRD, 0x8081);
	TLD("t32: ldr.n imm", "ldr.n %[r], [%[b], #0x24]", UART, 0, 0x8081);
	TLD("t32: ldr.n reg", "ldr.n %[r], [%[b], %[o]]", UART, IBRD, 0x8081);
	TLD("t32: ldrh.n imm", "ldrh.n %[r], [%[b], #0x24]", UART, 0, 0x8081);
	TLD("t32: ldrb.n imm", "ldrb.n %[r], [%[b], #0]", UART + IBRD, 0, 0x81);
	TLD("t32: ldrsb.n reg", "ldrsb.n %[r], [%[b], %[o]]", UART, IBRD, 0xffffff81);
	TLD("t32: ldrsh.n reg", "ldrsh.n %[r], [%[b], %[o]]", UART, IBRD, 0xffff8081);
	TLD("t32: ldr.w imm12", "ldr.w %[r], [%[b], #0x24]", UART, 0, 0x8081);
	TLD("t32: ldr.w -imm8", "ldr.w %[r], [%[b], #-0x24]", UART + 2 * IBRD, 0, 0x8081);
	TLD("t32: ldr.w reg, lsl #2", "ldr.w %[r], [%[b], %[o], lsl #2]", UART, IBRD / 4, 0x8081);
	TLD("t32: ldrb.w imm12", "ldrb.w %[r], [%[b], #0x24]", UART, 0, 0x81);
	TLD("t32: ldrh.w reg", "ldrh.w %[r], [%[b], %[o]]", UART, IBRD, 0x8081);
	TLD("t32: ldrsb.w imm12", "ldrsb.w %[r], [%[b], #0x24]", UART, 0, 0xffffff81);
	TLD("t32: ldrsh.w imm12", "ldrsh.w %[r], [%[b], #0x24]", UART, 0, 0xffff8081);
	TLD("t32: ldrsb.w FR", "ldrsb.w %[r], [%[b], #0x18]", UART, 0, 0xffffff90);

	TST("t32: str.n imm", "str.n %[v], [%[b], #0x24]", UART, 0, 0x1357, 0x1357);
	TST("t32: strh.n imm", "strh.n %[v], [%[b], #0x24]", UART, 0, 0xeca8, 0xeca8);
	TST("t32: strb.n reg", "strb.n %[v], [%[b], %[o]]", UART, IBRD, 0x77, 0x77);
	TST("t32: str.w imm12", "str.w %[v], [%[b], #0x24]", UART, 0, 0x0246, 0x0246);
	TST("t32: strh.w -imm8", "strh.w %[v], [%[b], #-0x24]", UART + 2 * IBRD, 0, 0x8642, 0x8642);
	TST("t32: strb.w reg", "strb.w %[v], [%[b], %[o]]", UART, IBRD, 0x1e1, 0xe1);
}

int main(void)
{
	report_prefix("ldst");
	a32_offsets();
	a32_writeback();
	t32();
	writel(UART + IBRD, 0);
	return report_summary();
}
