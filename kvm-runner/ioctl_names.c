/*
 * Names of the KVM capabilities and exit reasons the runner uses, and the
 * one-line argument summary of a call (request names: kvm_requests.c,
 * shared with the test bed's ptrace decoder). Pure C.
 */
#include <inttypes.h>
#include <stdio.h>
#include "arch.h"
#include "ioctl_trace.h"
#include "kvm_requests.h"

#define NAME(x) \
	{ \
		x, #x \
	}

static const struct {
	unsigned cap;
	const char *name;
} caps[] = {
	NAME(KVM_CAP_IRQCHIP),		NAME(KVM_CAP_USER_MEMORY),
	NAME(KVM_CAP_COALESCED_MMIO),	NAME(KVM_CAP_SYNC_MMU),
	NAME(KVM_CAP_ONE_REG),		NAME(KVM_CAP_ARM_PSCI),
	NAME(KVM_CAP_ARM_EL1_32BIT),	NAME(KVM_CAP_ARM_PSCI_0_2),
	NAME(KVM_CAP_IMMEDIATE_EXIT),	NAME(KVM_CAP_ARM_USER_IRQ),
	NAME(KVM_CAP_ARM_NISV_TO_USER), NAME(KVM_CAP_ARM_INJECT_EXT_DABT),
};

static const char *const exits[] = {
	[KVM_EXIT_UNKNOWN] = "UNKNOWN",
	[KVM_EXIT_EXCEPTION] = "EXCEPTION",
	[KVM_EXIT_IO] = "IO",
	[KVM_EXIT_HYPERCALL] = "HYPERCALL",
	[KVM_EXIT_DEBUG] = "DEBUG",
	[KVM_EXIT_HLT] = "HLT",
	[KVM_EXIT_MMIO] = "MMIO",
	[KVM_EXIT_SHUTDOWN] = "SHUTDOWN",
	[KVM_EXIT_FAIL_ENTRY] = "FAIL_ENTRY",
	[KVM_EXIT_INTR] = "INTR",
	[KVM_EXIT_INTERNAL_ERROR] = "INTERNAL_ERROR",
	[KVM_EXIT_SYSTEM_EVENT] = "SYSTEM_EVENT",
	[KVM_EXIT_ARM_NISV] = "ARM_NISV",
};

const char *ioctl_name(unsigned long req) { return kvm_request_name(req, false); }

const char *kvm_cap_name(unsigned cap)
{
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		if (caps[i].cap == cap)
			return caps[i].name;
	return NULL;
}

const char *kvm_exit_name(unsigned reason)
{
	if (reason < sizeof(exits) / sizeof(exits[0]) && exits[reason])
		return exits[reason];
	return NULL;
}

static void describe_cap(char *buf, size_t n, unsigned cap)
{
	const char *name = kvm_cap_name(cap);

	if (name)
		snprintf(buf, n, "%s(%u)", name, cap);
	else
		snprintf(buf, n, "cap=%u", cap);
}

static void describe_reg(char *buf, size_t n, const struct kvm_one_reg *r, int ret)
{
	char name[48];
	uint64_t v = 0;
	unsigned size = kvm_reg_size(r->id);

	if (!arch_reg_name(r->id, name, sizeof(name)))
		snprintf(name, sizeof(name), "0x%016" PRIx64, r->id);
	if (ret == 0 && size == 4)
		v = *(const uint32_t *)(uintptr_t)r->addr;
	else if (ret == 0 && size == 8)
		v = *(const uint64_t *)(uintptr_t)r->addr;
	if (ret == 0 && size <= 8)
		snprintf(buf, n, "%s = 0x%" PRIx64, name, v);
	else
		snprintf(buf, n, "%s", name);
}

static void describe_run(char *buf, size_t n, const struct kvm_run *run)
{
	const char *name;

	if (!run) {
		buf[0] = 0;
		return;
	}
	name = kvm_exit_name(run->exit_reason);
	if (run->exit_reason == KVM_EXIT_MMIO)
		snprintf(buf, n, "exit=MMIO %s 0x%08" PRIx64 " len=%u",
			 run->mmio.is_write ? "write" : "read", run->mmio.phys_addr, run->mmio.len);
	else if (name)
		snprintf(buf, n, "exit=%s", name);
	else
		snprintf(buf, n, "exit=%u", run->exit_reason);
}

void ioctl_describe(char *buf, size_t n, unsigned long req, uintptr_t arg, int ret,
		    const struct kvm_run *run)
{
	const struct kvm_userspace_memory_region *mr = (const void *)arg;
	const struct kvm_vcpu_init *vi = (const void *)arg;
	const struct kvm_irq_level *irq = (const void *)arg;
	const struct kvm_reg_list *rl = (const void *)arg;

	buf[0] = 0;
	switch (req) {
	case KVM_CHECK_EXTENSION: describe_cap(buf, n, (unsigned)arg); break;
	case KVM_ENABLE_CAP: describe_cap(buf, n, ((const struct kvm_enable_cap *)arg)->cap); break;
	case KVM_CREATE_VM:
	case KVM_CREATE_VCPU: snprintf(buf, n, "%lu", (unsigned long)arg); break;
	case KVM_SET_USER_MEMORY_REGION:
		snprintf(buf, n, "slot=%u gpa=0x%08" PRIx64 " size=0x%" PRIx64 " flags=%u",
			 mr->slot, mr->guest_phys_addr, mr->memory_size, mr->flags);
		break;
	case KVM_ARM_PREFERRED_TARGET:
	case KVM_ARM_VCPU_INIT:
		if (ret == 0 || req == KVM_ARM_VCPU_INIT)
			snprintf(buf, n, "target=%u features[0]=0x%x", vi->target, vi->features[0]);
		break;
	case KVM_IRQ_LINE: snprintf(buf, n, "irq=0x%08x level=%u", irq->irq, irq->level); break;
	case KVM_REGISTER_COALESCED_MMIO:
		snprintf(buf, n, "addr=0x%08" PRIx64 " size=%u",
			 ((const struct kvm_coalesced_mmio_zone *)arg)->addr,
			 ((const struct kvm_coalesced_mmio_zone *)arg)->size);
		break;
	case KVM_GET_ONE_REG:
	case KVM_SET_ONE_REG: describe_reg(buf, n, (const struct kvm_one_reg *)arg, ret); break;
	case KVM_GET_REG_LIST: snprintf(buf, n, "n=%" PRIu64, rl->n); break;
	case KVM_RUN: /* after a failure only EINTR's exit reason means anything */
		if (ret == 0 || (run && run->exit_reason == KVM_EXIT_INTR))
			describe_run(buf, n, run);
		break;
	}
}
