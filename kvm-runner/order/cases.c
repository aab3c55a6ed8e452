/*
 * The orders kvm-order tries. Each "want" and "func" was read in the
 * kernel sources, Linux 5.6.4 (virt/kvm/kvm_main.c, virt/kvm/arm/arm.c,
 * virt/kvm/arm/mmu.c: the code 32-bit ARM and arm64 shared up to 5.6) and
 * 6.1.20 (the same functions, arch/arm64/kvm/); where they differ the func
 * says so. The table's "agrees" column compares the run with "want": "0"
 * success, "fd" a new file descriptor, else the errno's name.
 */
#include "order.h"

#define KEEP "kept"

const struct order_case order_cases[] = {
	{ "the kit's order: memory before the vCPU", "4 after 3 (KVM does not need it)",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_INIT, S_REGS, S_MMAP, S_RUN }, 2, "0",
	  "kvm_vm_ioctl_set_memory_region: a slot needs the VM only" },
	{ "the seed's order: memory after the vCPU exists", KEEP " (3, then 4)",
	  { S_OPEN, S_VM, S_VCPU, S_MEM, S_INIT, S_REGS, S_MMAP, S_RUN }, 3, "0",
	  "kvm_vm_ioctl_set_memory_region" },
	{ "registers before memory", KEEP " (4 and 5 in either order)",
	  { S_OPEN, S_VM, S_VCPU, S_INIT, S_REGS, S_MEM, S_MMAP, S_RUN }, 5, "0",
	  "kvm_vm_ioctl_set_memory_region; KVM reads RAM only at KVM_RUN" },
	{ "KVM_CREATE_VM with no /dev/kvm fd", "2 after 1, broken",
	  { S_VM_NOFD }, 0, "EBADF",
	  "ksys_ioctl (fs/ioctl.c): fdget fails before KVM is reached" },
	{ "KVM_CREATE_VCPU on /dev/kvm, no VM", "3 after 1 (on 2's VM fd), broken",
	  { S_OPEN, S_VCPU_SYS }, 1, "EINVAL",
	  "kvm_dev_ioctl: not a /dev/kvm request (default: -EINVAL)" },
	{ "registers with no vCPU (on the VM fd)", "5 after 3, broken",
	  { S_OPEN, S_VM, S_REGS_VM }, 2, "EINVAL",
	  "kvm_vm_ioctl -> kvm_arch_vm_ioctl: default -EINVAL" },
	{ "registers before KVM_ARM_VCPU_INIT", "VCPU_INIT before 5, broken",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_REGS, S_INIT, S_REGS, S_MMAP, S_RUN }, 4, "ENOEXEC",
	  "kvm_arch_vcpu_ioctl, KVM_SET_ONE_REG: !kvm_vcpu_initialized -> -ENOEXEC" },
	{ "KVM_RUN before KVM_ARM_VCPU_INIT", "VCPU_INIT before 6, broken",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_MMAP, S_RUN1 }, 5, "ENOEXEC",
	  "kvm_arch_vcpu_ioctl_run: !kvm_vcpu_initialized -> -ENOEXEC" },
	{ "KVM_RUN with no memory region", "4 before 6, broken",
	  { S_OPEN, S_VM, S_VCPU, S_INIT, S_REGS, S_MMAP, S_RUN }, 6, "EINTR",
	  "kvm_handle_guest_abort: a fetch outside every memslot gets kvm_inject_pabt, "
	  "back into the guest, never an exit; only a signal ends KVM_RUN" },
	{ "memory added after the first KVM_RUN", KEEP " (4 may come again)",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_INIT, S_REGS, S_MMAP, S_RUN1, S_MEM2, S_RUN }, 8, "0",
	  "kvm_vm_ioctl_set_memory_region; the guest's next load sees the new slot" },
	{ "mmap of the vCPU fd before the registers", KEEP " (mmap after 3)",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_MMAP, S_INIT, S_REGS, S_RUN }, 4, "0",
	  "kvm_vcpu_mmap/kvm_vcpu_fault: the kvm_run page exists from KVM_CREATE_VCPU on" },
	{ "mmap of the vCPU fd after the registers", KEEP " (mmap after 3)",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_INIT, S_REGS, S_MMAP, S_RUN }, 6, "0",
	  "kvm_vcpu_mmap" },
	{ "KVM_ARM_VCPU_INIT twice, same features", KEEP " (VCPU_INIT may come again)",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_INIT, S_REGS, S_INIT, S_MMAP, S_RUN }, 6, "0",
	  "kvm_vcpu_set_target -> kvm_reset_vcpu: the vCPU is reset, pc back to 0" },
	{ "KVM_ARM_VCPU_INIT twice, other features", "VCPU_INIT again with other features",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_INIT, S_INIT_OTHER, S_REGS, S_MMAP, S_RUN }, 5, "EINVAL",
	  "kvm_vcpu_set_target: later calls must use the same target and feature set" },
	{ "the same vCPU id twice", "3 once per id",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_VCPU, S_INIT, S_REGS, S_MMAP, S_RUN }, 4, "EEXIST",
	  "kvm_vm_ioctl_create_vcpu: kvm_get_vcpu_by_id(id) -> -EEXIST" },
	{ "KVM_CREATE_VCPU after KVM_RUN", KEEP " (3 may come again)",
	  { S_OPEN, S_VM, S_MEM, S_VCPU, S_INIT, S_REGS, S_MMAP, S_RUN1, S_VCPU1 }, 8, "fd",
	  "kvm_vm_ioctl_create_vcpu -> kvm_arch_vcpu_create (5.6) / kvm_arch_vcpu_precreate "
	  "(6.1): -EBUSY only once an in-kernel vGIC is ready; the kit has none" },
	{ "a memory slot over another", "4: slots must not overlap",
	  { S_OPEN, S_VM, S_MEM, S_MEM_DUP }, 3, "EEXIST",
	  "__kvm_set_memory_region: the range overlaps a slot -> -EEXIST" },
};

const size_t order_ncases = sizeof(order_cases) / sizeof(order_cases[0]);
