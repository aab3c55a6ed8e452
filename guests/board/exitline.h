/*
 * The run's status when the guest powers off (docs/guest-abi.md), the one
 * rule both VMMs apply: a STATUS write wins; else the last "EXIT: STATUS=n"
 * line the guest printed (kvm-unit-tests' convention, n = code << 1 | 1);
 * else 0, with a note that the guest gave no status. The board feeds every
 * console byte to the watcher (uart.c), so a VMM only asks at the end.
 */
#ifndef BOARD_EXITLINE_H
#define BOARD_EXITLINE_H

#include <stdbool.h>
#include <stdint.h>

#define EXIT_LINE_PREFIX	"EXIT: STATUS="
#define EXIT_LINE_MAX		32	/* longer lines are not exit lines */

struct exit_line {
	char buf[EXIT_LINE_MAX];
	unsigned len;		/* bytes of the current line kept in buf */
	bool too_long;		/* the current line outgrew buf */
	bool seen;		/* a complete exit line was read */
	uint32_t status;	/* its n */
};

/* Where the final status came from. */
enum exit_source { EXIT_FROM_STATUS, EXIT_FROM_LINE, EXIT_FROM_NONE };

void exit_line_init(struct exit_line *e);

/* One console byte. A line counts when it ends (\n) as "EXIT: STATUS=n\r?". */
void exit_line_feed(struct exit_line *e, char c);

/*
 * The final status: status if written, else the exit line's n, else 0.
 * *src says which. A line's n above 255 is not a status: it counts as none.
 */
uint32_t exit_status_pick(bool written, uint32_t status, const struct exit_line *e,
			  enum exit_source *src);

#endif
