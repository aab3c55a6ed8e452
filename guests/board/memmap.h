/*
 * The guest board's memory map (docs/guest-abi.md), for C and assembly.
 *
 *   0x08000000  GIC distributor     vgic_dist.c (hyp), KVM's vgic-v2 (kvm)
 *   0x08010000  GIC CPU interface   the host's GICV through Stage 2
 *   0x09000000  PL011 UART          DR = console, RX from stdin (uart.c)
 *   0x09000F00    STATUS            kit register: the guest's exit status
 *   0x40000000  RAM                 BOARD_RAM_SIZE (-m), images, initrd, DTB
 *
 * One header for C, assembly and the linker scripts: #defines only.
 */
#ifndef BOARD_MEMMAP_H
#define BOARD_MEMMAP_H

/* clang-format off */
#define BOARD_GICD_BASE		0x08000000
#define BOARD_GICC_BASE		(BOARD_GICD_BASE + 0x10000)
#define BOARD_GIC_SIZE		0x10000		/* each of the two */
#define BOARD_GICC_DT_SIZE	0x2000		/* GICv2 CPU interface, as the DT gives it */
/* clang-format on */

/* clang-format off */
#define BOARD_UART_BASE		0x09000000
#define BOARD_UART_SIZE		0x1000
#define BOARD_STATUS_OFFSET	0xF00		/* in the PL011's reserved space */
#define BOARD_STATUS_ADDR	(BOARD_UART_BASE + BOARD_STATUS_OFFSET)
/* clang-format on */

/* clang-format off */
#define BOARD_RAM_BASE		0x40000000
#define BOARD_RAM_SIZE		0x01000000	/* 16 MiB: the default */
#define BOARD_RAM_MIN		0x00100000	/* 1 MiB */
#define BOARD_RAM_MAX		0x20000000	/* 512 MiB */
#define BOARD_RAM_ALIGN		0x00100000	/* sizes in whole MiB */
/* clang-format on */

#define BOARD_MAX_CPUS 8 /* GICv2's limit */

/*
 * INTIDs the guest's distributor has (GICD_TYPER.ITLinesNumber = 1): the 32
 * banked SGIs/PPIs and 32 SPIs, room for the UART's. kvm-runner gives KVM
 * the same (KVM_DEV_ARM_VGIC_GRP_NR_IRQS), so both guests read one TYPER.
 */
#define BOARD_GIC_NR_IRQS 64

/* GIC interrupt ids (INTID): PPIs 16..31, SPIs from 32. */
/* clang-format off */
#define BOARD_PPI(n)		(16 + (n))
#define BOARD_SPI(n)		(32 + (n))
#define BOARD_UART_SPI		1		/* INTID 33, as QEMU virt */
#define BOARD_TIMER_SEC_PPI	13		/* INTID 29, the four timers in */
#define BOARD_TIMER_PHYS_PPI	14		/* INTID 30, the order that the */
#define BOARD_TIMER_VIRT_PPI	11		/* INTID 27, arm,armv7-timer */
#define BOARD_TIMER_HYP_PPI	10		/* INTID 26, binding lists them */
/* clang-format on */

/*
 * Boot (docs/guest-abi.md). Kit protocol: the image at RAM base, entered
 * there with r0-r12 = 0. Linux protocol: a zImage at RAM base + 0x8000 (or
 * an ELF at its own addresses), r0 = 0, r1 = ~0, r2 = the DTB. The DTB sits
 * at the top of RAM, the initrd page-aligned just below it.
 */
/* clang-format off */
#define BOARD_ENTRY_CPSR	0x1D3		/* SVC, A I F masked, ARM */
#define BOARD_ZIMAGE_OFFSET	0x8000		/* as kvmtool's 32-bit loader */
#define BOARD_RAW_IMAGE_OFFSET	0x10000		/* QEMU's raw -kernel load offset: kvm-unit-tests links there */
#define BOARD_DTB_MAX		0x10000		/* 64 KiB for the DTB */
#define BOARD_MACH_TYPE_DT	0xFFFFFFFF	/* r1: "machine type from the DT" */
/* clang-format on */

/*
 * Exit statuses. 0..123 are the guest's (its STATUS write or its
 * "EXIT: STATUS=n" line; kvm-unit-tests' n = code << 1 | 1); 124..126 end
 * a run on the board's account; 200..203 are the VMMs' own verdicts: above
 * any signal's 128 + n (n <= 64), so never read as a guest's or a kill.
 */
/* clang-format off */
#define BOARD_STATUS_PASS	0
#define BOARD_STATUS_TIMEOUT	124		/* out of time */
#define BOARD_STATUS_RESET	125		/* SYSTEM_RESET: the board does not reboot */
#define BOARD_STATUS_FAULT	126		/* a fault the board stopped the guest for */
#define BOARD_STATUS_STUCK	200		/* the guest re-takes one exception, no progress */
#define VMM_STATUS_BADINPUT	201		/* command line, image, options */
#define VMM_STATUS_NOPLATFORM	202		/* no usable KVM, not in Hyp mode ... */
#define VMM_STATUS_FAILED	203		/* KVM or the VMM itself failed */
/* clang-format on */

#define BOARD_ABI_VERSION 1

#endif
