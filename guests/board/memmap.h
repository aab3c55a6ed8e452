/*
 * The guest board's memory map (docs/guest-abi.md), for C and assembly.
 *
 *   0x08000000  GIC distributor     RAZ/WI, logged
 *   0x08010000  GIC CPU interface   RAZ/WI, logged
 *   0x09000000  PL011 UART          DR = console, FR = never busy
 *   0x09000F00    STATUS            kit register: the guest's exit status
 *   0x40000000  RAM                 BOARD_RAM_SIZE, image loaded at its start
 */
#ifndef BOARD_MEMMAP_H
#define BOARD_MEMMAP_H

#define BOARD_GICD_BASE		0x08000000
#define BOARD_GICC_BASE		(BOARD_GICD_BASE + 0x10000)
#define BOARD_GIC_SIZE		0x10000		/* each of the two */

#define BOARD_UART_BASE		0x09000000
#define BOARD_UART_SIZE		0x1000
#define BOARD_STATUS_OFFSET	0xF00		/* in the PL011's reserved space */
#define BOARD_STATUS_ADDR	(BOARD_UART_BASE + BOARD_STATUS_OFFSET)

#define BOARD_RAM_BASE		0x40000000
#define BOARD_RAM_SIZE		0x01000000	/* 16 MiB */

#define BOARD_ENTRY_CPSR	0x1D3		/* SVC, A I F masked, ARM */

/* Exit statuses the VMMs give (1..123 belong to the guest). */
#define BOARD_STATUS_PASS	0
#define BOARD_STATUS_TIMEOUT	124
#define BOARD_STATUS_RESET	125
#define BOARD_STATUS_FAULT	126

#define BOARD_ABI_VERSION	1

#endif
