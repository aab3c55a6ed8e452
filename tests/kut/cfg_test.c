/*
 * run-kut's pure part: the unittests.cfg parser, word splitting and the smp
 * arithmetic, and each test's plan under each VMM, on tests/kut/fixtures/
 * unittests.cfg (argv[1]) and on inline cfgs.
 */
#include "kutcfg.h"
#include "kutparams.h"
#include "kutplan.h"
#include "unit.h"

#include <stdlib.h>

static struct kut_cfg cfg;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	static char buf[1 << 16];
	size_t n;

	if (!f) {
		printf("FAIL: cannot read %s\n", path);
		exit(1);
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static const struct kut_test *find(const char *name)
{
	for (int i = 0; i < cfg.n; i++)
		if (!strcmp(cfg.tests[i].name, name))
			return &cfg.tests[i];
	printf("FAIL: no test %s in the fixture\n", name);
	exit(1);
}

static void parse_fixture(const char *path)
{
	char err[256] = "";
	const struct kut_test *t;

	check(kut_cfg_parse(slurp(path), &cfg, err, sizeof(err)) == 0, "fixture parses (%s)", err);
	check_eq(cfg.n, 14, "fixture: 14 tests");
	t = find("setup");
	check_str(t->file, "selftest.flat", "setup: file");
	check_str(t->smp, "2", "setup: smp");
	check_str(t->test_args, "'setup smp=2 mem=256'", "setup: test_args kept as written");
	check_str(t->kvmtool_params, "--mem 256", "setup: kvmtool_params");
	check_eq(t->line, 7, "setup: its line");
	check_str(find("old-setup")->qemu_params, "-m 128 -append 'setup smp=2 mem=128'",
		  "extra_params is read as qemu_params");
	check_str(find("indented")->file, "selftest.flat", "blanks around a line are dropped");
	check_str(find("long")->qemu_params, "-icount 0 -machine gic-version=2",
		  "a \"\"\" value runs over its lines");
	check_str(find("qemu-only")->disabled_if, "[[ \"$TARGET\" != qemu ]]", "disabled_if");
	check(kut_has_word(find("manual")->groups, "nodefault"), "groups: nodefault is a word");
	check(!kut_has_word("nodefaults micro", "nodefault"), "find_word: whole words only");
	check(!kut_has_word("a b", ""), "find_word: an empty word is never found");
}

static void bad_cfgs(void)
{
	static const struct {
		const char *text, *want;
	} bad[] = {
		{ "[a]\nfile = x\n[a]\n", "line 3: test a already named on line 1" },
		{ "[a]\nqemu_params = \"\"\"-m 1\n",
		  "line 2: qemu_params's \"\"\" is never closed" },
		{ "[a b]\n", "line 1: test name \"a b\" holds a space or '/'" },
		{ "[]\n", "line 1: a section is \"[name]\"" },
		{ "[0123456789012345678901234567890123456789012345678901234567890123456789]\n",
		  "line 1: test name longer than 63 characters" },
	};
	char err[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		check(kut_cfg_parse(bad[i].text, &cfg, err, sizeof(err)) == -1, "refused: %s",
		      bad[i].want);
		check_str(err, bad[i].want, "  its reason");
	}
	check(kut_cfg_parse("# keys before any test are ignored\nfile = x\n", &cfg, err,
			    sizeof(err)) == 0 &&
		      cfg.n == 0,
	      "keys outside a test: ignored");
}

static void words(void)
{
	struct kut_words w;
	char err[128] = "";

	check(!kut_split("-m 256 -append 'setup smp=2' \"a b\"c d\\ e", &w, err, sizeof(err)) &&
		      w.n == 6,
	      "split: 6 words (%s)", err);
	check_str(w.w[3], "setup smp=2", "split: '...' quotes");
	check_str(w.w[4], "a bc", "split: \"...\" joins with what follows");
	check_str(w.w[5], "d e", "split: backslash escapes a blank");
	check(!kut_split("  ", &w, err, sizeof(err)) && w.n == 0, "split: blanks only: no word");
	check(kut_split("'open", &w, err, sizeof(err)) == -1, "split: an open quote is refused");
	check(kut_split("`echo x`", &w, err, sizeof(err)) == -1, "split: backticks are refused");
	check_str(err, "'`' needs a shell; the kit runs no shell on cfg values",
		  "  with its reason");
	check(kut_split("$HOME", &w, err, sizeof(err)) == -1, "split: $ is refused");
	check(!kut_split("'$HOME'", &w, err, sizeof(err)) && !strcmp(w.w[0], "$HOME"),
	      "split: $ inside '...' is a character");
}

static void smp(void)
{
	static const struct {
		const char *expr;
		int max, want;
	} ok[] = {
		{ "2", 4, 2 },
		{ "$MAX_SMP", 6, 6 },
		{ "$((($MAX_SMP < 8)?$MAX_SMP:8))", 4, 4 },
		{ "$((($MAX_SMP < 8)?$MAX_SMP:8))", 16, 8 },
		{ "$((($MAX_SMP < 3)?$MAX_SMP:3))", 2, 2 },
		{ "$(( MAX_SMP / 2 + 1 ))", 4, 3 },
		{ "$((${MAX_SMP} >= 2 ? 2 : 1))", 1, 1 },
	};
	char err[128];
	int v;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = -1;
		check(!kut_eval_smp(ok[i].expr, ok[i].max, &v, err, sizeof(err)) && v == ok[i].want,
		      "smp %s with MAX_SMP=%d is %d (got %d)", ok[i].expr, ok[i].max, ok[i].want,
		      v);
	}
	static const char *const bad[] = { "", "0", "two", "$((1 < 2)", "$(($NR))", "1 1", "4/0" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check(kut_eval_smp(bad[i], 4, &v, err, sizeof(err)) == -1, "smp '%s' refused",
		      bad[i]);
	check_str(err, "smp = 4/0: not a CPU count the kit can read", "  with its reason");
}

static struct kut_run plan_of(const char *name, const char *vmm, int max_smp)
{
	struct kut_opts o = { .max_smp = max_smp };
	struct kut_run r;

	kut_plan(find(name), kut_vmm_find(vmm), &o, &r);
	return r;
}

static void expect_skip(const char *name, const char *vmm, const char *reason)
{
	struct kut_run r = plan_of(name, vmm, 2);

	check(r.action == KUT_SKIP, "%s on %s: skipped", name, vmm);
	check_str(r.reason, reason, "  because");
}

static void plans(void)
{
	struct kut_run r = plan_of("setup", "native", 2);

	check(r.action == KUT_RUN && r.smp == 2 && r.timeout_s == 90,
	      "setup natively: smp 2, 90 s");
	check_str(r.image, "selftest.flat", "  natively the .flat, as arm/run gives it");
	check_str(r.args, "setup smp=2 mem=256", "  the command line, unquoted");
	check(r.qemu.n == 2 && !strcmp(r.qemu.w[0], "-m") && r.mem_mib == 0,
	      "  qemu_params to QEMU as given");
	r = plan_of("setup", "hyp", 2);
	check(r.action == KUT_RUN && r.smp == 2 && r.mem_mib == 256 && r.qemu.n == 0,
	      "setup on hyp: 2 vCPUs, 256 MiB from kvmtool_params");
	check_str(r.image, "selftest.elf", "  the ELF, linked at its own address");
	r = plan_of("setup", "kvm-armv7", 2);
	check(r.action == KUT_RUN && r.smp == 1, "setup on kvm-armv7: 1 vCPU");
	check_str(r.args, "setup smp=1 mem=256", "  smp= follows the vCPU count");
	check_str(r.note, "run at smp=1, the cfg asks smp=2", "  and the note says so");
	r = plan_of("old-setup", "kvm", 2);
	check(r.action == KUT_RUN && r.mem_mib == 128,
	      "old-setup on kvm: -m 128 from extra_params");
	check_str(r.args, "setup smp=2 mem=128", "  -append is the command line");
	r = plan_of("clamp", "native", 8);
	check(r.action == KUT_RUN && r.smp == 3, "clamp natively, MAX_SMP=8: smp 3");
	expect_skip("clamp", "kvm-armv7", "smp=2: the kit runs 1 vCPU");
	check(plan_of("clamp", "hyp", 8).action == KUT_RUN, "clamp on hyp, MAX_SMP=8: runs");
	check(plan_of("clamp", "kvm", 1).action == KUT_RUN, "clamp on kvm, MAX_SMP=1: runs");
	expect_skip("gicv3", "kvm", "irqchip=gicv3: the kit's board has a GICv2");
	expect_skip("arm64-only", "native", "arm64 only");
	expect_skip("manual", "native", "test marked as manual run only");
	expect_skip("kvm-only", "hyp", "kvm only, but ACCEL=hyp");
	r = plan_of("kvm-only", "kvm", 2);
	check(r.action == KUT_RUN && r.timeout_s == 120,
	      "kvm-only on kvm: runs, timeout 2m = 120 s");
	check(plan_of("qemu-only", "native", 2).action == KUT_RUN, "qemu-only natively: runs");
	expect_skip("qemu-only", "hyp", "disabled because: [[ \"$TARGET\" != qemu ]]");
	expect_skip("long", "hyp", "'-icount': the kit has no such option");
	check(plan_of("long", "native", 2).qemu.n == 4, "long natively: 4 QEMU words");
	expect_skip("shell", "native",
		    "qemu_params: '`' needs a shell; the kit runs no shell on cfg values");
	expect_skip("unknown-option", "kvm", "'--balloon': the kit has no such option");
	expect_skip("checked", "native",
		    "check = /sys/module/kvm/parameters/nested=Y: the kit checks no host files");
	expect_skip("nofile", "native", "no file =");

	struct kut_opts o = { .max_smp = 2, .group = "gic" };
	check(kut_plan(find("setup"), kut_vmm_find("native"), &o, &r) == KUT_FILTERED,
	      "group gic: setup is left out");
	o.group = "micro-bench";
	check(kut_plan(find("manual"), kut_vmm_find("kvm"), &o, &r) == KUT_RUN,
	      "group micro-bench: its nodefault test runs");
	o = (struct kut_opts){ .max_smp = 2, .timeout_s = 5 };
	check(kut_plan(find("arm64-only"), kut_vmm_find("native"), &o, &r) == KUT_SKIP,
	      "--timeout does not undo a skip");
	kut_plan(find("setup"), kut_vmm_find("native"), &o, &r);
	check_eq(r.timeout_s, 5, "--timeout overrides the cfg's");
	check(kut_vmm_find("qemu") == NULL, "an unknown VMM is not found");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		printf("usage: %s FIXTURE.cfg\n", argv[0]);
		return 2;
	}
	parse_fixture(argv[1]);
	words();
	smp();
	plans();
	bad_cfgs();
	return unit_summary();
}
