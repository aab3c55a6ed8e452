/* Shell-like word splitting and the smp arithmetic (kutparams.h). */
#include "kutparams.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int put(struct kut_words *out, size_t *len, char c, char *err, size_t errlen)
{
	if (*len + 1 >= KUT_WORD_MAX) {
		snprintf(err, errlen, "a word longer than %d characters", KUT_WORD_MAX - 1);
		return -1;
	}
	out->w[out->n][(*len)++] = c;
	return 0;
}

int kut_split(const char *s, struct kut_words *out, char *err, size_t errlen)
{
	char quote = 0;
	size_t len = 0;
	int in_word = 0;

	out->n = 0;
	for (;; s++) {
		char c = *s;

		if (!c || (!quote && isblank((unsigned char)c))) {
			if (!c && quote) {
				snprintf(err, errlen, "an unclosed %c quote", quote);
				return -1;
			}
			if (in_word) {
				out->w[out->n++][len] = '\0';
				len = 0;
				in_word = 0;
			}
			if (!c)
				return 0;
			continue;
		}
		if ((c == '`' || c == '$') && quote != '\'') {
			snprintf(err, errlen,
				 "'%c' needs a shell; the kit runs no shell on cfg values", c);
			return -1;
		}
		if (!in_word && out->n == KUT_MAX_WORDS) {
			snprintf(err, errlen, "more than %d words", KUT_MAX_WORDS);
			return -1;
		}
		in_word = 1;
		if (c == quote) {
			quote = 0;
		} else if (!quote && (c == '\'' || c == '"')) {
			quote = c;
		} else if (c == '\\' && quote != '\'' && s[1]) {
			if (put(out, &len, *++s, err, errlen))
				return -1;
		} else if (put(out, &len, c, err, errlen)) {
			return -1;
		}
	}
}

/* The smp arithmetic: a recursive-descent evaluator. */
struct expr {
	const char *p;
	int max_smp;
	int bad;
};

static long ternary(struct expr *e);

static void blanks(struct expr *e)
{
	while (isblank((unsigned char)*e->p))
		e->p++;
}

static int eat(struct expr *e, const char *tok)
{
	size_t n = strlen(tok);

	blanks(e);
	if (strncmp(e->p, tok, n))
		return 0;
	e->p += n;
	return 1;
}

static long primary(struct expr *e)
{
	char *end;
	long v;

	if (eat(e, "(")) {
		v = ternary(e);
		if (!eat(e, ")"))
			e->bad = 1;
		return v;
	}
	if (eat(e, "-"))
		return -primary(e);
	eat(e, "$");
	if (eat(e, "MAX_SMP") || eat(e, "{MAX_SMP}"))
		return e->max_smp;
	v = strtol(e->p, &end, 10);
	if (end == e->p)
		e->bad = 1;
	e->p = end;
	return v;
}

static long product(struct expr *e)
{
	long v = primary(e), r;

	for (;;) {
		if (eat(e, "*")) {
			v *= primary(e);
		} else if (eat(e, "/")) {
			r = primary(e);
			if (!r)
				e->bad = 1;
			else
				v /= r;
		} else {
			return v;
		}
	}
}

static long sum(struct expr *e)
{
	long v = product(e);

	for (;;) {
		if (eat(e, "+"))
			v += product(e);
		else if (eat(e, "-"))
			v -= product(e);
		else
			return v;
	}
}

/* Two-character operators first, so "<=" is not read as "<". */
static long compare(struct expr *e)
{
	long v = sum(e);

	if (eat(e, "<="))
		return v <= sum(e);
	if (eat(e, ">="))
		return v >= sum(e);
	if (eat(e, "=="))
		return v == sum(e);
	if (eat(e, "!="))
		return v != sum(e);
	if (eat(e, "<"))
		return v < sum(e);
	if (eat(e, ">"))
		return v > sum(e);
	return v;
}

static long ternary(struct expr *e)
{
	long c = compare(e), a, b;

	if (!eat(e, "?"))
		return c;
	a = ternary(e);
	if (!eat(e, ":"))
		e->bad = 1;
	b = ternary(e);
	return c ? a : b;
}

int kut_eval_smp(const char *expr, int max_smp, int *out, char *err, size_t errlen)
{
	struct expr e = {expr, max_smp, 0};
	int arith = eat(&e, "$((");
	long v = ternary(&e);

	if (arith && !eat(&e, "))"))
		e.bad = 1;
	blanks(&e);
	if (e.bad || *e.p || v < 1 || v > 4096) {
		snprintf(err, errlen, "smp = %s: not a CPU count the kit can read", expr);
		return -1;
	}
	*out = (int)v;
	return 0;
}
