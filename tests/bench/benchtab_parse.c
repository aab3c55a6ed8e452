/* benchtab: the bench guest's console lines into a struct bench_run. */
#include "benchtab.h"
#include "lineread.h"

#include <stdlib.h>
#include <string.h>

static const char *const row_keys[BENCH_NROWS] = {
	[BENCH_EMPTY] = "empty",       [BENCH_HVC] = "hvc",
	[BENCH_HVC_WA1] = "hvc-wa1",   [BENCH_MMIO_ST] = "mmio-store",
	[BENCH_MMIO_LD] = "mmio-load", [BENCH_CP15] = "cp15-read",
	[BENCH_SMC] = "smc",	       [BENCH_IRQ_LATENCY] = "irq-latency",
	[BENCH_IRQ_EOI] = "irq-eoi",
};

static const char *const row_labels[BENCH_NROWS] = {
	[BENCH_EMPTY] = "empty loop (per iteration)",
	[BENCH_HVC] = "HVC PSCI_VERSION",
	[BENCH_HVC_WA1] = "HVC SMCCC_ARCH_WORKAROUND_1",
	[BENCH_MMIO_ST] = "MMIO store (STATUS)",
	[BENCH_MMIO_LD] = "MMIO load (UART FR)",
	[BENCH_CP15] = "CP15 read (ACTLR)",
	[BENCH_SMC] = "SMC",
	[BENCH_IRQ_LATENCY] = "IRQ: timer to handler (+-16)",
	[BENCH_IRQ_EOI] = "IRQ: guest's EOI (+-16)",
};

const char *bench_row_key(enum bench_row r)
{
	return (unsigned)r < BENCH_NROWS ? row_keys[r] : NULL;
}

const char *bench_row_label(enum bench_row r)
{
	return (unsigned)r < BENCH_NROWS ? row_labels[r] : NULL;
}

/* The value of " key=" in s as a string up to the next space, or NULL. */
static const char *field(const char *s, const char *key, char *buf, size_t n)
{
	size_t kl = strlen(key);
	const char *p = s;

	while ((p = strstr(p, key)) != NULL) {
		if ((p == s || p[-1] == ' ') && p[kl] == '=') {
			size_t len = strcspn(p + kl + 1, " ");
			if (len == 0 || len >= n)
				return NULL;
			memcpy(buf, p + kl + 1, len);
			buf[len] = '\0';
			return buf;
		}
		p += kl;
	}
	return NULL;
}

/* A decimal field, possibly negative. */
static bool num_field(const char *s, const char *key, long *out)
{
	char buf[24], *end;

	if (!field(s, key, buf, sizeof(buf)))
		return false;
	*out = strtol(buf, &end, 10);
	return *end == '\0';
}

/* The verdict word that ends a calibration line. */
static int verdict(const char *s, bool *ok)
{
	size_t n = strlen(s);

	if (n >= 3 && strcmp(s + n - 3, " ok") == 0)
		*ok = true;
	else if (n >= 4 && strcmp(s + n - 4, " off") == 0)
		*ok = false;
	else
		return -1;
	return 0;
}

static int parse_row(struct bench_run *run, const char *s, char *err, size_t errlen)
{
	char key[24];
	int r;

	if (!field(s, "row", key, sizeof(key)))
		return snprintf(err, errlen, "row= without a name"), -1;
	for (r = 0; r < BENCH_NROWS; r++)
		if (strcmp(key, row_keys[r]) == 0)
			break;
	if (r == BENCH_NROWS)
		return snprintf(err, errlen, "unknown row '%s'", key), -1;
	struct bench_cell *c = &run->cell[r];
	char sk[16];
	c->seen = true;
	if (field(s, "skipped", sk, sizeof(sk))) {
		c->skipped = true;
		return 0;
	}
	if (!num_field(s, "insns", &c->insns) || !num_field(s, "ticks", &c->ticks))
		return snprintf(err, errlen, "row %s: no insns= or ticks=", key), -1;
	return 0;
}

int bench_parse_line(struct bench_run *run, const char *line, char *err, size_t errlen)
{
	char s[256];
	size_t n;

	if (strncmp(line, "BENCH: ", 7) != 0)
		return 0;
	n = strcspn(line + 7, "\r\n");
	if (n >= sizeof(s))
		return snprintf(err, errlen, "line too long"), -1;
	memcpy(s, line + 7, n);
	s[n] = '\0';
	run->present = true;
	if (strncmp(s, "row=", 4) == 0)
		return parse_row(run, s, err, errlen);
	if (strncmp(s, "cntfrq=", 7) == 0) {
		run->cntfrq_seen = true;
		return verdict(s, &run->cntfrq_ok)
		       ? snprintf(err, errlen, "cntfrq line without ok/off"),
		       -1 : 0;
	}
	if (strncmp(s, "cal ", 4) == 0) {
		run->cal_seen = true;
		return verdict(s, &run->cal_ok) ? snprintf(err, errlen, "cal line without ok/off"),
		       -1			: 0;
	}
	if (strncmp(s, "FAIL", 4) == 0)
		return snprintf(err, errlen, "the guest failed: %s", s), -1;
	return snprintf(err, errlen, "unknown BENCH line '%s'", s), -1;
}

int bench_read(struct bench_run *run, FILE *f, char *err, size_t errlen)
{
	struct line_reader rd = { .f = f };
	char line[4096], why[200];
	int got;

	while ((got = line_next(&rd, line, sizeof(line), why, sizeof(why))) > 0)
		if (bench_parse_line(run, line, why, sizeof(why)) < 0)
			break;
	if (got == 0)
		return 0;
	snprintf(err, errlen, "line %u: %s", rd.lineno + (got < 0), why);
	return -1;
}

bool bench_complete(const struct bench_run *run)
{
	if (!run->present || !run->cal_seen || !run->cntfrq_seen)
		return false;
	for (int r = 0; r < BENCH_NROWS; r++)
		if (!run->cell[r].seen)
			return false;
	return true;
}

int bench_find(const struct bench_run *runs, int nruns, const char *name)
{
	for (int i = 0; i < nruns; i++)
		if (strcmp(runs[i].name, name) == 0)
			return i;
	return -1;
}
