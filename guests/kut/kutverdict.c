/* Status and console to PASS/FAIL/SKIP (kutverdict.h). */
#include "kutverdict.h"
#include "memmap.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void say(struct kut_verdict *v, enum kut_result r, const char *fmt, ...)
{
	va_list ap;

	v->result = r;
	va_start(ap, fmt);
	vsnprintf(v->text, sizeof(v->text), fmt, ap);
	va_end(ap);
}

/* The first "EXIT: STATUS=n" line's n, as run_test_status takes it (head -n1); -1 if none. */
static int exit_line(const char *console)
{
	static const char tag[] = "EXIT: STATUS=";

	for (const char *p = console; (p = strstr(p, tag)); p += sizeof(tag) - 1) {
		char *end;
		long n;

		if (p != console && p[-1] != '\n')
			continue;
		n = strtol(p + sizeof(tag) - 1, &end, 10);
		if (end != p + sizeof(tag) - 1 && n >= 0 && n <= 255)
			return (int)n;
	}
	return -1;
}

/* The text of a "SUMMARY: " line among the last five lines (extract_summary). */
static void summary(const char *console, char *out, size_t size)
{
	const char *end = console + strlen(console), *p = end;
	int lines = 0;

	out[0] = '\0';
	if (p > console && p[-1] == '\n')
		p--;
	while (p > console && lines < 5) {
		const char *start = p;

		while (start > console && start[-1] != '\n')
			start--;
		if (!strncmp(start, "SUMMARY: ", 9)) {
			int len = (int)(p - start - 9);

			if (len > 0 && start[9 + len - 1] == '\r')
				len--;
			snprintf(out, size, "%.*s", len, start + 9);
		}
		lines++;
		p = start > console ? start - 1 : console;
	}
}

/*
 * Without a SUMMARY, the guest's own word on why it ended, if it gave one:
 * kvm-unit-tests' "Unhandled exception N (und)" or "assert failed" line.
 */
static void last_words(const char *console, char *out, size_t size)
{
	static const char *const marks[] = {"Unhandled exception", "assert failed"};

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		const char *p = strstr(console, marks[i]), *end;

		if (!p)
			continue;
		while (p > console && p[-1] != '\n')
			p--;
		end = strchr(p, '\n');
		snprintf(out, size, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
		return;
	}
}

/* The VMM's own endings (memmap.h): the guest did not get to its EXIT line. */
static int vmm_ending(int status, const char *why, unsigned timeout_s, struct kut_verdict *v)
{
	const char *w = why && *why ? why : NULL;

	switch (status) {
	case BOARD_STATUS_TIMEOUT:
		say(v, KUT_FAIL, "timeout; duration=%us", timeout_s);
		return 1;
	case BOARD_STATUS_RESET:
		say(v, KUT_FAIL, "%s", w ? w : "the guest asked for a reset");
		return 1;
	case BOARD_STATUS_FAULT:
		say(v, KUT_FAIL, "%s", w ? w : "the VMM stopped the guest at a fault");
		return 1;
	case BOARD_STATUS_STUCK:
		say(v, KUT_FAIL, "%s", w ? w : "guest stuck taking exceptions");
		return 1;
	case VMM_STATUS_NOPLATFORM: /* no KVM, no Hyp mode: the test could not run here */
		say(v, KUT_RESULT_SKIP, "%s", w ? w : "the VMM has no platform to run on");
		return 1;
	case VMM_STATUS_BADINPUT:
	case VMM_STATUS_FAILED:
		say(v, KUT_FAIL, "%s",
		    w				  ? w
		    : status == VMM_STATUS_FAILED ? "the VMM failed"
						  : "the VMM refused its input");
		return 1;
	}
	if (status > 128 && status < 128 + 65) {
		const char *name = sigabbrev_np(status - 128);
		say(v, KUT_FAIL, "terminated on SIG%s", name ? name : "?");
		return 1;
	}
	return 0;
}

void kut_verdict(int status, const char *console, const char *why, unsigned timeout_s,
		 struct kut_verdict *v)
{
	char sum[200];
	int n = exit_line(console);

	summary(console, sum, sizeof(sum));
	if (!sum[0])
		last_words(console, sum, sizeof(sum));
	if (vmm_ending(status, why, timeout_s, v))
		return;
	if (n < 0) {
		say(v, KUT_FAIL, "no 'EXIT: STATUS=n' line%s%s; status %d", sum[0] ? ", " : "", sum,
		    status);
		return;
	}
	say(v, n == 0 || n == 1 ? KUT_PASS : n == 77 ? KUT_RESULT_SKIP : KUT_FAIL, "%s", sum);
}

const char *kut_result_name(enum kut_result r)
{
	return r == KUT_PASS ? "PASS" : r == KUT_FAIL ? "FAIL" : "SKIP";
}
