/*
 * The C guests' runtime (guests/lib/): console, kvm-unit-tests style
 * reports, exit, exceptions. Freestanding: no libc.
 *
 *   PASS: prefix: name / FAIL: ... / SKIP: ...   one line per check
 *   SUMMARY: N tests, M unexpected failures[, K skipped]
 *   EXIT: STATUS=M                               then STATUS = M, SYSTEM_OFF
 */
#ifndef GUEST_H
#define GUEST_H

#include "board/memmap.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATUS_MAX 123 /* 124.. are the board's and the VMMs' */

/* Console (one byte store to the UART's DR per character). Formats: %s %c
 * %d and %u %x (uint32_t, an optional zero-padded width: %08x). */
void puts(const char *s);
void printf(const char *fmt, ...);
void vprintf(const char *fmt, va_list ap);

/* Reports; the prefix ("fdt", "vfp" ...) starts every name. */
void report_prefix(const char *prefix);
bool report(bool pass, const char *fmt, ...);
void report_skip(const char *fmt, ...);
void report_info(const char *fmt, ...);
int report_summary(void); /* prints SUMMARY:, returns the exit status */
void exit(int status) __attribute__((noreturn));

#include "board/cpsr.h" /* CPSR/SPSR fields */

/* Exceptions: the frame the vectors save (vectors.S), in stack order. */
struct exc_frame {
	uint32_t spsr, pad;
	uint32_t r[13];
	uint32_t lr; /* the exception's LR; the handler sets the return */
};

enum exc_kind {
	EXC_RESET,
	EXC_UNDEF,
	EXC_SVC,
	EXC_PABT,
	EXC_DABT,
	EXC_HYP,
	EXC_IRQ,
	EXC_FIQ,
	EXC_KINDS
};

typedef void exc_handler_fn(struct exc_frame *f);
void exc_set_handler(enum exc_kind kind, exc_handler_fn *fn); /* NULL: unexpected */
const char *exc_name(enum exc_kind kind);
void exc_handle(enum exc_kind kind, struct exc_frame *f); /* from vectors.S */

/* Device registers. */
static inline uint32_t readl(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void writel(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }

/* PSCI through HVC (SMC Calling Convention): r0-r3 are the callee's. */
uint32_t psci_hvc(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3);
#define PSCI_SYSTEM_OFF 0x84000008u

/* string.c */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

#endif
