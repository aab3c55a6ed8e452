/*
 * mkdtb: writes the DTB a VMM gives the guest, for the same -m/-c/-p/-i
 * options, so tests and docs can read it with dtc.
 *
 *   build/board/mkdtb [-m SIZE] [-c N] [-p CMDLINE] [-i INITRD] -o FILE
 *
 * SIZE in MiB, or with a K/M/G suffix (size_arg.h, as the VMMs' -m). The
 * initrd is placed as boot_plan() places it: only its size is read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "boot.h"
#include "dtb.h"
#include "size_arg.h"

static int usage(const char *why)
{
	fprintf(stderr, "mkdtb: %s\nusage: mkdtb [-m SIZE] [-c N] [-p CMDLINE] [-i INITRD] -o FILE\n",
		why);
	return 201;	/* VMM_STATUS_BADINPUT */
}

static int write_file(const char *path, const void *buf, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0) {
		fprintf(stderr, "mkdtb: %s: %s\n", path, strerror(errno));
		return 203;	/* VMM_STATUS_FAILED */
	}
	return 0;
}

int main(int argc, char **argv)
{
	static uint8_t dtb[BOARD_DTB_MAX];
	uint32_t ram = BOARD_RAM_SIZE;
	unsigned long cpus = 1;
	const char *out = NULL, *initrd = NULL;
	struct dtb_chosen chosen = { NULL, 0, 0 };
	struct board_desc d;
	struct boot_plan plan;
	struct image_info none = { .kind = IMAGE_RAW, .entry = BOARD_RAM_BASE, .end = BOARD_RAM_BASE };
	struct stat st = { .st_size = 0 };
	char err[160], *end;
	long size;

	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v = argv[i + 1];

		if (!strcmp(o, "-h") || !strcmp(o, "--help"))
			return usage("the board's device tree"), 0;
		if (!v)
			return usage(o[0] == '-' ? "an option needs a value" : "unexpected argument");
		if (!strcmp(o, "-m") && board_size_arg(v, &ram) < 0)
			return usage("-m: a size in MiB, or with a K, M or G suffix");
		if (!strcmp(o, "-c") && ((cpus = strtoul(v, &end, 10)) == 0 || *end || *v < '0' || *v > '9'))
			return usage("-c: a CPU count");
		if (!strcmp(o, "-p"))
			chosen.bootargs = v;
		else if (!strcmp(o, "-i"))
			initrd = v;
		else if (!strcmp(o, "-o"))
			out = v;
		else if (strcmp(o, "-m") && strcmp(o, "-c"))
			return usage("unknown option");
		i++;
	}
	if (!out)
		return usage("-o FILE is needed");
	if (initrd && stat(initrd, &st) < 0)
		return fprintf(stderr, "mkdtb: %s: %s\n", initrd, strerror(errno)), 201;
	if (initrd && !S_ISREG(st.st_mode))
		return fprintf(stderr, "mkdtb: %s: not a regular file\n", initrd), 201;
	board_desc_default(&d, ram, cpus > BOARD_MAX_CPUS ? BOARD_MAX_CPUS + 1 : (unsigned)cpus);
	if (board_desc_check(&d, err, sizeof(err)) < 0 ||
	    boot_plan(&none, d.ram_base, d.ram_size, (size_t)st.st_size, &plan, err, sizeof(err)) < 0)
		return fprintf(stderr, "mkdtb: %s\n", err), 201;
	chosen.initrd_start = plan.initrd_start;
	chosen.initrd_end = plan.initrd_end;
	size = board_dtb(&d, &chosen, dtb, sizeof(dtb), err, sizeof(err));
	if (size < 0)
		return fprintf(stderr, "mkdtb: %s\n", err), 201;
	return write_file(out, dtb, (size_t)size);
}
