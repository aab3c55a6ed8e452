/*
 * The trap log's reader (docs/trap-log.md): a trap line split into the
 * fields the comparison lines up; the header and end lines. Every refusal
 * says what was wrong in one line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "hsr.h"
#include "traplog.h"

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Exactly `digits` hex digits after "0x"; advances *p. */
static bool take_hex(const char **p, unsigned digits, uint32_t *v)
{
	const char *s = *p;

	if (s[0] != '0' || s[1] != 'x')
		return false;
	s += 2;
	*v = 0;
	for (unsigned i = 0; i < digits; i++, s++) {
		int d = hex_value(*s);
		if (d < 0)
			return false;
		*v = *v << 4 | (uint32_t)d;
	}
	*p = s;
	return true;
}

/* A decimal number of at least min_digits digits; advances *p. */
static bool take_dec(const char **p, unsigned min_digits, unsigned *v)
{
	const char *s = *p;

	*v = 0;
	while (is_digit(*s) && s - *p < 10)
		*v = *v * 10 + (unsigned)(*s++ - '0');
	if ((unsigned)(s - *p) < min_digits || is_digit(*s))
		return false;
	*p = s;
	return true;
}

static bool take(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n))
		return false;
	*p += n;
	return true;
}

/* Copies [from, to) into dst[n]; false if it does not fit. */
static bool copy_span(char *dst, size_t n, const char *from, const char *to)
{
	size_t len = (size_t)(to - from);

	if (len >= n)
		return false;
	memcpy(dst, from, len);
	dst[len] = '\0';
	return true;
}

/* The line's length without a trailing "\n" or "\r\n". */
static size_t body_length(const char *line)
{
	size_t len = strlen(line);

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	return len;
}

/* Interrupt events (version 2): the NAME and the outcome kind it goes with. */
static const struct {
	const char *name, *kind;
} events[] = { { "IRQ", "irq " }, { "VIRQ", "virq " }, { "MAINT", "maint " }, { "EOI", "eoi " } };

static int event_index(const char *name)
{
	for (unsigned i = 0; i < sizeof(events) / sizeof(events[0]); i++)
		if (!strcmp(name, events[i].name))
			return (int)i;
	return -1;
}

/* "0xEC NAME" of a trap or "-- NAME" of an event; the name padded to 8. */
static int parse_class(const char **p, struct traplog_line *out, char *err, size_t errlen)
{
	uint32_t v;
	const char *name;
	bool event = take(p, "-- ");

	if (!event && (!take_hex(p, 2, &v) || !take(p, " ")))
		return fail(err, errlen, "bad EC (want 0x and 2 hex digits, or -- for an event)");
	out->ec = event ? TRAPLOG_EC_EVENT : v;
	name = *p;
	while (**p && **p != ' ')
		(*p)++;
	if (!copy_span(out->name, sizeof(out->name), name, *p))
		return fail(err, errlen, "EC name too long");
	if (event && event_index(out->name) < 0)
		return fail(err, errlen, "event '%s' is not IRQ, VIRQ, MAINT or EOI", out->name);
	if (!event && strcmp(out->name, hsr_ec_name(out->ec)))
		return fail(err, errlen, "EC 0x%02x is %s, not '%s'", out->ec, hsr_ec_name(out->ec),
			    out->name);
	return 0;
}

/* "SEQ 0xEC NAME    pc=0xPC": the fixed head of a trap line. */
static int parse_head(const char **p, struct traplog_line *out, char *err, size_t errlen)
{
	if (!take_dec(p, 4, &out->seq) || !take(p, " "))
		return fail(err, errlen, "bad sequence number (want 4+ digits and a space)");
	if (parse_class(p, out, err, errlen))
		return -1;
	while (**p == ' ')
		(*p)++;
	if (!take(p, "pc="))
		return fail(err, errlen, "bad pc (want pc=0x and 8 hex digits, or pc=?)");
	out->pc_unknown = take(p, "?");
	if (!out->pc_unknown && !take_hex(p, 8, &out->pc))
		return fail(err, errlen, "bad pc (want pc=0x and 8 hex digits, or pc=?)");
	return 0;
}

/* An event's syndrome is its INTID alone: "intid=N" (0..1023) or "intid=?". */
static int check_event(const struct traplog_line *l, char *err, size_t errlen)
{
	const char *p = l->syndrome;
	const char *kind = events[event_index(l->name)].kind;
	unsigned intid;

	if (!take(&p, "intid=") || (!take(&p, "?") && (!take_dec(&p, 1, &intid) || intid > 1023)) ||
	    *p)
		return fail(err, errlen, "%s: want intid=N (0..1023) or intid=? alone, not '%s'",
			    l->name, l->syndrome);
	if (strncmp(l->outcome, kind, strlen(kind)))
		return fail(err, errlen, "%s: the outcome must start '%s'", l->name, kind);
	return 0;
}

static bool valid_by(const char *by)
{
	return !strcmp(by, "hyp") || !strcmp(by, "kvm") || !strcmp(by, "vmm");
}

/* "hyp" or "hyp cpu=N" after " by=": who, and the vCPU of an SMP log. */
static int parse_by(const char *p, const char *end, struct traplog_line *out, char *err,
		    size_t errlen)
{
	const char *cpu = strstr(p, " cpu=");
	unsigned n;

	out->cpu = TRAPLOG_NO_CPU;
	if (cpu) {
		const char *q = cpu + 5;

		if (!take_dec(&q, 1, &n) || q != end || n >= TRAPLOG_MAX_CPUS)
			return fail(err, errlen, "bad cpu= (want cpu=N, N < %u, ending the line)",
				    TRAPLOG_MAX_CPUS);
		out->cpu = (int)n;
		end = cpu;
	}
	if (!copy_span(out->by, sizeof(out->by), p, end) || !valid_by(out->by))
		return fail(err, errlen, "by= must be hyp, kvm or vmm");
	return 0;
}

int traplog_parse(const char *line, struct traplog_line *out, char *err, size_t errlen)
{
	char text[512];
	const char *p = text, *sep, *by;
	size_t len;

	memset(out, 0, sizeof(*out));
	if (!strncmp(line, TRAPLOG_CONSOLE_PREFIX, strlen(TRAPLOG_CONSOLE_PREFIX)))
		line += strlen(TRAPLOG_CONSOLE_PREFIX);
	len = body_length(line);
	if (len >= sizeof(text))
		return fail(err, errlen, "line too long (%zu characters)", len);
	memcpy(text, line, len);
	text[len] = '\0';
	if (text[0] == '#')
		return fail(err, errlen, "a comment, not a trap line");
	if (parse_head(&p, out, err, errlen))
		return -1;
	sep = strstr(p, " : ");
	if (!sep)
		return fail(err, errlen, "no ' : ' between syndrome and outcome");
	if (p < sep && *p++ != ' ')
		return fail(err, errlen, "no space after pc");
	if (!copy_span(out->syndrome, sizeof(out->syndrome), p, sep))
		return fail(err, errlen, "syndrome too long");
	p = sep + 3;
	by = strstr(p, " by=");
	if (!by)
		return fail(err, errlen, "no ' by=' at the end");
	if (!copy_span(out->outcome, sizeof(out->outcome), p, by) || !out->outcome[0])
		return fail(err, errlen, "empty or too long outcome");
	if (parse_by(by + 4, text + len, out, err, errlen))
		return -1;
	if (out->ec == TRAPLOG_EC_EVENT)
		return check_event(out, err, errlen);
	return 0;
}

int traplog_parse_head(const char *line, struct traplog_head *h, char *err, size_t errlen)
{
	const char *p = line, *end = line + body_length(line), *s, *cpus;

	memset(h, 0, sizeof(*h));
	h->cpus = 1;
	if (!take(&p, "# traplog ") || !take_dec(&p, 1, &h->version))
		return fail(err, errlen, "not a trap log (no '# traplog N' header)");
	if (h->version < TRAPLOG_VERSION_MIN || h->version > TRAPLOG_VERSION)
		return fail(err, errlen, "trap log version %u, this reader knows %d to %d",
			    h->version, TRAPLOG_VERSION_MIN, TRAPLOG_VERSION);
	if (!take(&p, " side="))
		return fail(err, errlen, "header without side=");
	s = p;
	while (p < end && *p != ' ')
		p++;
	if (p == s || !copy_span(h->side, sizeof(h->side), s, p))
		return fail(err, errlen, "bad side= in header");
	if (!take(&p, " guest=") || p >= end)
		return fail(err, errlen, "bad guest= in header");
	/* A guest name has no spaces: " cpus=N" can only be the version 2 field. */
	cpus = strstr(p, " cpus=");
	if (cpus) {
		const char *q = cpus + 6;

		if (h->version < 2)
			return fail(err, errlen, "cpus= in a version %u header", h->version);
		if (!take_dec(&q, 1, &h->cpus) || q != end || h->cpus < 2 ||
		    h->cpus > TRAPLOG_MAX_CPUS)
			return fail(err, errlen,
				    "bad cpus= in header (want 2..%u, ending the line)",
				    TRAPLOG_MAX_CPUS);
		end = cpus;
	}
	if (p >= end || !copy_span(h->guest, sizeof(h->guest), p, end) || strstr(h->guest, " "))
		return fail(err, errlen, "bad guest= in header");
	return 0;
}

int traplog_parse_header(const char *line, char *side, size_t sidelen, char *guest, size_t guestlen,
			 char *err, size_t errlen)
{
	struct traplog_head h;

	if (traplog_parse_head(line, &h, err, errlen))
		return -1;
	if (strlen(h.side) >= sidelen || strlen(h.guest) >= guestlen)
		return fail(err, errlen, "side= or guest= in header too long");
	memcpy(side, h.side, strlen(h.side) + 1);
	memcpy(guest, h.guest, strlen(h.guest) + 1);
	return 0;
}

int traplog_parse_footer(const char *line, unsigned *traps, unsigned *dropped, int *status,
			 char *err, size_t errlen)
{
	const char *p = line;
	unsigned st;
	bool neg;

	if (!take(&p, "# end traps=") || !take_dec(&p, 1, traps))
		return fail(err, errlen, "not an end line ('# end traps=N ...')");
	if (!take(&p, " dropped=") || !take_dec(&p, 1, dropped))
		return fail(err, errlen, "end line without dropped=N");
	if (!take(&p, " status="))
		return fail(err, errlen, "end line without status=N");
	neg = take(&p, "-");
	if (!take_dec(&p, 1, &st) || p != line + body_length(line))
		return fail(err, errlen, "bad status= in end line");
	*status = neg ? -(int)st : (int)st;
	return 0;
}
