/*
 * kvm-order's steps: raw KVM ioctls through kvm-runner's recorded
 * kvm_ioctl(), in whatever order a case gives, on a VM of its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <unistd.h>

#include "arch.h"
#include "ioctl_trace.h"
#include "kvm_arch_abi.h"
#include "memmap.h"
#include "order.h"

#define RAM_SIZE    0x10000u
#define SLOT2_BASE  0x50000000u
#define SLOT2_MAGIC 0x600dcafeu
#define SPIN_MS	    200 /* a KVM_RUN with no exit for this long is cut by SIGALRM */
#define SPIN_TRIES  3	/* that many cuts in a row with no exit: the guest spins */
#define MAX_EXITS   8

#define GUEST_END (BOARD_UART_BASE + 4) /* the guest's last store: no more KVM_RUN */

/*
 * The guest, A32 at BOARD_RAM_BASE: a UART write, a load from SLOT2_BASE
 * (RAM if the second slot is there, else an MMIO read), that value to the
 * UART, a store to GUEST_END, then a branch to itself.
 */
static const uint32_t guest_code[] = {
	0xe3a00409, /* mov r0, #0x09000000   BOARD_UART_BASE */
	0xe3a01041, /* mov r1, #'A' */
	0xe5801000, /* str r1, [r0] */
	0xe3a03205, /* mov r3, #0x50000000   SLOT2_BASE */
	0xe5932000, /* ldr r2, [r3] */
	0xe5802000, /* str r2, [r0] */
	0xe5801004, /* str r1, [r0, #4]      GUEST_END */
	0xeafffffe, /* b . */
};
_Static_assert(BOARD_UART_BASE == 0x09000000, "the guest's mov r0 encodes the UART base");

struct ctx {
	int sys, vm, vcpu, vcpu1;
	void *ram, *ram2;
	struct kvm_run *run;
	size_t run_size;
	bool initialized;
	char *guest;
	size_t glen;
	const char *dev;
};

static const char *const step_names[] = {
	[S_END] = "-",
	[S_OPEN] = "open /dev/kvm",
	[S_VM] = "KVM_CREATE_VM",
	[S_VM_NOFD] = "KVM_CREATE_VM",
	[S_VCPU] = "KVM_CREATE_VCPU",
	[S_VCPU_SYS] = "KVM_CREATE_VCPU",
	[S_VCPU1] = "KVM_CREATE_VCPU 1",
	[S_MEM] = "KVM_SET_USER_MEMORY_REGION",
	[S_MEM2] = "KVM_SET_USER_MEMORY_REGION 1",
	[S_MEM_DUP] = "KVM_SET_USER_MEMORY_REGION 1",
	[S_INIT] = "KVM_ARM_VCPU_INIT",
	[S_INIT_OTHER] = "KVM_ARM_VCPU_INIT",
	[S_REGS] = "KVM_SET_ONE_REG",
	[S_REGS_VM] = "KVM_SET_ONE_REG",
	[S_MMAP] = "mmap vCPU fd",
	[S_RUN] = "KVM_RUN",
	[S_RUN1] = "KVM_RUN",
};

const char *order_step_name(enum order_step s)
{
	return s < sizeof(step_names) / sizeof(step_names[0]) ? step_names[s] : "?";
}

const char *order_errname(int err)
{
	switch (err) {
	case EBADF: return "EBADF";
	case EINVAL: return "EINVAL";
	case ENOEXEC: return "ENOEXEC";
	case EEXIST: return "EEXIST";
	case EINTR: return "EINTR";
	case ENOENT: return "ENOENT";
	case EBUSY: return "EBUSY";
	case EFAULT: return "EFAULT";
	case ENOTTY: return "ENOTTY";
	case EPERM: return "EPERM";
	case ENOMEM: return "ENOMEM";
	case ENXIO: return "ENXIO";
	default: return "E?";
	}
}

/* Appends to the guest column, ", " between items. */
static void note(struct ctx *c, const char *fmt, ...)
{
	size_t room = sizeof(((struct order_result *)0)->guest);
	va_list ap;
	int n;

	if (c->glen + 4 >= room)
		return;
	if (c->glen)
		c->glen += (size_t)snprintf(c->guest + c->glen, room - c->glen, ", ");
	va_start(ap, fmt);
	n = vsnprintf(c->guest + c->glen, room - c->glen, fmt, ap);
	va_end(ap);
	c->glen = n < 0 ? c->glen : c->glen + (size_t)n < room ? c->glen + (size_t)n : room - 1;
}

static void on_alarm(int sig) { (void)sig; }

static void arm_timer(int ms)
{
	struct itimerval t = { .it_value = { .tv_sec = ms / 1000, .tv_usec = ms % 1000 * 1000 } };

	setitimer(ITIMER_REAL, &t, NULL);
}

static int set_reg(int fd, uint64_t id, uint64_t v)
{
	uint32_t v32 = (uint32_t)v;
	struct kvm_one_reg r = { .id = id };

	r.addr = (id & KVM_REG_SIZE_MASK) == KVM_REG_SIZE_U32 ? (uintptr_t)&v32 : (uintptr_t)&v;
	return kvm_ioctl(fd, KVM_SET_ONE_REG, &r);
}

static int get_pc(int fd, uint64_t *pc)
{
	uint64_t v = 0;
	struct kvm_one_reg r = { .id = arch_reg_pc(), .addr = (uintptr_t)&v };

	if (kvm_ioctl(fd, KVM_GET_ONE_REG, &r) < 0)
		return -1;
	*pc = (arch_reg_pc() & KVM_REG_SIZE_MASK) == KVM_REG_SIZE_U32 ? (uint32_t)v : v;
	return 0;
}

static int vcpu_init(struct ctx *c, bool other)
{
	struct kvm_vcpu_init init;

	memset(&init, 0, sizeof(init));
	if (kvm_ioctl(c->vm, KVM_ARM_PREFERRED_TARGET, &init) < 0)
		return -1;
	arch_vcpu_features(&init);
	if (other)
		init.features[0] ^= 1u << KVM_ARM_VCPU_PSCI_0_2;
	return kvm_ioctl(c->vcpu, KVM_ARM_VCPU_INIT, &init);
}

static int add_slot(struct ctx *c, uint32_t slot, uint64_t base, void **mem, uint32_t fill)
{
	struct kvm_userspace_memory_region r = { .slot = slot,
						 .guest_phys_addr = base,
						 .memory_size = RAM_SIZE };

	if (!*mem) {
		*mem = mmap(NULL, RAM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			    0);
		if (*mem == MAP_FAILED) {
			*mem = NULL;
			return -1;
		}
		if (fill)
			*(uint32_t *)*mem = fill;
		else
			memcpy(*mem, guest_code, sizeof(guest_code));
	}
	r.userspace_addr = (uintptr_t)*mem;
	return kvm_ioctl(c->vm, KVM_SET_USER_MEMORY_REGION, &r);
}

/* One KVM_RUN; an MMIO exit is noted and answered (a read gets 0). */
static int run_once(struct ctx *c, bool *exited)
{
	int rc;

	*exited = false;
	arm_timer(SPIN_MS);
	rc = kvm_ioctl(c->vcpu, KVM_RUN, NULL);
	arm_timer(0);
	if (rc < 0 && errno != EINTR) {
		int err = errno;

		note(c, "KVM_RUN refused, the guest did not run");
		errno = err;
	}
	if (rc < 0 || !c->run)
		return rc;
	*exited = true;
	if (c->run->exit_reason == KVM_EXIT_MMIO) {
		uint32_t v = 0;

		memcpy(&v, c->run->mmio.data, c->run->mmio.len < 4 ? c->run->mmio.len : 4);
		if (c->run->mmio.is_write && c->run->mmio.phys_addr == GUEST_END)
			note(c, "end");
		else if (c->run->mmio.is_write)
			note(c, "MMIO w 0x%llx=0x%x", (unsigned long long)c->run->mmio.phys_addr,
			     v);
		else {
			note(c, "MMIO r 0x%llx", (unsigned long long)c->run->mmio.phys_addr);
			memset(c->run->mmio.data, 0, sizeof(c->run->mmio.data));
		}
	} else {
		const char *name = kvm_exit_name(c->run->exit_reason);

		note(c, "exit %s (%u)", name ? name : "?", c->run->exit_reason);
	}
	return 0;
}

/*
 * KVM_RUN until the guest's end store, or it spins (SPIN_TRIES cuts in a
 * row with no exit), leaves by another exit, or KVM refuses. Returns the
 * first call's result.
 */
static int run_all(struct ctx *c)
{
	int first = 1, rc, spins = 0, exits = 0, err = 0;
	bool exited;

	while (exits < MAX_EXITS && spins < SPIN_TRIES) {
		rc = run_once(c, &exited);
		if (first == 1) {
			first = rc;
			err = errno;
		}
		if (rc < 0 && errno != EINTR)
			break;
		if (rc < 0) {
			spins++;
			continue;
		}
		spins = 0;
		exits++;
		if (c->run &&
		    (c->run->exit_reason != KVM_EXIT_MMIO || c->run->mmio.phys_addr == GUEST_END))
			break;
	}
	if (spins == SPIN_TRIES)
		note(c, "then no exit for %d ms (EINTR)", SPIN_TRIES * SPIN_MS);
	errno = err;
	return first;
}

static int step(struct ctx *c, enum order_step s)
{
	struct kvm_one_reg none = { 0 };
	int fd;

	switch (s) {
	case S_OPEN:
		c->sys = open(c->dev, O_RDWR | O_CLOEXEC);
		if (c->sys >= 0)
			ioctl_trace_fd(c->sys, FD_SYS);
		return c->sys;
	case S_VM:
	case S_VM_NOFD:
		fd = s == S_VM_NOFD ? -1 : c->sys;
		c->vm = kvm_ioctl_val(fd, KVM_CREATE_VM, 0);
		if (c->vm >= 0)
			ioctl_trace_fd(c->vm, FD_VM);
		return c->vm;
	case S_VCPU:
	case S_VCPU_SYS:
	case S_VCPU1:
		fd = kvm_ioctl_val(s == S_VCPU_SYS ? c->sys : c->vm, KVM_CREATE_VCPU, s == S_VCPU1);
		if (fd >= 0) {
			ioctl_trace_fd(fd, FD_VCPU);
			*(s == S_VCPU1 ? &c->vcpu1 : &c->vcpu) = fd;
		}
		return fd;
	case S_MEM: return add_slot(c, 0, BOARD_RAM_BASE, &c->ram, 0);
	case S_MEM2: return add_slot(c, 1, SLOT2_BASE, &c->ram2, SLOT2_MAGIC);
	case S_MEM_DUP: return add_slot(c, 1, BOARD_RAM_BASE + RAM_SIZE / 2, &c->ram2, SLOT2_MAGIC);
	case S_INIT:
	case S_INIT_OTHER:
		fd = vcpu_init(c, s == S_INIT_OTHER);
		c->initialized |= fd == 0;
		return fd;
	case S_REGS:
		/* SVC mode with A, I and F masked, as the kit's protocol enters */
		if (set_reg(c->vcpu, arch_reg_pc(), BOARD_RAM_BASE) < 0)
			return -1;
		return set_reg(c->vcpu, arch_reg_cpsr(), 0x1d3);
	case S_REGS_VM: none.id = arch_reg_pc(); return kvm_ioctl(c->vm, KVM_SET_ONE_REG, &none);
	case S_MMAP:
		fd = kvm_ioctl_val(c->sys, KVM_GET_VCPU_MMAP_SIZE, 0);
		if (fd <= 0)
			return -1;
		c->run_size = (size_t)fd;
		c->run = kvm_mmap_run(c->vcpu, c->run_size);
		if (c->run == MAP_FAILED) {
			c->run = NULL;
			return -1;
		}
		ioctl_trace_run(c->vcpu, c->run);
		return 0;
	case S_RUN1: {
		bool exited;

		return run_once(c, &exited);
	}
	case S_RUN: return run_all(c);
	case S_END: break;
	}
	return 0;
}

static void answer(struct order_result *r, enum order_step s, int ret, int err)
{
	r->ret = ret;
	r->err = ret < 0 ? err : 0;
	if (ret < 0)
		snprintf(r->answer, sizeof(r->answer), "-1 %s", order_errname(err));
	else if (ret > 0 && (s == S_OPEN || s == S_VM || s == S_VCPU || s == S_VCPU1))
		snprintf(r->answer, sizeof(r->answer), "fd");
	else
		snprintf(r->answer, sizeof(r->answer), "%d", ret);
}

static void close_all(struct ctx *c)
{
	if (c->run)
		munmap(c->run, c->run_size);
	if (c->ram)
		munmap(c->ram, RAM_SIZE);
	if (c->ram2)
		munmap(c->ram2, RAM_SIZE);
	for (int *fd = &c->sys; fd <= &c->vcpu1; fd++)
		if (*fd >= 0)
			close(*fd);
}

void order_run(const struct order_case *oc, const char *dev, struct order_result *r)
{
	struct sigaction sa = { .sa_handler = on_alarm }; /* no SA_RESTART: KVM_RUN returns */
	struct ctx c = {
		.sys = -1, .vm = -1, .vcpu = -1, .vcpu1 = -1, .guest = r->guest, .dev = dev
	};
	bool ran = false;
	uint64_t pc;

	memset(r, 0, sizeof(*r));
	sigaction(SIGALRM, &sa, NULL);
	for (unsigned i = 0; i < ORDER_MAX_STEPS && oc->steps[i] != S_END; i++) {
		enum order_step s = oc->steps[i];
		int rc = step(&c, s), err = errno;

		ran |= s == S_RUN || s == S_RUN1;
		if (i == oc->probe) {
			answer(r, s, rc, err);
			continue;
		}
		/* S_RUN's EINTR is the guest spinning: a result, not a failure */
		if (rc < 0 && !(s == S_RUN && err == EINTR)) {
			snprintf(r->setup, sizeof(r->setup), "step %u %s: %s", i + 1,
				 order_step_name(s), strerror(err));
			break;
		}
	}
	if (!ran)
		snprintf(r->guest, sizeof(r->guest), "not run");
	else if (c.initialized && c.vcpu >= 0 && get_pc(c.vcpu, &pc) == 0)
		note(&c, "pc 0x%llx", (unsigned long long)pc);
	if (!r->guest[0])
		snprintf(r->guest, sizeof(r->guest), "no exit");
	close_all(&c);
}
