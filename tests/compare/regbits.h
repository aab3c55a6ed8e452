/*
 * The PL2 registers the comparison sets side by side: the ARMv7 ones are
 * described by the bare hypervisor's own decode tables (regdecode.h), the
 * AArch64 EL2 counterparts KVM programs on arm64 by the tables here, in
 * the same form. Pure data and lookups: host unit tests cover them.
 */
#ifndef COMPARE_REGBITS_H
#define COMPARE_REGBITS_H

#include <stddef.h>
#include <stdint.h>
#include "regdecode.h"

/* The description of a register by its ARMv7 or AArch64 name, or NULL. */
const struct reg_desc *regbits_find(const char *name);

/* The ARMv7 name of an AArch64 EL2 register ("HCR_EL2" -> "HCR"), or name. */
const char *regbits_armv7_name(const char *name);

/* The AArch64 name of an ARMv7 PL2 register ("HCR" -> "HCR_EL2"), or NULL. */
const char *regbits_aarch64_name(const char *armv7);

/* The field that holds bit `bit` ("RES1" included), or NULL. */
const struct reg_field *regbits_field_at(const struct reg_desc *d, unsigned bit);

/* The field by name ("RW"), or NULL. */
const struct reg_field *regbits_field(const struct reg_desc *d, const char *name);

static inline uint64_t regbits_get(unsigned shift, unsigned width, uint64_t v)
{
	return width >= 64 ? v >> shift : (v >> shift) & ((1ull << width) - 1);
}

/* The PL2 registers the comparison lines up, by ARMv7 name, in order. */
extern const char *const regbits_pl2_order[];
extern const size_t regbits_pl2_count;

#endif
