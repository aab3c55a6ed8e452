/*
 * Loading a trap log (docs/trap-log.md): header, trap lines through the
 * board's parser, the end line. Errors name the file and line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "lineread.h"
#include "tlog.h"

/* Formats "path:line: message" into err; returns -1 for the caller to pass on. */
int tlog_fail(char *err, size_t n, const char *path, unsigned line, const char *fmt, ...)
{
	va_list ap;
	int k = snprintf(err, n, "%s:%u: ", path, line);

	va_start(ap, fmt);
	if (k >= 0 && (size_t)k < n)
		vsnprintf(err + k, n - k, fmt, ap);
	va_end(ap);
	return -1;
}

static int add_event(struct tlog *log, const struct tlog_event *e)
{
	if (log->n == TLOG_MAX_TRAPS)
		return -1;
	if (log->n == log->cap) {
		size_t cap = log->cap ? 2 * log->cap : 64;
		void *p = realloc(log->ev, cap * sizeof(*log->ev));

		if (!p)
			return -1;
		log->ev = p;
		log->cap = cap;
	}
	log->ev[log->n++] = *e;
	return 0;
}

static int parse_header(const char *s, struct tlog *log, char *err, size_t n, unsigned ln)
{
	struct traplog_head h;
	char why[200];

	if (traplog_parse_head(s, &h, why, sizeof(why)) < 0)
		return tlog_fail(err, n, log->path, ln, "%s", why);
	snprintf(log->side, sizeof(log->side), "%s", h.side);
	snprintf(log->guest, sizeof(log->guest), "%s", h.guest);
	log->version = h.version;
	log->cpus = h.cpus;
	return 0;
}

static int parse_end(const char *s, struct tlog *log, char *err, size_t n, unsigned ln)
{
	char why[200];

	if (log->has_end)
		return tlog_fail(err, n, log->path, ln, "a second end line");
	if (traplog_parse_footer(s, &log->end_traps, &log->end_dropped, &log->end_status, why,
				 sizeof(why)) < 0)
		return tlog_fail(err, n, log->path, ln, "%s", why);
	log->has_end = true;
	return 0;
}

static int parse_trap(const char *s, struct tlog *log, char *err, size_t n, unsigned ln)
{
	struct tlog_event e = { .lineno = ln };
	char why[200];

	if (log->has_end)
		return tlog_fail(err, n, log->path, ln, "trap line after the end line");
	if (traplog_parse(s, &e.l, why, sizeof(why)) < 0)
		return tlog_fail(err, n, log->path, ln, "%s", why);
	if (e.l.ec == TRAPLOG_EC_EVENT && log->version < 2)
		return tlog_fail(err, n, log->path, ln, "%s event in a version %u log", e.l.name,
				 log->version);
	if (log->cpus > 1 && (e.l.cpu == TRAPLOG_NO_CPU || (unsigned)e.l.cpu >= log->cpus))
		return tlog_fail(err, n, log->path, ln, "want cpu=N (N < %u) in a cpus=%u log",
				 log->cpus, log->cpus);
	if (log->cpus == 1 && e.l.cpu != TRAPLOG_NO_CPU)
		return tlog_fail(err, n, log->path, ln, "cpu= in a log without cpus=");
	if (log->n && e.l.seq <= log->ev[log->n - 1].l.seq)
		return tlog_fail(err, n, log->path, ln, "sequence number %u after %u", e.l.seq,
				 log->ev[log->n - 1].l.seq);
	size_t k = strcspn(e.l.outcome, " ");
	if (k == 0 || k >= sizeof(e.kind))
		return tlog_fail(err, n, log->path, ln, "no outcome kind after \" : \"");
	memcpy(e.kind, e.l.outcome, k);
	e.kind[k] = 0;
	if (add_event(log, &e) < 0)
		return tlog_fail(err, n, log->path, ln,
				 log->n == TLOG_MAX_TRAPS ? "more than %u traps" : "out of memory",
				 TLOG_MAX_TRAPS);
	return 0;
}

/* One line, its newline removed; prefix already stripped. */
static int parse_line(char *s, struct tlog *log, bool *seen_header, char *err, size_t n,
		      unsigned ln)
{
	if (!*seen_header) {
		*seen_header = true;
		return parse_header(s, log, err, n, ln);
	}
	if (strncmp(s, "# traplog ", 10) == 0)
		return tlog_fail(err, n, log->path, ln, "a second header: two logs in one file?");
	if (strncmp(s, "# end", 5) == 0)
		return parse_end(s, log, err, n, ln);
	if (s[0] == '#' || s[0] == 0)
		return 0;
	return parse_trap(s, log, err, n, ln);
}

int tlog_load_stream(FILE *f, const char *path, const struct tlog_opts *o, struct tlog *log,
		     char *err, size_t errlen)
{
	static const char prefix[] = TRAPLOG_CONSOLE_PREFIX;
	struct line_reader rd = { .f = f };
	char buf[1024], why[100];
	bool header = false;
	int got;

	memset(log, 0, sizeof(*log));
	log->path = path;
	while ((got = line_next(&rd, buf, sizeof(buf), why, sizeof(why))) > 0) {
		char *s = buf;

		s[strcspn(s, "\r\n")] = 0;
		if (o && o->console) {
			if (strncmp(s, prefix, sizeof(prefix) - 1) != 0)
				continue;
			s += sizeof(prefix) - 1;
		}
		if (parse_line(s, log, &header, err, errlen, rd.lineno) < 0)
			return -1;
	}
	if (got < 0)
		return tlog_fail(err, errlen, path, rd.lineno + 1, "%s", why);
	if (!header)
		return tlog_fail(err, errlen, path, rd.lineno, "empty: no \"# traplog\" header");
	return 0;
}

int tlog_load(const char *path, const struct tlog_opts *o, struct tlog *log, char *err,
	      size_t errlen)
{
	FILE *f = fopen(path, "r");
	int r;

	if (!f) {
		memset(log, 0, sizeof(*log));
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	r = tlog_load_stream(f, path, o, log, err, errlen);
	fclose(f);
	return r;
}

void tlog_free(struct tlog *log)
{
	free(log->ev);
	log->ev = NULL;
	log->n = log->cap = 0;
}

int tlog_validate(const struct tlog *log, char *err, size_t errlen)
{
	if (!log->has_end) {
		snprintf(err, errlen, "%s: no \"# end\" line: the log was cut short", log->path);
		return -1;
	}
	if (log->end_traps != log->n) {
		snprintf(err, errlen, "%s: the end line says traps=%u, the log holds %zu",
			 log->path, log->end_traps, log->n);
		return -1;
	}
	return 0;
}

const char *tlog_event_ec(const struct tlog_event *e, char *buf, size_t n)
{
	if (e->l.ec == TRAPLOG_EC_EVENT)
		snprintf(buf, n, "--");
	else
		snprintf(buf, n, "0x%02x", e->l.ec & 0xff);
	return buf;
}

uint32_t tlog_key_pc(const struct tlog_event *e)
{
	return e->l.ec == TRAPLOG_EC_EVENT ? 0 : e->l.pc;
}

void tlog_event_text(const struct tlog_event *e, char *buf, size_t n)
{
	const struct traplog_line *l = &e->l;
	char ec[8], pc[16];

	tlog_event_ec(e, ec, sizeof(ec));
	if (l->pc_unknown)
		snprintf(pc, sizeof(pc), "?");
	else
		snprintf(pc, sizeof(pc), "0x%08x", (unsigned)l->pc);
	snprintf(buf, n, "%s %s pc=%s%s%s : %s by=%s", ec, l->name, pc, l->syndrome[0] ? " " : "",
		 l->syndrome, l->outcome, l->by);
}
