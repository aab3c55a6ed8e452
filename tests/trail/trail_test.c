/*
 * Unit tests of the KVM trail reader (kvm-runner/trail/trail.c) on the real
 * Linux 5.4.286 trail (fixtures/README) and on small crafted trails.
 */
#include "merge.h"
#include "trail.h"
#include "unit.h"
#include <stdlib.h>

static char err[300];

static int load_text(const char *text, struct trail *t)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int r = trail_read(in, "t.txt", t, err, sizeof(err));

	fclose(in);
	return r;
}

static void test_sample(void)
{
	const char *path = "tests/trail/fixtures/linux-5.4-armv7.kvm-trail.txt";
	FILE *in = fopen(path, "r");
	struct trail t;
	unsigned user = 0, nonempty = 0;

	check(in != NULL, "the 5.4 sample is there");
	if (!in)
		return;
	check(trail_read(in, path, &t, err, sizeof(err)) == 0, "the 5.4 sample reads (%s)", err);
	fclose(in);
	check_eq(t.fn[TF_IOCTL_RUN], 533, "533 kvm_arch_vcpu_ioctl_run stops");
	check_eq(t.nruns, 533, "533 KVM_RUN calls");
	check_eq(t.fn[TF_SWITCH], 696, "696 __kvm_vcpu_run_nvhe stops");
	check_eq(t.repeats, 2, "two stops reported twice: a __kvm_vcpu_run_nvhe, an io_mem_abort");
	check_eq(t.nsw, 695, "695 world switches");
	check_eq(t.fn[TF_ENTER], 695, "as many __guest_enter");
	check_eq(t.fn[TF_EXIT], 695, "as many __guest_exit");
	check_eq(t.fn[TF_HANDLE_EXIT], 695, "as many handle_exit");
	check_eq(t.incomplete, 0, "no switch misses a stop");
	check_eq(t.before_run, 0, "no switch before the first KVM_RUN");
	check_eq(t.fn[TF_MMIO], 492, "492 io_mem_abort stops");
	check_eq(trail_count(&t, TR_MMIO, false), 491,
		 "491 MMIO exits: one io_mem_abort stop twice");
	check_eq(trail_count(&t, TR_MMIO, true), 491, "every MMIO exit returns to userspace");
	check_eq(trail_count(&t, TR_STAGE2, false), 2, "2 Stage-2 faults (IABT, first data page)");
	check_eq(trail_count(&t, TR_STAGE2, true), 0, "  never seen by userspace");
	check_eq(trail_count(&t, TR_HVC, false), 3, "3 HVCs");
	check_eq(trail_count(&t, TR_HVC, true), 1, "1 of them to userspace (SYSTEM_OFF)");
	check_eq(trail_count(&t, TR_WFX, false), 1, "1 WFI, in the kernel");
	check_eq(trail_count(&t, TR_OTHER, false), 695 - 491 - 2 - 3 - 1,
		 "the rest untraced (IRQ ...)");
	for (size_t r = 0; r < t.nruns; r++)
		nonempty += t.runs[r].n > 0;
	for (size_t i = 0; i < t.nsw; i++)
		user += t.sw[i].to_user;
	check_eq(user, nonempty, "one switch to userspace per KVM_RUN that entered the guest");
	check(t.sw[t.nsw - 1].reason == TR_HVC && t.sw[t.nsw - 1].to_user,
	      "the last switch: the HVC (PSCI SYSTEM_OFF) that ends the run");
	trail_free(&t);
}

static void test_crafted(void)
{
	struct trail t;
	char p[256];

	check(load_text("# kvm-trail 1 arch=arm64 guest=g\nkvm_arch_vcpu_ioctl_run\n"
			"__kvm_nvhe___kvm_vcpu_run\n__kvm_nvhe___guest_enter\n__kvm_nvhe___guest_"
			"exit\n"
			"handle_exit 2\nkvm_handle_guest_abort\n__kvm_vcpu_run\n__guest_enter\n"
			"__guest_exit\nhandle_exit 2\nkvm_handle_guest_abort\nio_mem_abort\n"
			"kvm_arch_vcpu_ioctl_run\n",
			&t) == 0,
	      "crafted arm64 trail reads (%s)", err);
	check(!strcmp(t.arch, "arm64"), "arch from the header");
	check(t.nruns == 2 && t.nsw == 2 && t.runs[0].n == 2 && t.runs[1].n == 0,
	      "two KVM_RUNs: two switches, then none");
	check(t.sw[0].reason == TR_STAGE2 && !t.sw[0].to_user && t.sw[0].index == 2,
	      "switch 1: Stage-2 fault in the kernel, index 2 (ARM_EXCEPTION_TRAP)");
	check(t.sw[1].reason == TR_MMIO && t.sw[1].to_user, "switch 2: MMIO to userspace");
	trail_path(p, sizeof(p), &t, 1);
	check_str(p,
		  "__kvm_vcpu_run > __guest_enter > __guest_exit > handle_exit(2) > "
		  "kvm_handle_guest_abort > io_mem_abort > user",
		  "path of switch 2");
	trail_free(&t);

	check(load_text("# kvm-trail 1 arch=arm64 guest=g\nkvm_arch_vcpu_ioctl_run\nhandle_exit 0\n"
			"__guest_exit\nhandle_exit 2\nkvm_handle_guest_abort\nio_mem_abort\n",
			&t) == 0 &&
		      t.nsw == 2 && t.turned_back == 1 && t.incomplete == 0 && t.sw[0].turned_back,
	      "arm64: handle_exit 0 with no __guest_exit is an entry turned back, not a missed "
	      "stop");
	trail_free(&t);
	check(load_text("# kvm-trail 1 arch=arm64 guest=g\nkvm_arch_vcpu_ioctl_run\nhandle_exit 2\n"
			"kvm_handle_guest_abort\n__guest_exit\nhandle_exit 0\n",
			&t) == 0 &&
		      t.turned_back == 0 && t.incomplete == 1,
	      "  but a trap with no __guest_exit is a missed stop");
	trail_free(&t);

	check(load_text("__guest_enter\n__kvm_vcpu_run_nvhe\n__guest_exit\n", &t) == 0 &&
		      t.before_run == 1 && t.nsw == 2 && t.incomplete == 2,
	      "switches before any KVM_RUN, each missing a stop");
	trail_free(&t);
	check(load_text("kvm_arch_vcpu_ioctl_run\n__kvm_vcpu_run\n__guest_enter\n__guest_exit\n"
			"handle_exit\nkvm_hvc_call_handler\nkvm_hvc_call_handler\n",
			&t) == 0 &&
		      t.repeats == 1 && t.nsw == 1 && t.sw[0].reason == TR_HVC,
	      "a handler stop twice: one repeat");
	trail_free(&t);
	check(load_text("kvm_arch_vcpu_ioctl_run\nfoo_bar\n", &t) < 0 && strstr(err, "t.txt:2:") &&
		      strstr(err, "foo_bar"),
	      "an unknown function: file:line (%s)", err);
	trail_free(&t);
	check(load_text("Breakpoint 1 at 0xc0\n# x\n", &t) < 0 && strstr(err, "no KVM_RUN"),
	      "no stop at all: an error (%s)", err);
	trail_free(&t);
}

/* The trap log's rows by reason; an ldm/stm's several rows are one exit. */
static void test_merge(void)
{
	static const char trail[] =
		"# kvm-trail 1 arch=arm64 guest=g\n"
		"kvm_arch_vcpu_ioctl_run\n__guest_exit\nhandle_exit 2\nkvm_handle_guest_abort\n"
		"__guest_exit\nhandle_exit 2\nkvm_handle_guest_abort\nio_mem_abort\n"
		"kvm_arch_vcpu_ioctl_run\n__guest_exit\nhandle_exit 2\nkvm_handle_guest_abort\n"
		"io_mem_abort\nkvm_arch_vcpu_ioctl_run\n";
	static const char log[] =
		"# traplog 1 side=kvm guest=g\n"
		"0001 0x20 IABT     pc=0x40000000 ipa=0x40000000 : stage2 mapped by=kvm\n"
		"0002 0x24 DABT     pc=0x40000010 isv=1 sas=b sse=0 srt=r2 wnr=1 ipa=0x09000000 : "
		"mmio write uart.DR size=1 val=0x00000041 by=vmm\n"
		"0003 0x24 DABT     pc=0x4000005c isv=0 sas=w sse=0 srt=r5 wnr=1 ipa=0x09000000 "
		"insn=0xe8870060 : mmio write uart.DR size=4 val=0x0000000a by=vmm\n"
		"0004 0x24 DABT     pc=0x4000005c isv=0 sas=w sse=0 srt=r6 wnr=1 ipa=0x09000004 "
		"insn=0xe8870060 : mmio write uart.RSR size=4 val=0x00000000 by=vmm\n"
		"0005 0x03 CP15     pc=0x40000020 dir=read reg=ACTLR : cp15 read by=kvm\n"
		"# end traps=5 dropped=0 status=0\n";
	static const char ioctls[] = "0001 setup sys  KVM_GET_API_VERSION : ret=12\n"
				     "0002 run   vcpu KVM_RUN exit=MMIO : ret=0\n0003 run   vcpu "
				     "KVM_RUN exit=ARM_NISV : ret=0\n";
	struct trail t;
	char *text = NULL;
	size_t len = 0;
	FILE *l = fmemopen((void *)log, strlen(log), "r"), *io, *out;

	check(load_text(trail, &t) == 0 && t.nruns == 3 && t.nsw == 3, "merge: the trail");
	out = open_memstream(&text, &len);
	check_eq(merge_check_traplog(l, &t, out), 0,
		 "two MMIO exits (the stm's two rows one exit), one Stage-2");
	fclose(out);
	check(strstr(text, "| mmio | 2 | 2 | agree |") &&
		      strstr(text, "| stage2 | 1 | 1 | agree |"),
	      "merge: counts table");
	free(text);
	io = fmemopen((void *)ioctls, strlen(ioctls), "r");
	out = open_memstream(&text, &len);
	check_eq(merge_check_ioctls(io, &t, out), 1, "2 KVM_RUN records against 3 stops: differ");
	fclose(out);
	free(text);
	out = open_memstream(&text, &len);
	merge_traplog(l, &t, out);
	fclose(out);
	check(strstr(text, "val=0x00000041 by=vmm  # kvm: run 1: __guest_exit > "
			   "handle_exit(2) > kvm_handle_guest_abort > io_mem_abort > user") != NULL,
	      "merged trap log: the MMIO row's path");
	check(strstr(text, "RSR size=4 val=0x00000000 by=vmm  # kvm: the exit of the row before") !=
		      NULL,
	      "merged trap log: the stm's second row");
	check(strstr(text, "ACTLR : cp15 read by=kvm  # kvm: its handler is not traced") != NULL,
	      "merged trap log: an untraced class says so");
	free(text);
	out = open_memstream(&text, &len);
	merge_ioctls(io, &t, out);
	fclose(out);
	check(strstr(text, "KVM_GET_API_VERSION : ret=12  # kvm: kvm_dev_ioctl") &&
		      strstr(text, "exit=ARM_NISV : ret=0  # kvm: kvm_vcpu_ioctl > "
				   "kvm_arch_vcpu_ioctl_run: "
				   "run 2: 1 switch (mmio) > user"),
	      "merged ioctl trace: handlers, KVM_RUN's switches");
	free(text);
	fclose(l);
	fclose(io);
	trail_free(&t);
}

int main(void)
{
	test_sample();
	test_crafted();
	test_merge();
	return unit_summary();
}
