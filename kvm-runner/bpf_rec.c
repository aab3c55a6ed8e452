/* The eBPF source's records -> struct kvm_event, as trace_parse.c reads the text. */
#include <string.h>
#include "bpf_rec.h"
#include "hsr.h"

/* clang-format off */
/* kvm_mmio's type (include/trace/events/kvm.h) */
#define KVM_TRACE_MMIO_READ_UNSATISFIED	0
#define KVM_TRACE_MMIO_WRITE		2
/* struct sys_reg_params (arch/arm64/kvm/sys_regs.h): Op0..Op2 bytes 0-4, is_write at 16 */
#define SYSREG_PARAMS_SIZE	24
#define SYSREG_IS_WRITE		16
/* clang-format on */

/* The events tracefs.c enables, less the 5.x 32-bit names (no eBPF source there). */
const struct bpf_event bpf_events[BEV_COUNT] = {
	/* ret, esr_ec, vcpu_pc */
	[BEV_EXIT] = { "kvm_exit", KEV_EXIT, 3, 3, -1, 0, 0, -1 },
	/* vcpu_pc, hsr, hxfar, ipa */
	[BEV_GUEST_FAULT] = { "kvm_guest_fault", KEV_GUEST_FAULT, 4, 4, -1, 0, 0, -1 },
	/* type, len, gpa; val points at the data (NULL: unsatisfied, read as 0) */
	[BEV_MMIO] = { "kvm_mmio", KEV_MMIO, 4, 3, 3, 3, 8, 2 },
	/* vcpu_pc, r0, imm */
	[BEV_HVC] = { "kvm_hvc_arm64", KEV_HVC, 3, 3, -1, 0, 0, -1 },
	/* vcpu_pc, is_wfe */
	[BEV_WFX] = { "kvm_wfx_arm64", KEV_WFX, 2, 2, -1, 0, 0, -1 },
	/* vcpu_pc; params points at the access (Op0..Op2, regval, is_write); reg */
	[BEV_SYS_ACCESS] = { "kvm_sys_access", KEV_CP15, 3, 1, 1, 1, SYSREG_PARAMS_SIZE, -1 },
	/* type, vcpu_idx, irq_num, level */
	[BEV_IRQ_LINE] = { "kvm_irq_line", KEV_IRQ_LINE, 4, 4, -1, 0, 0, -1 },
	/* vcpu_id, irq, level (both) */
	[BEV_TIMER_IRQ] = { "kvm_timer_update_irq", KEV_TIMER_IRQ, 3, 3, -1, 0, 0, -1 },
	[BEV_VGIC_PENDING] = { "vgic_update_irq_pending", KEV_VGIC_PENDING, 3, 3, -1, 0, 0, -1 },
};

/* The first len bytes of v (little-endian), as kvm_mmio copies at most 8. */
static uint64_t mmio_val(uint64_t v, unsigned len)
{
	return len >= 8 ? v : v & ((1ull << (8 * len)) - 1);
}

static void decode_exit(const struct bpf_rec *r, struct kvm_event *ev)
{
	uint32_t code = (uint32_t)r->arg[0] & ~BPF_ARM_EXIT_SERROR;

	ev->trap = code == BPF_ARM_EXCEPTION_TRAP;
	ev->irq = code == BPF_ARM_EXCEPTION_IRQ;
	ev->ec = ev->trap ? (unsigned)r->arg[1] : 0; /* the event keeps a trap's only */
	ev->pc = r->arg[2];
}

static void decode_sys_access(const struct bpf_rec *r, struct kvm_event *ev)
{
	uint8_t p[SYSREG_PARAMS_SIZE];

	memcpy(p, &r->arg[1], sizeof(p));
	ev->pc = r->arg[0];
	ev->opc1 = p[1];
	ev->crn = p[2];
	ev->crm = p[3];
	ev->opc2 = p[4];
	ev->write = p[SYSREG_IS_WRITE] & 1;
	ev->rt = 0xff; /* the event does not say */
}

static void start(const struct bpf_rec *r, unsigned e, struct kvm_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->rt = 0xff;
	ev->type = bpf_events[e].type;
	ev->pid = (int)r->tid;
	ev->ts_us = r->seq; /* an order, as the trace's time is for traps_interleave */
	strcpy(ev->name, bpf_events[e].tp);
}

int bpf_rec_decode(const struct bpf_rec *r, struct kvm_event evs[2])
{
	const uint64_t *a = r->arg;
	struct kvm_event *ev = evs;

	if (!r->tid)
		return 0;
	if (r->event >= BEV_COUNT)
		return -1;
	if (r->event == BEV_GUEST_FAULT) { /* the abort's exit first */
		start(r, BEV_EXIT, ev);
		ev->trap = true;
		ev->ec = (uint32_t)a[1] >> HSR_EC_SHIFT;
		ev->pc = a[0];
		ev++;
	}
	start(r, r->event, ev);
	switch (r->event) {
	case BEV_EXIT: decode_exit(r, ev); break;
	case BEV_GUEST_FAULT:
		ev->pc = a[0];
		ev->hsr = (uint32_t)a[1];
		ev->ipa = a[3];
		break;
	case BEV_MMIO:
		ev->write = (uint32_t)a[0] == KVM_TRACE_MMIO_WRITE;
		ev->unsatisfied = (uint32_t)a[0] == KVM_TRACE_MMIO_READ_UNSATISFIED;
		ev->len = (uint32_t)a[1];
		ev->gpa = a[2];
		ev->val = mmio_val(a[3], ev->len);
		break;
	case BEV_HVC:
		ev->pc = a[0];
		ev->r0 = a[1];
		ev->imm = (unsigned)a[2];
		break;
	case BEV_WFX:
		ev->pc = a[0];
		ev->wfe = a[1] & 1;
		break;
	case BEV_SYS_ACCESS: decode_sys_access(r, ev); break;
	case BEV_IRQ_LINE:
		ev->irq_type = (unsigned)a[0];
		ev->vcpu = (unsigned)a[1];
		ev->intid = (unsigned)a[2];
		ev->level = (unsigned)a[3];
		break;
	default: /* the timer's and the vgic's level: vcpu, irq, level */
		ev->vcpu = (unsigned)a[0];
		ev->intid = (unsigned)a[1];
		ev->level = (unsigned)a[2];
		break;
	}
	return (int)(ev - evs) + 1;
}
