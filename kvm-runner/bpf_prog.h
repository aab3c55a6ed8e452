/*
 * The eBPF programs of the trap log's event source (bpf_src.c), assembled
 * here from the instruction encoding: one per raw tracepoint, each copying
 * its tracepoint's arguments into the next record of one array map. Pure C:
 * the host unit tests check the encoding and the programs' shape.
 *
 * Each program, for an event of this process only (its tgid):
 *   slot = atomic_fetch_add(&map[0].head, 1) + 1; past the map: lost
 *   map[slot] = { slot (the order: no clock read), tid, event, args (one pointed at: read) }
 */
#ifndef KVM_RUNNER_BPF_PROG_H
#define KVM_RUNNER_BPF_PROG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bpf_abi.h"
#include "bpf_rec.h"

/* clang-format off */
#define BPF_PROG_MAX	64	/* instructions: every program is shorter */
/* clang-format on */

/* An encoded instruction (bpf_abi.h's fields); exposed for the unit tests. */
struct bpf_insn bpf_encode(uint8_t code, unsigned dst, unsigned src, int16_t off, int32_t imm);

/* What a program is built for: the map, this process, the kvm_mmio filter. */
struct bpf_target {
	int map_fd;
	uint32_t tgid;
	uint32_t slots;		   /* the map's entries, slot 0 the head */
	struct mmio_filter filter; /* kvm_mmio's (trace_parse.h) */
};

/*
 * The program of event e (bpf_events[e]) into out (BPF_PROG_MAX room).
 * Returns its length in instructions.
 */
unsigned bpf_prog_build(struct bpf_insn *out, unsigned e, const struct bpf_target *t);

#endif
