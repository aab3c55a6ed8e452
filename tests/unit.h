/*
 * A tiny host unit-test harness in the style of kvm-unit-tests' reports:
 * each check prints "PASS: name" or "FAIL: name (why)", and unit_summary()
 * prints "SUMMARY: N tests, M failures" and gives the exit status.
 */
#ifndef TESTS_UNIT_H
#define TESTS_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int unit_tests, unit_failures;

static inline void unit_report(int ok, const char *fmt, ...)
{
	va_list ap;
	unit_tests++;
	if (!ok)
		unit_failures++;
	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* check(cond, "name %d", ...): one named predicate. */
#define check(cond, ...) unit_report(!!(cond), __VA_ARGS__)

/* check_eq(actual, expected, "name"): unsigned integers, both shown on failure. */
#define check_eq(a, e, name) \
	do { \
		unsigned long long a_ = (a), e_ = (e); \
		unit_report(a_ == e_, "%s (got 0x%llx, want 0x%llx)", name, a_, e_); \
	} while (0)

/* check_str(actual, expected, "name"): strings, both shown on failure. */
#define check_str(a, e, name) \
	do { \
		const char *a_ = (a), *e_ = (e); \
		int ok_ = a_ && e_ && strcmp(a_, e_) == 0; \
		if (ok_) \
			unit_report(1, "%s", name); \
		else \
			unit_report(0, "%s (got \"%s\", want \"%s\")", name, a_ ? a_ : "(null)", \
				    e_ ? e_ : "(null)"); \
	} while (0)

static inline int unit_summary(void)
{
	printf("SUMMARY: %d tests, %d failures\n", unit_tests, unit_failures);
	return unit_failures || !unit_tests ? 1 : 0;
}

#endif
