/*
 * A32 load/store decoding for ISV=0 data aborts (a32_decode.h).
 * Encodings: ARM DDI 0406C, A5.3 (load/store word and unsigned byte),
 * A5.2.8 (extra load/store), A5.5 (block transfer).
 */
#include <stddef.h>
#include "a32_decode.h"

/* clang-format off */
#define BIT(n)		(1u << (n))
#define INSN_P		BIT(24)		/* pre-index (add offset before the access) */
#define INSN_U		BIT(23)		/* add, not subtract */
#define INSN_B		BIT(22)		/* byte (word/byte class) */
#define INSN_I_EXTRA	BIT(22)		/* immediate offset (extra class) */
#define INSN_S_BLOCK	BIT(22)		/* ^: user registers (block class) */
#define INSN_W		BIT(21)		/* writeback */
#define INSN_L		BIT(20)		/* load */
#define INSN_I_WORD	BIT(25)		/* register offset (word/byte class) */
/* clang-format on */

static unsigned field(uint32_t insn, unsigned lsb, unsigned width)
{
	return (insn >> lsb) & ((1u << width) - 1);
}

/* A register as an operand: PC reads as the instruction's address + 8. */
static uint32_t reg_read(const uint32_t regs[16], unsigned r)
{
	return r == 15 ? regs[15] + 8 : regs[r];
}

/* The shifted register offset, A8.4.3; RRX needs the C flag: refused. */
static enum a32_error shifted_offset(uint32_t insn, const uint32_t regs[16], uint32_t *off)
{
	unsigned imm5 = field(insn, 7, 5), type = field(insn, 5, 2);
	uint32_t rm = regs[field(insn, 0, 4)];

	switch (type) {
	case 0: *off = rm << imm5; break;				     /* LSL */
	case 1: *off = imm5 ? rm >> imm5 : 0; break;			     /* LSR #32 */
	case 2: *off = (uint32_t)((int32_t)rm >> (imm5 ? imm5 : 31)); break; /* ASR */
	default:
		if (!imm5)
			return A32_ERR_RRX;
		*off = rm >> imm5 | rm << (32 - imm5); /* ROR */
	}
	return A32_OK;
}

/* Address, writeback and the one access of a single load/store. */
static enum a32_error single(uint32_t insn, const uint32_t regs[16], uint32_t off,
			     struct a32_insn *out)
{
	unsigned rn = field(insn, 16, 4), rt = field(insn, 12, 4);
	bool pre = insn & INSN_P, load = insn & INSN_L;
	uint32_t base = reg_read(regs, rn);
	uint32_t offset_addr = (insn & INSN_U) ? base + off : base - off;
	struct a32_access *a = &out->access[0];

	out->writeback = !pre || (insn & INSN_W);
	if (rt == 15 || (out->writeback && rn == 15))
		return A32_ERR_PC;
	if (out->writeback && load && rn == rt)
		return A32_ERR_UNPREDICTABLE;
	a->addr = pre ? offset_addr : base;
	a->reg = (uint8_t)rt;
	a->load = load;
	out->count = 1;
	out->rn = (uint8_t)rn;
	out->rn_value = offset_addr;
	return A32_OK;
}

/* LDR, STR, LDRB, STRB: A5.3, bits 27:26 = 01. */
static enum a32_error word_or_byte(uint32_t insn, const uint32_t regs[16], struct a32_insn *out)
{
	static const char *const names[4] = { "STR", "LDR", "STRB", "LDRB" };
	bool byte = insn & INSN_B;
	uint32_t off = field(insn, 0, 12);
	enum a32_error e;

	out->name = names[(byte ? 2 : 0) + !!(insn & INSN_L)];
	if (!(insn & INSN_P) && (insn & INSN_W))
		return A32_ERR_UNPRIVILEGED;
	if (insn & INSN_I_WORD) {
		if (field(insn, 0, 4) == 15)
			return A32_ERR_PC;
		e = shifted_offset(insn, regs, &off);
		if (e)
			return e;
	}
	e = single(insn, regs, off, out);
	out->access[0].size = byte ? 1 : 4;
	return e;
}

/* LDRH, STRH, LDRSB, LDRSH: A5.2.8, bits 27:25 = 000, 7 = 1, 4 = 1, 6:5 != 00. */
static enum a32_error extra(uint32_t insn, const uint32_t regs[16], struct a32_insn *out)
{
	unsigned op2 = field(insn, 5, 2);
	bool load = insn & INSN_L;
	uint32_t off;
	enum a32_error e;

	if (op2 == 1)
		out->name = load ? "LDRH" : "STRH";
	else if (load)
		out->name = op2 == 2 ? "LDRSB" : "LDRSH";
	else
		out->name = op2 == 2 ? "LDRD" : "STRD";
	if (op2 != 1 && !load)
		return A32_ERR_DOUBLE;
	if (!(insn & INSN_P) && (insn & INSN_W))
		return A32_ERR_UNPRIVILEGED;
	if (insn & INSN_I_EXTRA) {
		off = field(insn, 8, 4) << 4 | field(insn, 0, 4);
	} else {
		if (field(insn, 0, 4) == 15)
			return A32_ERR_PC;
		off = regs[field(insn, 0, 4)];
	}
	e = single(insn, regs, off, out);
	out->access[0].size = op2 == 2 ? 1 : 2;
	out->access[0].sign_extend = op2 != 1;
	return e;
}

/* LDM, STM: A5.5, bits 27:25 = 100. Lowest register at the lowest address. */
static enum a32_error block(uint32_t insn, const uint32_t regs[16], struct a32_insn *out)
{
	static const char *const names[2][4] = {
		{ "STMDA", "STMIA", "STMDB", "STMIB" },
		{ "LDMDA", "LDMIA", "LDMDB", "LDMIB" },
	};
	unsigned rn = field(insn, 16, 4), list = field(insn, 0, 16), n = 0;
	bool load = insn & INSN_L, up = insn & INSN_U, wb = insn & INSN_W;
	uint32_t addr, base = regs[rn];

	out->name = names[load][field(insn, 23, 2)];
	if (insn & INSN_S_BLOCK)
		return A32_ERR_USER_REGS;
	if (rn == 15 || (list & BIT(15)))
		return A32_ERR_PC;
	if (!list || (wb && load && (list & BIT(rn))) ||
	    (wb && !load && (list & BIT(rn)) && (list & (BIT(rn) - 1))))
		return A32_ERR_UNPREDICTABLE; /* STM: a stored base only if lowest */
	for (unsigned r = 0; r < 16; r++)
		n += !!(list & BIT(r));
	addr = up ? base : base - 4 * n;
	if (!!(insn & INSN_P) == up) /* IB and DA start one word up */
		addr += 4;
	for (unsigned r = 0; r < 16; r++) {
		if (!(list & BIT(r)))
			continue;
		out->access[out->count++] = (struct a32_access){ addr, 4, (uint8_t)r, load, false };
		addr += 4;
	}
	out->writeback = wb;
	out->rn = (uint8_t)rn;
	out->rn_value = up ? base + 4 * n : base - 4 * n;
	return A32_OK;
}

enum a32_error a32_decode(uint32_t insn, const uint32_t regs[16], struct a32_insn *out)
{
	*out = (struct a32_insn){ .name = "?" };
	if (field(insn, 28, 4) == 0xf)
		return A32_ERR_NOT_LDST; /* unconditional space: PLD, SRS, RFE ... */
	if (field(insn, 26, 2) == 1 && !((insn & INSN_I_WORD) && (insn & BIT(4))))
		return word_or_byte(insn, regs, out);
	if (field(insn, 25, 3) == 0 && (insn & BIT(7)) && (insn & BIT(4)) && field(insn, 5, 2))
		return extra(insn, regs, out);
	if (field(insn, 25, 3) == 4)
		return block(insn, regs, out);
	return A32_ERR_NOT_LDST;
}

const char *a32_error_text(enum a32_error e)
{
	static const char *const text[] = {
		[A32_OK] = "ok",
		[A32_ERR_NOT_LDST] = "not a load/store the decoder knows",
		[A32_ERR_UNPRIVILEGED] = "unprivileged load/store (LDRT, STRBT ...) not supported",
		[A32_ERR_DOUBLE] = "LDRD/STRD not supported",
		[A32_ERR_USER_REGS] = "LDM/STM with ^ (user registers) not supported",
		[A32_ERR_PC] =
			"PC as the loaded/stored register or written-back base not supported",
		[A32_ERR_RRX] = "register offset with RRX not supported",
		[A32_ERR_UNPREDICTABLE] = "UNPREDICTABLE encoding",
	};
	if ((unsigned)e >= sizeof(text) / sizeof(text[0]))
		return "unknown decoder error";
	return text[e];
}

uint32_t a32_extend(const struct a32_access *a, uint32_t raw)
{
	if (a->size == 4)
		return raw;
	if (a->size == 2)
		return a->sign_extend ? (uint32_t)(int32_t)(int16_t)raw : raw & 0xffff;
	return a->sign_extend ? (uint32_t)(int32_t)(int8_t)raw : raw & 0xff;
}
