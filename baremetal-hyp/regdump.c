/*
 * The start-up register dump: every PL2 register the hypervisor set, read
 * back from the hardware and decoded bit by bit ("reg: " lines, format in
 * regdecode.h), then the guest's initial state ("reg: guest.NAME").
 */
#include <stdio.h>
#include "console.h"
#include "gicv2.h"
#include "boot.h"
#include "hyp.h"
#include "regdecode.h"
#include "sysregs.h"

static void dump(const char *name, uint64_t v)
{
	const struct reg_desc *d = regdecode_find(name);
	char line[300];

	if (d)
		regdecode_line(line, sizeof(line), d, v);
	else
		snprintf(line, sizeof(line), "%s = 0x%08lx", name, (unsigned long)v);
	console_line("reg: ", line);
}

static void dump_guest(const char *name, const char *decode_as, uint32_t v)
{
	const struct reg_desc *d = regdecode_find(decode_as);
	char fields[200] = "";
	char line[300];

	if (d)
		regdecode_fields(fields, sizeof(fields), d, v);
	snprintf(line, sizeof(line), "guest.%s = 0x%08lx%s%s", name, (unsigned long)v,
		 fields[0] ? "  " : "", fields);
	console_line("reg: ", line);
}

/*
 * The virtualization interface as the guest will start with it (GICH, this
 * CPU's), and the physical CPU interface's control (EOImode).
 */
static void dump_gic(void)
{
	unsigned nr_lr = (gich_read(GICH_VTR) & GICH_VTR_LISTREGS_MASK) + 1;
	char name[16];

	dump("GICH_HCR", gich_read(GICH_HCR));
	dump("GICH_VTR", gich_read(GICH_VTR));
	dump("GICH_VMCR", gich_read(GICH_VMCR));
	for (unsigned i = 0; i < nr_lr; i++) {
		snprintf(name, sizeof(name), "GICH_LR%u", i);
		dump(name, gich_read(GICH_LR0 + 4 * i));
	}
	dump("GICC_CTLR", gic_phys_ctlr());
}

void hyp_regdump(const struct boot_plan *p)
{
	dump("HCR", read_HCR());
	dump("HSTR", read_HSTR());
	dump("HCPTR", read_HCPTR());
	dump("HDCR", read_HDCR());
	dump("HSCTLR", read_HSCTLR());
	dump("HMAIR0", read_HMAIR0());
	dump("HMAIR1", read_HMAIR1());
	dump("HTCR", read_HTCR());
	dump("HTTBR", read_HTTBR());
	dump("VTCR", read_VTCR());
	dump("VTTBR", read_VTTBR());
	dump("HVBAR", read_HVBAR());
	dump("CNTHCTL", read_CNTHCTL());
	dump("CNTVOFF", read_CNTVOFF());
	dump("VPIDR", read_VPIDR());
	dump("VMPIDR", read_VMPIDR());
	dump_gic();
	dump_guest("PC", "", p->entry);
	dump_guest("CPSR", "CPSR", p->cpsr);
	dump_guest("SCTLR", "SCTLR", read_SCTLR());
	if (p->proto == BOOT_KIT) {
		dump_guest("r0-r12,SP,LR", "", 0);
		return;
	}
	dump_guest("r0", "", p->r0); /* the Linux protocol's three */
	dump_guest("r1", "", p->r1);
	dump_guest("r2", "", p->r2);
	dump_guest("r3-r12,SP,LR", "", 0);
}
