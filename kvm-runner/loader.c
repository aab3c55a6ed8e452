/* ELF32/ARM or raw image loading into guest RAM. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader.h"

int image_read(const char *path, size_t max, struct image *img, char *err, size_t n)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t got;

	img->data = NULL;
	img->size = 0;
	if (fd < 0)
		return snprintf(err, n, "%s: %s", path, strerror(errno)), -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, n, "%s: not a regular file", path);
		goto out;
	}
	if (st.st_size == 0) {
		snprintf(err, n, "%s: empty image", path);
		goto out;
	}
	if ((uint64_t)st.st_size > max) {
		snprintf(err, n, "%s: image of %lld bytes does not fit in %zu bytes of guest RAM",
			 path, (long long)st.st_size, max);
		goto out;
	}
	img->data = malloc((size_t)st.st_size);
	got = img->data ? read(fd, img->data, (size_t)st.st_size) : -1;
	if (got != st.st_size) {
		snprintf(err, n, "%s: cannot read the image", path);
		image_free(img);
		goto out;
	}
	img->size = (size_t)st.st_size;
	close(fd);
	return 0;
out:
	close(fd);
	return -1;
}

void image_free(struct image *img)
{
	free(img->data);
	img->data = NULL;
	img->size = 0;
}

static bool is_elf(const struct image *img)
{
	return img->size >= SELFMAG && memcmp(img->data, ELFMAG, SELFMAG) == 0;
}

static int check_ehdr(const struct image *img, const Elf32_Ehdr *eh, char *err, size_t n)
{
	if (img->size < EI_NIDENT)
		return snprintf(err, n, "truncated ELF: %zu bytes", img->size), -1;
	if (eh->e_ident[EI_CLASS] != ELFCLASS32)
		return snprintf(err, n, "not a 32-bit ELF (ELF class %u): the guest must be "
				"AArch32", eh->e_ident[EI_CLASS]), -1;
	if (img->size < sizeof(*eh))
		return snprintf(err, n, "truncated ELF: %zu bytes, header needs %zu",
				img->size, sizeof(*eh)), -1;
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return snprintf(err, n, "not a little-endian ELF"), -1;
	if (eh->e_machine != EM_ARM)
		return snprintf(err, n, "ELF for machine %u, not ARM (%u)", eh->e_machine,
				EM_ARM), -1;
	if (eh->e_type != ET_EXEC)
		return snprintf(err, n, "ELF type %u is not an executable", eh->e_type), -1;
	if (eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phnum == 0)
		return snprintf(err, n, "ELF without usable program headers"), -1;
	if ((uint64_t)eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr) > img->size)
		return snprintf(err, n, "truncated ELF: program headers past the end of file"), -1;
	return 0;
}

static int load_segment(const struct image *img, const Elf32_Phdr *ph, uint8_t *ram,
			uint32_t base, size_t size, char *err, size_t n)
{
	uint64_t end = (uint64_t)ph->p_paddr + ph->p_memsz;

	if ((uint64_t)ph->p_offset + ph->p_filesz > img->size)
		return snprintf(err, n, "truncated ELF: segment at 0x%08x needs file bytes "
				"up to %llu, file has %zu", ph->p_paddr,
				(unsigned long long)ph->p_offset + ph->p_filesz, img->size), -1;
	if (ph->p_filesz > ph->p_memsz)
		return snprintf(err, n, "bad ELF segment: file size above memory size"), -1;
	if (ph->p_paddr < base || end > (uint64_t)base + size)
		return snprintf(err, n, "ELF segment 0x%08x..0x%08llx is outside guest RAM "
				"0x%08x..0x%08llx", ph->p_paddr, (unsigned long long)end, base,
				(unsigned long long)base + size), -1;
	memcpy(ram + (ph->p_paddr - base), img->data + ph->p_offset, ph->p_filesz);
	memset(ram + (ph->p_paddr - base) + ph->p_filesz, 0, ph->p_memsz - ph->p_filesz);
	return 0;
}

static int load_elf(const struct image *img, uint8_t *ram, uint32_t base, size_t size,
		    uint32_t *entry, char *err, size_t n)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)img->data;
	unsigned loaded = 0;

	if (check_ehdr(img, eh, err, n) < 0)
		return -1;
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		Elf32_Phdr ph;

		memcpy(&ph, img->data + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (load_segment(img, &ph, ram, base, size, err, n) < 0)
			return -1;
		loaded++;
	}
	if (!loaded)
		return snprintf(err, n, "ELF has nothing to load"), -1;
	if (eh->e_entry < base || eh->e_entry >= (uint64_t)base + size)
		return snprintf(err, n, "ELF entry 0x%08x is outside guest RAM", eh->e_entry), -1;
	*entry = eh->e_entry;
	return 0;
}

int image_load(const struct image *img, uint8_t *ram, uint32_t ram_base, size_t ram_size,
	       uint32_t *entry, char *err, size_t n)
{
	if (img->size == 0)
		return snprintf(err, n, "empty image"), -1;
	if (is_elf(img))
		return load_elf(img, ram, ram_base, ram_size, entry, err, n);
	if (img->size > ram_size)
		return snprintf(err, n, "raw image of %zu bytes does not fit in %zu bytes of RAM",
				img->size, ram_size), -1;
	memcpy(ram, img->data, img->size);
	*entry = ram_base;
	return 0;
}
