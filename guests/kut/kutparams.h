/*
 * The values of a unittests.cfg test, read without a shell: kvm-unit-tests'
 * runner hands them to bash's eval; the kit splits and unquotes them itself
 * and refuses what would need a shell (command substitution, variables).
 * Pure C: the host unit tests cover it.
 */
#ifndef KUT_PARAMS_H
#define KUT_PARAMS_H

#include <stddef.h>

#define KUT_MAX_WORDS 32
#define KUT_WORD_MAX 256

struct kut_words {
	char w[KUT_MAX_WORDS][KUT_WORD_MAX];
	int n;
};

/*
 * Splits s into words as the shell does: blanks separate, '...' and "..."
 * quote, a backslash escapes one character. Returns 0, or -1 with a reason
 * in err (an open quote, `...`, $, too many or too long words).
 */
int kut_split(const char *s, struct kut_words *out, char *err, size_t errlen);

/*
 * Evaluates an smp value: a number, $MAX_SMP, or shell arithmetic
 * "$((...))" over numbers and MAX_SMP with ?:, comparisons, + - * / and
 * parentheses, as unittests.cfg writes $((($MAX_SMP < 8)?$MAX_SMP:8)).
 * Returns 0 with *out, or -1 with a reason in err.
 */
int kut_eval_smp(const char *expr, int max_smp, int *out, char *err, size_t errlen);

#endif
