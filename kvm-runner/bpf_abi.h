/*
 * The bpf(2) ABI the runner uses, written from the facts (Linux
 * include/uapi/linux/bpf.h): the commands, the map and program types, the
 * instruction encoding and the helper numbers of the programs bpf_prog.c
 * assembles. Only what the trap log's event source needs; no libbpf.
 */
#ifndef KVM_RUNNER_BPF_ABI_H
#define KVM_RUNNER_BPF_ABI_H

#include <stdint.h>

/* clang-format off */
/* bpf(2) commands */
#define BPF_MAP_CREATE		0
#define BPF_PROG_LOAD		5
#define BPF_RAW_TRACEPOINT_OPEN	17

#define BPF_MAP_TYPE_ARRAY		2
#define BPF_PROG_TYPE_RAW_TRACEPOINT	17
#define BPF_F_MMAPABLE			(1u << 10)	/* Linux 5.5 */

/* instruction classes, sizes, modes (code = class | size | mode, or | op | src) */
#define BPF_LDX		0x01
#define BPF_ST		0x02
#define BPF_STX		0x03
#define BPF_JMP		0x05
#define BPF_ALU64	0x07
#define BPF_W		0x00
#define BPF_DW		0x18
#define BPF_IMM		0x00
#define BPF_MEM		0x60
#define BPF_ATOMIC	0xc0		/* Linux 5.12; BPF_XADD before */
#define BPF_LD_IMM64	0x18		/* BPF_LD | BPF_DW | BPF_IMM: two slots */
#define BPF_K		0x00
#define BPF_X		0x08

/* ALU and jump operations */
#define BPF_ADD		0x00
#define BPF_SUB		0x10
#define BPF_AND		0x50
#define BPF_RSH		0x70
#define BPF_MOV		0xb0
#define BPF_JA		0x00
#define BPF_JEQ		0x10
#define BPF_JGE		0x30
#define BPF_JNE		0x50
#define BPF_JLT		0xa0
#define BPF_CALL	0x80
#define BPF_EXIT	0x90
#define BPF_FETCH	0x01		/* atomic: the old value into src */

#define BPF_PSEUDO_MAP_FD	1	/* ld_imm64 src: imm is a map fd */

/* helpers */
#define BPF_FUNC_map_lookup_elem	1
#define BPF_FUNC_ktime_get_ns		5	/* CLOCK_MONOTONIC */
#define BPF_FUNC_get_current_pid_tgid	14	/* tgid << 32 | pid (the thread) */
#define BPF_FUNC_probe_read_kernel	113	/* Linux 5.5 */
/* clang-format on */

struct bpf_insn {
	uint8_t code;
	uint8_t regs; /* dst in bits 0-3, src in bits 4-7 */
	int16_t off;
	int32_t imm;
};

/* The attribute of each command used, as the kernel reads it (zero-filled). */
struct bpf_map_create_attr {
	uint32_t map_type, key_size, value_size, max_entries, map_flags;
};

struct bpf_prog_load_attr {
	uint32_t prog_type, insn_cnt;
	uint64_t insns, license;
	uint32_t log_level, log_size;
	uint64_t log_buf;
	uint32_t kern_version, prog_flags;
	char prog_name[16];
};

struct bpf_raw_tp_attr {
	uint64_t name;
	uint32_t prog_fd;
};

#endif
