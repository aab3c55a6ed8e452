/*
 * CP15 accesses the guest makes to registers HSTR/HCR trap. The ones we
 * know are passed through to the guest's own non-secure copies (from Hyp
 * mode, the PL1 cp15 registers name exactly those); ACTLR writes are
 * ignored (HCR.TAC: the machine's bits). Anything else stops the guest.
 */
#include <stddef.h>
#include "console.h"
#include "hsr.h"
#include "hyp.h"
#include "sysregs.h"

struct cp15_pass32 {
	uint8_t opc1, crn, crm, opc2;
	uint32_t (*read)(void);
	void (*write)(uint32_t);	/* NULL: writes ignored */
};

static const struct cp15_pass32 pass32[] = {
	{ 0, 1, 0, 0, read_SCTLR, write_SCTLR },
	{ 0, 1, 0, 1, read_ACTLR, NULL },
	{ 0, 1, 0, 2, read_CPACR, write_CPACR },
	{ 0, 2, 0, 0, read_TTBR0, write_TTBR0 },
	{ 0, 2, 0, 1, read_TTBR1, write_TTBR1 },
	{ 0, 2, 0, 2, read_TTBCR, write_TTBCR },
};

struct cp15_pass64 {
	uint8_t opc1, crm;
	uint64_t (*read)(void);
	void (*write)(uint64_t);
};

static const struct cp15_pass64 pass64[] = {
	{ 0, 2, read_TTBR0_64, write_TTBR0_64 },
	{ 1, 2, read_TTBR1_64, write_TTBR1_64 },
};

static int stop_unknown(struct trap_record *r)
{
	hyp_printf("hyp: cp15 access the board does not emulate (hsr=0x%08lx)\n",
		   (unsigned long)r->hsr);
	return trap_stop(r, TRAP_STOP_UNDEF, BOARD_STATUS_FAULT);
}

static const struct cp15_pass32 *find32(const struct cp_access32 *a)
{
	for (size_t i = 0; i < sizeof(pass32) / sizeof(pass32[0]); i++)
		if (pass32[i].opc1 == a->opc1 && pass32[i].crn == a->crn &&
		    pass32[i].crm == a->crm && pass32[i].opc2 == a->opc2)
			return &pass32[i];
	return NULL;
}

int trap_cp15_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct cp_access32 a;
	const struct cp15_pass32 *p;

	hsr_decode_cp32(hsr, &a);
	p = find32(&a);
	if (!p || a.rt == 15)
		return stop_unknown(r);
	r->outcome = TRAP_OUT_CP15;
	if (a.read) {
		r->v0 = p->read();
		set_guest_reg(f, a.rt, r->v0);
	} else {
		r->flags |= TR_WRITE;
		r->v0 = guest_reg(f, a.rt);
		if (p->write)
			p->write(r->v0);
	}
	frame_skip(f, hsr);
	return TRAP_RESUME;
}

int trap_cp15_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r)
{
	struct cp_access64 a;
	const struct cp15_pass64 *p = NULL;
	uint64_t v;

	hsr_decode_cp64(hsr, &a);
	for (size_t i = 0; i < sizeof(pass64) / sizeof(pass64[0]); i++)
		if (pass64[i].opc1 == a.opc1 && pass64[i].crm == a.crm)
			p = &pass64[i];
	if (!p || a.rt >= 15 || a.rt2 >= 15)
		return stop_unknown(r);
	r->outcome = TRAP_OUT_CP15;
	if (a.read) {
		v = p->read();
		set_guest_reg(f, a.rt, (uint32_t)v);
		set_guest_reg(f, a.rt2, (uint32_t)(v >> 32));
	} else {
		r->flags |= TR_WRITE;
		v = (uint64_t)guest_reg(f, a.rt2) << 32 | guest_reg(f, a.rt);
		p->write(v);
	}
	r->v0 = (uint32_t)v;
	r->v1 = (uint32_t)(v >> 32);
	frame_skip(f, hsr);
	return TRAP_RESUME;
}
