/*
 * The eBPF event source's host half: the instruction encoding, the
 * programs run by a small interpreter of the instructions they use (the
 * kernel's semantics: ctx of u64 arguments, the array map, the helpers),
 * the records decoded and merged. The 6.1 fixture's events, given to the
 * programs as their tracepoints' arguments, give the same trap log as the
 * trace text (trace_test.c's want_61).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bpf_prog.h"
#include "bpf_rec.h"
#include "board.h"
#include "hsr.h"
#include "trace_parse.h"
#include "trap_merge.h"
#include "unit.h"
#include "kvm/fixture61.h"

/* clang-format off */
#define SLOTS		64
#define MAP_FD		7
#define TGID		321
#define MAP_TOKEN	0xfeed0000000007ull	/* ld_imm64 of the map's fd */
/* clang-format on */

static struct bpf_rec map[SLOTS];
static uint64_t pid_tgid = (uint64_t)TGID << 32 | 322;

/* The helpers the programs call, as the kernel defines them. */
static uint64_t helper(int32_t fn, uint64_t *r, int *bad)
{
	switch (fn) {
	case BPF_FUNC_get_current_pid_tgid: return pid_tgid;
	case BPF_FUNC_map_lookup_elem: {
		uint32_t key;

		if (r[1] != MAP_TOKEN)
			return (*bad)++, 0;
		memcpy(&key, (void *)(uintptr_t)r[2], 4);
		return key < SLOTS ? (uint64_t)(uintptr_t)&map[key] : 0;
	}
	case BPF_FUNC_probe_read_kernel:
		if (!r[3]) { /* a fault: the destination zeroed */
			memset((void *)(uintptr_t)r[1], 0, r[2]);
			return (uint64_t)-14;
		}
		memcpy((void *)(uintptr_t)r[1], (void *)(uintptr_t)r[3], r[2]);
		return 0;
	}
	(*bad)++;
	return 0;
}

static uint64_t load(uint64_t addr, uint8_t size)
{
	uint64_t v = 0;

	memcpy(&v, (void *)(uintptr_t)addr, size == BPF_DW ? 8 : 4);
	return v;
}

static void store(uint64_t addr, uint8_t size, uint64_t v)
{
	memcpy((void *)(uintptr_t)addr, &v, size == BPF_DW ? 8 : 4);
}

static bool jump_taken(uint8_t op, uint64_t a, uint64_t b)
{
	switch (op) {
	case BPF_JA: return true;
	case BPF_JEQ: return a == b;
	case BPF_JNE: return a != b;
	case BPF_JGE: return a >= b;
	case BPF_JLT: return a < b;
	}
	return false;
}

/* Runs a program on ctx; returns -1 for an instruction it does not know. */
static int run(const struct bpf_insn *p, unsigned n, const uint64_t *ctx)
{
	uint64_t r[11] = { 0 }, stack[64];
	int bad = 0;

	r[1] = (uint64_t)(uintptr_t)ctx;
	r[10] = (uint64_t)(uintptr_t)&stack[64];
	for (unsigned pc = 0; pc < n && !bad; pc++) {
		const struct bpf_insn *i = &p[pc];
		unsigned d = i->regs & 0xf, s = i->regs >> 4;
		uint8_t cls = i->code & 0x07, op = i->code & 0xf0, size = i->code & 0x18;
		uint64_t src = (i->code & BPF_X) ? r[s] : (uint64_t)(int64_t)i->imm;

		if (i->code == BPF_LD_IMM64) {
			r[d] = s == BPF_PSEUDO_MAP_FD && i->imm == MAP_FD ? MAP_TOKEN : 0;
			pc++;
		} else if (cls == BPF_ALU64) {
			switch (op) {
			case BPF_MOV: r[d] = src; break;
			case BPF_ADD: r[d] += src; break;
			case BPF_SUB: r[d] -= src; break;
			case BPF_AND: r[d] &= src; break;
			case BPF_RSH: r[d] >>= src; break;
			default: bad++;
			}
		} else if (cls == BPF_LDX) {
			r[d] = load(r[s] + i->off, size);
		} else if (cls == BPF_ST || (cls == BPF_STX && (i->code & 0xe0) == BPF_MEM)) {
			store(r[d] + i->off, size,
			      cls == BPF_ST ? (uint64_t)(int64_t)i->imm : r[s]);
		} else if (i->code == (BPF_STX | BPF_DW | BPF_ATOMIC) &&
			   i->imm == (BPF_ADD | BPF_FETCH)) {
			uint64_t old = load(r[d] + i->off, BPF_DW);

			store(r[d] + i->off, BPF_DW, old + r[s]);
			r[s] = old;
		} else if (i->code == (BPF_JMP | BPF_CALL)) {
			r[0] = helper(i->imm, r, &bad);
		} else if (i->code == (BPF_JMP | BPF_EXIT)) {
			return (int)r[0];
		} else if (cls == BPF_JMP) {
			if (jump_taken(op, r[d],
				       (i->code & BPF_X) ? r[s] : (uint64_t)(int64_t)i->imm))
				pc += i->off;
		} else {
			bad++;
		}
	}
	return -1;
}

static struct bpf_target target(bool kernel_irqchip, bool coalesce)
{
	struct bpf_target t = { .map_fd = MAP_FD, .tgid = TGID, .slots = SLOTS };

	mmio_filter_of(&t.filter, kernel_irqchip, coalesce);
	return t;
}

/* Event e's program on these arguments; the map's head after it. */
static uint64_t fire(unsigned e, const struct bpf_target *t, const uint64_t *ctx)
{
	static struct bpf_insn p[BPF_PROG_MAX];
	unsigned n = bpf_prog_build(p, e, t);

	check(run(p, n, ctx) == 0, "%s program ran to its exit", bpf_events[e].tp);
	return map[0].seq;
}

static void encoding(void)
{
	struct bpf_insn i = bpf_encode(BPF_LD_IMM64, 1, BPF_PSEUDO_MAP_FD, 0, 5);
	uint8_t b[8];

	check(sizeof(struct bpf_insn) == 8, "an instruction is 8 bytes");
	memcpy(b, &i, 8);
	check(b[0] == 0x18 && b[1] == 0x11 && b[4] == 5, "ld_imm64 r1, map fd 5: 18 11 .. 05");
	i = bpf_encode(BPF_LDX | BPF_DW | BPF_MEM, 1, 6, 16, 0);
	memcpy(b, &i, 8);
	check(b[0] == 0x79 && b[1] == 0x61 && b[2] == 16 && b[3] == 0,
	      "r1 = *(u64 *)(r6 + 16): 79 61 10 00");
	i = bpf_encode(BPF_STX | BPF_DW | BPF_ATOMIC, 0, 1, 0, BPF_ADD | BPF_FETCH);
	memcpy(b, &i, 8);
	check(b[0] == 0xdb && b[1] == 0x10 && b[4] == 1,
	      "r1 = atomic_fetch_add((u64 *)(r0 + 0), r1): db 10 .. 01");
	i = bpf_encode(BPF_JMP | BPF_JNE | BPF_K, 0, 0, -2, 77);
	memcpy(b, &i, 8);
	check(b[0] == 0x55 && b[2] == 0xfe && b[3] == 0xff && b[4] == 77,
	      "if r0 != 77 goto -2: 55 00 fe ff 4d");
	check(bpf_encode(BPF_JMP | BPF_EXIT, 0, 0, 0, 0).code == 0x95, "exit: 95");
	check(bpf_encode(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0).code == 0xb7, "r0 = 0: b7");
}

/* Every program: in bounds, its jumps inside it, its ctx reads within its tracepoint's. */
static void shapes(void)
{
	struct bpf_target t = target(true, true);
	static struct bpf_insn p[BPF_PROG_MAX];

	for (unsigned e = 0; e < BEV_COUNT; e++) {
		unsigned n = bpf_prog_build(p, e, &t), max_ctx = 0;
		bool jumps_in = true, map_fd = false;

		check(n > 2 && n <= BPF_PROG_MAX, "%s: %u instructions", bpf_events[e].tp, n);
		if (n < 2)
			continue;
		check(p[n - 1].code == (BPF_JMP | BPF_EXIT) && p[n - 2].code == 0xb7 &&
			      p[n - 2].imm == 0,
		      "%s ends r0 = 0; exit", bpf_events[e].tp);
		for (unsigned i = 0; i < n; i++) {
			uint8_t c = p[i].code;

			if ((c & 0x07) == BPF_JMP && c != (BPF_JMP | BPF_CALL) &&
			    c != (BPF_JMP | BPF_EXIT))
				jumps_in &= (int)i + 1 + p[i].off >= 0 && i + 1 + p[i].off < n;
			if (c == (BPF_LDX | BPF_DW | BPF_MEM) && (p[i].regs >> 4) == 6 &&
			    (unsigned)p[i].off + 8 > max_ctx)
				max_ctx = (unsigned)p[i].off + 8;
			if (c == BPF_LD_IMM64)
				map_fd |= p[i].imm == MAP_FD, i++;
		}
		check(jumps_in, "%s: every jump lands inside it", bpf_events[e].tp);
		check(max_ctx <= 8 * bpf_events[e].tp_args, "%s: reads %u ctx bytes of %u",
		      bpf_events[e].tp, max_ctx, 8 * bpf_events[e].tp_args);
		check(map_fd, "%s: its map is fd %d", bpf_events[e].tp, MAP_FD);
	}
}

/* What each program records, or leaves out. */
static void programs(void)
{
	struct bpf_target t = target(true, false);
	uint64_t dabt_exit[] = { BPF_ARM_EXCEPTION_TRAP, HSR_EC_DABT, 0x4000000c };
	uint64_t irq_exit[] = { BPF_ARM_EXCEPTION_IRQ, HSR_EC_DABT, 0x40000010 }; /* stale EC */
	uint64_t smc_exit[] = { BPF_ARM_EXCEPTION_TRAP | BPF_ARM_EXIT_SERROR, HSR_EC_SMC, 0x44 };
	uint64_t val = 0x12345678, uart[] = { 2, 4, 0x09000000, (uintptr_t)&val };
	uint64_t gicd[] = { 2, 4, 0x08000100, (uintptr_t)&val }, gicc[] = { 2, 4, 0x08010000, 0 };
	struct kvm_event ev[2];

	memset(map, 0, sizeof(map));
	check_eq(fire(BEV_EXIT, &t, dabt_exit), 0,
		 "an abort's kvm_exit: no record (its fault's has it)");
	check_eq(fire(BEV_EXIT, &t, irq_exit), 1, "an IRQ exit with a stale DABT class: recorded");
	check(bpf_rec_decode(&map[1], ev) == 1 && ev[0].irq && !ev[0].trap && ev[0].ec == 0 &&
		      ev[0].pc == 0x40000010 && ev[0].pid == 322,
	      "IRQ exit decoded: irq, no class, pc, tid");
	check_eq(fire(BEV_EXIT, &t, smc_exit), 2, "an SMC trap with an SError pending: recorded");
	check(bpf_rec_decode(&map[2], ev) == 1 && ev[0].trap && ev[0].ec == HSR_EC_SMC,
	      "SMC exit decoded: a trap of class 0x13");
	check_eq(fire(BEV_MMIO, &t, uart), 2, "kvm_mmio of the UART (the runner's): filtered out");
	check_eq(fire(BEV_MMIO, &t, gicc), 2, "kvm_mmio past the distributor: filtered out");
	check_eq(fire(BEV_MMIO, &t, gicd), 3, "kvm_mmio of the distributor: recorded");
	check(bpf_rec_decode(&map[3], ev) == 1 && ev[0].type == KEV_MMIO && ev[0].write &&
		      ev[0].gpa == 0x08000100 && ev[0].len == 4 && ev[0].val == 0x12345678,
	      "kvm_mmio decoded: write, gpa, len, the value it points at");
	t = target(false, true);
	check_eq(fire(BEV_MMIO, &t, uart), 4, "--coalesce-console, no vGIC: the DR kept");
	check_eq(fire(BEV_MMIO, &t, gicd), 4, "no vGIC: the distributor filtered out");
	pid_tgid = (uint64_t)(TGID + 1) << 32 | 9;
	check_eq(fire(BEV_VGIC_PENDING, &t, (uint64_t[]){ 0, 27, 1 }), 4,
		 "another process's event: no record");
	pid_tgid = (uint64_t)TGID << 32 | 322;
	map[0].seq = SLOTS - 1; /* full */
	check_eq(fire(BEV_VGIC_PENDING, &t, (uint64_t[]){ 0, 27, 1 }), SLOTS,
		 "the map full: the head counts the lost one");
	check(map[SLOTS - 1].tid == 0, "and nothing is written past the map");
	check(bpf_rec_decode(&map[SLOTS - 1], ev) == 0, "an unwritten slot decodes to nothing");
	map[5].tid = 1, map[5].event = BEV_COUNT;
	check(bpf_rec_decode(&map[5], ev) == -1, "an unknown event is refused");
}

/* A fixture line's event as its tracepoint's arguments (what the kernel passes). */
static unsigned to_args(const struct kvm_event *ev, uint64_t *a, uint8_t *params, uint64_t *val)
{
	memset(a, 0, 4 * sizeof(*a));
	switch (ev->type) {
	case KEV_EXIT:
		a[0] = ev->trap ? BPF_ARM_EXCEPTION_TRAP : ev->irq ? BPF_ARM_EXCEPTION_IRQ : 1;
		a[1] = ev->ec, a[2] = ev->pc;
		return BEV_EXIT;
	case KEV_GUEST_FAULT: a[0] = ev->pc, a[1] = ev->hsr, a[3] = ev->ipa; return BEV_GUEST_FAULT;
	case KEV_MMIO:
		*val = ev->val;
		a[0] = ev->write ? 2 : ev->unsatisfied ? 0 : 1, a[1] = ev->len, a[2] = ev->gpa;
		a[3] = ev->unsatisfied ? 0 : (uintptr_t)val;
		return BEV_MMIO;
	case KEV_HVC: a[0] = ev->pc, a[1] = ev->r0, a[2] = ev->imm; return BEV_HVC;
	case KEV_WFX: a[0] = ev->pc, a[1] = ev->wfe; return BEV_WFX;
	case KEV_CP15:
		memset(params, 0, 24);
		params[1] = (uint8_t)ev->opc1, params[2] = (uint8_t)ev->crn;
		params[3] = (uint8_t)ev->crm, params[4] = (uint8_t)ev->opc2, params[16] = ev->write;
		a[0] = ev->pc, a[1] = (uintptr_t)params;
		return BEV_SYS_ACCESS;
	case KEV_IRQ_LINE:
		a[0] = ev->irq_type, a[1] = ev->vcpu, a[2] = ev->intid, a[3] = ev->level;
		return BEV_IRQ_LINE;
	case KEV_VGIC_PENDING:
		a[0] = ev->vcpu, a[1] = ev->intid, a[2] = ev->level;
		return BEV_VGIC_PENDING;
	default: return BEV_COUNT; /* kvm_entry, kvm_userspace_exit: no program */
	}
}

/* The 6.1 fixture through the programs, the records decoded and merged: trace_test.c's log. */
static void fixture(const char *path, const char *const *want, unsigned nwant)
{
	struct bpf_target t = target(true, false);
	struct traps vmm = { 0 }, out = { 0 };
	struct trap_merge m;
	struct kvm_event ev, evs[2];
	uint64_t a[4], val;
	uint8_t params[24];
	char line[512];
	FILE *f = fopen(path, "r");

	check(f != NULL, "open %s", path);
	if (!f)
		return;
	memset(map, 0, sizeof(map));
	while (fgets(line, sizeof(line), f)) {
		unsigned e;

		if (trace_parse_line(line, &ev) != 1 ||
		    (e = to_args(&ev, a, params, &val)) == BEV_COUNT)
			continue;
		fire(e, &t, a);
	}
	fclose(f);
	vmm_records(&vmm);
	merge_begin(&m, &out, &vmm, 0x1000000);
	for (unsigned i = 1; i <= map[0].seq && i < SLOTS; i++) {
		int n = bpf_rec_decode(&map[i], evs);

		for (int k = 0; k < n; k++)
			merge_event(&m, &evs[k]);
	}
	merge_end(&m);
	check_eq(out.n, nwant, "merged trap count, from the eBPF records");
	for (unsigned i = 0; i < out.n && i < nwant; i++) {
		traplog_format(line, sizeof(line), i + 1, &out.rec[i]);
		check_str(line, want[i], "the fixture's trap from the eBPF records");
	}
	traps_free(&vmm);
	traps_free(&out);
}

int main(void)
{
	encoding();
	shapes();
	programs();
	no_pc = true; /* the runner's records with the kvm events on */
	fixture("tests/kvm/fixtures/linux-6.1-arm64-trace.txt", want_61,
		sizeof(want_61) / sizeof(want_61[0]));
	return unit_summary();
}
