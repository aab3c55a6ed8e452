/* The guest's boot, prepared before KVM is opened (guest.h). */
#include <string.h>
#include "dtb.h"
#include "err.h"
#include "guest.h"

static int prepare_image(struct guest *g, const struct options *o)
{
	char err[256];

	if (image_read(o->image, g->desc.ram_size, &g->file, err, sizeof(err)) < 0)
		return fail(EXIT_BADINPUT, "%s", err);
	if (image_parse(g->file.data, g->file.size, g->desc.ram_base, g->desc.ram_size, &g->info,
			err, sizeof(err)) < 0)
		return fail(EXIT_BADINPUT, "%s: %s", o->image, err);
	if (o->initrd && image_read(o->initrd, g->desc.ram_size, &g->initrd, err, sizeof(err)) < 0)
		return fail(EXIT_BADINPUT, "%s", err);
	if (boot_plan(&g->info, g->desc.ram_base, g->desc.ram_size, g->initrd.size, &g->plan, err,
		      sizeof(err)) < 0)
		return fail(EXIT_BADINPUT, "%s: %s", o->image, err);
	return 0;
}

int guest_prepare(struct guest *g, const struct options *o)
{
	struct dtb_chosen chosen = { .bootargs = o->params };
	char err[256];
	long size;
	int rc;

	memset(g, 0, sizeof(*g));
	board_desc_default(&g->desc, o->mem, o->cpus);
	if (board_desc_check(&g->desc, err, sizeof(err)) < 0)
		return fail(EXIT_BADINPUT, "%s", err);
	if ((rc = prepare_image(g, o)))
		return rc;
	chosen.initrd_start = g->plan.initrd_start;
	chosen.initrd_end = g->plan.initrd_end;
	size = board_dtb(&g->desc, &chosen, g->dtb, sizeof(g->dtb), err, sizeof(err));
	if (size < 0)
		return fail(EXIT_BADINPUT, "device tree: %s", err);
	g->dtb_size = (uint32_t)size;
	return 0;
}

void guest_copy(const struct guest *g, uint8_t *ram)
{
	uint32_t base = g->desc.ram_base;

	image_copy(&g->info, g->file.data, ram, base);
	if (g->initrd.size)
		memcpy(ram + (g->plan.initrd_start - base), g->initrd.data, g->initrd.size);
	memcpy(ram + (g->plan.dtb_addr - base), g->dtb, g->dtb_size);
}

void guest_free(struct guest *g)
{
	image_free(&g->file);
	image_free(&g->initrd);
}
