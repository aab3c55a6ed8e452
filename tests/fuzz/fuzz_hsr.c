/*
 * The syndrome decoder (guests/board/hsr.c) and the trap-log writer over
 * it: any HSR, any record. Names are never NULL; a formatted line fits
 * its buffer and the board's one parser reads it back with the same
 * sequence number, EC and PC (the writer and reader agree on every record).
 */
#include "fuzz.h"
#include "hsr.h"
#include "traplog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct trap_record r;
	struct cp_access32 c32;
	struct cp_access64 c64;
	struct traplog_line l;
	char line[512], err[200];
	unsigned seq;
	int n;

	r.hsr = fuzz_u32(&in, 4);
	fuzz_assert(hsr_ec_name(hsr_ec(r.hsr)) != NULL);
	hsr_decode_cp32(r.hsr, &c32);
	hsr_decode_cp64(r.hsr, &c64);
	fuzz_assert(c32.rt <= 15 && c64.rt <= 15 && c64.rt2 <= 15);
	cp15_reg_name32(&c32);
	cp15_reg_name64(&c64);

	r.pc = fuzz_u32(&in, 4);
	r.ipa = fuzz_u32(&in, 4);
	r.insn = fuzz_u32(&in, 4);
	r.v0 = fuzz_u32(&in, 4);
	r.v1 = fuzz_u32(&in, 4);
	r.reg = (uint16_t)fuzz_u32(&in, 2);
	r.outcome = (uint8_t)fuzz_u32(&in, 1);
	r.by = (uint8_t)(fuzz_u32(&in, 1) % 3);
	r.flags = (uint8_t)fuzz_u32(&in, 1);
	r.size = (uint8_t)fuzz_u32(&in, 1);
	r.srt = (uint8_t)fuzz_u32(&in, 1);
	r.srt2 = (uint8_t)fuzz_u32(&in, 1);
	seq = 1 + fuzz_u32(&in, 2);
	n = traplog_format(line, sizeof(line), seq, &r);
	fuzz_assert(n > 0 && (size_t)n < sizeof(line));
	if (r.outcome > TRAP_OUT_INJECT)	/* no such outcome: the line says so, enough */
		return 0;
	if (traplog_parse(line, &l, err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz: the parser refuses the writer's line: %s\n  %s\n", err, line);
		abort();
	}
	fuzz_assert(l.seq == seq && l.ec == hsr_ec(r.hsr));
	fuzz_assert((r.flags & TR_PC_UNKNOWN) || l.pc == r.pc);
	return 0;
}
