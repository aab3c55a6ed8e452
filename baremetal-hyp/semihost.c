/*
 * ARM semihosting: SVC 0x123456 in ARM state, r0 = operation, r1 = block.
 * QEMU answers it itself (with -semihosting) before any exception is taken.
 */
#include <stdint.h>
#include "semihost.h"

#define SYS_GET_CMDLINE		0x15
#define SYS_EXIT_EXTENDED	0x20
#define ADP_STOPPED_APP_EXIT	0x20026
#define PSCI_SYSTEM_OFF		0x84000008u

static uint32_t semihost_call(uint32_t op, void *block)
{
	register uint32_t r0 __asm__("r0") = op;
	register void *r1 __asm__("r1") = block;

	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
	return r0;
}

void semihost_exit(int status)
{
	uint32_t block[2] = { ADP_STOPPED_APP_EXIT, (uint32_t)status };

	semihost_call(SYS_EXIT_EXTENDED, block);
	/* Without -semihosting: QEMU's own PSCI (exit status 0, sadly). */
	register uint32_t r0 __asm__("r0") = PSCI_SYSTEM_OFF;
	__asm__ volatile("smc #0" : "+r"(r0)::"memory");
	for (;;)
		__asm__ volatile("wfi");
}

int semihost_cmdline(char *buf, size_t n)
{
	uint32_t block[2] = { (uint32_t)buf, (uint32_t)n };

	return semihost_call(SYS_GET_CMDLINE, block) == 0 ? 0 : -1;
}
