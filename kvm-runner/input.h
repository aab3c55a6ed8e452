/* The guest's console input (--stdin): stdin into the board's UART (input.c). */
#ifndef KVM_RUNNER_INPUT_H
#define KVM_RUNNER_INPUT_H

#include "run.h"

/*
 * What stdin holds now, at most the room in the guest's receive FIFO,
 * into it, and the UART's SPI forwarded (KVM_IRQ_LINE when its level
 * changed). Never blocks; at EOF or an error rs->input goes off.
 * 0, or an exit status when KVM refused the line.
 */
int input_poll(struct run_state *rs);

#endif
