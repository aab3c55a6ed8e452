/*
 * kvm-runner ("little-qemu"): runs one guest of the kit's board through
 * KVM, one vCPU, no in-kernel irqchip. The options, then the steps of
 * vm.c in order, the run loop, and the files asked for.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arch.h"
#include "err.h"
#include "ioctl_trace.h"
#include "memmap.h"
#include "regdump.h"
#include "run.h"
#include "tick.h"
#include "tracefs.h"
#include "traps.h"
#include "vm.h"

#define VERSION "1"

struct options {
	const char *image, *traplog, *ioctls, *regs, *kvm_trace, *dev;
	size_t mem;
	unsigned timeout_s;
	int target;		/* --target, -1: KVM's preferred one */
	bool kvm_events, no_nisv, coalesce;
	struct image img;	/* read and checked before KVM is touched */
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [options] GUEST.elf|GUEST.bin\n"
		"Runs the guest on KVM (one vCPU, the kit's board); exits with its status.\n"
		"  -m, --mem SIZE        guest RAM at 0x%08x (default 16M; K or M suffix)\n"
		"      --traplog FILE    the trap log (docs/trap-log.md)\n"
		"      --ioctl-trace FILE every ioctl per fd, and the per-fd summary\n"
		"      --regs FILE       the vCPU's registers at start and at exit\n"
		"      --kvm-trace FILE  the raw kvm trace events (root, tracefs)\n"
		"      --no-kvm-events   do not read kvm trace events for the trap log\n"
		"      --timeout SECS    stop a guest still running after SECS (default 10):\n"
		"                        status %d\n"
		"      --device PATH     the KVM device (default /dev/kvm)\n"
		"      --no-nisv         leave KVM_CAP_ARM_NISV_TO_USER off (as Linux 5.4)\n"
		"      --coalesce-console  console writes (UART DR) completed by KVM and\n"
		"                        queued (coalesced MMIO): no exit per byte\n"
		"      --target N        KVM_ARM_VCPU_INIT target instead of the preferred one\n"
		"                        (to see a mismatch refused)\n"
		"  -q, --quiet           no notes on stderr\n"
		"      --help, --version\n"
		"Exit status: the guest's (0..126); 1 bad input, 2 no usable KVM, 3 KVM failed.\n",
		arch_binary, BOARD_RAM_BASE, BOARD_STATUS_TIMEOUT);
}

static int parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return -1;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	/* 64 KiB pages at least; below 0x80000000, where the board ends */
	if (*end || v < 0x10000 || v > 0x40000000ull || v % 0x10000)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* A decimal number in lo..hi. */
static int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

enum { OPT_TRAPLOG = 256, OPT_IOCTLS, OPT_REGS, OPT_KVMTRACE, OPT_NOEVENTS, OPT_TIMEOUT,
       OPT_DEVICE, OPT_TARGET, OPT_NONISV, OPT_COALESCE, OPT_HELP, OPT_VERSION };

static const struct option long_opts[] = {
	{ "mem", required_argument, NULL, 'm' },
	{ "traplog", required_argument, NULL, OPT_TRAPLOG },
	{ "ioctl-trace", required_argument, NULL, OPT_IOCTLS },
	{ "regs", required_argument, NULL, OPT_REGS },
	{ "kvm-trace", required_argument, NULL, OPT_KVMTRACE },
	{ "no-kvm-events", no_argument, NULL, OPT_NOEVENTS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "device", required_argument, NULL, OPT_DEVICE },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "no-nisv", no_argument, NULL, OPT_NONISV },
	{ "coalesce-console", no_argument, NULL, OPT_COALESCE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

/* Returns -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, struct options *o)
{
	unsigned long n;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "m:q", long_opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (parse_size(optarg, &o->mem) < 0)
				return fail(EXIT_BADINPUT, "bad memory size '%s' (64K..1024M, "
					    "a multiple of 64K)", optarg);
			break;
		case OPT_TRAPLOG: o->traplog = optarg; break;
		case OPT_IOCTLS: o->ioctls = optarg; break;
		case OPT_REGS: o->regs = optarg; break;
		case OPT_KVMTRACE: o->kvm_trace = optarg; break;
		case OPT_NOEVENTS: o->kvm_events = false; break;
		case OPT_TIMEOUT:
			if (parse_uint(optarg, 1, 86400, &n) < 0)
				return fail(EXIT_BADINPUT, "bad timeout '%s' (1..86400 seconds)",
					    optarg);
			o->timeout_s = (unsigned)n;
			break;
		case OPT_DEVICE: o->dev = optarg; break;
		case OPT_NONISV: o->no_nisv = true; break;
		case OPT_COALESCE: o->coalesce = true; break;
		case OPT_TARGET:
			if (parse_uint(optarg, 0, 255, &n) < 0)
				return fail(EXIT_BADINPUT, "bad target '%s' (0..255)", optarg);
			o->target = (int)n;
			break;
		case 'q': quiet = 1; break;
		case OPT_HELP: usage(stdout); return 0;
		case OPT_VERSION:
			printf("%s %s (%s back end, board ABI %d)\n", arch_binary, VERSION,
			       arch_name, BOARD_ABI_VERSION);
			return 0;
		default:
			return fail(EXIT_BADINPUT, "unknown option '%s' (see --help)",
				    argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return fail(EXIT_BADINPUT, "%s (see --help)", optind == argc ?
			    "no guest image given" : "one guest image only");
	o->image = argv[optind];
	return -1;
}

static FILE *open_out(const char *path)
{
	FILE *f = fopen(path, "we");

	if (!f)
		fail(EXIT_BADINPUT, "%s: %s", path, strerror(errno));
	return f;
}

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

/* Bad images are refused before KVM is opened: a trial load into scratch RAM. */
static int check_image(struct options *o)
{
	char err[256];
	uint32_t entry;
	uint8_t *scratch;
	int rc = 0;

	if (image_read(o->image, o->mem, &o->img, err, sizeof(err)) < 0)
		return fail(EXIT_BADINPUT, "%s", err);
	scratch = calloc(1, o->mem);
	if (!scratch)
		return fail(EXIT_BADINPUT, "no memory for a %zu-byte image check", o->mem);
	if (image_load(&o->img, scratch, BOARD_RAM_BASE, o->mem, &entry, err, sizeof(err)) < 0)
		rc = fail(EXIT_BADINPUT, "%s: %s", o->image, err);
	free(scratch);
	return rc;
}

/* The steps, in the order a VMM takes them. */
static int build_vm(struct vm *vm, const struct options *o)
{
	int rc;

	if ((rc = vm_open_kvm(vm)) || (rc = vm_create(vm)) || (rc = vm_add_ram(vm, o->mem)) ||
	    (rc = vm_load_image(vm, &o->img)) || (rc = vm_create_vcpu(vm)) ||
	    (rc = vm_init_vcpu(vm)) || (rc = vm_set_entry_regs(vm)) || (rc = vm_map_run(vm)) ||
	    (o->coalesce && (rc = vm_coalesce_console(vm))))
		return rc;
	return 0;
}

static int dump_regs(FILE *f, struct vm *vm, const char *when)
{
	int rc;

	if (!f)
		return 0;
	ioctl_trace_phase(PH_REGS);
	rc = regdump(f, vm->vcpu_fd, when);
	ioctl_trace_phase(PH_RUN);
	return rc;
}

static void write_traplog(const struct options *o, struct traps *vmm, int status)
{
	struct traps merged = { 0 };
	FILE *raw = o->kvm_trace ? open_out(o->kvm_trace) : NULL;
	FILE *f = open_out(o->traplog);
	char name[64];
	int events = o->kvm_events ? tracefs_finish(vmm, &merged, raw, o->mem) : -1;

	guest_name(o->image, name, sizeof(name));
	if (f) {
		traps_write(f, events >= 0 ? &merged : vmm, name, status);
		fclose(f);
	}
	if (raw)
		fclose(raw);
	traps_free(&merged);
}

static int run(struct vm *vm, struct options *o, FILE *regs)
{
	struct traps vmm = { 0 };
	struct run_state rs = {
		.vm = vm, .traps = &vmm, .log = o->traplog != NULL,
		.deadline_ns = mono_ns() + (uint64_t)o->timeout_s * 1000000000u,
	};
	int rc;

	if (o->traplog && o->kvm_events)
		tracefs_start();
	rc = build_vm(vm, o);
	if (rc) {
		tracefs_stop();
		return rc;
	}
	rc = dump_regs(regs, vm, "at start");
	if (rc == 0) {
		ioctl_trace_phase(PH_RUN);
		rc = run_loop(&rs);
		fflush(stdout);
		if (rs.coalesced)
			note("%u console writes completed by KVM (coalesced MMIO)", rs.coalesced);
		if (rs.done)	/* an error is reported; the guest's status stays */
			dump_regs(regs, vm, "at exit");
	}
	if (o->traplog && rs.runs)
		write_traplog(o, &vmm, rs.done ? rs.status : rc);
	else
		tracefs_stop();		/* never ran: nothing to log */
	traps_free(&vmm);
	return rc;
}

int main(int argc, char **argv)
{
	struct options o = { .mem = BOARD_RAM_SIZE, .timeout_s = 10, .kvm_events = true,
			     .dev = "/dev/kvm", .target = -1 };
	struct vm vm = { .sys_fd = -1, .vm_fd = -1, .vcpu_fd = -1 };
	FILE *regs = NULL, *ioctls = NULL;
	int rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if ((rc = check_image(&o))) {
		image_free(&o.img);
		return rc;
	}
	if ((o.regs && !(regs = open_out(o.regs))) || (o.ioctls && !(ioctls = open_out(o.ioctls)))) {
		if (regs)
			fclose(regs);
		image_free(&o.img);
		return EXIT_BADINPUT;
	}
	ioctl_trace_keep(ioctls != NULL);	/* else counts only: the lean path */
	vm.dev = o.dev;
	vm.force_target = o.target;
	vm.no_nisv = o.no_nisv;
	board_init(&vm.board, console_out, NULL);
	rc = run(&vm, &o, regs);
	if (ioctls) {
		ioctl_trace_write(ioctls, arch_binary);
		fclose(ioctls);
	}
	if (regs)
		fclose(regs);
	vm_close(&vm);
	image_free(&o.img);
	return rc;
}
