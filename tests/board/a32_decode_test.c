/* Unit tests: the A32 load/store decoder (words from arm-none-eabi-as). */
#include "a32_decode.h"
#include "unit.h"

static uint32_t regs[16];

static void set_regs(void)
{
	for (unsigned i = 0; i < 16; i++)
		regs[i] = 0x40000000u + 0x100u * i;
	regs[1] = 0x09000000;
	regs[2] = 3;
	regs[11] = 0x09000000;
	regs[15] = 0x40000080; /* the instruction's own address */
}

/* A single load/store: its one access and writeback. */
static void single(uint32_t insn, const char *name, uint32_t addr, unsigned size, unsigned reg,
		   int load, int sext, int wb, uint32_t rn_value)
{
	struct a32_insn d;
	enum a32_error e = a32_decode(insn, regs, &d);

	check(e == A32_OK && d.count == 1, "%s 0x%08x decodes (%s)", name, insn, a32_error_text(e));
	check_str(d.name, name, "name");
	check_eq(d.access[0].addr, addr, "address");
	check_eq(d.access[0].size, size, "size");
	check_eq(d.access[0].reg, reg, "register");
	check_eq(d.access[0].load, load, "load");
	check_eq(d.access[0].sign_extend, sext, "sign extend");
	check_eq(d.writeback, wb, "writeback");
	if (wb)
		check_eq(d.rn_value, rn_value, "new base");
}

static void test_word_byte(void)
{
	single(0xe5cb6000, "STRB", 0x09000000, 1, 6, 0, 0, 0, 0); /* strb r6, [r11] */
	single(0xe5817004, "STR", 0x09000004, 4, 7, 0, 0, 0, 0);  /* str r7, [r1, #4] */
	single(0xe59b8018, "LDR", 0x09000018, 4, 8, 1, 0, 0, 0);  /* ldr r8, [r11, #24] */
	single(0xe5332008, "LDR", 0x40000300 - 8, 4, 2, 1, 0, 1, 0x400002f8);  /* [r3, #-8]! */
	single(0xe483200c, "STR", 0x40000300, 4, 2, 0, 0, 1, 0x4000030c);      /* [r3], #12 */
	single(0xe7554006, "LDRB", 0x40000500 - 0x40000600, 1, 4, 1, 0, 0, 0); /* [r5, -r6] */
	single(0xe7810102, "STR", 0x0900000c, 4, 0, 0, 0, 0, 0); /* [r1, r2, lsl #2] */
	single(0xe7910022, "LDR", 0x09000000, 4, 0, 1, 0, 0, 0); /* [r1, r2, lsr #32] */
	single(0xe79100c2, "LDR", 0x09000001, 4, 0, 1, 0, 0, 0); /* [r1, r2, asr #1] */
	single(0xe7910462, "LDR", 0x09000000 + 0x03000000, 4, 0, 1, 0, 0, 0); /* ror #8 */
	single(0xe59f0008, "LDR", 0x40000080 + 8 + 8, 4, 0, 1, 0, 0, 0);      /* [pc, #8] */
}

static void test_extra(void)
{
	single(0xe1c430b2, "STRH", 0x40000402, 2, 3, 0, 0, 0, 0); /* strh r3, [r4, #2] */
	single(0xe17431b2, "LDRH", 0x40000400 - 18, 2, 3, 1, 0, 1, 0x40000400 - 18);
	single(0xe0d430d1, "LDRSB", 0x40000400, 1, 3, 1, 1, 1, 0x40000401);	/* [r4], #1 */
	single(0xe19a90fb, "LDRSH", 0x40000a00 + 0x09000000, 2, 9, 1, 1, 0, 0); /* [r10, r11] */
	single(0xe01100b2, "LDRH", 0x09000000, 2, 0, 1, 0, 1, 0x08fffffd);	/* [r1], -r2 */
}

/* A block transfer: first address, registers in order, writeback. */
static void multiple(uint32_t insn, const char *name, uint32_t first, uint16_t list, int load,
		     int wb, uint32_t rn_value)
{
	struct a32_insn d;
	enum a32_error e = a32_decode(insn, regs, &d);
	unsigned i = 0, ok = 1;

	check(e == A32_OK, "%s 0x%08x decodes (%s)", name, insn, a32_error_text(e));
	check_str(d.name, name, "name");
	for (unsigned r = 0; r < 16; r++) {
		if (!(list & (1u << r)))
			continue;
		ok &= i < d.count && d.access[i].reg == r && d.access[i].addr == first + 4 * i &&
			d.access[i].size == 4 && d.access[i].load == load;
		i++;
	}
	check(ok && d.count == i, "%s accesses: %u words from 0x%08x in register order", name, i,
	      first);
	check_eq(d.writeback, wb, "writeback");
	if (wb)
		check_eq(d.rn_value, rn_value, "new base");
}

static void test_block(void)
{
	multiple(0xe8810005, "STMIA", 0x09000000, 0x0005, 0, 0, 0); /* stm r1, {r0, r2} */
	multiple(0xe8a10005, "STMIA", 0x09000000, 0x0005, 0, 1, 0x09000008);
	multiple(0xe9810038, "STMIB", 0x09000004, 0x0038, 0, 0, 0);
	multiple(0xe8210018, "STMDA", 0x08fffffc, 0x0018, 0, 1, 0x08fffff8);
	multiple(0xe92d4010, "STMDB", 0x40000d00 - 8, 0x4010, 0, 1, 0x40000d00 - 8); /* push */
	multiple(0xe891000c, "LDMIA", 0x09000000, 0x000c, 1, 0, 0);
	multiple(0xe9b1000c, "LDMIB", 0x09000004, 0x000c, 1, 1, 0x09000008);
	multiple(0xe8110004, "LDMDA", 0x09000000, 0x0004, 1, 0, 0);
	multiple(0xe9117fff, "LDMDB", 0x09000000 - 60, 0x7fff, 1, 0, 0);
	multiple(0xe8a10006, "STMIA", 0x09000000, 0x0006, 0, 1, 0x09000008); /* base lowest */
}

static void expect_error(uint32_t insn, enum a32_error want, const char *what)
{
	struct a32_insn d;
	enum a32_error e = a32_decode(insn, regs, &d);

	check(e == want, "%s 0x%08x refused: %s (got: %s)", what, insn, a32_error_text(want),
	      a32_error_text(e));
}

static void test_refused(void)
{
	expect_error(0xe7910062, A32_ERR_RRX, "ldr r0, [r1, r2, rrx]");
	expect_error(0xe4b10000, A32_ERR_UNPRIVILEGED, "ldrt");
	expect_error(0xe4e10004, A32_ERR_UNPRIVILEGED, "strbt");
	expect_error(0xe0f100f0, A32_ERR_UNPRIVILEGED, "ldrsht");
	expect_error(0xe1c200d0, A32_ERR_DOUBLE, "ldrd");
	expect_error(0xe1c200f0, A32_ERR_DOUBLE, "strd");
	expect_error(0xe8d10004, A32_ERR_USER_REGS, "ldm ^");
	expect_error(0xe591f000, A32_ERR_PC, "ldr pc");
	expect_error(0xe581f000, A32_ERR_PC, "str pc");
	expect_error(0xe791000f, A32_ERR_PC, "ldr r0, [r1, pc]");
	expect_error(0xe4911004, A32_ERR_UNPREDICTABLE, "ldr r1, [r1], #4");
	expect_error(0xe8b10006, A32_ERR_UNPREDICTABLE, "ldm r1!, {r1, r2}");
	expect_error(0xe8a20006, A32_ERR_UNPREDICTABLE, "stm r2!, {r1, r2}");
	expect_error(0xe8910000, A32_ERR_UNPREDICTABLE, "ldm r1, {}");
	expect_error(0xe1910f9f, A32_ERR_NOT_LDST, "ldrex");
	expect_error(0xe1a00001, A32_ERR_NOT_LDST, "mov");
	expect_error(0xe0810312, A32_ERR_NOT_LDST, "add reg-shifted");
	expect_error(0xf5d1f000, A32_ERR_NOT_LDST, "pld");
	expect_error(0xe7e10011, A32_ERR_NOT_LDST, "media (ubfx)");
}

static void test_extend(void)
{
	struct a32_access b = { .size = 1, .sign_extend = true },
			  h = { .size = 2, .sign_extend = true };
	struct a32_access bu = { .size = 1 }, w = { .size = 4, .sign_extend = true };

	check_eq(a32_extend(&b, 0x80), 0xffffff80, "LDRSB extends");
	check_eq(a32_extend(&h, 0x1234fffe), 0xfffffffe, "LDRSH extends");
	check_eq(a32_extend(&bu, 0xffffff90), 0x90, "LDRB zero-extends");
	check_eq(a32_extend(&w, 0x80000000), 0x80000000, "word unchanged");
}

int main(void)
{
	set_regs();
	test_word_byte();
	test_extra();
	test_block();
	test_refused();
	test_extend();
	return unit_summary();
}
