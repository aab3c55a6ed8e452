/* unittests.cfg parser (kutcfg.h). */
#include "kutcfg.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

struct key {
	const char *name;
	size_t off, size;
};

#define KEY(n, f)                                                                                  \
	{                                                                                          \
		n, offsetof(struct kut_test, f), sizeof(((struct kut_test *)0)->f)                 \
	}
/* extra_params is the name older trees use for qemu_params. */
static const struct key keys[] = {
	KEY("file", file),
	KEY("smp", smp),
	KEY("test_args", test_args),
	KEY("qemu_params", qemu_params),
	KEY("extra_params", qemu_params),
	KEY("kvmtool_params", kvmtool_params),
	KEY("groups", groups),
	KEY("arch", arch),
	KEY("accel", accel),
	KEY("machine", machine),
	KEY("timeout", timeout),
	KEY("disabled_if", disabled_if),
	KEY("check", check),
};

struct parser {
	const char *p; /* the next line */
	int line;
	char *err;
	size_t errlen;
};

/* Strips the blanks around a line, as bash's "read -r line" does (and a CR). */
static void trim(char *s)
{
	size_t len = strlen(s), lead = 0;

	while (len && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	while (isspace((unsigned char)s[lead]))
		lead++;
	memmove(s, s + lead, len - lead + 1);
}

/* Copies the next line (without its newline) into buf; 0 at the end. */
static int next_line(struct parser *ps, char *buf, size_t size)
{
	const char *end;
	size_t len;

	if (!*ps->p)
		return 0;
	end = strchr(ps->p, '\n');
	len = end ? (size_t)(end - ps->p) : strlen(ps->p);
	ps->line++;
	if (len >= size) {
		snprintf(ps->err, ps->errlen, "line %d: longer than %zu characters", ps->line,
			 size - 1);
		return -1;
	}
	memcpy(buf, ps->p, len);
	buf[len] = '\0';
	ps->p += len + (end ? 1 : 0);
	trim(buf);
	return 1;
}

/* "key *= *value" with key at the line's start, as common.bash's regexes. */
static const char *match_key(const char *line, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(line, key, n))
		return NULL;
	line += n;
	while (*line == ' ')
		line++;
	if (*line++ != '=')
		return NULL;
	while (*line == ' ')
		line++;
	return line;
}

static int set_value(struct parser *ps, char *dst, size_t size, const char *key, const char *v)
{
	if (strlen(v) >= size) {
		snprintf(ps->err, ps->errlen, "line %d: %s longer than %zu characters", ps->line,
			 key, size - 1);
		return -1;
	}
	strcpy(dst, v);
	return 0;
}

/* A value opened with """: the rest of the line and the lines up to the closing """. */
static int long_value(struct parser *ps, char *dst, size_t size, const char *key, const char *v)
{
	char acc[KUT_VALUE_MAX * 2], line[KUT_VALUE_MAX];
	int start = ps->line, r;
	char *close;

	snprintf(acc, sizeof(acc), "%s", v + 3);
	while ((r = next_line(ps, line, sizeof(line))) > 0) {
		close = strstr(line, "\"\"\"");
		if (close)
			*close = '\0';
		if (strlen(acc) + strlen(line) + 2 > sizeof(acc)) {
			snprintf(ps->err, ps->errlen, "line %d: %s longer than %zu characters",
				 start, key, sizeof(acc) - 1);
			return -1;
		}
		strcat(acc, " ");
		strcat(acc, line);
		if (close)
			return set_value(ps, dst, size, key, acc);
	}
	if (r == 0)
		snprintf(ps->err, ps->errlen, "line %d: %s's \"\"\" is never closed", start, key);
	return -1;
}

static int open_test(struct parser *ps, struct kut_cfg *cfg, const char *line)
{
	size_t len = strlen(line);
	struct kut_test *t;

	if (len < 3 || line[len - 1] != ']') {
		snprintf(ps->err, ps->errlen, "line %d: a section is \"[name]\"", ps->line);
		return -1;
	}
	if (cfg->n == KUT_MAX_TESTS) {
		snprintf(ps->err, ps->errlen, "line %d: more than %d tests", ps->line,
			 KUT_MAX_TESTS);
		return -1;
	}
	if (len - 2 >= KUT_NAME_MAX) {
		snprintf(ps->err, ps->errlen, "line %d: test name longer than %d characters",
			 ps->line, KUT_NAME_MAX - 1);
		return -1;
	}
	for (int i = 0; i < cfg->n; i++)
		if (strlen(cfg->tests[i].name) == len - 2 &&
		    !strncmp(cfg->tests[i].name, line + 1, len - 2)) {
			snprintf(ps->err, ps->errlen, "line %d: test %s already named on line %d",
				 ps->line, cfg->tests[i].name, cfg->tests[i].line);
			return -1;
		}
	t = &cfg->tests[cfg->n++];
	memset(t, 0, sizeof(*t));
	memcpy(t->name, line + 1, len - 2);
	t->line = ps->line;
	for (const char *c = t->name; *c; c++)
		if (isspace((unsigned char)*c) || *c == '/') {
			snprintf(ps->err, ps->errlen,
				 "line %d: test name \"%s\" holds a space or '/'", ps->line,
				 t->name);
			return -1;
		}
	return 0;
}

static int key_line(struct parser *ps, struct kut_test *t, const char *line)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *v = match_key(line, keys[i].name);
		char *dst = (char *)t + keys[i].off;

		if (!v)
			continue;
		if (!strncmp(v, "\"\"\"", 3))
			return long_value(ps, dst, keys[i].size, keys[i].name, v);
		return set_value(ps, dst, keys[i].size, keys[i].name, v);
	}
	return 0; /* not a key: ignored, as kvm-unit-tests does */
}

int kut_cfg_parse(const char *text, struct kut_cfg *cfg, char *err, size_t errlen)
{
	struct parser ps = {text, 0, err, errlen};
	char line[KUT_VALUE_MAX + 32];
	int r;

	cfg->n = 0;
	while ((r = next_line(&ps, line, sizeof(line))) > 0) {
		if (line[0] == '[')
			r = open_test(&ps, cfg, line);
		else if (cfg->n)
			r = key_line(&ps, &cfg->tests[cfg->n - 1], line);
		if (r < 0)
			return -1;
	}
	return r;
}

int kut_has_word(const char *words, const char *word)
{
	size_t n = strlen(word);

	if (!n)
		return 0;
	for (const char *p = words; (p = strstr(p, word)); p += n)
		if ((p == words || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}
