/*
 * fdt: the device tree a VMM gives a Linux-protocol guest (issue 8).
 * Linked at RAM base + BOARD_RAW_IMAGE_OFFSET, as kvm-unit-tests is, so
 * every VMM enters it by the Linux protocol: r0 = 0, r1 = 0xffffffff,
 * r2 = the DTB. It walks the DTB (guests/lib/dt.c) and checks /memory, the
 * /cpus/cpu@ count and the /psci method against what /chosen/bootargs
 * says they must be, separated by spaces or commas
 * (the KVM test bed passes the runner's options through a kernel command
 * line, which cannot quote a space):
 *   kit.mem=256M,kit.cpus=2,kit.psci=hvc     (GUEST_ARGS_fdt, guests/build.mk: -c 2)
 */
#include "dt.h"
#include "guest.h"

extern char __stack_top[];

static void check_expectations(const struct dt_facts *f)
{
	char mem[16], cpus[8], psci[8];
	bool have_mem = dt_arg(f->bootargs, "kit.mem", mem, sizeof(mem));
	bool have_cpus = dt_arg(f->bootargs, "kit.cpus", cpus, sizeof(cpus));
	bool have_psci = dt_arg(f->bootargs, "kit.psci", psci, sizeof(psci));

	report(f->bootargs != NULL, "/chosen/bootargs present");
	if (report(have_mem && dt_size_arg(mem), "bootargs: kit.mem=%s",
		   have_mem ? mem : "(missing)"))
		report(f->have_memory && f->mem_base == BOARD_RAM_BASE &&
			       f->mem_size == dt_size_arg(mem),
		       "/memory reg: base 0x%08x, %u MiB", (uint32_t)f->mem_base,
		       (uint32_t)(f->mem_size >> 20));
	if (report(have_cpus, "bootargs: kit.cpus=%s", have_cpus ? cpus : "(missing)"))
		report(dt_count_arg(cpus) == f->cpus, "/cpus: %u cpu@ node(s)", f->cpus);
	if (report(have_psci, "bootargs: kit.psci=%s", have_psci ? psci : "(missing)"))
		report(f->psci_method && !strcmp(f->psci_method, psci), "/psci method: %s",
		       f->psci_method ? f->psci_method : "(none)");
}

int main(uint32_t r0, uint32_t r1, const uint8_t *dtb)
{
	const struct fdt_header *h = (const void *)dtb;
	struct dt_facts f;
	uintptr_t at = (uintptr_t)dtb;
	size_t max = BOARD_RAM_BASE + BOARD_RAM_MAX - at; /* bounds every DTB read */

	report_prefix("fdt");
	report(r0 == 0 && r1 == BOARD_MACH_TYPE_DT, "entry: r0 = 0, r1 = 0x%08x (Linux protocol)",
	       r1);
	if (!report(at >= BOARD_RAM_BASE && !(at & 7), "entry: r2 points at 8-byte aligned RAM"))
		return report_summary();
	report(at >= (uintptr_t)__stack_top, "the DTB lies above the image and its stack");
	if (!report(dt_be32(&h->magic) == FDT_MAGIC, "header: magic 0x%08x", dt_be32(&h->magic)))
		return report_summary();
	report(dt_header_ok(dtb, max),
	       "header: version >= 16, last compatible <= 16, blocks inside totalsize");
	if (!report(dt_walk(dtb, max, &f), "structure block walks to FDT_END"))
		return report_summary();
	report(f.have_uart && f.uart_base == BOARD_UART_BASE, "an arm,pl011 node at 0x%08x",
	       (uint32_t)f.uart_base);
	check_expectations(&f);
	return report_summary();
}
