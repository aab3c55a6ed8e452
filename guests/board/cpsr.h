/*
 * CPSR / SPSR: the mode field and the bits the kit reads or sets (ARM DDI
 * 0406C, B1.3.3). One copy for the hypervisor, kvm-runner, the guests and
 * their assembly (GNU as takes the u suffix).
 */
#ifndef BOARD_CPSR_H
#define BOARD_CPSR_H

/* clang-format off */
#define PSR_MODE_MASK	0x1fu
#define PSR_MODE_USR	0x10u
#define PSR_MODE_FIQ	0x11u
#define PSR_MODE_IRQ	0x12u
#define PSR_MODE_SVC	0x13u
#define PSR_MODE_ABT	0x17u
#define PSR_MODE_HYP	0x1au
#define PSR_MODE_UND	0x1bu
#define PSR_MODE_SYS	0x1fu
#define PSR_T		(1u << 5)	/* Thumb state */
#define PSR_F		(1u << 6)	/* FIQ masked */
#define PSR_I		(1u << 7)	/* IRQ masked */
#define PSR_A		(1u << 8)	/* asynchronous abort masked */
#define PSR_E		(1u << 9)	/* big-endian data */
#define PSR_IT_LO_SHIFT	25		/* IT[1:0] */
#define PSR_IT_HI_SHIFT	10		/* IT[7:2] */
#define PSR_IT_MASK	(3u << PSR_IT_LO_SHIFT | 0x3fu << PSR_IT_HI_SHIFT)
#define PSR_J		(1u << 24)	/* Jazelle state */
/* clang-format on */

#endif
