/*
 * The bare PL2 hypervisor: one guest, the kit's board (docs/guest-abi.md),
 * every trap logged. Start-up order: command line, Hyp MMU, board, the
 * guest loaded, Stage 2, traps, VM, the GIC (physical, the guest's, its
 * timer), register dump, watchdog, the guest.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "boot.h"
#include "console.h"
#include "hyp.h"
#include "semihost.h"
#include "size_arg.h"
#include "hyp_regs.h"
#include "smp.h"
#include "stage2.h"

#define WATCHDOG_MS_DEFAULT 3000u
#define PARAMS_SEP	    " -- " /* the rest of the command line is bootargs */

struct vcpu hyp_vcpu;
static char cmdline[1024];

/* A decimal number (digits only), or -1. */
static long number(const char *s)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &end, 10);
	return *end || v > 0x7fffffffu ? -1 : (long)v;
}

static void bad_option(const char *tok)
{
	hyp_fail(VMM_STATUS_BADINPUT, "bad option '%s' on the command line", tok);
}

/* key=NUMBER: true if tok is key, with its value in *v. */
static bool num_opt(const char *tok, const char *key, long *v)
{
	size_t n = strlen(key);

	if (strncmp(tok, key, n) || tok[n] != '=')
		return false;
	*v = number(tok + n + 1);
	if (*v < 0)
		bad_option(tok);
	return true;
}

/*
 * What run.sh passes on the semihosting command line (-append): "guest=NAME
 * mem=SIZE (-m's, board_size_arg) cpus=N image=BYTES initrd=BYTES watchdog=MS traplog-ring=N
 * traplog-file=PATH strict pmu dump-dtb=PATH -- BOOTARGS". traplog-ring shrinks
 * the trap-log ring, for its overflow test; traplog-file writes the log to a
 * host file, drained as the ring fills (logbuf.c); pmu counts the
 * instructions at PL1/PL0 and PL2 (pmu.c); strict stops the guest at a fault instead of
 * injecting it. Without a command line (QEMU started by hand) the defaults
 * hold, and no image is known. QEMU puts -kernel's file name first.
 */
static void parse_cmdline(struct vcpu *v, struct boot_args *a, uint32_t *ram, unsigned *cpus)
{
	char *params;
	uint32_t size = 0;
	long n;

	v->guest = "?";
	v->watchdog_ms = WATCHDOG_MS_DEFAULT;
	if (semihost_cmdline(cmdline, sizeof(cmdline)))
		return;
	params = strstr(cmdline, PARAMS_SEP);
	if (params) {
		*params = '\0';
		a->bootargs = params + strlen(PARAMS_SEP);
	}
	strtok(cmdline, " "); /* QEMU's first word is the program: -kernel's file */
	for (char *tok = strtok(NULL, " "); tok; tok = strtok(NULL, " ")) {
		if (strncmp(tok, "guest=", 6) == 0)
			v->guest = tok + 6;
		else if (strncmp(tok, "dump-dtb=", 9) == 0)
			a->dump_dtb = tok + 9;
		else if (strcmp(tok, "strict") == 0)
			v->strict = true;
		else if (strcmp(tok, "pmu") == 0)
			v->pmu = true;
		else if (strncmp(tok, "traplog-file=", 13) == 0) {
			if (logbuf_set_file(tok + 13) < 0)
				hyp_fail(VMM_STATUS_BADINPUT, "traplog-file=%s: cannot create it",
					 tok + 13);
		} else if (num_opt(tok, "watchdog", &n))
			v->watchdog_ms = n ? (unsigned)n : WATCHDOG_MS_DEFAULT;
		else if (num_opt(tok, "traplog-ring", &n))
			logbuf_set_capacity(n ? (unsigned)n : ~0u);
		else if (strncmp(tok, "mem=", 4) == 0 && board_size_arg(tok + 4, &size))
			hyp_fail(VMM_STATUS_BADINPUT,
				 "-m %s: bad memory size (a decimal number, then "
				 "K, M or G)",
				 tok + 4);
		else if (strncmp(tok, "mem=", 4) == 0)
			*ram = size;
		else if (num_opt(tok, "cpus", &n))
			*cpus = (unsigned)n;
		else if (num_opt(tok, "image", &n))
			a->image_size = (uint32_t)n;
		else if (num_opt(tok, "initrd", &n))
			a->initrd_size = (uint32_t)n;
		else
			bad_option(tok);
	}
}

/* The board of the command line: RAM, CPUs, the kit's devices. */
static void describe_board(struct vcpu *v, uint32_t ram, unsigned cpus)
{
	char err[128];

	board_desc_default(&v->desc, ram, cpus);
	if (board_desc_check(&v->desc, err, sizeof(err)))
		hyp_fail(VMM_STATUS_BADINPUT, "%s", err);
	hyp_ncpus = cpus; /* vCPU n on CPU n: run.sh gives QEMU -smp cpus */
	/* The trap path with the lock only when there is something to share (vectors.S). */
	write_HVBAR((uint32_t)(uintptr_t)(cpus > 1 ? hyp_vectors_smp : hyp_vectors));
	isb();
	if (ram % S2_BLOCK_SIZE)
		hyp_fail(VMM_STATUS_BADINPUT,
			 "-m: guest RAM of %lu bytes: the bare hypervisor maps "
			 "2 MiB blocks, give an even number of MiB",
			 (unsigned long)ram);
	board_set_desc(&v->board, &v->desc);
}

void hyp_main(void)
{
	struct vcpu *v = &hyp_vcpu;
	struct boot_args args = { 0 };
	struct boot_plan plan;
	uint32_t ram = BOARD_RAM_SIZE;
	unsigned cpus = 1;

	write_HSCTLR(HYP_HSCTLR_BOOT);
	isb();
	hyp_mmu_on();
	board_init(&v->board, console_guest_byte, NULL);
	logbuf_init();
	parse_cmdline(v, &args, &ram, &cpus);
	describe_board(v, ram, cpus);
	hyp_printf("hyp: baremetal-hyp, trap log %s, guest %s, %u MiB at PA 0x%08x (IPA 0x%08x), "
		   "watchdog %u ms%s\n",
		   HYP_TRAPLOG ? "on" : "off", v->guest, (unsigned)(ram >> 20), GUEST_PA,
		   BOARD_RAM_BASE, v->watchdog_ms, v->strict ? ", strict" : "");
	hyp_load_guest(&args, &plan);
	hyp_setup_stage2();
	hyp_activate_traps();
	hyp_activate_vm();
	gic_phys_init();
	vgic_hyp_init();
	vtimer_init();
	uart_in_init();
	hyp_regdump(&plan);
	watchdog_start(v->watchdog_ms);
	if (v->pmu)
		pmu_start();
	guest_enter(plan.entry, plan.cpsr, (const uint32_t[3]){ plan.r0, plan.r1, plan.r2 });
}

void hyp_finish(int status)
{
	watchdog_stop();
	logbuf_print(hyp_vcpu.guest, status);
	pmu_report(); /* the log's last drain counted too */
	hyp_printf("hyp: guest stopped, exit status %d\n", status);
	semihost_exit(status);
}

/* A start-up failure of the hypervisor's own: one line, a VMM_STATUS_*. */
void hyp_fail(int status, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	hyp_printf("hyp: %s\n", line);
	semihost_exit(status);
}

void hyp_wrong_mode(uint32_t cpsr)
{
	hyp_printf("hyp: not started in Hyp mode (CPSR=0x%08lx, mode 0x%02lx): "
		   "run QEMU with -M virt,virtualization=on\n",
		   (unsigned long)cpsr, (unsigned long)(cpsr & PSR_MODE_MASK));
	semihost_exit(VMM_STATUS_NOPLATFORM);
}
