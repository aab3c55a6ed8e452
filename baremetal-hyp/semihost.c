/*
 * ARM semihosting: SVC 0x123456 in ARM state, r0 = operation, r1 = block.
 * QEMU answers it itself (with -semihosting) before any exception is taken.
 */
#include <stdint.h>
#include <string.h>
#include "semihost.h"

/* clang-format off */
#define SYS_OPEN		0x01
#define SYS_CLOSE		0x02
#define SYS_WRITE		0x05
#define SYS_GET_CMDLINE		0x15
#define OPEN_MODE_WB		5	/* "wb": create or truncate, binary */
#define SYS_EXIT_EXTENDED	0x20
#define ADP_STOPPED_APP_EXIT	0x20026
#define PSCI_SYSTEM_OFF		0x84000008u
/* clang-format on */

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

/* Files are opened on the host, where QEMU runs (its working directory). */
int semihost_open(const char *path)
{
	uint32_t open[3] = { (uint32_t)path, OPEN_MODE_WB, strlen(path) };
	uint32_t handle = semihost_call(SYS_OPEN, open);

	return handle == 0xffffffffu ? -1 : (int)handle;
}

int semihost_write(int handle, const void *data, size_t n)
{
	uint32_t write[3] = { (uint32_t)handle, (uint32_t)data, n };

	return semihost_call(SYS_WRITE, write) == 0 ? 0 : -1; /* it returns the bytes not written */
}

int semihost_close(int handle)
{
	uint32_t h = (uint32_t)handle;

	return semihost_call(SYS_CLOSE, &h) == 0 ? 0 : -1;
}

int semihost_write_file(const char *path, const void *data, size_t n)
{
	int handle = semihost_open(path), rc;

	if (handle < 0)
		return -1;
	rc = semihost_write(handle, data, n);
	if (semihost_close(handle) < 0)
		rc = -1;
	return rc;
}
