/*
 * kvm-order: the six steps of a VMM (1 open /dev/kvm, 2 KVM_CREATE_VM,
 * 3 KVM_CREATE_VCPU, 4 memory, 5 registers, 6 KVM_RUN) and ARM's
 * KVM_ARM_VCPU_INIT, taken in orders that keep the rules (2 after 1, 3 after
 * 1, 4 and 5 after 3, 4 and 5 in either order) and in orders that break
 * them; for each, KVM's answer at the step that matters, what the guest then
 * did, and the kernel function that gives the answer (docs/kvm-runner.md).
 */
#ifndef KVM_ORDER_H
#define KVM_ORDER_H

#include <stddef.h>

/* One step; the seed's number in the comment. */
enum order_step {
	S_END = 0,
	S_OPEN,	      /* 1: open /dev/kvm */
	S_VM,	      /* 2: KVM_CREATE_VM on /dev/kvm */
	S_VM_NOFD,    /* 2 without 1: KVM_CREATE_VM on a closed fd */
	S_VCPU,	      /* 3: KVM_CREATE_VCPU id 0 */
	S_VCPU_SYS,   /* 3 without 2: KVM_CREATE_VCPU on the /dev/kvm fd */
	S_VCPU1,      /* 3 again: KVM_CREATE_VCPU id 1 */
	S_MEM,	      /* 4: RAM at 0x40000000, the guest's code in it */
	S_MEM2,	      /* 4 again: a second slot at 0x50000000 holding 0x600dcafe */
	S_MEM_DUP,    /* 4 again: slot 1 over slot 0's addresses */
	S_INIT,	      /* KVM_ARM_VCPU_INIT, the preferred target and features */
	S_INIT_OTHER, /* KVM_ARM_VCPU_INIT with one feature bit (PSCI 0.2) flipped */
	S_REGS,	      /* 5: pc = 0x40000000, CPSR = SVC, A/I/F masked */
	S_REGS_VM,    /* 5 without 3: KVM_SET_ONE_REG on the VM fd */
	S_MMAP,	      /* mmap the vCPU fd: struct kvm_run */
	S_RUN,	      /* 6: KVM_RUN until the guest spins (a timer ends it) */
	S_RUN1,	      /* 6: one KVM_RUN */
	S_GIC,	      /* KVM_CREATE_DEVICE ARM_VGIC_V2, its GICD and GICC addresses */
	S_GIC_INIT,   /* the vGIC's NR_IRQS, then CTRL_INIT */
};

#define ORDER_MAX_STEPS 12

struct order_case {
	const char *name;			/* the case, as the table shows it */
	const char *rule;			/* the rule kept or broken */
	enum order_step steps[ORDER_MAX_STEPS]; /* in order, S_END-ended */
	unsigned probe;				/* index of the step whose answer is recorded */
	const char *want; /* the answer the sources give: "0", "fd", "EINVAL" ... */
	const char *func; /* the kernel function giving it (5.6 and 6.1) */
};

extern const struct order_case order_cases[];
extern const size_t order_ncases;

/* What one case gave: the probe's answer and the guest's run. */
struct order_result {
	int ret, err;	 /* the probe step's return value and errno */
	char answer[24]; /* "0", "fd 5", "-1 ENOEXEC" */
	char guest[160]; /* what the guest then did */
	char setup[96];	 /* a step before the probe failed: which, why */
};

/* Runs one case on dev (normally /dev/kvm) in a fresh VM. */
void order_run(const struct order_case *c, const char *dev, struct order_result *r);

/* The step's name for the table ("KVM_CREATE_VCPU"). */
const char *order_step_name(enum order_step s);

/* errno's name ("ENOEXEC"), or "E?" */
const char *order_errname(int err);

#endif
