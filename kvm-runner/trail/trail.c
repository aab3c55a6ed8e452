/* A KVM trail read into KVM_RUN calls and world switches (trail.h). */
#include "trail.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	enum trail_fn fn;
} names[] = {
	{"kvm_arch_vcpu_ioctl_run", TF_IOCTL_RUN},
	{"__kvm_vcpu_run_nvhe", TF_SWITCH},	  /* 5.4 32-bit, Hyp mode */
	{"__kvm_vcpu_run", TF_SWITCH},		  /* 6.1 nVHE, EL2 */
	{"__kvm_nvhe___kvm_vcpu_run", TF_SWITCH}, /* its kallsyms name */
	{"__guest_enter", TF_ENTER},
	{"__kvm_nvhe___guest_enter", TF_ENTER},
	{"__guest_exit", TF_EXIT},
	{"__kvm_nvhe___guest_exit", TF_EXIT},
	{"handle_exit", TF_HANDLE_EXIT},
	{"kvm_handle_guest_abort", TF_ABORT},
	{"io_mem_abort", TF_MMIO},
	{"kvm_hvc_call_handler", TF_HVC},
	{"kvm_handle_wfx", TF_WFX},
	{"kvm_handle_cp15_32", TF_CP15},
};

static const char *const reason_names[TR_COUNT] = {
	"mmio", "stage2", "hvc", "wfx", "cp15", "other",
};

const char *trail_reason_name(enum trail_reason r)
{
	return r < TR_COUNT ? reason_names[r] : "?";
}

int trail_fn_of(const char *name)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i].name, name))
			return (int)names[i].fn;
	return -1;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	void *q;

	if (need <= *cap)
		return 0;
	q = realloc(*p, (*cap ? *cap * 2 : 64) * size);
	if (!q)
		return -1;
	*p = q;
	*cap = *cap ? *cap * 2 : 64;
	return 0;
}

static int new_run(struct trail *t)
{
	if (grow((void **)&t->runs, &t->runs_cap, t->nruns + 1, sizeof(*t->runs)) < 0)
		return -1;
	t->runs[t->nruns].first = t->nsw;
	t->runs[t->nruns].n = 0;
	t->nruns++;
	return 0;
}

static int new_switch(struct trail *t)
{
	struct trail_switch *s;

	if (!t->nruns) {
		t->before_run++; /* attached to a run of its own */
		if (new_run(t) < 0)
			return -1;
	}
	if (grow((void **)&t->sw, &t->sw_cap, t->nsw + 1, sizeof(*t->sw)) < 0)
		return -1;
	s = &t->sw[t->nsw++];
	memset(s, 0, sizeof(*s));
	s->reason = TR_OTHER;
	s->index = -1;
	s->run = (unsigned)(t->nruns - 1);
	t->runs[t->nruns - 1].n++;
	return 0;
}

/* The current switch, if the stop belongs to one. */
static struct trail_switch *cur(struct trail *t)
{
	if (!t->nsw || !t->nruns || t->sw[t->nsw - 1].run != t->nruns - 1)
		return NULL;
	return &t->sw[t->nsw - 1];
}

/* A handler stop again in the same switch is one stop reported twice. */
static void reason(struct trail *t, struct trail_switch *s, enum trail_reason r)
{
	if (!s)
		return;
	if (s->reason == r || (r == TR_STAGE2 && s->reason != TR_OTHER))
		t->repeats++;
	else if (r != TR_STAGE2 || s->reason == TR_OTHER)
		s->reason = r;
}

static void seen(struct trail *t, bool *flag)
{
	t->repeats += *flag;
	*flag = true;
}

static int stop(struct trail *t, enum trail_fn fn, int index)
{
	struct trail_switch *s = cur(t);

	switch (fn) {
	case TF_IOCTL_RUN:
		return new_run(t);
	case TF_SWITCH:
		if (s && !s->entered && !s->exited && !s->handled) {
			t->repeats++; /* the same stop reported twice: not a switch */
			return 0;
		}
		return new_switch(t);
	/* with no switch stop in the set, the first stop of a switch starts it */
	case TF_ENTER:
		if (!s || s->entered || s->exited || s->handled) {
			if (new_switch(t) < 0)
				return -1;
			s = cur(t);
		}
		seen(t, &s->entered);
		break;
	case TF_EXIT:
		if (!s || s->exited || s->handled) {
			if (new_switch(t) < 0)
				return -1;
			s = cur(t);
		}
		seen(t, &s->exited);
		break;
	case TF_HANDLE_EXIT:
		if (!s || s->handled) {
			if (new_switch(t) < 0)
				return -1;
			s = cur(t);
		}
		seen(t, &s->handled);
		s->index = index;
		break;
	case TF_ABORT:
		reason(t, s, TR_STAGE2);
		break;
	case TF_MMIO:
		/* io_mem_abort after kvm_handle_guest_abort turns it into MMIO */
		if (s && s->reason == TR_STAGE2)
			s->reason = TR_MMIO;
		else
			reason(t, s, TR_MMIO);
		break;
	case TF_HVC:
		reason(t, s, TR_HVC);
		break;
	case TF_WFX:
		reason(t, s, TR_WFX);
		break;
	case TF_CP15:
		reason(t, s, TR_CP15);
		break;
	case TF_COUNT:
		break;
	}
	return 0;
}

static void finish(struct trail *t)
{
	for (size_t r = 0; r < t->nruns; r++)
		if (t->runs[r].n)
			t->sw[t->runs[r].first + t->runs[r].n - 1].to_user = true;
	/* a stop missing from a switch, of the functions the set has */
	for (size_t i = 0; i < t->nsw; i++) {
		struct trail_switch *s = &t->sw[i];

		/* ARM_EXCEPTION_IRQ (0) from __guest_enter's ISR_EL1 check, arm64 */
		s->turned_back = !strcmp(t->arch, "arm64") && t->fn[TF_EXIT] && !s->exited &&
				 s->handled && s->index == 0 && s->reason == TR_OTHER;
		t->turned_back += s->turned_back;
		t->incomplete += !s->turned_back && ((t->fn[TF_ENTER] && !s->entered) ||
						     (t->fn[TF_EXIT] && !s->exited) ||
						     (t->fn[TF_HANDLE_EXIT] && !s->handled));
	}
}

int trail_read(FILE *in, const char *path, struct trail *t, char *err, size_t n)
{
	char line[256], name[128];
	unsigned lineno = 0;
	int fn, index;

	memset(t, 0, sizeof(*t));
	while (fgets(line, sizeof(line), in)) {
		char *a;

		lineno++;
		if (!strchr(line, '\n') && !feof(in)) {
			snprintf(err, n, "%s:%u: line too long", path, lineno);
			return -1;
		}
		if ((a = strstr(line, "arch=")) && line[0] == '#' && !t->arch[0])
			sscanf(a + 5, "%15s", t->arch);
		if (line[0] == '#' || line[0] == '\n' || !strncmp(line, "Breakpoint ", 11))
			continue;
		index = -1;
		if (sscanf(line, "%127s %d", name, &index) < 1)
			continue;
		fn = trail_fn_of(name);
		if (fn < 0) {
			snprintf(err, n, "%s:%u: unknown function '%s'", path, lineno, name);
			return -1;
		}
		t->fn[fn]++;
		if (stop(t, (enum trail_fn)fn, index) < 0) {
			snprintf(err, n, "%s: out of memory", path);
			return -1;
		}
	}
	if (!t->fn[TF_IOCTL_RUN] && !t->fn[TF_SWITCH]) {
		snprintf(err, n, "%s: no KVM_RUN and no world switch in the trail", path);
		return -1;
	}
	finish(t);
	return 0;
}

void trail_free(struct trail *t)
{
	free(t->runs);
	free(t->sw);
	memset(t, 0, sizeof(*t));
}

unsigned trail_count(const struct trail *t, enum trail_reason r, bool to_user_only)
{
	unsigned c = 0;

	for (size_t i = 0; i < t->nsw; i++)
		c += t->sw[i].reason == r && (!to_user_only || t->sw[i].to_user);
	return c;
}

static const char *switch_name(const struct trail *t)
{
	return !strcmp(t->arch, "arm64") ? "__kvm_vcpu_run" : "__kvm_vcpu_run_nvhe";
}

/* Appends " > what" (no " > " first) to buf. */
static void hop(char *buf, size_t n, const char *what)
{
	size_t at = strlen(buf);

	if (at < n)
		snprintf(buf + at, n - at, "%s%s", at ? " > " : "", what);
}

void trail_path(char *buf, size_t n, const struct trail *t, size_t i)
{
	static const char *const handler[TR_COUNT] = {
		"kvm_handle_guest_abort > io_mem_abort",
		"kvm_handle_guest_abort",
		"kvm_hvc_call_handler",
		"kvm_handle_wfx",
		"kvm_handle_cp15_32",
		NULL,
	};
	const struct trail_switch *s = &t->sw[i];
	char he[24];

	if (!n)
		return;
	buf[0] = 0;
	if (t->fn[TF_SWITCH])
		hop(buf, n, switch_name(t));
	if (s->entered)
		hop(buf, n, "__guest_enter");
	if (s->exited)
		hop(buf, n, "__guest_exit");
	if (s->handled) {
		if (s->index >= 0)
			snprintf(he, sizeof(he), "handle_exit(%d)", s->index);
		else
			snprintf(he, sizeof(he), "handle_exit");
		hop(buf, n, he);
	}
	if (handler[s->reason])
		hop(buf, n, handler[s->reason]);
	hop(buf, n, s->to_user ? "user" : "guest");
}

void trail_report(FILE *out, const struct trail *t)
{
	static const char *const fn_names[TF_COUNT] = {
		"kvm_arch_vcpu_ioctl_run",
		"world switch (__kvm_vcpu_run[_nvhe])",
		"__guest_enter",
		"__guest_exit",
		"handle_exit",
		"kvm_handle_guest_abort",
		"io_mem_abort",
		"kvm_hvc_call_handler",
		"kvm_handle_wfx",
		"kvm_handle_cp15_32",
	};
	unsigned most = 0, empty = 0, user = 0;

	fprintf(out, "| function | stops |\n|---|---|\n");
	for (int f = 0; f < TF_COUNT; f++)
		if (t->fn[f])
			fprintf(out, "| %s | %u |\n", fn_names[f], t->fn[f]);
	fprintf(out,
		"\n| exit reason | world switches | handled in the kernel | back to userspace |\n"
		"|---|---|---|---|\n");
	for (int r = 0; r < TR_COUNT; r++) {
		unsigned all = trail_count(t, (enum trail_reason)r, false);
		unsigned u = trail_count(t, (enum trail_reason)r, true);

		if (all)
			fprintf(out, "| %s | %u | %u | %u |\n",
				trail_reason_name((enum trail_reason)r), all, all - u, u);
		user += u;
	}
	fprintf(out, "| all | %zu | %zu | %u |\n", t->nsw, t->nsw - user, user);
	for (size_t r = 0; r < t->nruns; r++) {
		most = t->runs[r].n > most ? (unsigned)t->runs[r].n : most;
		empty += !t->runs[r].n;
	}
	fprintf(out,
		"\nKVM_RUN calls: %zu; world switches per KVM_RUN: %.2f on average, %u at most; "
		"%u returned with no switch (a signal or request before entry).\n",
		t->nruns, t->nruns ? (double)t->nsw / (double)t->nruns : 0.0, most, empty);
	fprintf(out,
		"Stops: %u switch stops seen twice, %u switches missing a stop, %u before any "
		"KVM_RUN.\n",
		t->repeats, t->incomplete, t->before_run);
	fprintf(out,
		"Entries turned back (an IRQ pending at __guest_enter, counted as other): %u.\n",
		t->turned_back);
}
