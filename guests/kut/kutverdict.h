/*
 * A run's verdict, as kvm-unit-tests' runner gives it (runtime.bash run(),
 * arch-run.bash run_test_status): PASS, FAIL or SKIP, and the words in
 * parentheses after the name. The guest's "EXIT: STATUS=n" line decides
 * (n = code << 1 | 1: 1 or 0 pass, 77 skip, else fail); the VMM's own
 * statuses (guests/board/memmap.h) decide when the guest did not finish.
 * Pure C: the host unit tests cover it.
 */
#ifndef KUT_VERDICT_H
#define KUT_VERDICT_H

#include <stddef.h>

enum kut_result { KUT_PASS, KUT_FAIL, KUT_RESULT_SKIP };

struct kut_verdict {
	enum kut_result result;
	char text[256]; /* "2 tests", "timeout; duration=90s"; may be empty */
};

/*
 * status: the VMM's exit status (native: QEMU's); console: the guest's
 * output; why: the VMM's last line on stderr, or NULL; timeout_s: the
 * test's limit, for the timeout text.
 */
void kut_verdict(int status, const char *console, const char *why, unsigned timeout_s,
		 struct kut_verdict *v);

/* "PASS", "FAIL" or "SKIP". */
const char *kut_result_name(enum kut_result r);

#endif
