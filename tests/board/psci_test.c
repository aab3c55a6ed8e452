/* Unit tests: the board's PSCI and SMCCC answers and the function names. */
#include "board.h"
#include "unit.h"

static struct board b;

static struct psci_result call(uint32_t fn, uint32_t arg)
{
	struct psci_result r;

	board_init(&b, NULL, NULL);
	b.status = 5;
	b.status_written = true;
	board_psci(&b, fn, arg, &r);
	return r;
}

static void test_answers(void)
{
	struct psci_result r;

	r = call(PSCI_VERSION_FN, 0);
	check(r.ret == 0x00010001 && !r.stop && r.known, "PSCI_VERSION is 1.1");
	check_str(r.name, "PSCI_VERSION", "name");
	for (uint32_t fn = PSCI_VERSION_FN; fn <= 0x84000014; fn++) {
		bool has = fn == PSCI_VERSION_FN || fn == PSCI_FEATURES_FN || fn == PSCI_CPU_OFF_FN ||
			   fn == PSCI_SYSTEM_OFF_FN || fn == PSCI_SYSTEM_RESET_FN;
		r = call(PSCI_FEATURES_FN, fn);
		check_eq(r.ret, has ? 0 : PSCI_RET_NOT_SUPPORTED, psci_fn_name(fn));
	}
	check_eq(call(PSCI_FEATURES_FN, SMCCC_VERSION_FN).ret, 0, "FEATURES(SMCCC_VERSION)");
	check_eq(call(PSCI_FEATURES_FN, 0x8400ffff).ret, PSCI_RET_NOT_SUPPORTED, "FEATURES(unknown)");

	r = call(PSCI_SYSTEM_OFF_FN, 0);
	check(r.stop && r.status == 5 && b.stopped, "SYSTEM_OFF stops with STATUS");
	r = call(PSCI_CPU_OFF_FN, 0);
	check(r.stop && r.status == 5 && b.stopped, "CPU_OFF stops with STATUS");
	r = call(PSCI_SYSTEM_RESET_FN, 0);
	check(r.stop && r.status == BOARD_STATUS_RESET, "SYSTEM_RESET stops with 125");

	check_eq(call(SMCCC_VERSION_FN, 0).ret, 0x00010001, "SMCCC_VERSION 1.1");
	check_eq(call(SMCCC_ARCH_FEATURES_FN, SMCCC_ARCH_WORKAROUND_1_FN).ret, 0,
		 "ARCH_FEATURES(WORKAROUND_1) = 0");
	check_eq(call(SMCCC_ARCH_FEATURES_FN, 0x80007fff).ret, PSCI_RET_NOT_SUPPORTED,
		 "ARCH_FEATURES(WORKAROUND_2) not supported");
	r = call(SMCCC_ARCH_WORKAROUND_1_FN, 0);
	check(r.ret == 0 && !r.stop && r.known, "WORKAROUND_1 is a no-op returning 0");
}

static void test_unsupported(void)
{
	static const uint32_t ids[] = { 0x84000001, 0x84000003, 0x8400000e, 0xc4000003,
					0x8400ffff, 0x00000000, 0xffffffff, 0x80000002 };
	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct psci_result r = call(ids[i], 0);
		check(r.ret == 0xffffffff && !r.stop && !r.known && !b.stopped,
		      "0x%08x returns -1, no stop", (unsigned)ids[i]);
	}
	check_str(call(0x8400ffff, 0).name, "UNKNOWN", "unknown id named UNKNOWN");
	check_str(call(0x84000003, 0).name, "CPU_ON", "unsupported but named");
}

/* board_psci_answer: board_psci's answer for every id around the known ones, no name. */
static void test_answer_matches(void)
{
	static const uint32_t bases[] = { 0x80000000, 0x80003ff0, 0x80007ff0, 0x80008000,
					  0x84000000, 0xc4000000 };
	struct board b2;

	for (unsigned i = 0; i < sizeof(bases) / sizeof(bases[0]); i++)
		for (uint32_t fn = bases[i]; fn < bases[i] + 0x20; fn++) {
			struct psci_result full = call(fn, SMCCC_ARCH_WORKAROUND_1_FN), lean;

			board_init(&b2, NULL, NULL);
			b2.status = 5;
			b2.status_written = true;
			board_psci_answer(&b2, fn, SMCCC_ARCH_WORKAROUND_1_FN, &lean);
			check(lean.ret == full.ret && lean.stop == full.stop &&
			      lean.status == full.status && lean.known == full.known &&
			      b2.stopped == b.stopped && lean.name == NULL,
			      "0x%08x: the same answer, no name", (unsigned)fn);
		}
}

static void test_names(void)
{
	static const struct { uint32_t fn; const char *name; } names[] = {
		{ 0x84000000, "PSCI_VERSION" }, { 0x84000001, "CPU_SUSPEND" },
		{ 0xc4000001, "CPU_SUSPEND_64" }, { 0x84000002, "CPU_OFF" },
		{ 0x84000003, "CPU_ON" }, { 0xc4000003, "CPU_ON_64" },
		{ 0x84000004, "AFFINITY_INFO" }, { 0x84000005, "MIGRATE" },
		{ 0x84000006, "MIGRATE_INFO_TYPE" }, { 0x84000007, "MIGRATE_INFO_UP_CPU" },
		{ 0x84000008, "SYSTEM_OFF" }, { 0x84000009, "SYSTEM_RESET" },
		{ 0x8400000a, "PSCI_FEATURES" }, { 0x8400000e, "SYSTEM_SUSPEND" },
		{ 0x84000012, "SYSTEM_RESET2" }, { 0x80000000, "SMCCC_VERSION" },
		{ 0x80000001, "SMCCC_ARCH_FEATURES" }, { 0x80008000, "SMCCC_ARCH_WORKAROUND_1" },
	};
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		check_str(psci_fn_name(names[i].fn), names[i].name, "function name");
	check(psci_fn_name(0x8400ffff) == NULL, "unknown id: NULL");
	check_str(psci_fn_name(0x84000014), "MEM_PROTECT_CHECK_RANGE", "last SMC32 id");
	check_str(psci_fn_name(0xc4000014), "MEM_PROTECT_CHECK_RANGE_64", "last SMC64 id");
	check_str(psci_fn_name(0x80003fff), "SMCCC_ARCH_WORKAROUND_3", "WORKAROUND_3");
	check(psci_fn_name(0x84000015) == NULL && psci_fn_name(0xc4000015) == NULL &&
	      psci_fn_name(0xc4000000) == NULL && psci_fn_name(0xc4000002) == NULL &&
	      psci_fn_name(0x83ffffff) == NULL && psci_fn_name(0x80008001) == NULL,
	      "ids past the tables and SMC64 gaps: NULL");
	check(psci_fn_is_psci(0x84000008) && psci_fn_is_psci(0xc4000003) &&
	      !psci_fn_is_psci(0x80000000) && !psci_fn_is_psci(0x84000020), "psci_fn_is_psci");
}

int main(void)
{
	test_answers();
	test_unsupported();
	test_answer_matches();
	test_names();
	return unit_summary();
}
