/*
 * One test's plan under one VMM (kutplan.h). The skips come in the order
 * of kvm-unit-tests' run() and print its reasons; the kit adds its own
 * (vCPUs, board options) after them.
 */
#include "kutplan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum kut_action skip(struct kut_run *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
	return r->action = KUT_SKIP;
}

/* A size in MiB: N, NM or NG, as QEMU's -m and kvmtool's --mem read it. */
static int mib(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (end == s)
		return -1;
	if (*end == 'G' || *end == 'g')
		v *= 1024, end++;
	else if (*end == 'M' || *end == 'm')
		end++;
	if (*end || !v || v > 65536)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* timeout(1)'s DURATION: N, Ns, Nm, Nh. */
static int seconds(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (end == s)
		return -1;
	if (*end == 'm')
		v *= 60, end++;
	else if (*end == 'h')
		v *= 3600, end++;
	else if (*end == 's')
		end++;
	if (*end || !v || v > 86400)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/*
 * disabled_if: the one form unittests.cfg uses, [[ "$TARGET" != word ]]
 * (or ==, or $ACCEL). 1 disabled, 0 not, -1 a form the kit cannot read.
 */
static int disabled(const char *cond, const struct kut_vmm *vmm)
{
	char var[16], op[3], word[64];
	const char *val;
	int eq;

	if (sscanf(cond, "[[ \"$%15[A-Z]\" %2[!=] %63[^] ] ]]", var, op, word) != 3 &&
	    sscanf(cond, "[[ $%15[A-Z] %2[!=] %63[^] ] ]]", var, op, word) != 3)
		return -1;
	if (!strcmp(var, "TARGET"))
		val = vmm->target;
	else if (!strcmp(var, "ACCEL"))
		val = vmm->accel;
	else
		return -1;
	if (!strcmp(op, "=="))
		eq = 1;
	else if (!strcmp(op, "!="))
		eq = 0;
	else
		return -1;
	if (word[0] == '"' && strlen(word) > 1 && word[strlen(word) - 1] == '"') {
		memmove(word, word + 1, strlen(word));
		word[strlen(word) - 1] = '\0';
	}
	return (strcmp(val, word) == 0) == eq;
}

/* -machine/-M's list: gic-version=2 is the kit's board; anything else is not. */
static int machine_opts(const char *list, struct kut_run *r)
{
	char buf[KUT_WORD_MAX], *save, *o;

	snprintf(buf, sizeof(buf), "%s", list);
	for (o = strtok_r(buf, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
		if (!strcmp(o, "gic-version=2"))
			continue;
		if (!strncmp(o, "gic-version=", 12)) {
			skip(r, "gic-version=%s: the kit's board has a GICv2", o + 12);
			return -1;
		}
		skip(r, "-machine %s: the kit's board has no such option", o);
		return -1;
	}
	return 0;
}

/* One of the test's VMM options, for a kit VMM. Returns the words used, or -1 after skip(). */
static int kit_option(const struct kut_words *w, int i, struct kut_run *r)
{
	const char *o = w->w[i], *v = i + 1 < w->n ? w->w[i + 1] : NULL;

	if (!strncmp(o, "--mem=", 6) || !strncmp(o, "--irqchip=", 10)) {
		v = strchr(o, '=') + 1;
		if (o[2] == 'm')
			return mib(v, &r->mem_mib) ? (skip(r, "%s: not a size", o), -1) : 1;
		if (!strcmp(v, "gicv2"))
			return 1;
		return skip(r, "irqchip=%s: the kit's board has a GICv2", v), -1;
	}
	if (!strcmp(o, "--pmu"))
		return 1; /* the PMU is the CPU's; what the kit does with it shows in the run */
	if (!v)
		return skip(r, "'%s': the kit has no such option", o), -1;
	if (!strcmp(o, "-m") || !strcmp(o, "--mem"))
		return mib(v, &r->mem_mib) ? (skip(r, "%s %s: not a size", o, v), -1) : 2;
	if (!strcmp(o, "-append") || !strcmp(o, "--params")) {
		if (!r->args[0]) /* older trees: extra_params = -append '...' */
			snprintf(r->args, sizeof(r->args), "%s", v);
		return 2;
	}
	if (!strcmp(o, "-machine") || !strcmp(o, "-M"))
		return machine_opts(v, r) ? -1 : 2;
	return skip(r, "'%s': the kit has no such option", o), -1;
}

/* The test's options: as given on QEMU natively; read into the run on a kit VMM. */
static enum kut_action params(const struct kut_test *t, const struct kut_vmm *vmm,
			      struct kut_run *r)
{
	const char *src = t->qemu_params, *key = "qemu_params";
	struct kut_words w;
	char err[128];
	int n;

	if (!vmm->qemu_params && t->kvmtool_params[0])
		src = t->kvmtool_params, key = "kvmtool_params";
	if (kut_split(src, &w, err, sizeof(err)))
		return skip(r, "%s: %s", key, err);
	if (vmm->qemu_params) {
		r->qemu = w;
		return KUT_RUN;
	}
	for (int i = 0; i < w.n; i += n)
		if ((n = kit_option(&w, i, r)) < 0)
			return KUT_SKIP;
	return KUT_RUN;
}

/* test_args: the guest's command line, unquoted and joined as the shell would pass it. */
static enum kut_action args(const struct kut_test *t, struct kut_run *r)
{
	struct kut_words w;
	char err[128];

	if (kut_split(t->test_args, &w, err, sizeof(err)))
		return skip(r, "test_args: %s", err);
	r->args[0] = '\0';
	for (int i = 0; i < w.n; i++) {
		size_t len = strlen(r->args);
		snprintf(r->args + len, sizeof(r->args) - len, "%s%s", i ? " " : "", w.w[i]);
	}
	return KUT_RUN;
}

/*
 * The kit's vCPU limit, in one place. A test that asks for more is
 * skipped, unless its arguments hold "smp=N" for that same N: it then
 * checks the count it is given (selftest's setup), so it runs at the
 * VMM's count with smp= set to match, and the note says so.
 */
static enum kut_action cpus(const struct kut_test *t, const struct kut_vmm *vmm,
			    const struct kut_opts *o, struct kut_run *r)
{
	char want[24], err[128], *at;
	int smp = 1;

	if (t->smp[0] && kut_eval_smp(t->smp, o->max_smp, &smp, err, sizeof(err)))
		return skip(r, "%s", err);
	r->smp = smp;
	if (smp <= vmm->vcpus)
		return KUT_RUN;
	snprintf(want, sizeof(want), "smp=%d", smp);
	at = strstr(r->args, want);
	if (!at || (at != r->args && at[-1] != ' ') ||
	    (at[strlen(want)] && at[strlen(want)] != ' '))
		return skip(r, "smp=%d: the kit runs %d vCPU%s", smp, vmm->vcpus,
			    vmm->vcpus > 1 ? "s" : "");
	char rest[KUT_VALUE_MAX];
	snprintf(rest, sizeof(rest), "%s", at + strlen(want));
	snprintf(at, sizeof(r->args) - (size_t)(at - r->args), "smp=%d%s", vmm->vcpus, rest);
	snprintf(r->note, sizeof(r->note), "run at smp=%d, the cfg asks smp=%d", vmm->vcpus, smp);
	r->smp = vmm->vcpus;
	return KUT_RUN;
}

/* The image: file's name with the VMM's suffix (.flat natively, .elf on the kit's VMMs). */
static enum kut_action image(const struct kut_test *t, const struct kut_vmm *vmm, struct kut_run *r)
{
	const char *dot = strrchr(t->file, '.');
	int base = dot ? (int)(dot - t->file) : (int)strlen(t->file);

	if (!t->file[0])
		return skip(r, "no file =");
	snprintf(r->image, sizeof(r->image), "%.*s%s", base, t->file, vmm->suffix);
	return KUT_RUN;
}

static enum kut_action limits(const struct kut_test *t, const struct kut_opts *o, struct kut_run *r)
{
	r->timeout_s = KUT_DEFAULT_TIMEOUT;
	if (o->timeout_s)
		r->timeout_s = o->timeout_s;
	else if (t->timeout[0] && seconds(t->timeout, &r->timeout_s))
		return skip(r, "timeout = %s: not a duration", t->timeout);
	return KUT_RUN;
}

/* The checks of runtime.bash's run(), in its order, with its words. */
static enum kut_action runner_skips(const struct kut_test *t, const struct kut_vmm *vmm,
				    const struct kut_opts *o, struct kut_run *r)
{
	int d;

	if (o->group && !kut_has_word(t->groups, o->group))
		return r->action = KUT_FILTERED;
	if (!o->group && !o->all && kut_has_word(t->groups, "nodefault"))
		return skip(r, "test marked as manual run only");
	if (t->arch[0] && strcmp(t->arch, "arm"))
		return skip(r, "%s only", t->arch);
	if (t->machine[0] && strcmp(t->machine, "virt")) /* every VMM's board is a virt */
		return skip(r, "%s only", t->machine);
	if (t->accel[0] && strcmp(t->accel, vmm->accel))
		return skip(r, "%s only, but ACCEL=%s", t->accel, vmm->accel);
	if (t->disabled_if[0] && (d = disabled(t->disabled_if, vmm)))
		return d > 0 ? skip(r, "disabled because: %s", t->disabled_if)
			     : skip(r, "disabled_if: the kit cannot evaluate %s", t->disabled_if);
	if (t->check[0])
		return skip(r, "check = %s: the kit checks no host files", t->check);
	return KUT_RUN;
}

enum kut_action kut_plan(const struct kut_test *t, const struct kut_vmm *vmm,
			 const struct kut_opts *o, struct kut_run *r)
{
	memset(r, 0, sizeof(*r));
	r->action = KUT_RUN;
	if (runner_skips(t, vmm, o, r) != KUT_RUN || args(t, r) != KUT_RUN ||
	    params(t, vmm, r) != KUT_RUN || cpus(t, vmm, o, r) != KUT_RUN ||
	    image(t, vmm, r) != KUT_RUN || limits(t, o, r) != KUT_RUN)
		return r->action;
	return KUT_RUN;
}
