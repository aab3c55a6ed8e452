/*
 * The steps that build the VM, in order. Each is a few ioctls through the
 * recording wrapper; what KVM does inside is in docs/kvm-runner.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "arch.h"
#include "err.h"
#include "ioctl_trace.h"
#include "memmap.h"
#include "vm.h"

/* Capabilities the runner cannot do without. */
static const unsigned needed_caps[] = {
	KVM_CAP_USER_MEMORY,
	KVM_CAP_ONE_REG,
	KVM_CAP_ARM_PSCI_0_2,
};

static int check_host(void)
{
	struct utsname u;
	char err[200];

	if (uname(&u) == 0 && arch_check_host(u.machine, err, sizeof(err)) < 0)
		return fail(EXIT_NOKVM, "%s", err);
	return 0;
}

int vm_open_kvm(struct vm *vm)
{
	int api, rc = check_host();

	if (rc)
		return rc;
	vm->sys_fd = open(vm->dev, O_RDWR | O_CLOEXEC);
	if (vm->sys_fd < 0)
		return fail(EXIT_NOKVM, "%s: %s%s", vm->dev, strerror(errno),
			    errno == ENOENT ? " (no KVM in this kernel, or the CPU was not "
					      "started in HYP mode / EL2)"
					    : "");
	ioctl_trace_fd(vm->sys_fd, FD_SYS);
	api = kvm_ioctl_val(vm->sys_fd, KVM_GET_API_VERSION, 0);
	if (api != KVM_API_VERSION)
		return fail(EXIT_NOKVM, "%s: KVM API version %d, want %d%s", vm->dev, api,
			    KVM_API_VERSION, api < 0 ? " (not a KVM device?)" : "");
	for (size_t i = 0; i < sizeof(needed_caps) / sizeof(needed_caps[0]); i++)
		if (kvm_ioctl_val(vm->sys_fd, KVM_CHECK_EXTENSION, needed_caps[i]) <= 0)
			return fail(EXIT_NOKVM, "KVM lacks %s (is this ARM KVM?)",
				    kvm_cap_name(needed_caps[i]));
	return arch_check_caps(vm);
}

int vm_create(struct vm *vm)
{
	vm->vm_fd = kvm_ioctl_val(vm->sys_fd, KVM_CREATE_VM, 0); /* type 0: 40-bit IPA */
	if (vm->vm_fd < 0)
		return fail(EXIT_KVMFAIL, "KVM_CREATE_VM: %s", strerror(errno));
	ioctl_trace_fd(vm->vm_fd, FD_VM);
	/* Aborts without a syndrome (ISV=0) come to us instead of failing the run. */
	if (!vm->no_nisv &&
	    kvm_ioctl_val(vm->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_ARM_NISV_TO_USER) > 0) {
		struct kvm_enable_cap cap = { .cap = KVM_CAP_ARM_NISV_TO_USER };

		vm->nisv = kvm_ioctl(vm->vm_fd, KVM_ENABLE_CAP, &cap) == 0;
	}
	/* Data aborts for accesses to no device: KVM builds them (inject.c). */
	vm->ext_dabt = !vm->no_ext_dabt &&
		kvm_ioctl_val(vm->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_ARM_INJECT_EXT_DABT) > 0;
	/* With no in-kernel irqchip the timer's level is reported in kvm_run. */
	vm->user_irq = kvm_ioctl_val(vm->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_ARM_USER_IRQ) > 0;
	return 0;
}

/* One memslot: the board's RAM, from its description (-m). */
int vm_add_ram(struct vm *vm, const struct board_desc *desc)
{
	struct kvm_userspace_memory_region region = {
		.slot = 0,
		.guest_phys_addr = desc->ram_base,
		.memory_size = desc->ram_size,
	};
	size_t size = desc->ram_size;

	vm->ram = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vm->ram == MAP_FAILED) {
		vm->ram = NULL;
		return fail(EXIT_KVMFAIL, "cannot map %zu bytes of guest RAM: %s", size,
			    strerror(errno));
	}
	vm->ram_size = size;
	region.userspace_addr = (uintptr_t)vm->ram;
	if (kvm_ioctl(vm->vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		return fail(EXIT_KVMFAIL, "KVM_SET_USER_MEMORY_REGION: %s", strerror(errno));
	return 0;
}

/* Image, initrd and DTB where the boot plan put them (all checked before). */
int vm_load_guest(struct vm *vm, const struct guest *g)
{
	guest_copy(g, vm->ram);
	return 0;
}

int vm_create_vcpu(struct vm *vm)
{
	vm->vcpu_fd = kvm_ioctl_val(vm->vm_fd, KVM_CREATE_VCPU, 0);
	if (vm->vcpu_fd < 0)
		return fail(EXIT_KVMFAIL, "KVM_CREATE_VCPU: %s", strerror(errno));
	ioctl_trace_fd(vm->vcpu_fd, FD_VCPU);
	vm->vcpu_fds[0] = vm->vcpu_fd;
	return 0;
}

int vm_init_vcpu(struct vm *vm)
{
	uint32_t preferred;
	const char *name;

	/* The target must be the host CPU's: ask KVM rather than guess. */
	if (kvm_ioctl(vm->vm_fd, KVM_ARM_PREFERRED_TARGET, &vm->init) < 0)
		return fail(EXIT_NOKVM, "KVM_ARM_PREFERRED_TARGET: %s (no target for this CPU)",
			    strerror(errno));
	preferred = vm->init.target;
	if (vm->force_target >= 0)
		vm->init.target = (uint32_t)vm->force_target;
	memset(vm->init.features, 0, sizeof(vm->init.features));
	arch_vcpu_features(&vm->init);
	if (kvm_ioctl(vm->vcpu_fd, KVM_ARM_VCPU_INIT, &vm->init) == 0)
		return 0;
	name = arch_target_name(vm->init.target);
	if (vm->init.target != preferred)
		return fail(EXIT_NOKVM,
			    "KVM_ARM_VCPU_INIT: target %u (%s) does not match this "
			    "CPU, whose target is %u (%s): %s",
			    vm->init.target, name ? name : "unknown", preferred,
			    arch_target_name(preferred) ?: "unknown", strerror(errno));
	return fail(EXIT_NOKVM, "KVM_ARM_VCPU_INIT target %u (%s) features 0x%x: %s",
		    vm->init.target, name ? name : "unknown", vm->init.features[0],
		    strerror(errno));
}

/*
 * The boot plan's registers (docs/guest-abi.md), one KVM_SET_ONE_REG each:
 * PC, CPSR (SVC, A I F masked), and those of r0-r2 that are not 0 (Linux:
 * r1 = ~0, r2 = the DTB): KVM_ARM_VCPU_INIT left every core register 0
 * (kvm_reset_vcpu), so the kit's protocol costs no call more.
 */
int vm_set_entry_regs(struct vm *vm, const struct boot_plan *plan)
{
	const uint32_t r[3] = { plan->r0, plan->r1, plan->r2 };

	if (vcpu_set_reg(vm, arch_reg_pc(), plan->entry) < 0 ||
	    vcpu_set_reg(vm, arch_reg_cpsr(), plan->cpsr) < 0)
		return fail(EXIT_KVMFAIL, "KVM_SET_ONE_REG: %s", strerror(errno));
	for (unsigned n = 0; n < 3; n++)
		if (r[n] && vcpu_set_reg(vm, arch_reg_gpr(n, plan->cpsr), r[n]) < 0)
			return fail(EXIT_KVMFAIL, "KVM_SET_ONE_REG r%u: %s", n, strerror(errno));
	return 0;
}

int vm_map_run(struct vm *vm)
{
	int size = kvm_ioctl_val(vm->sys_fd, KVM_GET_VCPU_MMAP_SIZE, 0);

	if (size < (int)sizeof(struct kvm_run))
		return fail(EXIT_KVMFAIL, "KVM_GET_VCPU_MMAP_SIZE: %d", size);
	vm->run = kvm_mmap_run(vm->vcpu_fd, (size_t)size);
	if (vm->run == MAP_FAILED) {
		vm->run = NULL;
		return fail(EXIT_KVMFAIL, "mmap of the vCPU's kvm_run: %s", strerror(errno));
	}
	vm->run_size = (size_t)size;
	vm->runs[0] = vm->run;
	ioctl_trace_run(vm->vcpu_fd, vm->run);
	return 0;
}

int vm_coalesce_console(struct vm *vm)
{
	struct kvm_coalesced_mmio_zone zone = { .addr = BOARD_UART_BASE, .size = 4 };
	long page = sysconf(_SC_PAGESIZE);
	int off = kvm_ioctl_val(vm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_COALESCED_MMIO);

	if (off <= 0)
		return fail(EXIT_NOKVM, "--coalesce-console: KVM lacks KVM_CAP_COALESCED_MMIO");
	if (page <= 0 || (size_t)(off + 1) * (size_t)page > vm->run_size)
		return fail(EXIT_KVMFAIL,
			    "--coalesce-console: the ring (page %d) is not in the "
			    "vCPU's %zu-byte mmap",
			    off, vm->run_size);
	/* Only DR: a write there has no effect the guest could read back. */
	if (kvm_ioctl(vm->vm_fd, KVM_REGISTER_COALESCED_MMIO, &zone) < 0)
		return fail(EXIT_KVMFAIL, "KVM_REGISTER_COALESCED_MMIO: %s", strerror(errno));
	vm->ring = (struct kvm_coalesced_mmio_ring *)((uint8_t *)vm->run + (size_t)off * page);
	vm->ring_max = (uint32_t)KVM_COALESCED_MMIO_MAX((size_t)page);
	return 0;
}

void vm_close(struct vm *vm)
{
	for (unsigned n = 1; n < BOARD_MAX_CPUS; n++) { /* vCPU 0's below */
		if (vm->runs[n])
			munmap(vm->runs[n], vm->run_size);
		if (vm->vcpu_fds[n] >= 0)
			close(vm->vcpu_fds[n]);
	}
	if (vm->run)
		munmap(vm->run, vm->run_size);
	if (vm->ram)
		munmap(vm->ram, vm->ram_size);
	if (vm->vcpu_fd >= 0)
		close(vm->vcpu_fd);
	if (vm->vm_fd >= 0)
		close(vm->vm_fd);
	if (vm->sys_fd >= 0)
		close(vm->sys_fd);
}

int vcpu_get_reg(struct vm *vm, uint64_t id, uint64_t *value)
{
	uint64_t v = 0;
	struct kvm_one_reg r = { .id = id, .addr = (uintptr_t)&v };
	int rc = kvm_ioctl(vm->vcpu_fd, KVM_GET_ONE_REG, &r);

	/* A 32-bit register fills the low half on this little-endian host. */
	*value = kvm_reg_size(id) == 4 ? (uint32_t)v : v;
	return rc;
}

int vcpu_set_reg(struct vm *vm, uint64_t id, uint64_t value)
{
	struct kvm_one_reg r = { .id = id, .addr = (uintptr_t)&value };

	return kvm_ioctl(vm->vcpu_fd, KVM_SET_ONE_REG, &r);
}
