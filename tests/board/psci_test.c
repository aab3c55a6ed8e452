/*
 * Unit tests: the board's PSCI as KVM answers it (psci.c, psci_cpus.c) on
 * both kernels, every power transition and error code, the SMCCC calls
 * and the function names.
 */
#include "board.h"
#include "unit.h"

static struct board b;
static struct board_desc desc;

/* A board with ncpus vCPUs answering as `as`; STATUS 5 written. */
static void fresh(enum psci_as as, unsigned ncpus)
{
	board_init(&b, NULL, NULL);
	board_desc_default(&desc, BOARD_RAM_SIZE, ncpus);
	board_set_desc(&b, &desc);
	b.psci.as = as;
	b.status = 5;
	b.status_written = true;
}

static struct psci_result on(unsigned cpu, uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	struct psci_call c = { .cpu = cpu, .fn = fn, .a1 = a1, .a2 = a2, .a3 = a3 };
	struct psci_result r;

	board_psci(&b, &c, &r);
	return r;
}

/* One call on a fresh 1-CPU 6.1 board. */
static struct psci_result call(uint32_t fn, uint32_t arg)
{
	fresh(PSCI_AS_KVM_6_1, 1);
	return on(0, fn, arg, 0, 0);
}

static const char *as_name(enum psci_as as) { return as == PSCI_AS_KVM_5_6 ? "5.6" : "6.1"; }

/* PSCI_VERSION and PSCI_FEATURES: KVM's list on each kernel. */
static void test_version_features(enum psci_as as)
{
	static const uint32_t offered[] = { 0x84000000, 0x84000001, 0x84000002, 0x84000003,
					    0x84000004, 0x84000006, 0x84000008, 0x84000009,
					    0x8400000a, 0x80000000 };
	struct psci_result r;

	fresh(as, 2);
	r = on(0, PSCI_VERSION_FN, 0, 0, 0);
	check(r.ret == psci_version(as) && !r.stop && r.known && r.act == PSCI_ACT_NONE,
	      "%s: PSCI_VERSION = 0x%05x", as_name(as), (unsigned)psci_version(as));
	check_eq(psci_version(as), as == PSCI_AS_KVM_5_6 ? 0x10000 : 0x10001, "version value");
	for (uint32_t fn = 0x84000000; fn <= 0x84000014; fn++) {
		bool has = fn == PSCI_SYSTEM_RESET2_FN && as == PSCI_AS_KVM_6_1;

		for (unsigned i = 0; i < sizeof(offered) / sizeof(offered[0]); i++)
			has |= offered[i] == fn;
		r = on(0, PSCI_FEATURES_FN, fn, 0, 0);
		check(r.ret == (has ? 0 : PSCI_RET_NOT_SUPPORTED) && !r.stop,
		      "%s: FEATURES(%s) = %d", as_name(as), psci_fn_name(fn), has ? 0 : -1);
	}
	/* SMC64 ids: 5.6 lists them for any guest; 6.1 refuses them to AArch32 */
	for (uint32_t fn = 0xc4000001; fn <= 0xc4000004; fn += 1) {
		bool has = as == PSCI_AS_KVM_5_6 && fn != 0xc4000002;

		r = on(0, PSCI_FEATURES_FN, fn, 0, 0);
		check_eq(r.ret, has ? 0 : PSCI_RET_NOT_SUPPORTED, psci_fn_name(fn) ?: "C4000002");
	}
	check_eq(on(0, PSCI_FEATURES_FN, SMCCC_VERSION_FN, 0, 0).ret, 0, "FEATURES(SMCCC_VERSION)");
	check_eq(on(0, PSCI_FEATURES_FN, 0x8400ffff, 0, 0).ret, PSCI_RET_NOT_SUPPORTED,
		 "FEATURES(unknown)");
	check_eq(on(0, PSCI_MIGRATE_INFO_TYPE_FN, 0, 0, 0).ret, PSCI_TOS_MP,
		 "MIGRATE_INFO_TYPE = 2 (Trusted OS MP or absent)");
	check_eq(on(0, PSCI_MIGRATE_FN, 1, 0, 0).ret, PSCI_RET_NOT_SUPPORTED, "MIGRATE: -1");
	check_eq(on(0, PSCI_MIGRATE_INFO_UP_CPU_FN, 0, 0, 0).ret, PSCI_RET_NOT_SUPPORTED,
		 "MIGRATE_INFO_UP_CPU: -1");
	check_eq(on(0, PSCI_SYSTEM_SUSPEND_FN, 0x40000000, 0, 0).ret, PSCI_RET_NOT_SUPPORTED,
		 "SYSTEM_SUSPEND: -1 (no KVM_CAP_ARM_SYSTEM_SUSPEND)");
}

/* CPU_ON, AFFINITY_INFO, CPU_OFF: every transition of psci.h's diagram. */
static void test_cpu_on_off(enum psci_as as)
{
	struct psci_result r;
	const char *k = as_name(as);

	fresh(as, 4);
	check(b.psci.power[0] == PSCI_POWER_ON && b.psci.power[1] == PSCI_POWER_OFF &&
		      b.psci.power[3] == PSCI_POWER_OFF,
	      "%s: reset: CPU 0 on, the secondaries off", k);
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 1, 0, 0).ret, PSCI_AFFINITY_OFF,
		 "AFFINITY_INFO(1) off");
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 0, 0, 0).ret, PSCI_AFFINITY_ON,
		 "AFFINITY_INFO(0) on");

	r = on(0, PSCI_CPU_ON_FN, 1, 0x40001000, 0xc0ffee);
	check(r.ret == 0 && r.act == PSCI_ACT_CPU_ON && r.target == 1 && r.entry == 0x40001000 &&
		      !r.thumb && r.context_id == 0xc0ffee && !r.stop,
	      "%s: CPU_ON(1): start CPU 1 at the entry, r0 = context id", k);
	check(b.psci.power[1] == PSCI_POWER_ON_PENDING, "OFF -> ON_PENDING");
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 1, 0, 0).ret, PSCI_AFFINITY_ON,
		 "AFFINITY_INFO(pending) = ON, as KVM (power_off already false)");
	r = on(0, PSCI_CPU_ON_FN, 1, 0x40001000, 0);
	check(r.ret == PSCI_RET_ALREADY_ON && r.act == PSCI_ACT_NONE,
	      "CPU_ON(pending) = ALREADY_ON (-4): KVM never answers ON_PENDING");
	psci_cpu_entered(&b.psci, 1);
	check(b.psci.power[1] == PSCI_POWER_ON, "ON_PENDING -> ON when the VMM enters it");
	psci_cpu_entered(&b.psci, 2);
	check(b.psci.power[2] == PSCI_POWER_OFF, "entered without CPU_ON: stays off");
	check_eq(on(1, PSCI_CPU_ON_FN, 1, 0x40001000, 0).ret, PSCI_RET_ALREADY_ON,
		 "CPU_ON(itself) = ALREADY_ON");
	check_eq(on(1, PSCI_CPU_ON_FN, 0, 0x40001000, 0).ret, PSCI_RET_ALREADY_ON,
		 "CPU_ON(boot CPU) = ALREADY_ON");
	check_eq(on(0, PSCI_CPU_ON_FN, 4, 0x40001000, 0).ret, PSCI_RET_INVALID_PARAMS,
		 "CPU_ON(absent MPIDR 4) = INVALID_PARAMETERS (-2)");
	check_eq(on(0, PSCI_CPU_ON_FN, 0x100, 0x40001000, 0).ret, PSCI_RET_INVALID_PARAMS,
		 "CPU_ON(Aff1 = 1, absent) = -2");

	r = on(0, PSCI_CPU_ON_FN, 2, 0x40002001, 7);
	check(r.ret == 0 && r.target == 2 && r.entry == 0x40002000 && r.thumb,
	      "CPU_ON with entry bit 0 set: Thumb, bit 0 cleared (kvm_reset_vcpu)");
	r = on(0, PSCI_CPU_ON_FN, 0x80000003, 0x40003000, 0);
	if (as == PSCI_AS_KVM_5_6)
		check(r.ret == 0 && r.target == 3, "5.6: CPU_ON(0x80000003): M bit masked off, on");
	else
		check(r.ret == PSCI_RET_INVALID_PARAMS,
		      "6.1: CPU_ON(0x80000003) = -2 (kvm_psci_valid_affinity)");
	r = on(0, PSCI_CPU_ON64_FN, 3, 0x40003000, 0);
	check_eq(r.ret, as == PSCI_AS_KVM_5_6 ? PSCI_RET_ALREADY_ON : PSCI_RET_NOT_SUPPORTED,
		 "CPU_ON_64 from AArch32: 5.6 treats as CPU_ON, 6.1 -1");

	r = on(1, PSCI_CPU_OFF_FN, 0, 0, 0);
	check(r.act == PSCI_ACT_CPU_OFF && !r.stop && !b.stopped &&
		      b.psci.power[1] == PSCI_POWER_OFF,
	      "%s: CPU_OFF(1): ON -> OFF, the run goes on", k);
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 1, 0, 0).ret, PSCI_AFFINITY_OFF,
		 "AFFINITY_INFO after CPU_OFF = OFF");
	r = on(0, PSCI_CPU_ON_FN, 1, 0x40004000, 9);
	check(r.ret == 0 && r.entry == 0x40004000 && r.context_id == 9,
	      "CPU_ON again after CPU_OFF: a new entry");
}

/* AFFINITY_INFO's levels and bad arguments (kvm_psci_vcpu_affinity_info). */
static void test_affinity_levels(enum psci_as as)
{
	struct psci_result r;

	fresh(as, 2);
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 2, 0, 0).ret, PSCI_RET_INVALID_PARAMS,
		 "AFFINITY_INFO(absent MPIDR 2) = INVALID_PARAMETERS (-2)");
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 0, 4, 0).ret, PSCI_RET_INVALID_PARAMS,
		 "AFFINITY_INFO(level 4) = -2");
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 1, 1, 0).ret, PSCI_AFFINITY_ON,
		 "level 1: cluster 0 has CPU 0 on: ON");
	check_eq(on(0, PSCI_AFFINITY_INFO_FN, 0x100, 1, 0).ret, PSCI_RET_INVALID_PARAMS,
		 "level 1: absent cluster 1 = -2");
	r = on(0, PSCI_AFFINITY_INFO_FN, 0, 3, 0);
	check_eq(r.ret, as == PSCI_AS_KVM_5_6 ? PSCI_RET_INVALID_PARAMS : PSCI_AFFINITY_ON,
		 "level 3: -2 on 32-bit ARM (no Aff3 in its MPIDR_HWID_BITMASK), ON on arm64");
	r = on(0, PSCI_AFFINITY_INFO_FN, 0x80000001, 0, 0);
	check_eq(r.ret, as == PSCI_AS_KVM_5_6 ? PSCI_AFFINITY_OFF : PSCI_RET_INVALID_PARAMS,
		 "affinity with the M bit: 5.6 ignores it, 6.1 -2");
	check_eq(on(0, PSCI_AFFINITY_INFO64_FN, 1, 0, 0).ret,
		 as == PSCI_AS_KVM_5_6 ? PSCI_AFFINITY_OFF : PSCI_RET_NOT_SUPPORTED,
		 "AFFINITY_INFO_64 from AArch32: 5.6 answers, 6.1 -1");
}

/* CPU_SUSPEND, SYSTEM_OFF, SYSTEM_RESET(2), the last CPU_OFF. */
static void test_suspend_and_system(enum psci_as as)
{
	struct psci_result r;
	const char *k = as_name(as);

	fresh(as, 2);
	r = on(0, PSCI_CPU_SUSPEND_FN, 0x00010000, 0x40005000, 0);
	check(r.ret == 0 && r.act == PSCI_ACT_SUSPEND && !r.stop &&
		      b.psci.power[0] == PSCI_POWER_ON,
	      "%s: CPU_SUSPEND (power-down too) = WFI, state kept, 0 (kvm_psci_vcpu_suspend)", k);

	on(0, PSCI_CPU_ON_FN, 1, 0x40001000, 0);
	r = on(0, PSCI_CPU_OFF_FN, 0, 0, 0);
	check(r.act == PSCI_ACT_CPU_OFF && !r.stop, "CPU_OFF of the boot CPU, CPU 1 still on");
	r = on(1, PSCI_CPU_OFF_FN, 0, 0, 0);
	check(r.stop && r.status == 5 && b.stopped, "the last CPU_OFF ends the run with STATUS");

	fresh(as, 2);
	on(0, PSCI_CPU_ON_FN, 1, 0x40001000, 0);
	r = on(1, PSCI_SYSTEM_OFF_FN, 0, 0, 0);
	check(r.stop && r.status == 5 && r.ret == PSCI_RET_INTERNAL_FAILURE &&
		      b.psci.power[0] == PSCI_POWER_OFF && b.psci.power[1] == PSCI_POWER_OFF,
	      "%s: SYSTEM_OFF from CPU 1: all off, STATUS, r0 preloaded -6", k);
	fresh(as, 2);
	r = on(0, PSCI_SYSTEM_RESET_FN, 0, 0, 0);
	check(r.stop && r.status == BOARD_STATUS_RESET && b.psci.power[0] == PSCI_POWER_OFF,
	      "SYSTEM_RESET: all off, status 125");

	fresh(as, 1);
	r = on(0, PSCI_SYSTEM_RESET2_FN, 1, 0, 0);
	check(as == PSCI_AS_KVM_5_6 ? r.ret == PSCI_RET_NOT_SUPPORTED && !r.stop
				    : r.ret == PSCI_RET_INVALID_PARAMS && !r.stop,
	      "SYSTEM_RESET2(type 1): 5.6 -1, 6.1 -2 (not warm, not vendor)");
	r = on(0, PSCI_SYSTEM_RESET2_FN, 0x80000001, 0, 0);
	check(as == PSCI_AS_KVM_5_6 ? !r.stop : r.stop && r.status == BOARD_STATUS_RESET,
	      "SYSTEM_RESET2(vendor type): 6.1 resets");
	fresh(as, 1);
	r = on(0, PSCI_SYSTEM_RESET2_FN, 0, 0, 0);
	check(as == PSCI_AS_KVM_5_6 ? !r.stop : r.stop, "SYSTEM_RESET2(warm): 6.1 resets");
}

static void test_smccc(void)
{
	struct psci_result r;

	check_eq(call(SMCCC_VERSION_FN, 0).ret, 0x00010001, "SMCCC_VERSION 1.1");
	check_eq(call(SMCCC_ARCH_FEATURES_FN, SMCCC_ARCH_WORKAROUND_1_FN).ret, 0,
		 "ARCH_FEATURES(WORKAROUND_1) = 0");
	check_eq(call(SMCCC_ARCH_FEATURES_FN, 0x80007fff).ret, PSCI_RET_NOT_SUPPORTED,
		 "ARCH_FEATURES(WORKAROUND_2) not supported");
	r = call(SMCCC_ARCH_WORKAROUND_1_FN, 0);
	check(r.ret == 0 && !r.stop && r.known, "WORKAROUND_1 is a no-op returning 0");
	r = call(PSCI_VERSION_FN, 0);
	check(r.ret == PSCI_BOARD_VERSION && r.known, "the board's default answers as 6.1 (1.1)");
	check_str(r.name, "PSCI_VERSION", "name");
}

static void test_unsupported(void)
{
	static const uint32_t ids[] = { 0x84000005, 0x8400000e, 0xc4000003, 0x8400ffff,
					0x00000000, 0xffffffff, 0x80000002 };
	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct psci_result r = call(ids[i], 0);
		check(r.ret == 0xffffffff && !r.stop && !r.known && !b.stopped,
		      "0x%08x returns -1, no stop", (unsigned)ids[i]);
	}
	check_str(call(0x8400ffff, 0).name, "UNKNOWN", "unknown id named UNKNOWN");
	check_str(call(0x84000005, 0).name, "MIGRATE", "unsupported but named");
}

/* board_psci_answer: board_psci's answer for every id around the known ones, no name. */
static void test_answer_matches(void)
{
	static const uint32_t bases[] = { 0x80000000, 0x80003ff0, 0x80007ff0,
					  0x80008000, 0x84000000, 0xc4000000 };
	struct board b2;

	for (unsigned i = 0; i < sizeof(bases) / sizeof(bases[0]); i++)
		for (uint32_t fn = bases[i]; fn < bases[i] + 0x20; fn++) {
			struct psci_result full = call(fn, SMCCC_ARCH_WORKAROUND_1_FN), lean;
			struct psci_call c = { .fn = fn, .a1 = SMCCC_ARCH_WORKAROUND_1_FN };

			board_init(&b2, NULL, NULL);
			b2.status = 5;
			b2.status_written = true;
			board_psci_answer(&b2, &c, &lean);
			check(lean.ret == full.ret && lean.stop == full.stop &&
				      lean.status == full.status && lean.known == full.known &&
				      lean.act == full.act && b2.stopped == b.stopped &&
				      lean.name == NULL,
			      "0x%08x: the same answer, no name", (unsigned)fn);
		}
}

static void test_names(void)
{
	static const struct {
		uint32_t fn;
		const char *name;
	} names[] = {
		{ 0x84000000, "PSCI_VERSION" },
		{ 0x84000001, "CPU_SUSPEND" },
		{ 0xc4000001, "CPU_SUSPEND_64" },
		{ 0x84000002, "CPU_OFF" },
		{ 0x84000003, "CPU_ON" },
		{ 0xc4000003, "CPU_ON_64" },
		{ 0x84000004, "AFFINITY_INFO" },
		{ 0x84000005, "MIGRATE" },
		{ 0x84000006, "MIGRATE_INFO_TYPE" },
		{ 0x84000007, "MIGRATE_INFO_UP_CPU" },
		{ 0x84000008, "SYSTEM_OFF" },
		{ 0x84000009, "SYSTEM_RESET" },
		{ 0x8400000a, "PSCI_FEATURES" },
		{ 0x8400000e, "SYSTEM_SUSPEND" },
		{ 0x84000012, "SYSTEM_RESET2" },
		{ 0x80000000, "SMCCC_VERSION" },
		{ 0x80000001, "SMCCC_ARCH_FEATURES" },
		{ 0x80008000, "SMCCC_ARCH_WORKAROUND_1" },
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
		      !psci_fn_is_psci(0x80000000) && !psci_fn_is_psci(0x84000020),
	      "psci_fn_is_psci");
}

int main(void)
{
	for (int as = PSCI_AS_KVM_5_6; as <= PSCI_AS_KVM_6_1; as++) {
		test_version_features((enum psci_as)as);
		test_cpu_on_off((enum psci_as)as);
		test_affinity_levels((enum psci_as)as);
		test_suspend_and_system((enum psci_as)as);
	}
	test_smccc();
	test_unsupported();
	test_answer_matches();
	test_names();
	return unit_summary();
}
