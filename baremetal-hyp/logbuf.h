/*
 * logbuf.c: the trap-log ring. A trap takes the ring's next slot, a
 * pointer bumped inline (no index, no mask: the ring's end and a drain
 * are one mark, checked by one compare); the hot handlers (HVC, SMC,
 * CP15, the MMIO hot path) write their record once, as eight words
 * (logbuf_put), the others start it with its defaults (logbuf_start) and
 * fill in what they learn. With the log off (HYP_TRAPLOG=0) there is no
 * record: logbuf_slot() returns NULL, a constant the compiler folds into
 * every handler's "if (r)", so no record code runs; only the count does
 * (fault.c and the log's end line read it).
 */
#ifndef HYP_LOGBUF_H
#define HYP_LOGBUF_H

#include <stdint.h>
#include "emulate.h"
#include "sysregs.h"
#include "traplog.h"

/* Built with HYP_TRAPLOG=0 (hyp-nolog.elf) the trap log keeps only a count. */
#ifndef HYP_TRAPLOG
#define HYP_TRAPLOG 1
#endif

#if HYP_TRAPLOG
/*
 * The ring's state: one object, its two hot words first, so that the
 * trap path builds one address and loads them together.
 */
struct logbuf_state {
	struct trap_record *next; /* the slot the next record takes */
	/*
	 * next at or past it: logbuf_turn(). The ring's end, or earlier
	 * with a log file: where the ring holds nothing but unwritten
	 * records, so that it drains there.
	 */
	struct trap_record *mark;
	unsigned lap; /* records taken before logbuf_ring[0]'s in this lap: a multiple of the size */
	unsigned mask; /* the ring's size - 1 (logbuf_set_capacity) */
};
extern struct logbuf_state logbuf;
extern struct trap_record logbuf_ring[];
struct trap_record *logbuf_turn(void) __attribute__((returns_nonnull));

/* The next slot: 32 bytes past the last one, the mark out of line. */
static inline struct trap_record *logbuf_slot(void)
{
	struct trap_record *r = logbuf.next;

	if (r >= logbuf.mark)
		r = logbuf_turn();
	logbuf.next = r + 1;
	if (!r) /* never: tells the compiler, so that the handlers' "if (r)" fold */
		__builtin_unreachable();
	return r;
}

/*
 * A physical interrupt taken from the guest (hyp_irq): no record is open,
 * so a ring past its mark drains here, before the interrupt's events,
 * which a guest that idles without trapping (WFI) may make for a long time.
 */
static inline void logbuf_quiet(void)
{
	if (logbuf.next >= logbuf.mark)
		(void)logbuf_turn();
}

/* Records so far (traps and interrupt events). */
static inline unsigned logbuf_total(void)
{
	return logbuf.lap + (unsigned)(logbuf.next - logbuf_ring);
}
#else
struct logbuf_state {
	unsigned count; /* traps so far (and interrupt events) */
};
extern struct logbuf_state logbuf;

/* One more trap: all that the log-off build keeps of it. */
static inline void trap_count(void) { logbuf.count++; }

static inline struct trap_record *logbuf_slot(void)
{
	trap_count();
	return (struct trap_record *)0;
}

static inline unsigned logbuf_total(void) { return logbuf.count; }

static inline void logbuf_quiet(void) {}
#endif

/*
 * A record as its eight words, stored as words (not field by field: GCC
 * does not merge the byte stores of reg ... cpu). tail0 and tail1 are
 * traplog_tail0/1 (traplog.h).
 */
struct record_words {
	uint32_t hsr, pc, ipa, insn, v0, v1, tail0, tail1;
};

/* may_alias: the words are read back as struct trap_record's fields. */
typedef uint32_t __attribute__((may_alias)) record_word;

/*
 * words: the middle words the kind's line reads (TRAPLOG_WORDS_*, a
 * constant: the others are not stored, a store and a zero register less
 * each); TRAPLOG_WORDS_ALL for a record filled in later.
 */
static inline void logbuf_put(struct trap_record *r, const struct record_words *w, unsigned words)
{
	record_word *p = (record_word *)r;

	p[0] = w->hsr;
	p[1] = w->pc;
	if (words & TRAPLOG_WORD_IPA)
		p[2] = w->ipa;
	if (words & TRAPLOG_WORD_INSN)
		p[3] = w->insn;
	if (words & TRAPLOG_WORD_V0)
		p[4] = w->v0;
	if (words & TRAPLOG_WORD_V1)
		p[5] = w->v1;
	p[6] = w->tail0;
	p[7] = w->tail1;
}

/* A trap record of the hypervisor's with the whole syndrome: its last two words. */
static inline uint32_t logbuf_tail0(unsigned reg, enum trap_outcome outcome, unsigned flags)
{
	return traplog_tail0(reg, outcome, TRAP_BY_HYP, TR_HSR | flags);
}

/*
 * This CPU's cpu byte, in place (bits 31:24 of the last word): MPIDR.Aff0,
 * as vCPU n runs on CPU n (smp.h). Kept in HTPIDR (logbuf_cpu_init), so
 * that a record reads it ready to OR in: no shift on the trap path.
 */
static inline uint32_t logbuf_cpu_word(void)
{
	return traplog_tail1(0, 0, 0, read_MPIDR() & 0xffu);
}

static inline void logbuf_cpu_init(void)
{
	if (HYP_TRAPLOG) /* log off: no record reads it */
		write_HTPIDR(logbuf_cpu_word());
}

static inline uint32_t logbuf_tail1(unsigned size, unsigned srt)
{
	return traplog_tail1(size, srt, 0, 0) | read_HTPIDR();
}

/*
 * r (a slot) with the fields every trap has: its syndrome and PC, the
 * rest zero, for the handlers that fill it in as they go (the cold ones,
 * and the hot ones' cold paths). Returns r; log off: NULL.
 */
#if HYP_TRAPLOG
struct trap_record *logbuf_start(struct trap_record *r, uint32_t hsr);
#else
static inline struct trap_record *logbuf_start(struct trap_record *r, uint32_t hsr)
{
	(void)r, (void)hsr;
	return (struct trap_record *)0;
}
#endif

void logbuf_init(void); /* the full ring, no file: before the first trap and option */
void logbuf_set_capacity(unsigned n);
int logbuf_set_file(const char *path); /* the log to a host file, drained: none lost */
/*
 * An interrupt event's record (trap log version 2: reg = intid, v0 and v1
 * per what), written in its slot: no syndrome (hsr 0, no TR_HSR). Often
 * inside a trap whose record (an earlier slot) is not finished yet, so it
 * never drains at the mark (logbuf_turn_event): the next trap's slot does.
 */
#if HYP_TRAPLOG
struct trap_record *logbuf_turn_event(void) __attribute__((returns_nonnull));

static inline void logbuf_event(uint32_t pc, enum trap_outcome what, unsigned intid, uint32_t v0,
				uint32_t v1)
{
	struct trap_record *s = logbuf.next;

	if (s >= logbuf.mark)
		s = logbuf_turn_event();
	logbuf.next = s + 1;
	logbuf_put(s,
		   &(struct record_words){ .pc = pc,
					   .v0 = v0,
					   .v1 = v1,
					   .tail0 = traplog_tail0(intid, what, TRAP_BY_HYP, 0),
					   .tail1 = logbuf_tail1(0, 0) },
		   TRAPLOG_WORDS_EVENT);
}
#else
static inline void logbuf_event(uint32_t pc, enum trap_outcome what, unsigned intid, uint32_t v0,
				uint32_t v1)
{
	(void)pc, (void)what, (void)intid, (void)v0, (void)v1;
	trap_count();
}
#endif
void logbuf_print(const char *guest, int status);

#endif
