/*
 * randguest SEED COUNT OUT: a raw guest image of COUNT random A32 words
 * after a small fixed prologue, the same image for the same seed.
 *
 * Kit boot protocol (docs/guest-abi.md): loaded and entered at the RAM
 * base with r0-r12 = 0. The prologue points r11 at the UART and sp at the
 * top of RAM, loads r0-r10 and r12 from a pool of seeded values (small
 * numbers, RAM, device and random addresses, so loads and stores go
 * everywhere), and, for odd seeds, points VBAR at a table whose every
 * vector exits with status 100 + its index. Even seeds keep VBAR = 0,
 * outside RAM, so a guest exception becomes the VMM's problem. Running
 * off the end of the random words exits with status 99. An exit writes
 * STATUS and calls PSCI SYSTEM_OFF.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "memmap.h"

#define RG_MAX_WORDS	4096
#define RG_STATUS_END	99	/* ran off the end of the random words */
#define RG_STATUS_VEC	100	/* + vector index, 0..7 */

/* The A32 words the prologue is made of (ARM DDI 0406C, A8). */
#define A32_MOV_R11_UART 0xe3a0b409u	/* mov r11, #0x09000000 (0x09 ror 8) */
#define A32_MOV_SP_TOP	0xe3a0d441u	/* mov sp, #0x41000000: the top of 16 MiB of RAM */
#define A32_ADD_R1_PC	0xe28f1000u	/* add r1, pc, #imm8 */
#define A32_ADD_R0_PC	0xe28f0000u	/* add r0, pc, #imm8 */
#define A32_MCR_VBAR_R1	0xee0c1f10u	/* mcr p15, 0, r1, c12, c0, 0: VBAR = r1 */
#define A32_MOV_R1_R1	0xe1a01001u	/* mov r1, r1: VBAR left at 0 */
#define A32_ISB		0xf57ff06fu	/* isb sy */
#define A32_LDM_R0_POOL	0xe89017ffu	/* ldm r0, {r0-r10, r12} */
#define A32_B		0xea000000u	/* b, imm24 = (target - pc - 8) / 4 */
#define A32_MOV_R0	0xe3a00000u	/* mov r0, #imm8 */
#define A32_STR_R0_STATUS 0xe58b0f00u	/* str r0, [r11, #0xf00]: STATUS */
#define A32_LDR_R0_PC4	0xe59f0004u	/* ldr r0, [pc, #4] */
#define A32_HVC0	0xe1400070u	/* hvc #0 */
#define A32_B_SELF	0xeafffffeu	/* b . */
#define PSCI_SYSTEM_OFF	0x84000008u

_Static_assert(BOARD_UART_BASE == 0x09000000, "A32_MOV_R11_UART encodes the UART base");
_Static_assert(BOARD_STATUS_OFFSET == 0xf00, "A32_STR_R0_STATUS encodes STATUS");
_Static_assert(BOARD_RAM_BASE + BOARD_RAM_SIZE == 0x41000000, "A32_MOV_SP_TOP encodes RAM's top");

/* Word indices of the layout; the vector table 32-byte aligned (VBAR[4:0] RES0). */
enum { P_POOL = 8, P_TABLE = 24, P_HANDLERS = P_TABLE + 8, P_EXIT = P_HANDLERS + 16,
       P_RANDOM = P_EXIT + 6 };

static uint64_t rng;

/* splitmix64: one seed, one stream, the same on every host. */
static uint32_t next(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return (uint32_t)((z ^ (z >> 31)) >> 16);
}

static uint32_t branch(unsigned from, unsigned to)
{
	return A32_B | (((uint32_t)(to - from - 2)) & 0xffffff);
}

/* A pool value: where a load or store through it would go. */
static uint32_t pool_value(void)
{
	switch (next() % 4) {
	case 0: return next() % 64;
	case 1: return BOARD_RAM_BASE + (next() % BOARD_RAM_SIZE & ~3u);
	case 2: return BOARD_UART_BASE + (next() % 0x1000 & ~3u);
	default: return next();
	}
}

/* Three words in four get cond AL, so most execute; the rest keep theirs. */
static uint32_t random_word(void)
{
	uint32_t w = next();

	return next() % 4 ? (w & 0x0fffffffu) | 0xe0000000u : w;
}

static unsigned build(uint32_t *w, uint64_t seed, unsigned count)
{
	unsigned n = 0, end;

	rng = seed;
	w[n++] = A32_MOV_R11_UART;
	w[n++] = A32_MOV_SP_TOP;
	w[n++] = A32_ADD_R1_PC | (P_TABLE - 4) * 4;	/* pc = word 2 + 2 */
	w[n++] = seed & 1 ? A32_MCR_VBAR_R1 : A32_MOV_R1_R1;
	w[n++] = A32_ISB;
	w[n++] = A32_ADD_R0_PC | (P_POOL - 7) * 4;	/* pc = word 5 + 2 */
	w[n++] = A32_LDM_R0_POOL;
	w[n] = branch(n, P_RANDOM);
	n++;
	while (n < P_TABLE)
		w[n++] = pool_value();
	for (unsigned v = 0; v < 8; v++, n++)
		w[n] = branch(n, P_HANDLERS + 2 * v);
	for (unsigned v = 0; v < 8; v++) {
		w[n++] = A32_MOV_R0 | (RG_STATUS_VEC + v);
		w[n] = branch(n, P_EXIT);
		n++;
	}
	w[n++] = A32_MOV_R11_UART;
	w[n++] = A32_STR_R0_STATUS;
	w[n++] = A32_LDR_R0_PC4;
	w[n++] = A32_HVC0;
	w[n++] = A32_B_SELF;
	w[n++] = PSCI_SYSTEM_OFF;
	for (end = n + count; n < end;)
		w[n++] = random_word();
	w[n++] = A32_MOV_R0 | RG_STATUS_END;
	w[n] = branch(n, P_EXIT);
	return n + 1;
}

static int usage(const char *why)
{
	fprintf(stderr, "randguest: %s\nusage: randguest SEED COUNT OUT.bin (COUNT 1..%d)\n", why,
		RG_MAX_WORDS);
	return 2;
}

static int number(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return s[0] >= '0' && s[0] <= '9' && !*end && !errno && *v <= max ? 0 : -1;
}

int main(int argc, char **argv)
{
	static uint32_t w[P_RANDOM + RG_MAX_WORDS + 2];
	unsigned long long seed, count;
	unsigned n;
	FILE *f;

	if (argc != 4)
		return usage("want three arguments");
	if (number(argv[1], UINT64_MAX, &seed) < 0)
		return usage("SEED must be a decimal number");
	if (number(argv[2], RG_MAX_WORDS, &count) < 0 || count == 0)
		return usage("COUNT must be 1..4096");
	n = build(w, seed, (unsigned)count);
	f = fopen(argv[3], "wb");
	if (!f) {
		fprintf(stderr, "randguest: %s: %s\n", argv[3], strerror(errno));
		return 1;
	}
	/* Little-endian words, as the guest runs (SCTLR.EE = 0). */
	for (unsigned i = 0; i < n; i++) {
		uint8_t b[4] = { w[i], w[i] >> 8, w[i] >> 16, w[i] >> 24 };

		fwrite(b, 1, 4, f);
	}
	if (ferror(f) | fclose(f)) {
		fprintf(stderr, "randguest: %s: write failed\n", argv[3]);
		return 1;
	}
	return 0;
}
