/*
 * run-kut's verdicts: a VMM's status and the guest's console to PASS, FAIL
 * or SKIP as kvm-unit-tests' runner gives them; and the errata environment.
 */
#include "kuterrata.h"
#include "kutverdict.h"
#include "memmap.h"
#include "unit.h"

static void expect(int status, const char *console, const char *why, enum kut_result r,
		   const char *text, const char *name)
{
	struct kut_verdict v;

	kut_verdict(status, console, why, 90, &v);
	check(v.result == r, "%s: %s (got %s)", name, kut_result_name(r),
	      kut_result_name(v.result));
	check_str(v.text, text, "  its words");
}

static void verdicts(void)
{
	static const char pass[] =
		"PASS: selftest: setup: smp\nSUMMARY: 2 tests\n\nEXIT: STATUS=1\n";
	static const char fail[] =
		"FAIL: x\nSUMMARY: 17 tests, 3 unexpected failures\n\nEXIT: STATUS=3\n";
	static const char skip[] = "SKIP: x\nSUMMARY: 1 tests, 1 skipped\n\nEXIT: STATUS=77\n";
	static const char kit[] =
		"PASS: a\nSUMMARY: 9 tests, 0 unexpected failures\nEXIT: STATUS=0\n";

	expect(0, pass, NULL, KUT_PASS, "2 tests", "STATUS=1, QEMU exits 0 (natively)");
	expect(1, pass, NULL, KUT_PASS, "2 tests", "STATUS=1, the VMM exits 1");
	expect(3, fail, NULL, KUT_FAIL, "17 tests, 3 unexpected failures", "STATUS=3");
	expect(77, skip, NULL, KUT_RESULT_SKIP, "1 tests, 1 skipped", "STATUS=77");
	expect(0, kit, NULL, KUT_PASS, "9 tests, 0 unexpected failures",
	       "the kit's own guest, STATUS=0 (run_test_status passes it)");
	expect(0, "EXIT: STATUS=1\nEXIT: STATUS=3\n", NULL, KUT_PASS, "",
	       "the first EXIT line counts");
	expect(0, "SUMMARY: 5 tests\r\nEXIT: STATUS=1\r\n", NULL, KUT_PASS, "5 tests",
	       "CR LF lines");
	expect(0, "SUMMARY: 9 tests\n1\n2\n3\n4\n5\nEXIT: STATUS=1\n", NULL, KUT_PASS, "",
	       "SUMMARY: only among the last five lines");
	expect(0, "xEXIT: STATUS=1\n", NULL, KUT_FAIL, "no 'EXIT: STATUS=n' line; status 0",
	       "EXIT: only at a line's start");
	expect(0, "SUMMARY: 3 tests\n", NULL, KUT_FAIL,
	       "no 'EXIT: STATUS=n' line, 3 tests; status 0", "powered off without an EXIT line");
	expect(0,
	       "INFO: PMU version: 0x2\nUnhandled exception 1 (und)\npc : [<4001c2a4>]\n\nEXIT: "
	       "STATUS=127\n",
	       NULL, KUT_FAIL, "Unhandled exception 1 (und)",
	       "no SUMMARY: the guest's exception line");
	expect(0, "lib/arm/setup.c:205: assert failed: fdt\nEXIT: STATUS=127\n", NULL, KUT_FAIL,
	       "lib/arm/setup.c:205: assert failed: fdt", "no SUMMARY: the guest's assert line");
	expect(BOARD_STATUS_TIMEOUT, pass, NULL, KUT_FAIL, "timeout; duration=90s",
	       "124 is a timeout, whatever the console");
	expect(BOARD_STATUS_STUCK, "", "guest stuck taking exceptions at PC 0x40010a3c", KUT_FAIL,
	       "guest stuck taking exceptions at PC 0x40010a3c", "200: the VMM's words");
	expect(BOARD_STATUS_STUCK, "", NULL, KUT_FAIL, "guest stuck taking exceptions",
	       "200 without words");
	expect(BOARD_STATUS_FAULT, "", "", KUT_FAIL, "the VMM stopped the guest at a fault", "126");
	expect(BOARD_STATUS_RESET, "", NULL, KUT_FAIL, "the guest asked for a reset", "125");
	expect(VMM_STATUS_NOPLATFORM, "", "kvm-runner: no /dev/kvm", KUT_RESULT_SKIP,
	       "kvm-runner: no /dev/kvm", "202: nothing to run on is a skip");
	expect(VMM_STATUS_BADINPUT, "", NULL, KUT_FAIL, "the VMM refused its input", "201");
	expect(VMM_STATUS_FAILED, "", NULL, KUT_FAIL, "the VMM failed", "203");
	expect(128 + 9, pass, NULL, KUT_FAIL, "terminated on SIGKILL", "137: a signal");
	check_str(kut_result_name(KUT_RESULT_SKIP), "SKIP", "result names");
}

static void errata(void)
{
	static const char txt[] = "#---------------:-------------------------------:------------\n"
				  "# commit        : minimum kernel                : summary\n"
				  "9e3f7a296940    : 4.9                           : a\n"
				  "6c7a5dce22b3    : 4.12                          : b\n"
				  "8c58be34494b    : 5.6                           : c\n"
				  "0123456789ab    : 6.1.193                       : d\n";
	char out[512], err[128] = "";

	check(!kut_errata(txt, "6.1.192", out, sizeof(out), err, sizeof(err)),
	      "errata for 6.1.192 (%s)", err);
	check_str(out,
		  "ERRATA_9e3f7a296940=y\nERRATA_6c7a5dce22b3=y\nERRATA_8c58be34494b=y\n"
		  "ERRATA_0123456789ab=n\n",
		  "  each fix the kernel has is y");
	check(!kut_errata(txt, "5.4.286", out, sizeof(out), err, sizeof(err)),
	      "errata for 5.4.286");
	check_str(out,
		  "ERRATA_9e3f7a296940=y\nERRATA_6c7a5dce22b3=y\nERRATA_8c58be34494b=n\n"
		  "ERRATA_0123456789ab=n\n",
		  "  5.4 lacks the 5.6 fix");
	check(!kut_errata(txt, "6.1.0-57-arm64", out, sizeof(out), err, sizeof(err)) &&
		      strstr(out, "ERRATA_0123456789ab=n"),
	      "a Debian release string reads as 6.1.0");
	check(kut_errata(txt, "six", out, sizeof(out), err, sizeof(err)) == -1,
	      "a bad version: refused");
	check_str(err, "kernel version 'six' is not v.p[.s]", "  with its reason");
	check(kut_errata("abcdef012345 : x.y : z\n", "6.1", out, sizeof(out), err, sizeof(err)) ==
		      -1,
	      "a bad minimum version: refused");
	check_str(err, "errata line 1: bad minimum kernel version x.y", "  with its reason");
	check(kut_errata(txt, "6.1", out, 40, err, sizeof(err)) == -1, "output too small: refused");
}

int main(void)
{
	verdicts();
	errata();
	return unit_summary();
}
