/*
 * The trap log in binary: the bare hypervisor's drained log (run.sh
 * --drain) as the records it keeps, written through semihosting with no
 * formatting in the guest's time, turned into the text log
 * (docs/trap-log.md) on the host (build/board/tlogbin). Little-endian; the
 * ARM hypervisor and the host agree on struct trap_record's 32 bytes.
 * Version 2 (KITTLOG2): 32-byte blocks; version 1 (KITTLOG1, 36-byte
 * blocks: the record before outcome and by shared a byte) is still read.
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

#define TRAPLOG_BIN_MAGIC    "KITTLOG2"
#define TRAPLOG_BIN_SKIP     "KITTSKIP"
#define TRAPLOG_BIN_END	     "KITTEND1"
#define TRAPLOG_BIN_BLOCK    32u /* sizeof(struct trap_record) */
#define TRAPLOG_BIN_MAGIC_V1 "KITTLOG1"
#define TRAPLOG_BIN_BLOCK_V1 36u /* version 1's record, padding included */

/* Version 1's record: outcome and by a byte each, 3 bytes of padding. */
struct traplog_bin_v1_record {
	uint32_t hsr, pc, ipa, insn, v0, v1;
	uint16_t reg;
	uint8_t outcome, by, flags, size, srt, srt2, cpu;
};

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
	uint32_t pad[5];
};

struct traplog_bin_end {
	char magic[8]; /* TRAPLOG_BIN_END */
	uint32_t traps, dropped;
	int32_t status;
	uint32_t pad[3];
};

_Static_assert(sizeof(struct trap_record) == TRAPLOG_BIN_BLOCK, "a record is one block");
_Static_assert(sizeof(struct traplog_bin_skip) == TRAPLOG_BIN_BLOCK, "a skip is one block");
_Static_assert(sizeof(struct traplog_bin_end) == TRAPLOG_BIN_BLOCK, "the end is one block");
_Static_assert(sizeof(struct traplog_bin_head) == 96, "the head's size");
_Static_assert(sizeof(struct traplog_bin_v1_record) == TRAPLOG_BIN_BLOCK_V1, "version 1's block");

void traplog_bin_head(struct traplog_bin_head *h, const char *side, const char *guest,
		      unsigned cpus);
void traplog_bin_skip(struct traplog_bin_skip *s, unsigned n);
void traplog_bin_end(struct traplog_bin_end *e, unsigned traps, unsigned dropped, int status);

/*
 * The text log of a binary one (buf, n bytes; version 1 or 2): each line, without its
 * newline, to emit(ctx, line). 0 when whole; 1 when the end block is
 * missing (a run that did not stop: every record is still emitted, no end
 * line); -1 with a message in err for what is not such a log.
 */
int traplog_bin_decode(const void *buf, size_t n, void (*emit)(void *ctx, const char *line),
		       void *ctx, char *err, size_t errlen);

#endif
