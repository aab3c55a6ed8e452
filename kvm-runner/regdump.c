/* The register dump: KVM_GET_REG_LIST, then KVM_GET_ONE_REG per id. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "arch.h"
#include "err.h"
#include "ioctl_trace.h"
#include "regdump.h"

bool fw_reg_name(unsigned idx, char *buf, size_t n)
{
	static const char *const names[] = { "KVM_PSCI_VERSION", "SMCCC_WORKAROUND_1",
					     "SMCCC_WORKAROUND_2", "SMCCC_WORKAROUND_3" };

	if (idx >= sizeof(names) / sizeof(names[0]))
		return false;
	snprintf(buf, n, "%s", names[idx]);
	return true;
}

void regdump_line(char *buf, size_t n, uint64_t id, const void *value)
{
	char name[48];
	unsigned size = kvm_reg_size(id);
	int len;

	if (!arch_reg_name(id, name, sizeof(name)))
		snprintf(name, sizeof(name), "0x%016" PRIx64, id);
	len = snprintf(buf, n, "reg: %s = 0x", name);
	/* little-endian bytes, most significant first */
	for (unsigned i = size; i-- > 0 && len > 0 && (size_t)len + 3 < n;)
		len += snprintf(buf + len, n - (size_t)len, "%02x", ((const uint8_t *)value)[i]);
}

static struct kvm_reg_list *reg_list(int vcpu_fd)
{
	struct kvm_reg_list probe = { .n = 0 }, *list;

	/* The first call fails with E2BIG and says how many there are. */
	if (kvm_ioctl(vcpu_fd, KVM_GET_REG_LIST, &probe) == 0 || errno != E2BIG)
		return NULL;
	list = calloc(1, sizeof(*list) + probe.n * sizeof(uint64_t));
	if (!list)
		return NULL;
	list->n = probe.n;
	if (kvm_ioctl(vcpu_fd, KVM_GET_REG_LIST, list) < 0) {
		free(list);
		return NULL;
	}
	return list;
}

bool regdump_is_core(uint64_t id)
{
	return (id & KVM_REG_ARM_COPROC_MASK) == KVM_REG_ARM_CORE && kvm_reg_size(id) <= 8;
}

int regdump(FILE *f, int vcpu_fd, const char *when, bool core_only, struct regdump_count *count)
{
	struct kvm_reg_list *list = reg_list(vcpu_fd);
	struct regdump_count c = { 0 };
	unsigned failed = 0;
	char line[160];

	if (!list)
		return fail(EXIT_KVMFAIL, "KVM_GET_REG_LIST: %s", strerror(errno));
	c.all = (unsigned)list->n;
	for (uint64_t i = 0; i < list->n; i++)
		c.core += regdump_is_core(list->reg[i]);
	if (count)
		*count = c;
	fprintf(f, "# %s: %u registers%s\n", when, core_only ? c.core : c.all,
		core_only ? " (the core ones)" : "");
	for (uint64_t i = 0; i < list->n; i++) {
		uint8_t value[256] = { 0 };
		struct kvm_one_reg r = { .id = list->reg[i], .addr = (uintptr_t)value };

		if (core_only && !regdump_is_core(r.id))
			continue;

		if (kvm_reg_size(r.id) > sizeof(value) ||
		    kvm_ioctl(vcpu_fd, KVM_GET_ONE_REG, &r) < 0) {
			fprintf(f, "# 0x%016" PRIx64 ": not readable\n", r.id);
			failed++;
			continue;
		}
		regdump_line(line, sizeof(line), r.id, value);
		fprintf(f, "%s\n", line);
	}
	free(list);
	if (failed)
		fprintf(f, "# %u registers not readable\n", failed);
	return 0;
}
