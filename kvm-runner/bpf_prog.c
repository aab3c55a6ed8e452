/* The eBPF programs of the event source, instruction by instruction. */
#include <stddef.h>
#include "bpf_prog.h"
#include "hsr.h"

/* clang-format off */
enum { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 };	/* R10: the frame, read-only */
#define KEY_OFF		(-4)	/* the map key on the stack */
#define OUT		(-1)	/* a jump to the program's end, patched */
/* clang-format on */

struct bpf_insn bpf_encode(uint8_t code, unsigned dst, unsigned src, int16_t off, int32_t imm)
{
	struct bpf_insn i = {
		.code = code,
		.regs = (uint8_t)((dst & 0xf) | (src & 0xf) << 4),
		.off = off,
		.imm = imm,
	};

	return i;
}

struct asm_state {
	struct bpf_insn *p;
	unsigned n;
	unsigned outs[8], nouts; /* jumps to OUT */
};

static void emit(struct asm_state *a, uint8_t code, unsigned dst, unsigned src, int16_t off,
		 int32_t imm)
{
	if (a->n < BPF_PROG_MAX)
		a->p[a->n] = bpf_encode(code, dst, src, off, imm);
	a->n++;
}

static void mov_k(struct asm_state *a, unsigned dst, int32_t imm)
{
	emit(a, BPF_ALU64 | BPF_MOV | BPF_K, dst, 0, 0, imm);
}

static void mov_x(struct asm_state *a, unsigned dst, unsigned src)
{
	emit(a, BPF_ALU64 | BPF_MOV | BPF_X, dst, src, 0, 0);
}

static void call(struct asm_state *a, int32_t helper)
{
	emit(a, BPF_JMP | BPF_CALL, 0, 0, 0, helper);
}

/* A conditional jump on dst against imm, forward by off, or to the end (OUT). */
static void jmp_k(struct asm_state *a, uint8_t op, unsigned dst, int32_t imm, int16_t off)
{
	if (off == OUT && a->nouts < sizeof(a->outs) / sizeof(a->outs[0]))
		a->outs[a->nouts++] = a->n;
	emit(a, BPF_JMP | op | BPF_K, dst, 0, off, imm);
}

/* r1 = the map (two slots: the kernel puts the map's address for the fd) */
static void ld_map(struct asm_state *a, int fd)
{
	emit(a, BPF_LD_IMM64, R1, BPF_PSEUDO_MAP_FD, 0, fd);
	emit(a, 0, 0, 0, 0, 0);
}

/* r0 = &map[key at KEY_OFF], or to the end when there is none. */
static void lookup(struct asm_state *a, int fd)
{
	ld_map(a, fd);
	mov_x(a, R2, R10);
	emit(a, BPF_ALU64 | BPF_ADD | BPF_K, R2, 0, 0, KEY_OFF);
	call(a, BPF_FUNC_map_lookup_elem);
	jmp_k(a, BPF_JEQ, R0, 0, OUT);
}

/* kvm_mmio: on only for the accesses KVM completes itself (mmio_filter_of). */
static void gpa_filter(struct asm_state *a, int arg, const struct mmio_filter *f)
{
	emit(a, BPF_LDX | BPF_DW | BPF_MEM, R1, R6, (int16_t)(8 * arg), 0);
	if (f->range) {
		mov_x(a, R2, R1);
		emit(a, BPF_ALU64 | BPF_SUB | BPF_K, R2, 0, 0, (int32_t)f->lo);
		/* unsigned gpa - lo < hi - lo: in [lo, hi); past the next two */
		jmp_k(a, BPF_JLT, R2, (int32_t)(f->hi - f->lo), f->match ? 2 : 1);
	}
	if (f->match)
		jmp_k(a, BPF_JEQ, R1, (int32_t)f->eq, 1);
	emit(a, BPF_JMP | BPF_JA, 0, 0, 0, 0);
	a->outs[a->nouts++] = a->n - 1;
}

/*
 * kvm_exit of an abort: nothing; its kvm_guest_fault that follows has the
 * pc and the whole syndrome (bpf_rec_decode makes the exit from it). Saves
 * the record on every MMIO exit; an IRQ exit's esr_ec is stale: kept.
 */
static void abort_out(struct asm_state *a)
{
	emit(a, BPF_LDX | BPF_DW | BPF_MEM, R1, R6, 0, 0); /* ret */
	emit(a, BPF_ALU64 | BPF_AND | BPF_K, R1, 0, 0, (int32_t)~BPF_ARM_EXIT_SERROR);
	jmp_k(a, BPF_JNE, R1, BPF_ARM_EXCEPTION_TRAP, 3);
	emit(a, BPF_LDX | BPF_DW | BPF_MEM, R1, R6, 8, 0); /* esr_ec */
	jmp_k(a, BPF_JEQ, R1, HSR_EC_DABT, OUT);
	jmp_k(a, BPF_JEQ, R1, HSR_EC_IABT, OUT);
}

static void copy_args(struct asm_state *a, const struct bpf_event *ev)
{
	for (unsigned i = 0; i < ev->nargs; i++) {
		emit(a, BPF_LDX | BPF_DW | BPF_MEM, R1, R6, (int16_t)(8 * i), 0);
		emit(a, BPF_STX | BPF_DW | BPF_MEM, R8, R1,
		     (int16_t)(offsetof(struct bpf_rec, arg) + 8 * i), 0);
	}
	if (ev->deref < 0)
		return;
	/* bpf_probe_read_kernel(&rec->arg[deref_arg], size, ctx[deref]): zeroes on a fault */
	emit(a, BPF_LDX | BPF_DW | BPF_MEM, R3, R6, (int16_t)(8 * ev->deref), 0);
	mov_x(a, R1, R8);
	emit(a, BPF_ALU64 | BPF_ADD | BPF_K, R1, 0, 0,
	     (int32_t)(offsetof(struct bpf_rec, arg) + 8 * ev->deref_arg));
	mov_k(a, R2, (int32_t)ev->deref_size);
	call(a, BPF_FUNC_probe_read_kernel);
}

unsigned bpf_prog_build(struct bpf_insn *out, unsigned e, const struct bpf_target *t)
{
	const struct bpf_event *ev = &bpf_events[e];
	struct asm_state a = { .p = out };

	mov_x(&a, R6, R1); /* the tracepoint's arguments, u64 each */
	if (e == BEV_EXIT)
		abort_out(&a);
	if (ev->filter >= 0)
		gpa_filter(&a, ev->filter, &t->filter);
	call(&a, BPF_FUNC_get_current_pid_tgid);
	mov_x(&a, R7, R0);
	emit(&a, BPF_ALU64 | BPF_RSH | BPF_K, R0, 0, 0, 32);
	jmp_k(&a, BPF_JNE, R0, (int32_t)t->tgid, OUT); /* another process's */
	/* the slot: the head in slot 0, taken atomically (vCPU threads on other CPUs) */
	emit(&a, BPF_ST | BPF_W | BPF_MEM, R10, 0, KEY_OFF, 0);
	lookup(&a, t->map_fd);
	mov_k(&a, R1, 1);
	emit(&a, BPF_STX | BPF_DW | BPF_ATOMIC, R0, R1, 0, BPF_ADD | BPF_FETCH);
	emit(&a, BPF_ALU64 | BPF_ADD | BPF_K, R1, 0, 0, 1);
	jmp_k(&a, BPF_JGE, R1, (int32_t)t->slots, OUT); /* full: counted by the head */
	mov_x(&a, R9, R1);
	emit(&a, BPF_STX | BPF_W | BPF_MEM, R10, R1, KEY_OFF, 0);
	lookup(&a, t->map_fd);
	mov_x(&a, R8, R0);
	emit(&a, BPF_STX | BPF_W | BPF_MEM, R8, R7, offsetof(struct bpf_rec, tid), 0);
	emit(&a, BPF_ST | BPF_W | BPF_MEM, R8, 0, offsetof(struct bpf_rec, event), (int32_t)e);
	/* the slot orders the vCPUs' records: no clock read (bpf_ktime_get_ns: ~50) */
	emit(&a, BPF_STX | BPF_DW | BPF_MEM, R8, R9, offsetof(struct bpf_rec, seq), 0);
	copy_args(&a, ev);
	for (unsigned i = 0; i < a.nouts; i++) /* OUT: here */
		if (a.outs[i] < BPF_PROG_MAX)
			out[a.outs[i]].off = (int16_t)(a.n - a.outs[i] - 1);
	mov_k(&a, R0, 0);
	emit(&a, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
	return a.n <= BPF_PROG_MAX ? a.n : 0;
}
