/*
 * kvmloop: the bare KVM_RUN loop the bench compares kvm-runner against
 * (issue 5: "its MMIO round trip within 5 % of a bare KVM_RUN loop's").
 * arm64 host with an AArch32 guest, or a 32-bit ARM host (built for each
 * with the kit's own KVM headers: kvm-runner/kvm_abi.h and the
 * architecture's kvm_arch_abi.h), no tracing, no timer forwarding, no
 * logging: KVM_RUN, answer the UART and STATUS, again. Only for guests that
 * never WFI (guests/bench.S).
 *
 *   kvmloop [ignored options...] GUEST.elf
 *
 * The test bed's init runs it in kvm-runner's place, so it takes the guest
 * from the last argument and ignores the rest. Exit: the guest's STATUS.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kvm_abi.h"
#include "kvm_arch_abi.h"
#include "memmap.h"
#include "pl011.h"

#define LIMIT_S	      120			    /* SIGALRM ends a runaway guest */
#define UART_FR_VALUE (UART_FR_TXFE | UART_FR_RXFE) /* never busy, nothing received */
#ifdef __aarch64__
#define REG_PC	      ARM64_CORE_REG(ARM64_CORE_PC)
#define VCPU_FEATURES (1u << KVM_ARM_VCPU_EL1_32BIT | 1u << KVM_ARM_VCPU_PSCI_0_2)
#else
#define REG_PC	      ARM_CORE_REG(ARM_CORE_USR + 15) /* 32 bits: the low word of pc below */
#define VCPU_FEATURES (1u << KVM_ARM_VCPU_PSCI_0_2)
#endif

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("kvmloop: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(3);
}

static int xioctl(int fd, unsigned long req, void *arg, const char *what)
{
	int r = ioctl(fd, req, arg);

	if (r < 0)
		die("%s: %s", what, strerror(errno));
	return r;
}

/* Copies the ELF32 image's PT_LOAD segments into guest RAM. */
static void load_elf(const char *path, uint8_t *ram)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(Elf32_Ehdr))
		die("%s: cannot read an ELF image", path);
	uint8_t *img = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (img == MAP_FAILED)
		die("%s: mmap: %s", path, strerror(errno));
	const Elf32_Ehdr *eh = (const void *)img;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_machine != EM_ARM ||
	    eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr) > (uint64_t)st.st_size)
		die("%s: not an ARM ELF32 image", path);
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph = (const void *)(img + eh->e_phoff + i * sizeof(Elf32_Phdr));
		if (ph->p_type != PT_LOAD || ph->p_filesz == 0)
			continue;
		if (ph->p_paddr < BOARD_RAM_BASE ||
		    ph->p_paddr + (uint64_t)ph->p_filesz >
			    BOARD_RAM_BASE + (uint64_t)BOARD_RAM_SIZE ||
		    ph->p_offset + (uint64_t)ph->p_filesz > (uint64_t)st.st_size)
			die("%s: a segment outside RAM or the file", path);
		memcpy(ram + (ph->p_paddr - BOARD_RAM_BASE), img + ph->p_offset, ph->p_filesz);
	}
	munmap(img, st.st_size);
	close(fd);
}

/* VM, RAM, one AArch32 vCPU at the image's first byte; returns its fd. */
static int create_vcpu(const char *guest, struct kvm_run **run)
{
	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		die("/dev/kvm: %s", strerror(errno));
	int vm = xioctl(kvm, KVM_CREATE_VM, 0, "KVM_CREATE_VM");
	uint8_t *ram = mmap(NULL, BOARD_RAM_SIZE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (ram == MAP_FAILED)
		die("guest RAM: %s", strerror(errno));
	load_elf(guest, ram);
	struct kvm_userspace_memory_region mr = {
		.guest_phys_addr = BOARD_RAM_BASE,
		.memory_size = BOARD_RAM_SIZE,
		.userspace_addr = (uintptr_t)ram,
	};
	xioctl(vm, KVM_SET_USER_MEMORY_REGION, &mr, "KVM_SET_USER_MEMORY_REGION");
	int vcpu = xioctl(vm, KVM_CREATE_VCPU, 0, "KVM_CREATE_VCPU");
	struct kvm_vcpu_init init;
	xioctl(vm, KVM_ARM_PREFERRED_TARGET, &init, "KVM_ARM_PREFERRED_TARGET");
	init.features[0] |= VCPU_FEATURES;
	xioctl(vcpu, KVM_ARM_VCPU_INIT, &init, "KVM_ARM_VCPU_INIT");
	uint64_t pc = BOARD_RAM_BASE;
	struct kvm_one_reg reg = { .id = REG_PC, .addr = (uintptr_t)&pc };
	xioctl(vcpu, KVM_SET_ONE_REG, &reg, "KVM_SET_ONE_REG pc");
	int size = xioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0, "KVM_GET_VCPU_MMAP_SIZE");
	*run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (*run == MAP_FAILED)
		die("kvm_run mmap: %s", strerror(errno));
	return vcpu;
}

/* The board's UART and STATUS, nothing else. */
static void mmio(struct kvm_run *run, uint32_t *status)
{
	uint64_t a = run->mmio.phys_addr;

	if (!run->mmio.is_write) {
		uint32_t v = a == BOARD_UART_BASE + UART_FR ? UART_FR_VALUE : 0;
		memcpy(run->mmio.data, &v, run->mmio.len <= 4 ? run->mmio.len : 4);
	} else if (a == BOARD_UART_BASE) {
		putchar(run->mmio.data[0]);
	} else if (a == BOARD_STATUS_ADDR) {
		memcpy(status, run->mmio.data, 4);
	}
}

int main(int argc, char **argv)
{
	struct kvm_run *run;
	uint32_t status = 0;

	if (argc < 2)
		die("usage: kvmloop [ignored options...] GUEST.elf");
	alarm(LIMIT_S);
	int vcpu = create_vcpu(argv[argc - 1], &run);
	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0) {
			if (errno == EINTR)
				continue;
			die("KVM_RUN: %s", strerror(errno));
		}
		if (run->exit_reason == KVM_EXIT_MMIO)
			mmio(run, &status);
		else if (run->exit_reason == KVM_EXIT_SYSTEM_EVENT)
			break;
		else
			die("unexpected exit reason %u", run->exit_reason);
	}
	fflush(stdout);
	return status & 0xff;
}
