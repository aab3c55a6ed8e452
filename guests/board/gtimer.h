/*
 * The generic timer's control register, the same bits in CNTV_CTL,
 * CNTP_CTL and CNTHP_CTL (ARM DDI 0406C, B8.2): for the hypervisor, the
 * guests and their assembly. #defines only.
 */
#ifndef BOARD_GTIMER_H
#define BOARD_GTIMER_H

/* clang-format off */
#define CNT_CTL_ENABLE		(1u << 0)	/* the timer counts down to its compare */
#define CNT_CTL_IMASK		(1u << 1)	/* its interrupt masked */
#define CNT_CTL_ISTATUS		(1u << 2)	/* the condition met (read-only) */
/* clang-format on */

#endif
