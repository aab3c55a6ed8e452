/*
 * The guest's PSR after the hypervisor skips an instruction for it: in a
 * Thumb IT block the ITSTATE bits must advance as if the instruction had
 * run (ARM DDI 0406C, A2.5.2). Pure C.
 */
#ifndef HYP_PSR_H
#define HYP_PSR_H

#include <stdint.h>

#include "cpsr.h" /* PSR_IT_MASK and its shifts */

uint32_t psr_itstate(uint32_t psr);
uint32_t psr_it_advance(uint32_t psr);

#endif
