/*
 * kvm-runner ("little-qemu"): runs one guest of the kit's board through
 * KVM, -c vCPUs (one thread each, vcpu.c), with KVM's in-kernel vGIC and
 * timer (or, --irqchip=user, none). The options, then the steps of vm.c in
 * order, the run loop, and the files asked for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arch.h"
#include "bpf_src.h"
#include "err.h"
#include "ioctl_trace.h"
#include "memmap.h"
#include "options.h"
#include "regdump.h"
#include "results.h"
#include "run.h"
#include "tick.h"
#include "tracefs.h"
#include "traps.h"
#include "vcpu.h"
#include "vm.h"

static void console_out(void *ctx, char c)
{
	(void)ctx;
	putchar(c);
}

/* The guest's name for the trap log: the image's base name without .elf/.bin. */
static void guest_name(const char *path, char *buf, size_t n)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t len = strcspn(base, ".");

	snprintf(buf, n, "%.*s", (int)(len ? len : strlen(base)), base);
}

/* The DTB the guest gets, for --dump-dtb (checked at close with the others). */
static void dump_dtb(const struct guest *g, FILE *f)
{
	if (f)
		fwrite(g->dtb, 1, g->dtb_size, f);
}

/* The steps, in the order a VMM takes them. */
static int build_vm(struct vm *vm, const struct options *o, const struct guest *g)
{
	int rc;

	if ((rc = vm_open_kvm(vm)) || (rc = vm_create(vm)) ||
	    (rc = vm_create_irqchip(vm, &g->desc)) || (rc = vm_add_ram(vm, &g->desc)) ||
	    (rc = vm_load_guest(vm, g)) || (rc = vm_create_vcpu(vm)) || (rc = vm_init_vcpu(vm)) ||
	    (rc = vm_set_entry_regs(vm, &g->plan)) || (rc = vm_map_run(vm)) ||
	    (rc = vcpu_create_secondaries(vm)) || (rc = vm_init_irqchip(vm, &g->desc)) ||
	    (o->coalesce && (rc = vm_coalesce_console(vm))))
		return rc;
	return 0;
}

static int dump_regs(FILE *f, struct vm *vm, const char *when, bool core_only,
		     struct regdump_count *count)
{
	int rc;

	if (!f)
		return 0;
	ioctl_trace_phase(PH_REGS);
	rc = regdump(f, vm->vcpu_fd, when, core_only, count);
	ioctl_trace_phase(PH_RUN);
	return rc;
}

static bool from_bpf; /* the kvm events come from bpf_src.c, not tracefs.c */

/*
 * The trap log's kvm events: the eBPF source, unless the raw trace lines
 * are wanted (--kvm-trace) or asked for (--trace-events), or it cannot be.
 */
static bool events_start(const struct options *o)
{
	bool kernel_irqchip = o->irqchip == IRQCHIP_KERNEL;

	if (!o->kvm_trace && !o->trace_events &&
	    (from_bpf = bpf_src_start(o->trace_kb, kernel_irqchip, o->coalesce)))
		return true;
	return tracefs_start(o->trace_kb, kernel_irqchip, o->coalesce);
}

static void events_stop(void)
{
	bpf_src_stop();
	tracefs_stop();
}

/*
 * The trap log, the kvm trace read until until_ns. Returns the events the
 * trace lost, counted in the footer's dropped=.
 */
static unsigned write_traplog(const struct options *o, const struct results *res, struct traps *vmm,
			      int status, uint64_t until_ns)
{
	struct traps merged = { 0 };
	char name[64];
	unsigned lost = 0;
	int events = !o->kvm_events ? -1
		: from_bpf
		? bpf_src_finish(vmm, &merged, o->mem, vcpu_tids(), o->cpus, until_ns, &lost)
		: tracefs_finish(vmm, &merged, res->kvm_trace, o->mem, vcpu_tids(), o->cpus,
				 until_ns, &lost);

	guest_name(o->image, name, sizeof(name));
	merged.cpus = vmm->cpus = o->cpus;
	merged.dropped += lost;
	traps_write(res->traplog, events >= 0 ? &merged : vmm, name, status);
	traps_free(&merged);
	return events >= 0 ? lost : 0;
}

/*
 * --timeout bounds the whole run, from main() to exit (within 10 %).
 * Counted back from main + SECS:
 *   the last TAIL_SHARE   what no clock check can cut short: the events
 *                         switched off, the merge, the trap log and ioctl
 *                         trace written, the VM closed, the exit (0.5 s
 *                         of a 5 s timeout in the loaded test bed);
 *   READ_SHARE before it  the kvm trace read, the clock looked at in it;
 *   the exit's dump       after a timeout the core registers only, its
 *                         time from the dump at start in proportion;
 * and the guest runs until then.
 */
#define TAIL_SHARE 10 /* 1/10 of the timeout */
#define READ_SHARE 20 /* 1/20 */

static int run(struct vm *vm, const struct options *o, const struct guest *g,
	       const struct results *res, uint64_t start_ns)
{
	uint64_t limit_ns = (uint64_t)o->timeout_s * 1000000000u, t;
	uint64_t read_end_ns = start_ns + limit_ns - limit_ns / TAIL_SHARE;
	struct traps vmm = { 0 };
	struct regdump_count count = { 0 };
	struct run_state rs = {
		.vm = vm,
		.traps = &vmm,
		.log = o->traplog != NULL,
		.strict = o->strict,
		.input = o->input,
		.deadline_ns = read_end_ns,
	};
	int rc;

	rc = build_vm(vm, o, g);
	if (rc)
		return rc;
	/* After the VM's checks: a refusal is its one stderr line, no source's note before it. */
	if (o->traplog && o->kvm_events) {
		rs.pc_from_trace = events_start(o);
		rs.deadline_ns -= limit_ns / READ_SHARE;
	}
	t = mono_ns();
	rc = dump_regs(res->regs, vm, "at start", false, &count);
	if (count.all) /* the exit dump's room, should the timeout end the run */
		rs.deadline_ns -= (mono_ns() - t) * count.core / count.all;
	if (rc == 0) {
		ioctl_trace_phase(PH_RUN);
		rc = vcpu_run_all(&rs);
		fflush(stdout);
		if (rs.coalesced)
			note("%u console writes completed by KVM (coalesced MMIO)", rs.coalesced);
		if (rs.done) /* an error is reported; the guest's status stays */
			dump_regs(res->regs, vm, "at exit", rs.status == BOARD_STATUS_TIMEOUT,
				  NULL);
	}
	if (o->traplog && rs.runs) {
		unsigned lost = write_traplog(o, res, &vmm, rs.done ? rs.status : rc, read_end_ns);

		/* a passing run with an incomplete log must not look complete */
		if (lost && rc == 0)
			rc = fail(EXIT_KVMFAIL,
				  "the trap log is incomplete: the kvm trace lost %u events "
				  "(footer dropped=); a larger --trace-kb or --timeout keeps them",
				  lost);
	} else {
		events_stop(); /* never ran: nothing to log */
	}
	traps_free(&vmm);
	return rc;
}

int main(int argc, char **argv)
{
	struct options o;
	struct vm vm = { .sys_fd = -1, .vm_fd = -1, .vcpu_fd = -1, .dev_fd = -1 };
	static struct guest g; /* the DTB's 64 KiB: not on the stack */
	static struct board board;
	struct results res;
	uint64_t start_ns = mono_ns(); /* --timeout counts from here */
	int rc, rc_files;

	options_default(&o);
	if ((rc = options_parse(argc, argv, &o, stdout)) >= 0)
		return rc;
	quiet = o.quiet;
	/* --stdin: someone may be typing, and a prompt has no newline: each byte
	 * goes out as the guest writes it, as QEMU's chardev writes it */
	setvbuf(stdout, NULL, o.input ? _IONBF : _IOLBF, 0);
	if ((rc = guest_prepare(&g, &o)) || (rc = results_open(&res, &o))) {
		guest_free(&g);
		return rc;
	}
	dump_dtb(&g, res.dtb);
	ioctl_trace_keep(res.ioctls != NULL); /* else counts only: the lean path */
	vm.dev = o.dev;
	vm.force_target = o.target;
	vm.no_nisv = o.no_nisv;
	vm.no_ext_dabt = o.no_ext_dabt;
	vm.kernel_irqchip = o.irqchip == IRQCHIP_KERNEL;
	board_init(&board, console_out, NULL);
	board_set_desc(&board, &g.desc);
	vm.board = &board;
	vm.ncpus = o.cpus;
	for (unsigned n = 0; n < BOARD_MAX_CPUS; n++)
		vm.vcpu_fds[n] = -1;
	rc = run(&vm, &o, &g, &res, start_ns);
	if (res.ioctls)
		ioctl_trace_write(res.ioctls, arch_binary);
	rc_files = results_close(&res, &o);
	vm_close(&vm);
	guest_free(&g);
	/* a lost result fails the run; an earlier failure keeps its own status */
	return rc_files && rc < VMM_STATUS_BADINPUT ? rc_files : rc;
}
