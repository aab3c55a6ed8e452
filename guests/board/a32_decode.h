/*
 * The A32 load/store decoder for data aborts the hardware cannot describe
 * (HSR ISV=0, KVM_EXIT_ARM_NISV): from the instruction word (ARM state)
 * and the guest's registers, the list of memory accesses and the base
 * register's writeback. Pure C; ARM DDI 0406C, A5.3 and A8.8.
 *
 * Supported: LDR STR LDRB STRB (immediate and register offsets with an
 * immediate shift), LDRH STRH LDRSB LDRSH (immediate and register), each
 * offset, pre-indexed or post-indexed, with writeback; LDM/STM IA IB DA DB
 * with or without writeback. Anything else is an error the VMM reports.
 */
#ifndef BOARD_A32_DECODE_H
#define BOARD_A32_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#define A32_MAX_ACCESSES 16

/* One memory access, in the order the instruction makes them. */
struct a32_access {
	uint32_t addr;
	uint8_t size; /* 1, 2 or 4 bytes */
	uint8_t reg;  /* the register loaded or stored, 0..14 */
	bool load;
	bool sign_extend; /* LDRSB, LDRSH: see a32_extend() */
};

struct a32_insn {
	const char *name; /* "STRB", "LDRSH", "STMIA" ... */
	unsigned count;	  /* accesses used in access[] */
	struct a32_access access[A32_MAX_ACCESSES];
	bool writeback; /* after the accesses, regs[rn] = rn_value */
	uint8_t rn;
	uint32_t rn_value;
};

enum a32_error {
	A32_OK = 0,
	A32_ERR_NOT_LDST,      /* not a load/store this decoder knows */
	A32_ERR_UNPRIVILEGED,  /* LDRT, STRBT, LDRHT ...  */
	A32_ERR_DOUBLE,	       /* LDRD, STRD */
	A32_ERR_USER_REGS,     /* LDM/STM with ^ */
	A32_ERR_PC,	       /* PC loaded, stored, or a written-back base */
	A32_ERR_RRX,	       /* register offset rotated with extend */
	A32_ERR_UNPREDICTABLE, /* empty list, base in list with writeback ... */
};

/*
 * Decodes insn. regs[0..14] are the guest's r0-r14 (the current mode's
 * banked SP and LR), regs[15] the address of the instruction itself (the
 * decoder adds 8 where the instruction reads PC). The condition is not
 * checked: an instruction that aborted had passed it.
 * Returns A32_OK, or an enum a32_error with out->name still set when known.
 */
enum a32_error a32_decode(uint32_t insn, const uint32_t regs[16], struct a32_insn *out);

/* "unprivileged load/store (LDRT ...)": one line for the VMM's report. */
const char *a32_error_text(enum a32_error e);

/* A loaded value as the register receives it: sign- or zero-extended. */
uint32_t a32_extend(const struct a32_access *a, uint32_t raw);

#endif
