/*
 * The test bed's console as a terminal shows it (run-testbed.sh --tty):
 * every byte until the first line that starts with REPORT_MARK " " (the
 * results init sends back, report.h), none after it. A prefix of that
 * mark at the start of a line is held until it turns out to be text, so
 * a prompt without a newline still shows at once. Pure C: host unit tests.
 */
#ifndef TESTBED_CONSVIEW_H
#define TESTBED_CONSVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "report.h"

#define CONSVIEW_CUT REPORT_MARK " " /* a result line */

struct consview {
	bool mid_line; /* a byte other than '\n' came last */
	size_t held;   /* bytes of CONSVIEW_CUT matched at the start of a line */
	bool done;     /* the results began: nothing more is shown */
};

/*
 * Feeds n bytes of in; puts the bytes to show now in out (room for
 * n + sizeof(CONSVIEW_CUT) bytes) and returns how many.
 */
size_t consview_feed(struct consview *v, const char *in, size_t n, char *out);

#endif
