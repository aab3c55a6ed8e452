/*
 * --stdin: the guest's UART input. kvm-runner has no I/O thread: stdin is
 * polled where the run loop already is, at each tick (every RUN_TICK_MS,
 * even with the vCPU asleep in WFI) and after each guest UART access that
 * could make room (a DR read, a CR or LCR_H write). As much as the guest's
 * receive FIFO has room for is read (uart_rx_room: 0 until the guest turns
 * its receiver on), the rest stays in stdin for later, as QEMU's PL011
 * takes only what its FIFO can (pl011_can_receive).
 */
#include <poll.h>
#include <unistd.h>
#include "input.h"
#include "uart.h"

int input_poll(struct run_state *rs)
{
	char buf[UART_RX_FIFO];
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned room = uart_rx_room(rs->vm->board);
	ssize_t n;

	if (!rs->input || !room || poll(&p, 1, 0) <= 0)
		return 0;
	n = read(STDIN_FILENO, buf, room);
	if (n <= 0) {
		rs->input = false; /* EOF: the guest gets no more */
		return 0;
	}
	uart_rx_feed(rs->vm->board, buf, (unsigned)n);
	return vm_sync_uart_irq(rs->vm);
}
