/*
 * Bit-by-bit names of the PL2 registers (and the guest's CPSR), for the
 * register dump's "reg: " lines. Pure C: host-tested, reusable by tools.
 *
 * A line reads  `NAME = 0xVALUE  FIELD FIELD NAME=val ...`: a one-bit field
 * appears by name when set; a wider field always appears as NAME=value
 * (hex when wider than 4 bits); a set bit no field covers appears as bitN.
 */
#ifndef HYP_REGDECODE_H
#define HYP_REGDECODE_H

#include <stddef.h>
#include <stdint.h>

struct reg_field {
	const char *name;
	uint8_t shift, width;
};

struct reg_desc {
	const char *name;
	uint8_t bits; /* 32 or 64 */
	const struct reg_field *fields;
	unsigned nfields;
};

/* The description of a register by its ARMv7 name ("HCR", "VTTBR"), or NULL. */
const struct reg_desc *regdecode_find(const char *name);

/* The decoded fields only, e.g. "VM SWIO FMO ... BSU=1". Returns snprintf's length. */
int regdecode_fields(char *buf, size_t n, const struct reg_desc *d, uint64_t v);

/* A whole dump line without the "reg: " prefix: "HCR = 0x0078663b  VM SWIO ...". */
int regdecode_line(char *buf, size_t n, const struct reg_desc *d, uint64_t v);

#endif
