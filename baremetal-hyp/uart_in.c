/*
 * The guest's console input: the host PL011's receive interrupt (QEMU
 * virt's SPI 1, INTID 33) is taken at PL2 like every physical interrupt
 * (HCR.IMO), the bytes in the host's FIFO go to the guest's receive FIFO
 * (uart_rx_feed, guests/board/uart_rx.c) and the guest UART's line to its
 * virtual SPI (kvm_vgic_inject_irq, what a VMM's KVM_IRQ_LINE reaches).
 * What the guest's FIFO cannot take stays in the host's: the host's RX
 * interrupt is masked until the guest makes room (uart_in_access), so
 * nothing typed is lost once the guest has set its UART up (bytes that
 * come before, into its one-byte FIFO, go when it turns the FIFO on, as
 * on a PL011). Without input (run.sh's stdin /dev/null) the
 * interrupt never fires.
 */
#include "gicv2.h"
#include "hyp.h"
#include "smp.h"
#include "uart.h"
#include "vgic.h"

/* clang-format off */
#define HOST_UART_PRIO	0xa0		/* as the timer: below the watchdog */
#define PL011_LCR_H_ON	(UART_LCR_H_FEN | 0x60)	/* FIFO on (QEMU: 16 bytes an interrupt), 8 bits */
#define PL011_IM_RX	(UART_INT_RX | UART_INT_RT)	/* what the guest's input needs */
/* clang-format on */

static bool guest_line;	 /* the guest UART's line last given to the vGIC */
static bool host_paused; /* the host's RX masked: the guest's FIFO was full */
static int guest_intid = -1;

static inline volatile uint32_t *host_uart(unsigned off)
{
	return (volatile uint32_t *)(HOST_UART_BASE + off);
}

void uart_in_init(void)
{
	const struct board_desc *d = &hyp_vcpu.desc;

	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].kind == BDEV_UART && d->devs[i].spi >= 0)
			guest_intid = BOARD_SPI(d->devs[i].spi);
	*host_uart(UART_LCR_H) = PL011_LCR_H_ON;
	*host_uart(UART_IMSC) = PL011_IM_RX;
	gic_phys_enable_spi(HOST_UART_INTID, HOST_UART_PRIO);
}

/* The guest UART's line to its virtual SPI, when it changed; its target kicked if another vCPU. */
static void sync_line(uint32_t pc)
{
	bool line = board_uart_irq(&hyp_vcpu.board);

	if (line == guest_line || guest_intid < 0 || !hyp_vcpu.board.vgic)
		return;
	guest_line = line;
	vgic_fold(pc);
	vgic_inject(&hyp_vgic, 0, (unsigned)guest_intid, line);
	vgic_flush(pc);
	if (hyp_ncpus > 1)
		vgic_kick_others();
}

/* The host's FIFO into the guest's while it has room; the host's RX masked while it has none. */
static void pull(void)
{
	char buf[UART_RX_FIFO];
	unsigned n = 0, room = uart_rx_room(&hyp_vcpu.board);

	while (n < room && !(*host_uart(UART_FR) & UART_FR_RXFE))
		buf[n++] = (char)*host_uart(UART_DR);
	if (n)
		uart_rx_feed(&hyp_vcpu.board, buf, n);
	host_paused = !(*host_uart(UART_FR) & UART_FR_RXFE);
	*host_uart(UART_IMSC) = host_paused ? 0 : PL011_IM_RX;
}

void uart_in_irq(uint32_t iar, uint32_t pc)
{
	pull(); /* the host's line falls with its FIFO empty, or masked */
	gic_phys_eoi(iar);
	gic_phys_deactivate(iar);
	sync_line(pc);
}

void uart_in_access(enum board_reg reg, uint32_t pc)
{
	if (reg < BREG_UART_DR || reg > BREG_UART_RESERVED)
		return;
	if (host_paused && uart_rx_room(&hyp_vcpu.board))
		pull(); /* room again (a DR read, an LCR_H write): what the host kept */
	sync_line(pc);
}
