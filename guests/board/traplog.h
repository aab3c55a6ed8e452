/*
 * The trap log (docs/trap-log.md): a fixed-size binary record, cheap to
 * store at trap time, and the one writer and parser of its text form.
 * Pure C: used by the bare hypervisor, the KVM runner and the host tools.
 */
#ifndef BOARD_TRAPLOG_H
#define BOARD_TRAPLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gicv2.h"

#define TRAPLOG_VERSION	       2 /* the version written: interrupt events, cpu= */
#define TRAPLOG_VERSION_MIN    1 /* the oldest read: version 1 has traps only */
#define TRAPLOG_CONSOLE_PREFIX "trap: "

enum trap_by { TRAP_BY_HYP, TRAP_BY_KVM, TRAP_BY_VMM };

enum trap_outcome {
	TRAP_OUT_MMIO,	 /* reg = enum board_reg, v0 = value, size */
	TRAP_OUT_PSCI,	 /* v0 = fn, v1 = ret, or status if TR_STOP */
	TRAP_OUT_HVC,	 /* v0 = fn, v1 = ret */
	TRAP_OUT_CP15,	 /* v0 = value (low), v1 = high (64-bit) */
	TRAP_OUT_WFX,	 /* TR_SLEPT: slept, else skipped */
	TRAP_OUT_SMC,	 /* v1 = ret */
	TRAP_OUT_STAGE2, /* mapped */
	TRAP_OUT_STOP,	 /* reg = enum trap_stop, v0 = status */
	TRAP_OUT_VFP,	 /* the FPU given to the guest (lazy switch) */
	TRAP_OUT_INJECT, /* reg = TRAP_INJECT(kind, why), v0 = vector, v1 = far */
	/*
	 * Version 2: interrupt events, lines with EC "--" (docs/trap-log.md).
	 * reg = INTID or TRAP_INTID_UNKNOWN; hsr = 0 and no TR_HSR.
	 */
	TRAP_OUT_IRQ,	/* a physical IRQ taken at PL2 / an IRQ exit; pc = guest pc */
	TRAP_OUT_VIRQ,	/* a virtual IRQ made pending: v0 = LR index, v1 = GICH_LR */
	TRAP_OUT_MAINT, /* maintenance interrupt: v0 = GICH_MISR, v1 = GICH_EISR0 */
	TRAP_OUT_EOI,	/* the guest's EOI, as the VMM saw it: v0 = LR index */
};

#define TRAP_INTID_UNKNOWN 0xffffu /* reg of an interrupt event: INTID not seen */
#define TRAP_LR_UNKNOWN	   0xffu   /* v0 of VIRQ/EOI: no list register seen */

/*
 * TRAP_OUT_VIRQ's v1 is a GICH_LR (gicv2.h's GICH_LR_* fields). A writer
 * that only knows the state (KVM's trace events) sets TR_VAL_UNKNOWN and
 * fills only the state bits: lr, hw, pintid and prio are then "?".
 */

enum trap_stop {
	TRAP_STOP_NODEVICE,
	TRAP_STOP_UNDEF,
	TRAP_STOP_UNKNOWN_EC,
	TRAP_STOP_DECODE,
	TRAP_STOP_TIMEOUT,
	TRAP_STOP_HYP_RAM,
	TRAP_STOP_STUCK, /* the guest re-takes one exception, no progress */
};

/* An exception a VMM gives the guest, and why (TRAP_OUT_INJECT). */
enum trap_inject { TRAP_INJ_UNDEF, TRAP_INJ_PABT, TRAP_INJ_DABT };
enum trap_inject_why {
	TRAP_WHY_NODEVICE,   /* an access where the board has nothing */
	TRAP_WHY_HYP_RAM,    /* machine RAM outside the guest's */
	TRAP_WHY_UNKNOWN_EC, /* EC 0x00: an instruction the guest may not run */
	TRAP_WHY_CP15,	     /* a cp15 register the VMM does not emulate */
	TRAP_WHY_IMPDEF,     /* an IMPLEMENTATION DEFINED cp15 register (TIDCP, T15) */
	TRAP_WHY_PMU,	     /* a PMU register (HDCR.TPM/TPMCR) */
	TRAP_WHY_CP14,	     /* a debug or trace register (HDCR.TDA, HCPTR.TTA) */
	TRAP_WHY_COPROC,     /* a coprocessor other than VFP/SIMD (HCPTR) */
	TRAP_WHY_CLASS,	     /* an exception class the VMM has no handler for */
};
#define TRAP_INJECT(kind, why) ((uint16_t)((why) << 4 | (kind)))
#define TRAP_INJECT_KIND(reg)  ((reg)&0xfu)
#define TRAP_INJECT_WHY(reg)   ((reg) >> 4)

/* flags */
/* clang-format off */
#define TR_HSR		(1u << 0)	/* hsr holds the whole syndrome; else only EC */
#define TR_WRITE	(1u << 1)	/* mmio/cp15: a write */
#define TR_STOP		(1u << 2)	/* psci: the call ended the run */
#define TR_VAL_UNKNOWN	(1u << 3)	/* the value was not seen (kernel events) */
#define TR_SLEPT	(1u << 4)	/* wfx: the vCPU slept */
#define TR_INSN		(1u << 5)	/* insn holds a decoded ISV=0 instruction */
#define TR_SIGNED	(1u << 6)	/* ISV=0 load decoded as sign-extending */
#define TR_PC_UNKNOWN	(1u << 7)	/* pc not seen (a coalesced MMIO write): pc=? */
/* clang-format on */

/*
 * Without TR_HSR, hsr still carries what the writer knows in the ISS's
 * usual places (EC; WFE bit; CP15 opc1/crn/crm/opc2/dir; HVC/SMC imm), and
 * the fields no source gave are written "?": DABT isv/sse, Rt when srt (or
 * srt2) is 0xff, the sas when size is 0 (docs/trap-log.md).
 */

struct trap_record {
	uint32_t hsr;	     /* syndrome; see TR_HSR */
	uint32_t pc;	     /* address of the trapping instruction */
	uint32_t ipa;	     /* aborts: the faulting IPA */
	uint32_t insn;	     /* TR_INSN: the instruction */
	uint32_t v0, v1;     /* outcome values, per enum trap_outcome */
	uint16_t reg;	     /* outcome register / stop reason */
	uint8_t outcome : 5; /* enum trap_outcome; with by, one byte: the record is 32 */
	uint8_t by : 3;	     /* enum trap_by */
	uint8_t flags;
	uint8_t size;	   /* mmio access size in bytes */
	uint8_t srt, srt2; /* when !TR_HSR, srt = 0xff if unknown */
	uint8_t cpu;	   /* vCPU index; written as " cpu=N" when the log has cpus > 1 */
} __attribute__((aligned(8)));

/*
 * 32 bytes, 8-aligned: a ring's slot is an index shifted by 5, and a
 * writer fills it in pairs of words (the bare hypervisor's trap path).
 */
_Static_assert(sizeof(struct trap_record) == 32, "a record is 32 bytes");

/*
 * The middle words a kind's line reads, by word index (hsr 0, pc 1, ipa
 * 2, insn 3, v0 4, v1 5; every line reads hsr, pc and the last two): a
 * word its line does not read may hold anything, so that a writer stores
 * only these (the bare hypervisor's hot handlers: its ring's slots keep
 * an older record's words there). The text, and the binary log through
 * tlogbin, is the same; unit-traplog formats each kind with the other
 * words garbage.
 */
#define TRAPLOG_WORD_IPA       (1u << 2)
#define TRAPLOG_WORD_INSN      (1u << 3)
#define TRAPLOG_WORD_V0	       (1u << 4)
#define TRAPLOG_WORD_V1	       (1u << 5)
#define TRAPLOG_WORDS_ALL      0xffu
#define TRAPLOG_WORDS_HVC      (TRAPLOG_WORD_V0 | TRAPLOG_WORD_V1) /* HVC: psci or hvc, fn and ret */
#define TRAPLOG_WORDS_SMC      TRAPLOG_WORD_V1			   /* SMC: ret */
#define TRAPLOG_WORDS_CP32     TRAPLOG_WORD_V0 /* MRC/MCR: the value; v1 is MRRC/MCRR's */
#define TRAPLOG_WORDS_MMIO_ISV (TRAPLOG_WORD_IPA | TRAPLOG_WORD_V0) /* ISV=1: no insn, one value */
#define TRAPLOG_WORDS_EVENT    (TRAPLOG_WORD_V0 | TRAPLOG_WORD_V1)  /* IRQ, VIRQ, MAINT, EOI */
_Static_assert(TRAP_OUT_EOI < 32 && TRAP_BY_VMM < 8, "outcome and by fit their bits");

/*
 * The record's last two words, little-endian, as the fields lay them out
 * (reg at 24, outcome and by at 26, flags at 27; size, srt, srt2, cpu at
 * 28-31), for a writer that stores a record in words: the bare
 * hypervisor's trap path. unit-traplog checks them against the fields.
 */
static inline uint32_t traplog_tail0(unsigned reg, unsigned outcome, unsigned by, unsigned flags)
{
	return (uint32_t)reg | (uint32_t)(outcome | by << 5) << 16 | (uint32_t)flags << 24;
}

static inline uint32_t traplog_tail1(unsigned size, unsigned srt, unsigned srt2, unsigned cpu)
{
	return (uint32_t)size | (uint32_t)srt << 8 | (uint32_t)srt2 << 16 | (uint32_t)cpu << 24;
}

/* "nodevice", "pmu" ... for enum trap_inject_why; "?" if out of range. */
const char *traplog_why_name(unsigned why);

/* An interrupt event (IRQ, VIRQ, MAINT, EOI: EC "--"), not a trap. */
bool traplog_is_event(unsigned outcome);

/*
 * Text of the header and end lines, without a newline. cpus > 1 adds
 * " cpus=N" to the header; traplog_header is traplog_header_cpus with 1.
 */
int traplog_header(char *buf, size_t n, const char *side, const char *guest);
int traplog_header_cpus(char *buf, size_t n, const char *side, const char *guest, unsigned cpus);
int traplog_footer(char *buf, size_t n, unsigned traps, unsigned dropped, int status);

/*
 * One trap or event line, without a newline. Returns the length as snprintf
 * does. In a log of cpus > 1 the line ends with " cpu=N" (r->cpu);
 * traplog_format is traplog_format_cpus with 1.
 */
int traplog_format(char *buf, size_t n, unsigned seq, const struct trap_record *r);
int traplog_format_cpus(char *buf, size_t n, unsigned seq, const struct trap_record *r,
			unsigned cpus);

#define TRAPLOG_EC_EVENT 0x100u /* traplog_line.ec of an event line ("--") */
#define TRAPLOG_NO_CPU	 (-1)	/* traplog_line.cpu: the line has no cpu= */
#define TRAPLOG_MAX_CPUS 256u	/* the largest cpus= a reader takes */

/* A parsed trap line: the fields the comparison lines up, as text. */
struct traplog_line {
	unsigned seq;
	unsigned ec; /* HSR.EC, or TRAPLOG_EC_EVENT */
	uint32_t pc; /* 0 when pc=? */
	bool pc_unknown;
	char name[16];
	char syndrome[160]; /* everything between pc= and " : " */
	char outcome[160];  /* everything after " : " up to " by=" */
	char by[8];
	int cpu; /* the cpu= field, or TRAPLOG_NO_CPU */
};

/* The header line's fields. cpus is 1 when the header has no cpus=. */
struct traplog_head {
	unsigned version;
	unsigned cpus;
	char side[32];
	char guest[64];
};

/*
 * Parses one trap or event line (a console's "trap: " prefix and a trailing
 * newline are accepted). The line alone does not say its log's version or
 * cpus: the caller checks events and cpu= against the header. Returns 0,
 * or -1 with a one-line message in err.
 */
int traplog_parse(const char *line, struct traplog_line *out, char *err, size_t errlen);

/*
 * The header line, versions TRAPLOG_VERSION_MIN to TRAPLOG_VERSION: 0 with
 * its fields, or -1 (another version, cpus= in a version 1 log ...).
 */
int traplog_parse_head(const char *line, struct traplog_head *h, char *err, size_t errlen);

/* The same, only side and guest copied out. */
int traplog_parse_header(const char *line, char *side, size_t sidelen, char *guest, size_t guestlen,
			 char *err, size_t errlen);

/* The end line: 0 with its three numbers, or -1 with a message. */
int traplog_parse_footer(const char *line, unsigned *traps, unsigned *dropped, int *status,
			 char *err, size_t errlen);

#endif
