/*
 * The guest's PSR after the hypervisor skips an instruction for it: in a
 * Thumb IT block the ITSTATE bits must advance as if the instruction had
 * run (ARM DDI 0406C, A2.5.2). Pure C.
 */
#ifndef HYP_PSR_H
#define HYP_PSR_H

#include <stdint.h>

/* clang-format off */
#define PSR_IT_LO_SHIFT	25		/* IT[1:0] */
#define PSR_IT_HI_SHIFT	10		/* IT[7:2] */
#define PSR_IT_MASK	(3u << PSR_IT_LO_SHIFT | 0x3fu << PSR_IT_HI_SHIFT)
/* clang-format on */

uint32_t psr_itstate(uint32_t psr);
uint32_t psr_it_advance(uint32_t psr);

#endif
