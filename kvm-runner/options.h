/*
 * kvm-runner's command line (docs/kvm-runner.md, "Options"). The names are
 * the same on both VMMs and follow kvmtool and QEMU: -m/--mem, -p/--params,
 * -i/--initrd, -c/--cpus, --dump-dtb; -m's syntax and limits are the
 * board's (guests/board/size_arg.h, board_desc_check). Plain C: the host
 * unit tests cover it.
 */
#ifndef KVM_RUNNER_OPTIONS_H
#define KVM_RUNNER_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Who models the GIC and the timer's interrupt (--irqchip). */
enum irqchip { IRQCHIP_KERNEL, IRQCHIP_USER };

struct options {
	const char *image;
	const char *traplog, *ioctls, *regs, *kvm_trace, *dump_dtb; /* result files */
	const char *params;					    /* -p: /chosen/bootargs */
	const char *initrd; /* -i: a file loaded below the DTB */
	const char *dev;    /* --device, normally /dev/kvm */
	uint32_t mem;	    /* -m, bytes */
	unsigned cpus;	    /* -c: vCPUs, one thread each (vcpu.c) */
	unsigned timeout_s;
	unsigned trace_kb; /* --trace-kb: the kvm trace's ring, per CPU */
	int target;	   /* --target, -1: KVM's preferred one */
	enum irqchip irqchip;
	bool kvm_events, no_nisv, no_ext_dabt, coalesce, strict, quiet;
	bool input;	   /* --stdin: the guest's UART reads stdin */
	bool trace_events; /* --trace-events: tracefs, not the eBPF source */
};

/*
 * The defaults: 16 MiB, one vCPU, 10 s, /dev/kvm, kvm events on, a 4 MiB
 * trace ring, the in-kernel vGIC.
 */
void options_default(struct options *o);

/*
 * Parses argv into o. Returns -1 to go on, else the exit status: 0 after
 * --help or --version (printed on out), VMM_STATUS_BADINPUT after one line
 * on stderr.
 */
int options_parse(int argc, char **argv, struct options *o, FILE *out);

/* A decimal number in lo..hi (digits only: no sign, no space, no 0x). */
int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out);

#endif
