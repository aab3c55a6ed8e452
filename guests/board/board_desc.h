/*
 * The board as data (docs/guest-abi.md): RAM, CPUs, devices and their
 * interrupts, described once. Each VMM derives from it its Stage-2 map or
 * memslots, its MMIO dispatch (board_mmio) and the device tree (dtb.h).
 * Plain C, no hardware access.
 */
#ifndef BOARD_BOARD_DESC_H
#define BOARD_BOARD_DESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "memmap.h"

enum board_dev_kind {
	BDEV_UART, /* PL011 subset with the kit's STATUS register */
	BDEV_GICD, /* GIC distributor */
	BDEV_GICC, /* GIC CPU interface */
	BDEV_KIND_COUNT
};

struct board_dev {
	const char *name; /* DT node name and trap-log prefix: "uart", "gicd" */
	enum board_dev_kind kind;
	uint32_t base, size; /* IPA window, 4 KiB aligned */
	int spi;	     /* GIC SPI number (INTID - 32), -1: none */
};

#define BOARD_MAX_DEVS 16 /* what one DTB of BOARD_DTB_MAX holds with room to spare */

struct board_desc {
	uint32_t ram_base, ram_size;  /* BOARD_RAM_BASE, -m */
	unsigned ncpus;		      /* 1..BOARD_MAX_CPUS */
	const struct board_dev *devs; /* sorted by base, none overlapping */
	unsigned ndevs;
};

/* The kit's board with ram_size bytes and ncpus vCPUs (not yet checked). */
void board_desc_default(struct board_desc *d, uint32_t ram_size, unsigned ncpus);

/*
 * Refuses a description no VMM can build: RAM outside BOARD_RAM_MIN..MAX or
 * not BOARD_RAM_ALIGN'ed, a CPU count out of range, a device overlapping RAM
 * or another device, unaligned or wrapping windows. Returns 0, or -1 with
 * one line in err.
 */
int board_desc_check(const struct board_desc *d, char *err, size_t n);

/* The kit's board as VMMs start it: BOARD_RAM_SIZE, one CPU (board_init's default). */
const struct board_desc *board_desc_kit(void);

/* The device whose window holds ipa, or NULL. */
const struct board_dev *board_desc_find(const struct board_desc *d, uint32_t ipa);

/* vCPU n's MPIDR as the guest reads it: Aff0 = n, the U bit clear, bit 31 set. */
/* clang-format off */
#define BOARD_MPIDR_M		(1u << 31)	/* multiprocessing extensions format */
#define BOARD_MPIDR_AFF0_MASK	0xffu
#define BOARD_MPIDR_AFF_MASK	0x00ffffffu	/* Aff2..Aff0: the DT's cpu reg */
/* clang-format on */
uint32_t board_cpu_mpidr(unsigned n);

#endif
