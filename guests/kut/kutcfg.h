/*
 * kvm-unit-tests' arm/unittests.cfg, read as its own runner reads it
 * (scripts/common.bash, for_each_unittest): "[name]" opens a test, then
 * "key = value" lines; other lines (comments, blank, unknown keys) are
 * ignored. A value opened with """ runs to the line that closes it.
 * Values are kept as written; kutparams.h splits and unquotes them.
 * Pure C: the host unit tests cover it.
 */
#ifndef KUT_CFG_H
#define KUT_CFG_H

#include <stddef.h>

#define KUT_MAX_TESTS 256
#define KUT_NAME_MAX 64
#define KUT_VALUE_MAX 512

struct kut_test {
	char name[KUT_NAME_MAX];
	char file[KUT_NAME_MAX];	 /* e.g. selftest.flat */
	char smp[KUT_VALUE_MAX];	 /* an expression: 2, $MAX_SMP, $((...)) */
	char test_args[KUT_VALUE_MAX];	 /* the guest's command line */
	char qemu_params[KUT_VALUE_MAX]; /* qemu_params, or the older extra_params */
	char kvmtool_params[KUT_VALUE_MAX];
	char groups[KUT_VALUE_MAX]; /* words */
	char arch[16];		    /* arm, arm64 or empty */
	char accel[16];		    /* kvm, tcg or empty */
	char machine[32];
	char timeout[16];		 /* e.g. 10s; empty: the default */
	char disabled_if[KUT_VALUE_MAX]; /* a bash test, e.g. [[ "$TARGET" != qemu ]] */
	char check[KUT_VALUE_MAX];
	int line; /* of its [name] */
};

struct kut_cfg {
	struct kut_test tests[KUT_MAX_TESTS];
	int n;
};

/*
 * Parses the cfg text (NUL-ended) into cfg. Returns 0, or -1 with a
 * one-line reason naming the line in err.
 */
int kut_cfg_parse(const char *text, struct kut_cfg *cfg, char *err, size_t errlen);

/* Whether the space-separated words hold word (scripts/runtime.bash find_word). */
int kut_has_word(const char *words, const char *word);

#endif
