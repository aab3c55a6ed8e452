/*
 * The bare PL2 hypervisor: one guest, the kit's board (docs/guest-abi.md),
 * every trap logged. Start-up order: board, Stage 2, traps, VM, register
 * dump, watchdog, then the guest.
 */
#include <stdlib.h>
#include <string.h>
#include "console.h"
#include "hyp.h"
#include "semihost.h"
#include "hyp_regs.h"

#define WATCHDOG_MS_DEFAULT 3000u

struct vcpu hyp_vcpu;
static char cmdline[128];

/*
 * "guest=NAME watchdog=MS traplog-ring=N strict" from the semihosting
 * command line (-append); traplog-ring shrinks the trap-log ring, for its
 * overflow test; strict stops the guest at a fault instead of injecting it.
 */
static void parse_cmdline(struct vcpu *v)
{
	v->guest = "?";
	v->watchdog_ms = WATCHDOG_MS_DEFAULT;
	if (semihost_cmdline(cmdline, sizeof(cmdline)))
		return;
	for (char *tok = strtok(cmdline, " "); tok; tok = strtok(NULL, " ")) {
		if (strncmp(tok, "guest=", 6) == 0)
			v->guest = tok + 6;
		else if (strncmp(tok, "watchdog=", 9) == 0 && atoi(tok + 9) > 0)
			v->watchdog_ms = (unsigned)atoi(tok + 9);
		else if (strncmp(tok, "traplog-ring=", 13) == 0 && atoi(tok + 13) > 0)
			logbuf_set_capacity((unsigned)atoi(tok + 13));
		else if (strcmp(tok, "strict") == 0)
			v->strict = true;
	}
}

static void check_guest_image(void)
{
	if (*(volatile uint32_t *)GUEST_PA == 0) {
		hyp_printf("hyp: no guest image at PA 0x%08x (QEMU -device loader)\n", GUEST_PA);
		semihost_exit(BOARD_STATUS_FAULT);
	}
}

void hyp_main(void)
{
	struct vcpu *v = &hyp_vcpu;

	write_HSCTLR(HYP_HSCTLR_BOOT);
	isb();
	hyp_mmu_on();
	board_init(&v->board, console_guest_byte, NULL);
	parse_cmdline(v);
	hyp_printf("hyp: baremetal-hyp, trap log %s, guest %s at PA 0x%08x (IPA 0x%08x), "
		   "watchdog %u ms%s\n", HYP_TRAPLOG ? "on" : "off", v->guest, GUEST_PA,
		   BOARD_RAM_BASE, v->watchdog_ms, v->strict ? ", strict" : "");
	check_guest_image();
	hyp_setup_stage2();
	vfp_trap_setup();
	hyp_activate_traps();
	hyp_activate_vm();
	hyp_regdump(BOARD_RAM_BASE, BOARD_ENTRY_CPSR);
	watchdog_start(v->watchdog_ms);
	guest_enter(BOARD_RAM_BASE, BOARD_ENTRY_CPSR);
}

void hyp_finish(int status)
{
	watchdog_stop();
	logbuf_print(hyp_vcpu.guest, status);
	hyp_printf("hyp: guest stopped, exit status %d\n", status);
	semihost_exit(status);
}

void hyp_wrong_mode(uint32_t cpsr)
{
	hyp_printf("hyp: not started in Hyp mode (CPSR=0x%08lx, mode 0x%02lx): "
		   "run QEMU with -M virt,virtualization=on\n",
		   (unsigned long)cpsr, (unsigned long)(cpsr & PSR_MODE_MASK));
	semihost_exit(BOARD_STATUS_FAULT);
}
