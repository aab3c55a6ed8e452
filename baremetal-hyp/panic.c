/*
 * An exception the hypervisor never expects (an undefined instruction,
 * abort or SVC in Hyp mode, reset, FIQ): say what and where, then exit
 * with VMM_STATUS_FAILED (a hypervisor bug, not the guest's doing). Runs on its own stack (vectors.S).
 */
#include "console.h"
#include "hyp.h"
#include "semihost.h"
#include "sysregs.h"

static const char *const causes[8] = {
	"reset",
	"undefined instruction in Hyp mode",
	"SVC/HVC in Hyp mode",
	"prefetch abort in Hyp mode",
	"data abort in Hyp mode",
	"hyp trap",
	"IRQ",
	"FIQ",
};

static uint32_t read_ELR_hyp(void)
{
	uint32_t v;
	__asm__ volatile("mrs %0, elr_hyp" : "=r"(v));
	return v;
}

static uint32_t read_SPSR(void)
{
	uint32_t v;
	__asm__ volatile("mrs %0, spsr" : "=r"(v));
	return v;
}

void hyp_panic(unsigned cause)
{
	static int depth;

	if (depth++) { /* a fault while reporting: leave by QEMU's PSCI */
		register uint32_t r0 __asm__("r0") = 0x84000008u;
		__asm__ volatile("smc #0" : "+r"(r0)::"memory");
		for (;;)
			;
	}
	hyp_printf("hyp: PANIC: %s: ELR_hyp=0x%08lx SPSR=0x%08lx HSR=0x%08lx HDFAR=0x%08lx\n",
		   causes[cause & 7], (unsigned long)read_ELR_hyp(), (unsigned long)read_SPSR(),
		   (unsigned long)read_HSR(), (unsigned long)read_HDFAR());
	semihost_exit(VMM_STATUS_FAILED);
}
