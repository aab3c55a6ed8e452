/*
 * logbuf.c: the trap-log ring. A trap's record is the ring's next slot,
 * filled in place by the handlers (no copy); the slot is taken inline, so
 * that the trap path makes no call for it. With the log off (HYP_TRAPLOG=0)
 * there is no record: logbuf_start() returns NULL, a constant the compiler
 * folds into every handler's "if (r)", so no record code runs; only
 * trap_count() does (fault.c and the log's end line read the count).
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

/* The ring's state: one object, so that the trap path builds one address for it. */
struct logbuf_state {
	unsigned count; /* traps so far (and interrupt events) */
	/*
	 * The count at which the ring next holds nothing but unwritten
	 * records: with a log file it drains then; without one, the mark
	 * only moves on.
	 */
	unsigned drain_at;
	unsigned mask; /* the ring's size - 1 (logbuf_set_capacity) */
};
extern struct logbuf_state logbuf;

/* One more trap: all that the log-off build keeps of it. */
static inline void trap_count(void) { logbuf.count++; }

#if HYP_TRAPLOG
extern struct trap_record logbuf_ring[];
void logbuf_drain(void);

/* The next slot, counted: 32 bytes, its address an index shifted by 5. */
static inline struct trap_record *logbuf_slot(void)
{
	unsigned n = logbuf.count;

	if ((int)(n - logbuf.drain_at) >= 0) /* wraps: a difference, not <= */
		logbuf_drain();
	logbuf.count = n + 1;
	return &logbuf_ring[n & logbuf.mask];
}
#else
static inline struct trap_record *logbuf_slot(void)
{
	trap_count();
	return (struct trap_record *)0;
}
#endif

/* A trap's record, its fields but the handler's own set (log off: NULL). */
static inline struct trap_record *logbuf_start(const struct hyp_frame *f, uint32_t hsr)
{
	struct trap_record *r = logbuf_slot();

	if (!HYP_TRAPLOG)
		return r;
	/* Field by field: a compound literal of this size becomes a memset call. */
	r->hsr = hsr;
	r->pc = frame_pc(f);
	r->ipa = r->insn = r->v0 = r->v1 = 0;
	r->reg = 0;
	r->outcome = 0;
	r->by = TRAP_BY_HYP;
	r->flags = TR_HSR;
	r->size = r->srt = r->srt2 = 0;
	r->cpu = (uint8_t)read_MPIDR(); /* Aff0: vCPU n runs on CPU n (smp.h) */
	return r;
}

void logbuf_init(void); /* the full ring, no file: before the first trap and option */
void logbuf_set_capacity(unsigned n);
int logbuf_set_file(const char *path);	      /* the log to a host file, drained: none lost */
void logbuf_add(const struct trap_record *r); /* a record made elsewhere, copied */
static inline unsigned logbuf_total(void) { return logbuf.count; }
void logbuf_print(const char *guest, int status);

#endif
