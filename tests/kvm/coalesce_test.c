/*
 * The coalesced MMIO ring drain on a fake ring laid out as KVM's page:
 * order, wrap-around, the slots freed, a bad index refused; and the trap
 * line of a drained write (pc=?, by=kvm) read back by the parser.
 */
#include <stdlib.h>
#include <string.h>
#include "coalesce.h"
#include "hsr.h"
#include "traplog.h"
#include "unit.h"

#define PAGE 4096

static char seen[64];
static unsigned nseen;

static void collect(void *ctx, uint32_t addr, uint32_t len, const uint8_t *data)
{
	(void)ctx;
	if (addr == 0x09000000 && len == 1 && nseen < sizeof(seen) - 1)
		seen[nseen++] = (char)data[0];
	else
		seen[nseen++] = '!';
}

/* KVM's side: one byte written to DR at slot last. */
static void kvm_put(struct kvm_coalesced_mmio_ring *r, uint32_t max, char c)
{
	struct kvm_coalesced_mmio *e = &r->coalesced_mmio[r->last];

	memset(e, 0, sizeof(*e));
	e->phys_addr = 0x09000000;
	e->len = 1;
	e->data[0] = (uint8_t)c;
	r->last = (r->last + 1) % max;
}

static void drain_cases(void)
{
	struct kvm_coalesced_mmio_ring *r = calloc(1, PAGE);
	uint32_t max = KVM_COALESCED_MMIO_MAX(PAGE);

	check_eq(sizeof(struct kvm_coalesced_mmio), 24, "entry is 24 bytes (KVM's layout)");
	check_eq(max, 170, "a 4 KiB page holds 170 entries");
	check_eq(coalesce_drain(r, max, collect, NULL), 0, "empty ring: nothing drained");
	kvm_put(r, max, 'H');
	kvm_put(r, max, 'i');
	check_eq(coalesce_drain(r, max, collect, NULL), 2, "two writes drained");
	check(nseen == 2 && !memcmp(seen, "Hi", 2), "in order: 'Hi' (got '%.*s')", (int)nseen,
	      seen);
	check(r->first == 2 && r->last == 2, "first caught up with last (%u, %u)", r->first,
	      r->last);
	/* Wrap-around: start two slots before the end. */
	r->first = r->last = max - 2;
	nseen = 0;
	for (const char *p = "wrap"; *p; p++)
		kvm_put(r, max, *p);
	check_eq(r->last, 2, "KVM wrapped to slot 2");
	check_eq(coalesce_drain(r, max, collect, NULL), 4, "four drained across the wrap");
	check(nseen == 4 && !memcmp(seen, "wrap", 4), "order across the wrap (got '%.*s')",
	      (int)nseen, seen);
	check_eq(r->first, 2, "first wrapped too");
	check_eq(coalesce_drain(r, max, collect, NULL), 0,
		 "drained twice: nothing the second time");
	r->last = max;
	nseen = 0;
	check_eq(coalesce_drain(r, max, collect, NULL), -1, "last out of range refused");
	check_eq(nseen, 0, "nothing handed over from a bad ring");
	r->last = 0;
	r->first = max + 5;
	check_eq(coalesce_drain(r, max, collect, NULL), -1, "first out of range refused");
	free(r);
}

static void traplog_case(void)
{
	struct trap_record rec = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.ipa = 0x09000000,
		.size = 1,
		.outcome = TRAP_OUT_MMIO,
		.by = TRAP_BY_KVM,
		.srt = 0xff,
		.srt2 = 0xff,
		.flags = TR_WRITE | TR_PC_UNKNOWN,
		.v0 = 'H',
		.pc = 0x40000278,
	};
	struct traplog_line l;
	char buf[256], err[160];

	traplog_format(buf, sizeof(buf), 7, &rec);
	check(strstr(buf, " pc=? isv=? sas=b sse=? srt=? wnr=1 ipa=0x09000000 ") != NULL,
	      "drained write: pc=? and the syndrome KVM did not give (%s)", buf);
	check(strstr(buf, "val=0x00000048 by=kvm") != NULL, "drained write: value, by=kvm (%s)",
	      buf);
	check_eq(traplog_parse(buf, &l, err, sizeof(err)), 0, "the parser reads pc=?");
	check(l.pc == 0 && !strcmp(l.by, "kvm"), "parsed: pc 0, by kvm");
	rec.flags = TR_WRITE;
	traplog_format(buf, sizeof(buf), 7, &rec);
	check(strstr(buf, " pc=0x40000278 ") != NULL, "without the flag the pc is written (%s)",
	      buf);
	check_eq(
		traplog_parse("0001 0x24 DABT     pc=?x isv=1 : mmio by=kvm", &l, err, sizeof(err)),
		-1, "pc=?x refused");
}

int main(void)
{
	drain_cases();
	traplog_case();
	return unit_summary();
}
