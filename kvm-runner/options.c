/* kvm-runner's command line (options.h). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arch.h"
#include "err.h"
#include "memmap.h"
#include "board_desc.h"
#include "size_arg.h"
#include "options.h"

#define VERSION "1"

void options_default(struct options *o)
{
	*o = (struct options){ .mem = BOARD_RAM_SIZE,
			       .cpus = 1,
			       .timeout_s = 10,
			       .trace_kb = 4096,
			       .kvm_events = true,
			       .dev = "/dev/kvm",
			       .target = -1 };
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [options] GUEST.elf|GUEST.bin|zImage\n"
		"Runs the guest on KVM (the kit's board); exits with its status.\n"
		"  -m, --mem SIZE        guest RAM at 0x%08x: decimal, K/M/G suffix, no suffix\n"
		"                        = MiB (default 16M; 1M..512M, whole MiB)\n"
		"  -p, --params \"ARGS\"   the kernel command line (/chosen/bootargs)\n"
		"  -i, --initrd FILE     an initrd, loaded below the DTB at the top of RAM\n"
		"  -c, --cpus N          vCPUs, 1..8 (one thread each; 1 by default)\n"
		"      --dump-dtb FILE   the device tree the guest got\n"
		"      --traplog FILE    the trap log (docs/trap-log.md)\n"
		"      --ioctl-trace FILE every ioctl per fd, and the per-fd summary\n"
		"      --regs FILE       the vCPU's registers at start and at exit\n"
		"      --kvm-trace FILE  the raw kvm trace events (root, tracefs)\n"
		"      --no-kvm-events   do not read kvm trace events for the trap log\n"
		"      --trace-events    the kvm events from tracefs' trace events, not from the\n"
		"                        runner's eBPF programs (the fallback; --kvm-trace too)\n"
		"      --trace-kb KB     the kvm trace's ring buffer per CPU (default 4096; a\n"
		"                        Linux boot needs about 65536 to lose no event)\n"
		"      --strict          stop at an access outside RAM and the devices (status\n"
		"                        %d) instead of giving the guest a data abort\n"
		"      --timeout SECS    stop a guest still running after SECS (default 10):\n"
		"                        status %d\n"
		"      --device PATH     the KVM device (default /dev/kvm)\n"
		"      --no-nisv         leave KVM_CAP_ARM_NISV_TO_USER off (as Linux 5.4)\n"
		"      --no-ext-dabt     inject data aborts by hand, without\n"
		"                        KVM_CAP_ARM_INJECT_EXT_DABT (as on Linux 5.4)\n"
		"      --coalesce-console  console writes (UART DR) completed by KVM and\n"
		"                        queued (coalesced MMIO): no exit per byte\n"
		"      --stdin           the guest's UART input from stdin (polled at each\n"
		"                        tick; the SPI needs --irqchip=kernel)\n"
		"      --irqchip=kernel|user  kernel (default): KVM's vGIC (a device fd) and\n"
		"                        its timer, the UART's SPI by KVM_IRQ_LINE; user: no\n"
		"                        irqchip, the timer's level forwarded to the vCPU's\n"
		"                        IRQ line (KVM_CAP_ARM_USER_IRQ), the GIC reads as 0\n"
		"      --target N        KVM_ARM_VCPU_INIT target instead of the preferred one\n"
		"                        (to see a mismatch refused)\n"
		"  -q, --quiet           no notes on stderr\n"
		"      --help, --version\n"
		"Exit status: the guest's (0..123), %d timeout, %d reset, %d fault, %d stuck;\n"
		"%d bad input, %d no usable KVM, %d KVM or the runner failed.\n",
		arch_binary, BOARD_RAM_BASE, BOARD_STATUS_FAULT, BOARD_STATUS_TIMEOUT,
		BOARD_STATUS_TIMEOUT, BOARD_STATUS_RESET, BOARD_STATUS_FAULT, BOARD_STATUS_STUCK,
		VMM_STATUS_BADINPUT, VMM_STATUS_NOPLATFORM, VMM_STATUS_FAILED);
}

/* The board's own limits for its RAM (board_desc_check): 1..512 MiB, whole MiB. */
static int mem_fits(uint32_t bytes, char *err, size_t n)
{
	struct board_desc d;

	board_desc_default(&d, bytes, 1);
	return board_desc_check(&d, err, n);
}

int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

enum {
	OPT_TRAPLOG = 256,
	OPT_IOCTLS,
	OPT_REGS,
	OPT_KVMTRACE,
	OPT_DUMPDTB,
	OPT_NOEVENTS,
	OPT_TRACEEVENTS,
	OPT_TRACEKB,
	OPT_TIMEOUT,
	OPT_DEVICE,
	OPT_TARGET,
	OPT_NONISV,
	OPT_NOEXTDABT,
	OPT_COALESCE,
	OPT_STDIN,
	OPT_STRICT,
	OPT_IRQCHIP,
	OPT_HELP,
	OPT_VERSION
};

static const struct option long_opts[] = {
	{ "mem", required_argument, NULL, 'm' },
	{ "params", required_argument, NULL, 'p' },
	{ "initrd", required_argument, NULL, 'i' },
	{ "cpus", required_argument, NULL, 'c' },
	{ "dump-dtb", required_argument, NULL, OPT_DUMPDTB },
	{ "traplog", required_argument, NULL, OPT_TRAPLOG },
	{ "ioctl-trace", required_argument, NULL, OPT_IOCTLS },
	{ "regs", required_argument, NULL, OPT_REGS },
	{ "kvm-trace", required_argument, NULL, OPT_KVMTRACE },
	{ "no-kvm-events", no_argument, NULL, OPT_NOEVENTS },
	{ "trace-events", no_argument, NULL, OPT_TRACEEVENTS },
	{ "trace-kb", required_argument, NULL, OPT_TRACEKB },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "device", required_argument, NULL, OPT_DEVICE },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "no-nisv", no_argument, NULL, OPT_NONISV },
	{ "no-ext-dabt", no_argument, NULL, OPT_NOEXTDABT },
	{ "coalesce-console", no_argument, NULL, OPT_COALESCE },
	{ "stdin", no_argument, NULL, OPT_STDIN },
	{ "irqchip", required_argument, NULL, OPT_IRQCHIP },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

/* The option as the user wrote it: "-x" for a short one, else the word. */
static const char *opt_text(char **argv, char *buf, size_t n)
{
	const char *w = argv[optind - 1];

	if (optopt > 0 && optopt < 256 && strncmp(w, "--", 2) != 0) {
		snprintf(buf, n, "-%c", optopt);
		return buf;
	}
	snprintf(buf, n, "%.*s", (int)strcspn(w, "="), w);
	return buf;
}

static int one_option(int c, struct options *o, FILE *out)
{
	char err[160];
	unsigned long v;

	switch (c) {
	case 'm':
		if (board_size_arg(optarg, &o->mem) < 0)
			return fail(EXIT_BADINPUT,
				    "bad memory size '%s' (decimal, then K, M or G; "
				    "below 4 GiB)",
				    optarg);
		if (mem_fits(o->mem, err, sizeof(err)) < 0)
			return fail(EXIT_BADINPUT, "-m %s: %s", optarg, err);
		break;
	case 'p': o->params = optarg; break;
	case 'i': o->initrd = optarg; break;
	case 'c':
		if (parse_uint(optarg, 1, BOARD_MAX_CPUS, &v) < 0)
			return fail(EXIT_BADINPUT, "bad vCPU count '%s' (1..%d)", optarg,
				    BOARD_MAX_CPUS);
		o->cpus = (unsigned)v;
		break;
	case OPT_DUMPDTB: o->dump_dtb = optarg; break;
	case OPT_TRAPLOG: o->traplog = optarg; break;
	case OPT_IOCTLS: o->ioctls = optarg; break;
	case OPT_REGS: o->regs = optarg; break;
	case OPT_KVMTRACE: o->kvm_trace = optarg; break;
	case OPT_NOEVENTS: o->kvm_events = false; break;
	case OPT_TRACEEVENTS: o->trace_events = true; break;
	case OPT_TRACEKB:
		if (parse_uint(optarg, 8, 1048576, &v) < 0)
			return fail(EXIT_BADINPUT, "bad --trace-kb '%s' (8..1048576 KiB)", optarg);
		o->trace_kb = (unsigned)v;
		break;
	case OPT_STRICT: o->strict = true; break;
	case OPT_TIMEOUT:
		if (parse_uint(optarg, 1, 86400, &v) < 0)
			return fail(EXIT_BADINPUT, "bad timeout '%s' (1..86400 seconds)", optarg);
		o->timeout_s = (unsigned)v;
		break;
	case OPT_DEVICE: o->dev = optarg; break;
	case OPT_NONISV: o->no_nisv = true; break;
	case OPT_NOEXTDABT: o->no_ext_dabt = true; break;
	case OPT_COALESCE: o->coalesce = true; break;
	case OPT_STDIN: o->input = true; break;
	case OPT_IRQCHIP:
		if (strcmp(optarg, "kernel") && strcmp(optarg, "user"))
			return fail(EXIT_BADINPUT, "bad --irqchip '%s' (kernel or user)", optarg);
		o->irqchip = strcmp(optarg, "user") ? IRQCHIP_KERNEL : IRQCHIP_USER;
		break;
	case OPT_TARGET:
		if (parse_uint(optarg, 0, 255, &v) < 0)
			return fail(EXIT_BADINPUT, "bad target '%s' (0..255)", optarg);
		o->target = (int)v;
		break;
	case 'q': o->quiet = true; break;
	case OPT_HELP: usage(out); return 0;
	case OPT_VERSION:
		fprintf(out, "%s %s (%s back end, board ABI %d)\n", arch_binary, VERSION, arch_name,
			BOARD_ABI_VERSION);
		return 0;
	}
	return -1;
}

int options_parse(int argc, char **argv, struct options *o, FILE *out)
{
	char opt[64];
	int c, rc;

	opterr = 0;
	optind = 0; /* a full reset, so a test can parse twice */
	while ((c = getopt_long(argc, argv, ":m:p:i:c:q", long_opts, NULL)) != -1) {
		if (c == ':')
			return fail(EXIT_BADINPUT, "option '%s' needs a value (see --help)",
				    opt_text(argv, opt, sizeof(opt)));
		if (c == '?')
			return fail(EXIT_BADINPUT, "unknown option '%s' (see --help)",
				    opt_text(argv, opt, sizeof(opt)));
		if ((rc = one_option(c, o, out)) >= 0)
			return rc;
	}
	if (optind != argc - 1)
		return fail(EXIT_BADINPUT, "%s (see --help)",
			    optind == argc ? "no guest image given" : "one guest image only");
	o->image = argv[optind];
	return -1;
}
