/*
 * The image loader with every bad input: missing, empty, oversized, wrong
 * class, wrong machine, truncated header, truncated segment, a segment
 * outside RAM; and the good ones: an ELF and a raw binary.
 */
#include <elf.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "image.h"
#include "loader.h"
#include "unit.h"

#define BASE 0x40000000u
#define RAM  0x10000u

static uint8_t ram[RAM];
static char err[256];

/* A one-segment ELF32/ARM executable of 8 bytes of code at BASE. */
static size_t make_elf(uint8_t *buf)
{
	Elf32_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS32, ELFDATA2LSB,
			     EV_CURRENT },
		.e_type = ET_EXEC,
		.e_machine = EM_ARM,
		.e_version = EV_CURRENT,
		.e_entry = BASE,
		.e_phoff = sizeof(Elf32_Ehdr),
		.e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr),
		.e_phnum = 1,
	};
	Elf32_Phdr ph = {
		.p_type = PT_LOAD,
		.p_offset = sizeof(eh) + sizeof(ph),
		.p_vaddr = BASE,
		.p_paddr = BASE,
		.p_filesz = 8,
		.p_memsz = 16,
	};
	static const uint8_t code[8] = { 0xfe, 0xff, 0xff, 0xea, 0x11, 0x22, 0x33, 0x44 };

	memcpy(buf, &eh, sizeof(eh));
	memcpy(buf + sizeof(eh), &ph, sizeof(ph));
	memcpy(buf + sizeof(eh) + sizeof(ph), code, sizeof(code));
	return sizeof(eh) + sizeof(ph) + sizeof(code);
}

/* What the runner does with a file it read (guest.c): the board's parse, then copy. */
static int load(uint8_t *data, size_t size, uint32_t *entry)
{
	struct image_info info;

	memset(ram, 0xaa, sizeof(ram));
	if (image_parse(data, size, BASE, RAM, &info, err, sizeof(err)) < 0)
		return -1;
	image_copy(&info, data, ram, BASE);
	*entry = info.entry;
	return 0;
}

static void expect_error(uint8_t *data, size_t size, const char *want, const char *name)
{
	uint32_t entry;

	check(load(data, size, &entry) < 0 && strstr(err, want), "%s: \"%s\"", name, err);
}

static void elf_cases(void)
{
	uint8_t buf[256];
	size_t n = make_elf(buf);
	uint32_t entry = 0;
	Elf32_Ehdr *eh = (Elf32_Ehdr *)buf;
	Elf32_Phdr *ph = (Elf32_Phdr *)(buf + sizeof(*eh));

	check(load(buf, n, &entry) == 0 && entry == BASE, "good ELF loads, entry at RAM base");
	check(ram[0] == 0xfe && ram[7] == 0x44 && ram[8] == 0 && ram[15] == 0 && ram[16] == 0xaa,
	      "segment copied, bss zeroed, nothing beyond");
	expect_error(buf, 10, "truncated ELF", "shorter than e_ident");
	expect_error(buf, 40, "truncated ELF", "header cut");
	expect_error(buf, n - 4, "truncated ELF: segment", "segment cut");
	buf[EI_CLASS] = ELFCLASS64;
	expect_error(buf, n, "not a 32-bit ELF", "ELF64");
	buf[EI_CLASS] = ELFCLASS32;
	eh->e_machine = EM_AARCH64;
	expect_error(buf, n, "not ARM", "wrong machine");
	eh->e_machine = EM_ARM;
	eh->e_type = ET_DYN;
	expect_error(buf, n, "not an executable", "shared object");
	eh->e_type = ET_EXEC;
	eh->e_phoff = 250;
	expect_error(buf, n, "program headers past", "program headers cut");
	eh->e_phoff = sizeof(*eh);
	ph->p_paddr = BASE + RAM - 8;
	expect_error(buf, n, "outside guest RAM", "segment beyond RAM");
	ph->p_paddr = 0x09000000;
	expect_error(buf, n, "outside guest RAM", "segment below RAM");
	ph->p_paddr = BASE;
	eh->e_entry = 0x100;
	expect_error(buf, n, "entry 0x00000100 is outside", "entry outside RAM");
	eh->e_entry = BASE + 16;
	expect_error(buf, n, "entry 0x40000010 is outside the loaded segments",
		     "entry past the bss");
}

static void raw_cases(void)
{
	static uint8_t big[RAM + 1];
	uint8_t code[4] = { 0xfe, 0xff, 0xff, 0xea };
	uint32_t entry = 0;

	check(load(code, 4, &entry) == 0 && entry == BASE && ram[0] == 0xfe && ram[4] == 0xaa,
	      "raw binary at RAM base");
	expect_error(big, sizeof(big), "does not fit", "raw image larger than RAM");
	expect_error(code, 0, "empty", "empty image");
}

static void file_cases(void)
{
	char path[] = "build/tests/kvm/loader-XXXXXX"; /* tests run from the top */
	int fd = mkstemp(path);
	struct image img;
	uint8_t buf[64] = { 0 };

	check(image_read("/nonexistent/guest.elf", RAM, &img, err, sizeof(err)) < 0 &&
		      strstr(err, "No such file"),
	      "missing file: \"%s\"", err);
	check(image_read(path, RAM, &img, err, sizeof(err)) < 0 && strstr(err, "empty image"),
	      "empty file: \"%s\"", err);
	check(write(fd, buf, sizeof(buf)) == sizeof(buf), "write the temp file");
	check(image_read(path, 32, &img, err, sizeof(err)) < 0 && strstr(err, "does not fit"),
	      "file larger than RAM: \"%s\"", err);
	check(image_read(path, RAM, &img, err, sizeof(err)) == 0 && img.size == 64, "file read");
	image_free(&img);
	check(image_read("build", RAM, &img, err, sizeof(err)) < 0 && strstr(err, "regular"),
	      "directory refused: \"%s\"", err);
	unlink(path);
	check(mkfifo(path, 0600) == 0, "make a FIFO");
	check(image_read(path, RAM, &img, err, sizeof(err)) < 0 &&
		      strstr(err, "not a regular file"),
	      "FIFO refused at once, no writer waited for: \"%s\"", err);
	close(fd);
	unlink(path);
}

int main(void)
{
	elf_cases();
	raw_cases();
	file_cases();
	return unit_summary();
}
