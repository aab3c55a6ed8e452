/*
 * The recording ioctl wrapper: request numbers against the facts, real
 * (failing) ioctls on real fds counted per role, the argument summaries,
 * and the summary table's totals.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "arch.h"
#include "ioctl_trace.h"
#include "unit.h"

static void numbers(void)
{
	check_eq(KVM_GET_API_VERSION, 0xae00, "KVM_GET_API_VERSION");
	check_eq(KVM_CREATE_VM, 0xae01, "KVM_CREATE_VM");
	check_eq(KVM_CREATE_VCPU, 0xae41, "KVM_CREATE_VCPU");
	check_eq(KVM_RUN, 0xae80, "KVM_RUN");
	check_eq(KVM_SET_USER_MEMORY_REGION, 0x4020ae46, "KVM_SET_USER_MEMORY_REGION");
	check_eq(KVM_SET_ONE_REG, 0x4010aeac, "KVM_SET_ONE_REG");
	check_eq(KVM_ARM_VCPU_INIT, 0x4020aeae, "KVM_ARM_VCPU_INIT");
	check_eq(KVM_ARM_PREFERRED_TARGET, 0x8020aeaf, "KVM_ARM_PREFERRED_TARGET");
	check_eq(KVM_GET_REG_LIST, 0xc008aeb0, "KVM_GET_REG_LIST");
	check_eq(KVM_IRQ_LINE, 0x4008ae61, "KVM_IRQ_LINE");
	check_eq(KVM_ENABLE_CAP, 0x4068aea3, "KVM_ENABLE_CAP");
	check_eq(KVM_GET_MP_STATE, 0x8004ae98, "KVM_GET_MP_STATE");
	check_str(ioctl_name(KVM_RUN), "KVM_RUN", "name of KVM_RUN");
	check(ioctl_name(0x1234) == NULL, "unknown request has no name");
	check_str(kvm_exit_name(KVM_EXIT_SYSTEM_EVENT), "SYSTEM_EVENT", "exit name");
}

static void describe(void)
{
	char buf[128];
	uint64_t v = 0x40000000;
	struct kvm_one_reg r = { .id = arch_reg_pc(), .addr = (uintptr_t)&v };
	struct kvm_userspace_memory_region mr = { .slot = 0,
						  .guest_phys_addr = 0x40000000,
						  .memory_size = 0x1000000 };
	struct kvm_run run = { .exit_reason = KVM_EXIT_MMIO };

	ioctl_describe(buf, sizeof(buf), KVM_SET_ONE_REG, (uintptr_t)&r, 0, NULL);
	check_str(buf, "pc = 0x40000000", "SET_ONE_REG summary");
	ioctl_describe(buf, sizeof(buf), KVM_SET_USER_MEMORY_REGION, (uintptr_t)&mr, 0, NULL);
	check_str(buf, "slot=0 gpa=0x40000000 size=0x1000000 flags=0", "memory region summary");
	ioctl_describe(buf, sizeof(buf), KVM_CHECK_EXTENSION, KVM_CAP_ARM_EL1_32BIT, 1, NULL);
	check_str(buf, "KVM_CAP_ARM_EL1_32BIT(93)", "capability summary");
	run.mmio.phys_addr = 0x09000018;
	run.mmio.len = 4;
	ioctl_describe(buf, sizeof(buf), KVM_RUN, 0, 0, &run);
	check_str(buf, "exit=MMIO read 0x09000018 len=4", "KVM_RUN summary");
}

/* total ROLE REQUEST from the summary table text */
static unsigned summary_total(const char *text, const char *role, const char *req)
{
	char key[96];
	const char *p;

	snprintf(key, sizeof(key), "summary: %-4s %-26s ", role, req);
	p = strstr(text, key);
	p = p ? strstr(p, "total=") : NULL;
	return p ? (unsigned)atoi(p + 6) : ~0u;
}

static void counting(void)
{
	int sys = open("/dev/null", O_RDWR), vcpu = open("/dev/zero", O_RDWR);
	char text[4096] = { 0 };
	FILE *f;

	ioctl_trace_reset();
	ioctl_trace_fd(sys, FD_SYS);
	ioctl_trace_fd(vcpu, FD_VCPU);
	check(kvm_ioctl_val(sys, KVM_GET_API_VERSION, 0) < 0 && errno == ENOTTY,
	      "not a KVM fd: the ioctl fails, errno kept");
	kvm_ioctl_val(sys, KVM_CHECK_EXTENSION, KVM_CAP_ONE_REG);
	kvm_ioctl_val(sys, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
	ioctl_trace_phase(PH_RUN);
	for (int i = 0; i < 3; i++)
		kvm_ioctl_val(vcpu, KVM_RUN, 0);
	check_eq(ioctl_count(FD_SYS, KVM_CHECK_EXTENSION), 2, "sys: CHECK_EXTENSION x2");
	check_eq(ioctl_count(FD_VCPU, KVM_RUN), 3, "vcpu: KVM_RUN x3");
	check_eq(ioctl_count(FD_SYS, KVM_RUN), 0, "sys: no KVM_RUN");
	check_eq(ioctl_total(FD_SYS, PH_SETUP), 3, "sys total in setup");
	check_eq(ioctl_total(FD_VCPU, PH_RUN), 3, "vcpu total in run");
	f = fmemopen(text, sizeof(text) - 1, "w");
	ioctl_trace_write(f, "kvm-runner-test");
	fclose(f);
	check(strstr(text, "records=6 dropped=0") != NULL, "header counts the records");
	check(strstr(text, "0001 setup sys  KVM_GET_API_VERSION") != NULL, "first record");
	check(strstr(text, "errno=ENOTTY") != NULL, "errno by name");
	check_eq(summary_total(text, "vcpu", "KVM_RUN"), 3, "summary: vcpu KVM_RUN total");
	check_eq(summary_total(text, "sys", "ioctls"), 3, "summary: sys ioctls");
	check_eq(summary_total(text, "vm", "ioctls"), 0, "summary: vm ioctls");
	check_eq(summary_total(text, "all", "ioctls"), 6, "summary: all ioctls");
	check(strstr(text, "summary: vcpu KVM_RUN                    setup=0    run=3") != NULL,
	      "summary splits by phase");
	close(sys);
	close(vcpu);
	ioctl_trace_reset();
}

/* Each vCPU fd is its own role: its own counts and summary block. */
static void per_vcpu(void)
{
	int v0 = open("/dev/zero", O_RDWR), v1 = open("/dev/zero", O_RDWR);
	char text[4096] = { 0 };
	FILE *f;

	ioctl_trace_reset();
	ioctl_trace_threads();
	ioctl_trace_fd(v0, FD_VCPU);
	ioctl_trace_fd(v1, (enum fd_role)(FD_VCPU + 1));
	ioctl_trace_phase(PH_RUN);
	kvm_ioctl_val(v0, KVM_RUN, 0);
	for (int i = 0; i < 2; i++)
		kvm_ioctl_val(v1, KVM_RUN, 0);
	check_eq(ioctl_count(FD_VCPU, KVM_RUN), 1, "vcpu 0: KVM_RUN x1");
	check_eq(ioctl_count(FD_VCPU + 1, KVM_RUN), 2, "vcpu 1: KVM_RUN x2, apart");
	f = fmemopen(text, sizeof(text) - 1, "w");
	ioctl_trace_write(f, "kvm-runner-test");
	fclose(f);
	check_eq(summary_total(text, "vcpu1", "KVM_RUN"), 2, "summary: a vcpu1 block");
	check(strstr(text, "run   vcpu1 KVM_RUN") != NULL, "records name the vCPU fd");
	check(strstr(text, "summary: vcpu2") == NULL, "no block for a vCPU fd never used");
	close(v0);
	close(v1);
	ioctl_trace_reset();
}

int main(void)
{
	numbers();
	describe();
	counting();
	per_vcpu();
	return unit_summary();
}
