/*
 * The shared image parser: each kind (ELF, zImage, raw), the protocol each
 * gets, the copy, and every refusal of issue 14 (ELF wherever given,
 * overlapping, outside RAM, wrapping, entry in no segment, larger than
 * RAM, empty by its size), each with its one line.
 */
#include <elf.h>
#include "image.h"
#include "memmap.h"
#include "unit.h"

#define BASE	BOARD_RAM_BASE
#define RAM	0x10000u

static uint8_t file[0x20000], ram[RAM];
static char err[200];
static struct image_info info;

struct seg { uint32_t type, paddr, filesz, memsz; };

/* An ELF32/ARM executable with the given segments; each one's bytes are its index + 1. */
static size_t elf(uint32_t entry, const struct seg *segs, unsigned n)
{
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32, ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC, .e_machine = EM_ARM, .e_version = EV_CURRENT, .e_entry = entry,
		.e_phoff = sizeof(Elf32_Ehdr), .e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr), .e_phnum = (Elf32_Half)n,
	};
	size_t off = sizeof(eh) + n * sizeof(Elf32_Phdr);

	memset(file, 0, sizeof(file));
	memcpy(file, &eh, sizeof(eh));
	for (unsigned i = 0; i < n; i++) {
		Elf32_Phdr ph = { .p_type = segs[i].type, .p_offset = (Elf32_Off)off,
				  .p_vaddr = segs[i].paddr, .p_paddr = segs[i].paddr,
				  .p_filesz = segs[i].filesz, .p_memsz = segs[i].memsz };

		memcpy(file + sizeof(eh) + i * sizeof(ph), &ph, sizeof(ph));
		memset(file + off, (int)i + 1, segs[i].filesz);
		off += segs[i].filesz;
	}
	return off;
}

static int parse(size_t size, uint32_t ram_size)
{
	err[0] = '\0';
	return image_parse(file, size, BASE, ram_size, &info, err, sizeof(err));
}

static void refused(size_t size, uint32_t ram_size, const char *want, const char *name)
{
	check(parse(size, ram_size) < 0 && strstr(err, want), "%s: \"%s\"", name, err);
}

static void test_elf_good(void)
{
	const struct seg two[] = { { PT_LOAD, BASE, 8, 16 }, { PT_LOAD, BASE + 16, 4, 4 },
				   { PT_NOTE, 0, 0, 0 }, { PT_LOAD, 0x1000, 0, 0 } };
	const struct seg kut[] = { { PT_LOAD, BASE + 0x10000, 0x100, 0x2000 } };
	size_t n = elf(BASE, two, 4);

	check(parse(n, RAM) == 0 && info.kind == IMAGE_ELF && info.proto == BOOT_KIT,
	      "ELF entered at the RAM base: the kit's protocol");
	check(info.nsegs == 2 && info.entry == BASE && info.end == BASE + 20,
	      "two segments kept (a note and an empty PT_LOAD skipped), end 0x%08x",
	      (unsigned)info.end);
	memset(ram, 0xaa, sizeof(ram));
	image_copy(&info, file, ram, BASE);
	check(ram[0] == 1 && ram[7] == 1 && ram[8] == 0 && ram[15] == 0 && ram[16] == 2 &&
	      ram[19] == 2 && ram[20] == 0xaa, "copied, bss zeroed, nothing beyond");
	n = elf(BASE + 0x10000, kut, 1);
	check(parse(n, 16 << 20) == 0 && info.proto == BOOT_LINUX && info.end == BASE + 0x12000,
	      "ELF linked at 0x40010000 (as kvm-unit-tests): the Linux protocol");
	check_str(image_kind_name(IMAGE_ELF), "ELF", "kind name");
}

static void test_elf_refused(void)
{
	const struct seg one[] = { { PT_LOAD, BASE, 8, 16 } };
	const struct seg overlap[] = { { PT_LOAD, BASE, 8, 16 }, { PT_LOAD, BASE + 15, 4, 4 } };
	const struct seg high[] = { { PT_LOAD, BASE + RAM - 8, 8, 16 } };
	const struct seg low[] = { { PT_LOAD, 0x09000000, 8, 8 } };
	const struct seg wrap[] = { { PT_LOAD, 0xfffff000, 0, 0x2000 } };
	const struct seg fat[] = { { PT_LOAD, BASE, 16, 8 } };
	struct seg nine[9];
	size_t n = elf(BASE, one, 1);
	Elf32_Ehdr *eh = (Elf32_Ehdr *)file;

	check(parse(n, RAM) == 0, "the one-segment ELF itself passes");
	refused(10, RAM, "truncated ELF: 10 bytes", "shorter than e_ident");
	refused(40, RAM, "truncated ELF: 40 bytes, header needs 52", "header cut");
	refused(n - 1, RAM, "truncated ELF: segment at 0x40000000", "segment cut by a byte");
	eh->e_phoff = (Elf32_Off)n;
	refused(n, RAM, "program headers past the end", "program headers past the end");
	n = elf(BASE, one, 1), file[EI_CLASS] = ELFCLASS64;
	refused(n, RAM, "not a 32-bit ELF (ELF class 2)", "ELF64: refused, not run as raw");
	n = elf(BASE, one, 1), file[EI_DATA] = ELFDATA2MSB;
	refused(n, RAM, "not a little-endian ELF", "big-endian");
	n = elf(BASE, one, 1), eh->e_machine = EM_AARCH64;
	refused(n, RAM, "ELF for machine 183, not ARM (40)", "AArch64");
	n = elf(BASE, one, 1), eh->e_type = ET_DYN;
	refused(n, RAM, "ELF type 3 is not an executable", "shared object");
	n = elf(BASE, one, 1), eh->e_phentsize = 56;
	refused(n, RAM, "without usable program headers", "64-bit program header size");
	n = elf(BASE, NULL, 0);
	refused(n, RAM, "without usable program headers", "no program headers");
	n = elf(BASE, &(struct seg){ PT_NOTE, BASE, 4, 4 }, 1);
	refused(n, RAM, "ELF has nothing to load", "no PT_LOAD");
	n = elf(BASE, overlap, 2);
	refused(n, RAM, "ELF segments at 0x40000000 and 0x4000000f overlap", "segments overlap by a byte");
	n = elf(BASE, high, 1);
	refused(n, RAM, "0x4000fff8..0x40010008 is outside guest RAM", "segment past the end of RAM");
	n = elf(0x09000000, low, 1);
	refused(n, RAM, "0x09000000..0x09000008 is outside guest RAM", "segment below RAM");
	n = elf(0xfffff000, wrap, 1);
	refused(n, RAM, "wraps past 4 GiB", "segment wrapping 4 GiB");
	n = elf(BASE, fat, 1);
	refused(n, RAM, "file size above memory size", "filesz > memsz");
	n = elf(BASE + 16, one, 1);
	refused(n, RAM, "ELF entry 0x40000010 is outside the loaded segments", "entry just past");
	n = elf(0x100, one, 1);
	refused(n, RAM, "ELF entry 0x00000100 is outside", "entry outside RAM");
	for (unsigned i = 0; i < 9; i++)
		nine[i] = (struct seg){ PT_LOAD, BASE + 0x100 * i, 4, 4 };
	n = elf(BASE, nine, 9);
	refused(n, RAM, "ELF with over 8 loadable segments", "nine segments");
	check(parse(elf(BASE, nine, 8), RAM) == 0 && info.nsegs == 8, "eight segments pass");
}

/* A zImage's header: its magic, start and end words at 0x24 (Linux head.S). */
static size_t zimage(size_t size, uint32_t start, uint32_t end)
{
	memset(file, 0x5a, size);
	memcpy(file + 0x24, &(uint32_t){ 0x016F2818 }, 4);
	memcpy(file + 0x28, &start, 4);
	memcpy(file + 0x2c, &end, 4);
	return size;
}

static void test_zimage(void)
{
	size_t n = zimage(0x1000, 0, 0x1000);

	check(parse(n, RAM) == 0 && info.kind == IMAGE_ZIMAGE && info.proto == BOOT_LINUX,
	      "zImage detected: the Linux protocol");
	check(info.nsegs == 1 && info.seg[0].addr == BASE + 0x8000 && info.entry == BASE + 0x8000 &&
	      info.end == BASE + 0x9000, "loaded and entered at RAM base + 0x8000");
	memset(ram, 0, sizeof(ram));
	image_copy(&info, file, ram, BASE);
	check(ram[0x7fff] == 0 && ram[0x8000] == 0x5a && ram[0x8fff] == 0x5a && ram[0x9000] == 0,
	      "copied at 0x8000, nothing before or after");
	check(parse(zimage(RAM - 0x8000, 0, RAM - 0x8000), RAM) == 0, "a zImage filling RAM fits");
	refused(zimage(RAM - 0x8000 + 4, 0, 0x100), RAM,
		"zImage of 32772 bytes does not fit in 65536 bytes of RAM from RAM base + 0x8000",
		"a zImage 4 bytes too big: refused, not cut");
	refused(zimage(0x1000, 0, 0x2000), RAM, "truncated zImage: its header gives 8192 bytes",
		"a zImage cut short");
	refused(zimage(0x1000, 0x100, 0x80), RAM, "truncated zImage", "end before start");
	check(parse(zimage(0x2f, 0, 0x2f), RAM) == 0 && info.kind == IMAGE_RAW,
	      "the magic without a whole header: raw");
	check_str(image_kind_name(IMAGE_ZIMAGE), "zImage", "kind name");
}

static void test_raw(void)
{
	memset(file, 0, 64);
	check(parse(64, RAM) == 0 && info.kind == IMAGE_RAW && info.proto == BOOT_KIT &&
	      info.entry == BASE && info.end == BASE + 64,
	      "raw image whose first word is 0: loaded at the RAM base, the kit's protocol");
	check(parse(RAM, RAM) == 0, "a raw image of exactly RAM's size fits");
	refused(RAM + 1, RAM, "raw image of 65537 bytes does not fit in 65536 bytes of RAM",
		"a byte over RAM: refused, not cut");
	refused(0, RAM, "empty image (0 bytes)", "empty, by its size");
	check(image_parse(file, 4, 0xfff00000, 0x100000, &info, err, sizeof(err)) < 0 &&
	      strstr(err, "reaches 4 GiB"), "RAM reaching 4 GiB refused: \"%s\"", err);
	memcpy(file, "\x7f" "EL", 3);
	check(parse(3, RAM) == 0 && info.kind == IMAGE_RAW, "3 bytes of an ELF magic: raw");
	check_str(image_kind_name(IMAGE_RAW), "raw", "kind name");
}

int main(void)
{
	test_elf_good();
	test_elf_refused();
	test_zimage();
	test_raw();
	return unit_summary();
}
