/*
 * One VM with its vCPUs and the board, and the steps that build it, in the
 * order a VMM takes them (vm.c; the secondaries' in vcpu.c). The fds:
 *
 *   /dev/kvm ── sys_fd ──KVM_CREATE_VM──> vm_fd ──KVM_CREATE_VCPU 0──> vcpu_fd
 *                                           │  └──KVM_CREATE_VCPU n──> vcpu_fds[n]
 *                           KVM_SET_USER_MEMORY_REGION        mmap each: struct kvm_run
 *
 * vcpu_fd and run are vCPU 0's (vcpu_fds[0], runs[0]); a vCPU thread works
 * on a copy of this struct whose vcpu_fd and run are its own (vcpu.c), so
 * every helper taking a struct vm acts on the calling thread's vCPU.
 */
#ifndef KVM_RUNNER_VM_H
#define KVM_RUNNER_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "board.h"
#include "kvm_abi.h"
#include "guest.h"

struct vm {
	const char *dev; /* the KVM device, normally /dev/kvm */
	int sys_fd, vm_fd, vcpu_fd;
	unsigned ncpus;			      /* -c: vCPUs (the board's) */
	int vcpu_fds[BOARD_MAX_CPUS];	      /* [0] = vcpu_fd; -1 until created */
	struct kvm_run *runs[BOARD_MAX_CPUS]; /* [0] = run */
	uint8_t *ram;			      /* guest RAM at BOARD_RAM_BASE */
	size_t ram_size;
	struct kvm_run *run; /* the vCPU's shared page */
	size_t run_size;
	struct kvm_vcpu_init init;	      /* what KVM_ARM_VCPU_INIT was given */
	int force_target;		      /* --target: instead of the preferred one; -1 */
	bool nisv;			      /* KVM_CAP_ARM_NISV_TO_USER enabled */
	bool no_nisv;			      /* --no-nisv: leave it off, as on Linux 5.4 */
	bool ext_dabt;			      /* KVM_CAP_ARM_INJECT_EXT_DABT, used (inject.c) */
	bool no_ext_dabt;		      /* --no-ext-dabt: inject by hand, as on Linux 5.4 */
	bool user_irq;			      /* KVM_CAP_ARM_USER_IRQ: timer level in kvm_run */
	struct kvm_coalesced_mmio_ring *ring; /* --coalesce-console, else NULL */
	uint32_t ring_max;		      /* its entries */
	struct board *board;		      /* one for all vCPUs (their threads share it) */
};

/* The steps; each returns 0 or an exit status (err.h) after one line. */
int vm_open_kvm(struct vm *vm);
int vm_create(struct vm *vm);
int vm_add_ram(struct vm *vm, const struct board_desc *desc);
int vm_load_guest(struct vm *vm, const struct guest *g);
int vm_create_vcpu(struct vm *vm);
int vm_init_vcpu(struct vm *vm);
int vm_set_entry_regs(struct vm *vm, const struct boot_plan *plan);
int vm_map_run(struct vm *vm);
/* --coalesce-console: the UART's DR word as a coalesced MMIO zone (after vm_map_run). */
int vm_coalesce_console(struct vm *vm);
void vm_close(struct vm *vm);

/* KVM_GET_ONE_REG / KVM_SET_ONE_REG of a register of at most 64 bits. */
int vcpu_get_reg(struct vm *vm, uint64_t id, uint64_t *value);
int vcpu_set_reg(struct vm *vm, uint64_t id, uint64_t value);

#endif
