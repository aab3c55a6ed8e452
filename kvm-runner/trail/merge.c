/* A trail beside the trap log and the ioctl trace of the same run (merge.h). */
#include "merge.h"

#include <stdbool.h>
#include <string.h>

/* Linux 5.6 / 6.1 (virt/kvm/kvm_main.c, arm.c, guest.c): who answers what. */
static const char *const handlers[][2] = {
	{ "KVM_GET_API_VERSION", "kvm_dev_ioctl" },
	{ "KVM_CREATE_VM", "kvm_dev_ioctl > kvm_dev_ioctl_create_vm" },
	{ "KVM_GET_VCPU_MMAP_SIZE", "kvm_dev_ioctl" },
	{ "KVM_CHECK_EXTENSION",
	  "kvm_vm_ioctl_check_extension_generic > kvm_vm_ioctl_check_extension" },
	{ "KVM_ENABLE_CAP", "kvm_vm_ioctl > kvm_vm_ioctl_enable_cap" },
	{ "KVM_SET_USER_MEMORY_REGION", "kvm_vm_ioctl > kvm_vm_ioctl_set_memory_region" },
	{ "KVM_CREATE_VCPU", "kvm_vm_ioctl > kvm_vm_ioctl_create_vcpu" },
	{ "KVM_ARM_PREFERRED_TARGET",
	  "kvm_vm_ioctl > kvm_arch_vm_ioctl > kvm_vcpu_preferred_target" },
	{ "KVM_IRQ_LINE", "kvm_vm_ioctl > kvm_vm_ioctl_irq_line" },
	{ "KVM_REGISTER_COALESCED_MMIO", "kvm_vm_ioctl > kvm_vm_ioctl_register_coalesced_mmio" },
	{ "KVM_ARM_VCPU_INIT",
	  "kvm_vcpu_ioctl > kvm_arch_vcpu_ioctl > kvm_arch_vcpu_ioctl_vcpu_init" },
	{ "KVM_SET_ONE_REG", "kvm_vcpu_ioctl > kvm_arch_vcpu_ioctl > kvm_arm_set_reg" },
	{ "KVM_GET_ONE_REG", "kvm_vcpu_ioctl > kvm_arch_vcpu_ioctl > kvm_arm_get_reg" },
	{ "KVM_GET_REG_LIST", "kvm_vcpu_ioctl > kvm_arch_vcpu_ioctl > kvm_arm_copy_reg_indices" },
	{ "KVM_GET_MP_STATE", "kvm_vcpu_ioctl > kvm_arch_vcpu_ioctl_get_mpstate" },
	{ "KVM_RUN", "kvm_vcpu_ioctl > kvm_arch_vcpu_ioctl_run" },
	{ "mmap", "kvm_vcpu_mmap > kvm_vcpu_fault" },
};

const char *merge_handler(const char *request)
{
	for (size_t i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++)
		if (!strcmp(handlers[i][0], request))
			return handlers[i][1];
	return NULL;
}

/* "0001 0x24 DABT     pc=... by=vmm": the class name and who handled it. */
int merge_trap_reason(const char *line)
{
	char seq[16], ec[8], name[16];
	bool vmm = strstr(line, " by=vmm") != NULL;

	if (sscanf(line, "%15s %7s %15s", seq, ec, name) != 3 || seq[0] < '0' || seq[0] > '9' ||
	    strncmp(ec, "0x", 2))
		return -1;
	/* MMIO: the runner's, or one KVM's own device completed (the vGIC's distributor) */
	if (!strcmp(name, "DABT") && (vmm || strstr(line, " : mmio ")))
		return TR_MMIO;
	if ((!strcmp(name, "DABT") || !strcmp(name, "IABT")) && !vmm)
		return TR_STAGE2;
	if (!strcmp(name, "HVC"))
		return TR_HVC;
	if (!strcmp(name, "WFX"))
		return TR_WFX;
	if (!strcmp(name, "CP15") && !vmm)
		return TR_CP15;
	return TR_OTHER;
}

/*
 * One exit may give several rows: an ldm/stm with ISV=0 (KVM_EXIT_ARM_NISV)
 * is emulated access by access, each row with the same pc and insn=.
 * Returns true for the second and later rows of such an exit.
 */
static bool same_exit(const char *line, char *last, size_t n)
{
	const char *pc = strstr(line, " pc="), *insn = strstr(line, " insn=");
	char key[64] = "";
	bool same;

	if (pc && insn && strstr(line, " isv=0 "))
		snprintf(key, sizeof(key), "%.14s%.16s", pc, insn);
	same = key[0] && !strcmp(key, last);
	snprintf(last, n, "%s", key);
	return same;
}

static void count_traps(FILE *traplog, struct trap_counts *c)
{
	char line[512], last[64] = "";
	int r;

	memset(c, 0, sizeof(*c));
	rewind(traplog);
	while (fgets(line, sizeof(line), traplog))
		if ((r = merge_trap_reason(line)) >= 0 && !same_exit(line, last, sizeof(last))) {
			c->n[r]++;
			c->rows++;
		}
}

/* The reasons the function set traces: a count off means a stop was missed. */
static bool traced(const struct trail *t, enum trail_reason r)
{
	switch (r) {
	case TR_MMIO: return t->fn[TF_MMIO] > 0;
	case TR_STAGE2: return t->fn[TF_ABORT] > 0;
	case TR_HVC: return t->fn[TF_HVC] > 0;
	case TR_WFX: return t->fn[TF_WFX] > 0;
	case TR_CP15: return t->fn[TF_CP15] > 0;
	default: return false;
	}
}

unsigned merge_check_traplog(FILE *traplog, const struct trail *t, FILE *out)
{
	struct trap_counts c;
	unsigned bad = 0;

	count_traps(traplog, &c);
	fprintf(out, "| exit reason | trail | trap log | |\n|---|---|---|---|\n");
	for (int r = 0; r < TR_COUNT; r++) {
		unsigned n = trail_count(t, (enum trail_reason)r, false);
		bool tr = traced(t, (enum trail_reason)r), same = n == c.n[r];

		if (!n && !c.n[r])
			continue;
		bad += tr && !same;
		fprintf(out, "| %s | %u | %u | %s |\n", trail_reason_name((enum trail_reason)r), n,
			c.n[r],
			r == TR_OTHER ? "not compared: IRQ exits (no trap row) and untraced classes"
				: !tr ? "not compared: its handler is not in the function set"
				: same ? "agree"
				       : "**differ**: a stop missed or seen twice");
	}
	return bad;
}

static bool is_run_record(const char *line)
{
	char seq[16], phase[16], fd[16], req[40];

	return sscanf(line, "%15s %15s %15s %39s", seq, phase, fd, req) == 4 && seq[0] >= '0' &&
		seq[0] <= '9' && !strcmp(req, "KVM_RUN");
}

unsigned merge_check_ioctls(FILE *ioctls, const struct trail *t, FILE *out)
{
	char line[512];
	unsigned runs = 0;

	rewind(ioctls);
	while (fgets(line, sizeof(line), ioctls))
		runs += is_run_record(line);
	fprintf(out,
		"KVM_RUN: %u records in the ioctl trace, %zu kvm_arch_vcpu_ioctl_run stops: %s\n",
		runs, t->nruns, runs == t->nruns ? "agree" : "DIFFER");
	return runs != t->nruns;
}

static void chomp(char *s) { s[strcspn(s, "\n")] = 0; }

void merge_traplog(FILE *traplog, const struct trail *t, FILE *out)
{
	size_t next[TR_COUNT] = { 0 };
	char line[512], path[256], last[64] = "";
	int r;

	rewind(traplog);
	while (fgets(line, sizeof(line), traplog)) {
		chomp(line);
		r = merge_trap_reason(line);
		if (r >= 0 && same_exit(line, last, sizeof(last))) {
			fprintf(out, "%s  # kvm: the exit of the row before (one ldm/stm, ISV=0)\n",
				line);
			continue;
		}
		if (r < 0 || r == TR_OTHER || !traced(t, (enum trail_reason)r)) {
			fprintf(out, "%s%s\n", line,
				r >= 0 ? "  # kvm: its handler is not traced" : "");
			continue;
		}
		while (next[r] < t->nsw && t->sw[next[r]].reason != (enum trail_reason)r)
			next[r]++;
		if (next[r] == t->nsw) {
			fprintf(out, "%s  # kvm: no such switch in the trail (a stop missed)\n",
				line);
			continue;
		}
		trail_path(path, sizeof(path), t, next[r]);
		fprintf(out, "%s  # kvm: run %u: %s\n", line, t->sw[next[r]].run + 1, path);
		next[r]++;
	}
}

/* "3 switches (stage2, mmio) > user" for KVM_RUN number run. */
static void run_summary(char *buf, size_t n, const struct trail *t, size_t run)
{
	const struct trail_run *r = &t->runs[run];
	size_t at = (size_t)snprintf(buf, n, "run %zu: %zu switch%s", run + 1, r->n,
				     r->n == 1 ? "" : "es");

	for (size_t i = 0; i < r->n && at < n; i++)
		at += (size_t)snprintf(buf + at, n - at, "%s%s", i ? ", " : " (",
				       trail_reason_name(t->sw[r->first + i].reason));
	if (at < n)
		snprintf(buf + at, n - at, "%s > user", r->n ? ")" : " (none entered)");
}

void merge_ioctls(FILE *ioctls, const struct trail *t, FILE *out)
{
	char line[512], seq[16], phase[16], fd[16], req[40], sum[256];
	size_t run = 0;
	const char *h;

	rewind(ioctls);
	while (fgets(line, sizeof(line), ioctls)) {
		chomp(line);
		if (sscanf(line, "%15s %15s %15s %39s", seq, phase, fd, req) != 4 || seq[0] < '0' ||
		    seq[0] > '9' || !(h = merge_handler(req))) {
			fprintf(out, "%s\n", line);
			continue;
		}
		if (strcmp(req, "KVM_RUN") || run >= t->nruns) {
			fprintf(out, "%s  # kvm: %s\n", line, h);
			continue;
		}
		run_summary(sum, sizeof(sum), t, run++);
		fprintf(out, "%s  # kvm: %s: %s\n", line, h, sum);
	}
}
