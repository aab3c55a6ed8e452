/*
 * Every request name the kit's tracers print. The runner's own requests
 * come from kvm_abi.h; those only other VMMs (QEMU) make are encoded here
 * from their argument sizes (Linux include/uapi/linux/kvm.h, the same on
 * arm and arm64), so the runner's ABI header stays what the runner uses.
 */
#include "kvm_requests.h"

#include <stddef.h>
#include "kvm_abi.h"

#define NAME(x) \
	{ \
		x, #x, false \
	}
/* _IOC(dir, KVMIO, nr, size) of a request the runner does not make */
#define OTHER(dir, nr, size, name) \
	{ \
		_IOC(dir, KVMIO, nr, size), name, false \
	}

/* clang-format off */
static const struct {
	unsigned long req;
	const char *name;
	bool vm_only; /* this meaning only on a VM fd */
} requests[] = {
	NAME(KVM_GET_API_VERSION),
	NAME(KVM_CREATE_VM),
	NAME(KVM_CHECK_EXTENSION),
	NAME(KVM_GET_VCPU_MMAP_SIZE),
	NAME(KVM_CREATE_VCPU),
	NAME(KVM_SET_USER_MEMORY_REGION),
	NAME(KVM_IRQ_LINE),
	NAME(KVM_ENABLE_CAP),
	NAME(KVM_ARM_PREFERRED_TARGET),
	NAME(KVM_RUN),
	NAME(KVM_GET_ONE_REG),
	NAME(KVM_SET_ONE_REG),
	NAME(KVM_ARM_VCPU_INIT),
	NAME(KVM_GET_REG_LIST),
	NAME(KVM_GET_MP_STATE),
	NAME(KVM_REGISTER_COALESCED_MMIO),
	NAME(KVM_SET_VCPU_EVENTS),
	{ _IOC(_IOC_WRITE, KVMIO, 0xab, 16), "KVM_ARM_SET_DEVICE_ADDR", true },
	OTHER(_IOC_NONE, 0x60, 0, "KVM_CREATE_IRQCHIP"),
	OTHER(_IOC_WRITE, 0x42, 16, "KVM_GET_DIRTY_LOG"),
	OTHER(_IOC_READ | _IOC_WRITE, 0x67, 8, "KVM_IRQ_LINE_STATUS"),
	OTHER(_IOC_WRITE, 0x68, 16, "KVM_UNREGISTER_COALESCED_MMIO"),
	OTHER(_IOC_WRITE, 0x6a, 8, "KVM_SET_GSI_ROUTING"),
	OTHER(_IOC_WRITE, 0x76, 32, "KVM_IRQFD"),
	OTHER(_IOC_WRITE, 0x79, 64, "KVM_IOEVENTFD"),
	OTHER(_IOC_WRITE, 0x8b, 4, "KVM_SET_SIGNAL_MASK"),
	OTHER(_IOC_WRITE, 0x99, 4, "KVM_SET_MP_STATE"),
	OTHER(_IOC_WRITE, 0x9b, 520, "KVM_SET_GUEST_DEBUG"),
	OTHER(_IOC_READ, 0x9f, 64, "KVM_GET_VCPU_EVENTS"),
	OTHER(_IOC_WRITE, 0xa5, 32, "KVM_SIGNAL_MSI"),
	OTHER(_IOC_READ | _IOC_WRITE, 0xc0, 24, "KVM_CLEAR_DIRTY_LOG"),
	OTHER(_IOC_WRITE, 0xc2, 4, "KVM_ARM_VCPU_FINALIZE"),
	OTHER(_IOC_NONE, 0xce, 0, "KVM_GET_STATS_FD"),
	OTHER(_IOC_READ | _IOC_WRITE, 0xe0, 12, "KVM_CREATE_DEVICE"),
	OTHER(_IOC_WRITE, 0xe1, 24, "KVM_SET_DEVICE_ATTR"),
	OTHER(_IOC_WRITE, 0xe2, 24, "KVM_GET_DEVICE_ATTR"),
	OTHER(_IOC_WRITE, 0xe3, 24, "KVM_HAS_DEVICE_ATTR"),
	/* asm-generic terminal and file requests (arm and arm64) */
	{ 0x5401, "TCGETS", false },
	{ 0x5402, "TCSETS", false },
	{ 0x5403, "TCSETSW", false },
	{ 0x5404, "TCSETSF", false },
	{ 0x540f, "TIOCGPGRP", false },
	{ 0x5413, "TIOCGWINSZ", false },
	{ 0x5414, "TIOCSWINSZ", false },
	{ 0x541b, "FIONREAD", false },
	{ 0x5421, "FIONBIO", false },
	{ 0x5450, "FIONCLEX", false },
	{ 0x5451, "FIOCLEX", false },
};
/* clang-format on */

const char *kvm_request_name(unsigned long req, bool on_vm)
{
	const char *name = NULL;

	for (size_t i = 0; i < sizeof(requests) / sizeof(requests[0]); i++) {
		if (requests[i].req != req || (requests[i].vm_only && !on_vm))
			continue;
		if (requests[i].vm_only || !name)
			name = requests[i].name;
	}
	return name;
}
