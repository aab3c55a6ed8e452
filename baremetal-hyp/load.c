/*
 * The guest's boot, from the files QEMU's loader left in the staging area
 * to the registers it starts with (docs/guest-abi.md, "Boot protocols"):
 * image_parse tells ELF, zImage and raw apart and refuses a bad image,
 * image_copy puts it into guest RAM, boot_plan places the DTB at the top
 * of RAM and the initrd below it, board_dtb writes the device tree.
 * The same shared code kvm-runner uses; only the copies are ours.
 */
#include <string.h>
#include "boot.h"
#include "console.h"
#include "dtb.h"
#include "hyp.h"
#include "image.h"
#include "semihost.h"

/* Guest RAM as the hypervisor writes it: IPA -> PA through Stage 2's layout. */
static void *ram_at(uint32_t ipa) { return (void *)(GUEST_PA + (ipa - hyp_vcpu.desc.ram_base)); }

static void load_initrd(const struct boot_args *a, const struct boot_plan *p)
{
	uint32_t staged = STAGING_PA + ((a->image_size + 4095u) & ~4095u); /* run.sh's place */

	if (!a->initrd_size)
		return;
	memcpy(ram_at(p->initrd_start), (const void *)staged, a->initrd_size);
	dcache_clean_range(ram_at(p->initrd_start), a->initrd_size);
}

static void load_dtb(const struct boot_args *a, const struct boot_plan *p)
{
	struct dtb_chosen c = { a->bootargs, p->initrd_start, p->initrd_end };
	char err[128];
	long n = board_dtb(&hyp_vcpu.desc, &c, ram_at(p->dtb_addr), BOARD_DTB_MAX, err,
			   sizeof(err));

	if (n < 0)
		hyp_fail(VMM_STATUS_BADINPUT, "device tree: %s", err);
	dcache_clean_range(ram_at(p->dtb_addr), (uint32_t)n);
	if (a->dump_dtb && semihost_write_file(a->dump_dtb, ram_at(p->dtb_addr), (size_t)n))
		hyp_fail(VMM_STATUS_BADINPUT, "--dump-dtb %s: cannot write the DTB there",
			 a->dump_dtb);
}

void hyp_load_guest(const struct boot_args *a, struct boot_plan *plan)
{
	const struct board_desc *d = &hyp_vcpu.desc;
	const void *staged = (const void *)STAGING_PA;
	struct image_info img;
	char err[160];

	if (a->image_size == 0)
		hyp_fail(VMM_STATUS_BADINPUT,
			 "no guest image (image=SIZE on the command line: "
			 "start it with baremetal-hyp/run.sh)");
	if (a->image_size > GUEST_PA - STAGING_PA ||
	    a->initrd_size > GUEST_PA - STAGING_PA - ((a->image_size + 4095u) & ~4095u))
		hyp_fail(VMM_STATUS_BADINPUT, "image and initrd larger than the staging area");
	if (image_parse(staged, a->image_size, d->ram_base, d->ram_size, &img, err, sizeof(err)))
		hyp_fail(VMM_STATUS_BADINPUT, "guest image: %s", err);
	if (boot_plan(&img, d->ram_base, d->ram_size, a->initrd_size, plan, err, sizeof(err)))
		hyp_fail(VMM_STATUS_BADINPUT, "%s", err);
	image_copy(&img, staged, ram_at(d->ram_base), d->ram_base);
	dcache_clean_range(ram_at(d->ram_base), img.end - d->ram_base);
	load_initrd(a, plan);
	load_dtb(a, plan);
	hyp_printf("hyp: %s image, %s protocol, entry 0x%08lx, DTB at 0x%08lx%s\n",
		   image_kind_name(img.kind), plan->proto == BOOT_LINUX ? "Linux" : "kit",
		   (unsigned long)plan->entry, (unsigned long)plan->dtb_addr,
		   a->initrd_size ? ", initrd below it" : "");
}
