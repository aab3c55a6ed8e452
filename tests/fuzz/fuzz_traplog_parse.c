/*
 * The trap log's one parser (guests/board/traplog_parse.c): any bytes as a
 * trap line, a header and an end line. A refusal carries a message; an
 * accepted line has NUL-terminated fields within their arrays.
 */
#include "fuzz.h"
#include "traplog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char line[1024], err[200], side[32], guest[64];
	struct traplog_line l;
	struct traplog_head h;
	unsigned traps, dropped;
	int status;

	if (size >= sizeof(line))
		size = sizeof(line) - 1;
	memcpy(line, data, size);
	line[size] = 0;
	err[0] = 0;
	if (traplog_parse(line, &l, err, sizeof(err)) == 0) {
		fuzz_assert(memchr(l.name, 0, sizeof(l.name)) && memchr(l.by, 0, sizeof(l.by)));
		fuzz_assert(memchr(l.syndrome, 0, sizeof(l.syndrome)));
		fuzz_assert(memchr(l.outcome, 0, sizeof(l.outcome)) && l.outcome[0]);
		fuzz_assert(l.cpu == TRAPLOG_NO_CPU ||
			    (l.cpu >= 0 && l.cpu < (int)TRAPLOG_MAX_CPUS));
		fuzz_assert(l.ec < 0x40 || l.ec == TRAPLOG_EC_EVENT);
	} else {
		fuzz_assert(err[0]);
	}
	err[0] = 0;
	if (traplog_parse_header(line, side, sizeof(side), guest, sizeof(guest), err,
				 sizeof(err)) == 0)
		fuzz_assert(side[0] && memchr(guest, 0, sizeof(guest)));
	else
		fuzz_assert(err[0]);
	err[0] = 0;
	if (traplog_parse_head(line, &h, err, sizeof(err)) == 0)
		fuzz_assert(h.version >= TRAPLOG_VERSION_MIN && h.version <= TRAPLOG_VERSION &&
			    h.cpus >= 1 && h.cpus <= TRAPLOG_MAX_CPUS && h.side[0] && h.guest[0]);
	else
		fuzz_assert(err[0]);
	traplog_parse_footer(line, &traps, &dropped, &status, err, sizeof(err));
	return 0;
}
