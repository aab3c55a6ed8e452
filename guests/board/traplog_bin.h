/*
 * The trap log in binary: the bare hypervisor's drained log (run.sh
 * --drain) as the records it keeps, written through semihosting with no
 * formatting in the guest's time, turned into the text log
 * (docs/trap-log.md) on the host (build/board/tlogbin). Little-endian; the
 * ARM hypervisor and the host agree on struct trap_record's 36 bytes.
 *
 *   head   struct traplog_bin_head
 *   blocks struct trap_record each, or a skip block (records dropped)
 *   end    struct traplog_bin_end, the log's last block once the run stopped
 * A block is a special one when its first 8 bytes are one of the magics:
 * as a record they would be an HSR of EC 0x15 (an AArch64 SVC), which an
 * ARMv7 guest never traps with.
 */
#ifndef BOARD_TRAPLOG_BIN_H
#define BOARD_TRAPLOG_BIN_H

#include <stddef.h>
#include <stdint.h>
#include "traplog.h"

#define TRAPLOG_BIN_MAGIC "KITTLOG1"
#define TRAPLOG_BIN_SKIP  "KITTSKIP"
#define TRAPLOG_BIN_END	  "KITTEND1"
#define TRAPLOG_BIN_BLOCK 36u /* sizeof(struct trap_record), padding included */

struct traplog_bin_head {
	char magic[8];	/* TRAPLOG_BIN_MAGIC */
	uint32_t block; /* TRAPLOG_BIN_BLOCK */
	uint32_t cpus;	/* the header's cpus= */
	char side[16];	/* NUL-terminated */
	char guest[64]; /* NUL-terminated, cut to fit */
};

/* TRAPLOG_BIN_SKIP: n records overwritten before they were written out. */
struct traplog_bin_skip {
	char magic[8];
	uint32_t n;
	uint32_t pad[6];
};

struct traplog_bin_end {
	char magic[8]; /* TRAPLOG_BIN_END */
	uint32_t traps, dropped;
	int32_t status;
	uint32_t pad[4];
};

_Static_assert(sizeof(struct trap_record) == TRAPLOG_BIN_BLOCK, "a record is one block");
_Static_assert(sizeof(struct traplog_bin_skip) == TRAPLOG_BIN_BLOCK, "a skip is one block");
_Static_assert(sizeof(struct traplog_bin_end) == TRAPLOG_BIN_BLOCK, "the end is one block");
_Static_assert(sizeof(struct traplog_bin_head) == 96, "the head's size");

void traplog_bin_head(struct traplog_bin_head *h, const char *side, const char *guest,
		      unsigned cpus);
void traplog_bin_skip(struct traplog_bin_skip *s, unsigned n);
void traplog_bin_end(struct traplog_bin_end *e, unsigned traps, unsigned dropped, int status);

/*
 * The text log of a binary one (buf, n bytes): each line, without its
 * newline, to emit(ctx, line). 0 when whole; 1 when the end block is
 * missing (a run that did not stop: every record is still emitted, no end
 * line); -1 with a message in err for what is not such a log.
 */
int traplog_bin_decode(const void *buf, size_t n, void (*emit)(void *ctx, const char *line),
		       void *ctx, char *err, size_t errlen);

#endif
