/*
 * The guest's GICv2 distributor, register by register (ARM IHI 0048B 4.3),
 * with KVM's choices where the architecture leaves one (vgic-mmio-v2.c):
 * five priority bits, SGIs always edge and their ISPENDR/ICPENDR bits
 * ignored (the SGI registers set them), PPIs level and fixed, SPIs edge
 * and untargeted at reset (vCPU 0 takes them), IGROUPR
 * RAZ/WI (group 0 only). Pure C (vgic.h).
 */
#include <stddef.h>
#include "vgic.h"

/* IIDR as KVM's (vgic_mmio_read_v2misc): product 'K', revision 2, ARM's JEP106 */
/* clang-format off */
#define VGIC_IIDR	((0x4bu << 24) | (2u << 12) | 0x43bu)
#define GICD_ID_SIZE	0x30		/* PIDR4..7, PIDR0..3, CIDR0..3 */
/* clang-format on */

/* A GIC-400's identification bytes: PIDR2.ArchRev = 2 says GICv2. */
static const uint8_t gicd_id[GICD_ID_SIZE / 4] = {
	0x04, 0x00, 0x00, 0x00, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
};

static void irq_reset(struct vgic_irq *irq, unsigned intid, unsigned cpu)
{
	*irq = (struct vgic_irq){ .intid = (uint16_t)intid, .owner = VGIC_NO_VCPU };
	if (intid < GIC_NR_PRIVATE) {
		irq->targets = (uint8_t)(1u << cpu);
		irq->enabled = intid < GIC_NR_SGIS; /* as KVM: SGIs cannot be disabled */
		irq->edge = intid < GIC_NR_SGIS;
	} else {
		irq->edge = true; /* ICFGR 0xaaaaaaaa, ITARGETSR 0: KVM's zeroed SPIs */
	}
}

void vgic_init(struct vgic_dist *d, unsigned ncpus, unsigned nr_lr)
{
	d->enabled = false;
	d->ncpus = ncpus < 1 ? 1 : ncpus > BOARD_MAX_CPUS ? BOARD_MAX_CPUS : ncpus;
	d->nr_lr = nr_lr < 1 ? 1 : nr_lr > GICH_LR_MAX ? GICH_LR_MAX : nr_lr;
	d->ap_spi = 0;
	for (unsigned i = 0; i < VGIC_NR_SPIS; i++)
		irq_reset(&d->spi[i], GIC_NR_PRIVATE + i, 0);
	for (unsigned c = 0; c < BOARD_MAX_CPUS; c++) {
		struct vgic_cpu *vc = &d->cpu[c];

		for (unsigned i = 0; i < GIC_NR_PRIVATE; i++)
			irq_reset(&vc->priv[i], i, c);
		vc->ap_priv = 0;
		vc->used_lrs = 0;
		vc->direct_lr = 0;
		vc->hcr = GICH_HCR_EN;
		vc->vmcr = 0;
		for (unsigned i = 0; i < GICH_LR_MAX; i++)
			vc->lr[i] = 0;
	}
}

struct vgic_irq *vgic_get_irq(struct vgic_dist *d, unsigned cpu, unsigned intid)
{
	if (cpu >= d->ncpus || intid >= BOARD_GIC_NR_IRQS)
		return NULL;
	if (intid < GIC_NR_PRIVATE)
		return &d->cpu[cpu].priv[intid];
	return &d->spi[intid - GIC_NR_PRIVATE];
}

static bool irq_pending(const struct vgic_irq *irq)
{
	return irq->pending_latch || (!irq->edge && irq->line_level);
}

/* The one-bit-per-INTID registers: which one, and what a set bit does. */
enum bitreg { B_SENABLE, B_CENABLE, B_SPEND, B_CPEND, B_SACTIVE, B_CACTIVE };

static bool bit_read(const struct vgic_irq *irq, enum bitreg r)
{
	switch (r) {
	case B_SENABLE:
	case B_CENABLE: return irq->enabled;
	case B_SPEND:
	case B_CPEND: return irq_pending(irq);
	case B_SACTIVE:
	case B_CACTIVE: return irq->active;
	}
	return false;
}

static void bit_write(struct vgic_irq *irq, enum bitreg r)
{
	bool sgi = irq->intid < GIC_NR_SGIS;

	switch (r) {
	case B_SENABLE: irq->enabled = true; break;
	case B_CENABLE: irq->enabled = false; break;
	case B_SPEND:
		if (!sgi)
			irq->pending_latch = true;
		break;
	case B_CPEND:
		if (!sgi)
			irq->pending_latch = false; /* a level line stays as it is */
		break;
	case B_SACTIVE: irq->active = true; break;
	case B_CACTIVE:
		irq->active = false;
		irq->owner = VGIC_NO_VCPU; /* no vCPU keeps it now (vgic_target_oracle) */
		break;
	}
}

static uint32_t bits_access(struct vgic_dist *d, unsigned cpu, uint32_t off, bool write,
			    uint32_t val)
{
	enum bitreg r = (enum bitreg)((off - GICD_ISENABLER) / 0x80);
	unsigned first = (off & 0x7fu) / 4 * 32;
	uint32_t out = 0;

	for (unsigned i = 0; i < 32; i++) {
		struct vgic_irq *irq = vgic_get_irq(d, cpu, first + i);

		if (!irq)
			break;
		if (write && (val >> i & 1)) {
			bit_write(irq, r);
			vgic_queue(d, cpu, irq); /* SPEND, SACTIVE: the flush's scan looks */
		} else if (!write && bit_read(irq, r))
			out |= 1u << i;
	}
	return out;
}

/* IPRIORITYR and ITARGETSR: a byte per INTID, read or written 1 or 4 at a time. */
static uint32_t bytes_access(struct vgic_dist *d, unsigned cpu, uint32_t off, unsigned size,
			     bool write, uint32_t val)
{
	bool prio = off < GICD_ITARGETSR;
	unsigned first = off - (prio ? GICD_IPRIORITYR : GICD_ITARGETSR);
	uint32_t out = 0;

	for (unsigned i = 0; i < size; i++) {
		struct vgic_irq *irq = vgic_get_irq(d, cpu, first + i);
		uint8_t b = (uint8_t)(val >> 8 * i);

		if (!irq)
			break;
		if (!write) {
			out |= (uint32_t)(prio ? irq->priority : irq->targets) << 8 * i;
		} else if (prio) {
			irq->priority = b & VGIC_PRIO_MASK;
		} else if (irq->intid >= GIC_NR_PRIVATE) {
			/* only existing vCPUs; private targets are read-only */
			irq->targets = b & (uint8_t)((1u << d->ncpus) - 1);
		}
	}
	return out;
}

/* ICFGR: two bits per INTID; SGIs and PPIs are fixed (edge, level). */
static uint32_t cfg_access(struct vgic_dist *d, unsigned cpu, uint32_t off, bool write,
			   uint32_t val)
{
	unsigned first = (off - GICD_ICFGR) / 4 * 16;
	uint32_t out = 0;

	for (unsigned i = 0; i < 16; i++) {
		struct vgic_irq *irq = vgic_get_irq(d, cpu, first + i);

		if (!irq)
			break;
		if (write && irq->intid >= GIC_NR_PRIVATE) {
			irq->edge = (val >> (2 * i)) & GICD_ICFGR_EDGE;
			vgic_queue(d, cpu, irq); /* a level line already high is pending now */
		} else if (!write && irq->edge)
			out |= GICD_ICFGR_EDGE << (2 * i);
	}
	return out;
}

unsigned vgic_sgir_targets(uint32_t sgir, unsigned cpu, unsigned ncpus)
{
	unsigned all = (1u << ncpus) - 1;

	switch (sgir >> GICD_SGIR_FILTER_SHIFT & 3) {
	case GICD_SGIR_FILTER_LIST: return sgir >> GICD_SGIR_TARGETS_SHIFT & all;
	case GICD_SGIR_FILTER_OTHERS: return all & ~(1u << cpu);
	case GICD_SGIR_FILTER_SELF: return 1u << cpu;
	}
	return 0; /* reserved */
}

/* GICD_SGIR: vCPU cpu sends SGI n to the vCPUs the filter names. */
static void sgir_write(struct vgic_dist *d, unsigned cpu, uint32_t val)
{
	unsigned intid = val & GICD_SGIR_INTID_MASK;
	unsigned targets = vgic_sgir_targets(val, cpu, d->ncpus);

	for (unsigned c = 0; c < d->ncpus; c++)
		if (targets >> c & 1) {
			struct vgic_irq *irq = &d->cpu[c].priv[intid];

			irq->sources |= (uint8_t)(1u << cpu);
			irq->pending_latch = true;
			vgic_queue(d, c, irq);
		}
}

/* CPENDSGIR/SPENDSGIR: a byte per SGI, bit n = pending from vCPU n. */
static uint32_t sgi_pend_access(struct vgic_dist *d, unsigned cpu, uint32_t off, unsigned size,
				bool write, uint32_t val)
{
	bool set = off >= GICD_SPENDSGIR;
	unsigned first = off - (set ? GICD_SPENDSGIR : GICD_CPENDSGIR);
	uint32_t out = 0;

	for (unsigned i = 0; i < size; i++) {
		struct vgic_irq *irq = &d->cpu[cpu].priv[first + i];
		uint8_t b = (uint8_t)(val >> 8 * i) & (uint8_t)((1u << d->ncpus) - 1);

		if (!write) {
			out |= (uint32_t)irq->sources << 8 * i;
			continue;
		}
		irq->sources = set ? irq->sources | b : irq->sources & (uint8_t)~b;
		irq->pending_latch = irq->sources != 0;
		vgic_queue(d, cpu, irq);
	}
	return out;
}

static bool in(uint32_t off, uint32_t base, uint32_t size) { return off - base < size; }

bool vgic_dist_mmio(struct vgic_dist *d, unsigned cpu, uint32_t offset, unsigned size, bool write,
		    uint32_t *val)
{
	bool bytes_ok = in(offset, GICD_IPRIORITYR, GICD_ICFGR - GICD_IPRIORITYR) ||
		in(offset, GICD_CPENDSGIR, 0x20);
	uint32_t in_val = write ? *val : 0, out = 0;
	bool known = true;

	if (!write)
		*val = 0;
	if (cpu >= d->ncpus || !(size == 4 || (size == 1 && bytes_ok)) || offset & (size - 1))
		return false;
	if (offset == GICD_CTLR) {
		if (write)
			d->enabled = in_val & GICD_CTLR_ENABLE;
		out = d->enabled ? GICD_CTLR_ENABLE : 0;
	} else if (offset == GICD_TYPER) {
		out = (BOARD_GIC_NR_IRQS / 32 - 1) | (d->ncpus - 1) << GICD_TYPER_CPUS_SHIFT;
	} else if (offset == GICD_IIDR) {
		out = VGIC_IIDR;
	} else if (in(offset, GICD_ISENABLER, GICD_IPRIORITYR - GICD_ISENABLER)) {
		out = bits_access(d, cpu, offset, write, in_val);
	} else if (in(offset, GICD_IPRIORITYR, GICD_ICFGR - GICD_IPRIORITYR)) {
		out = bytes_access(d, cpu, offset, size, write, in_val);
	} else if (in(offset, GICD_ICFGR, 0x100)) {
		out = cfg_access(d, cpu, offset, write, in_val);
	} else if (offset == GICD_SGIR) {
		if (write)
			sgir_write(d, cpu, in_val);
	} else if (in(offset, GICD_CPENDSGIR, 0x20)) {
		out = sgi_pend_access(d, cpu, offset, size, write, in_val);
	} else if (in(offset, GICD_PIDR4, GICD_ID_SIZE)) {
		out = gicd_id[(offset - GICD_PIDR4) / 4];
	} else {
		known = in(offset, GICD_IGROUPR, 0x80); /* group 0 only: RAZ/WI */
	}
	if (!write)
		*val = out;
	return known;
}

void vgic_inject(struct vgic_dist *d, unsigned cpu, unsigned intid, bool level)
{
	struct vgic_irq *irq = vgic_get_irq(d, cpu, intid);

	if (!irq)
		return;
	if (!irq->edge)
		irq->line_level = level;
	else if (level)
		irq->pending_latch = true;
	vgic_queue(d, cpu, irq);
}

void vgic_map_hw(struct vgic_dist *d, unsigned cpu, unsigned intid, unsigned hwintid)
{
	struct vgic_irq *irq = vgic_get_irq(d, cpu, intid);

	if (!irq)
		return;
	irq->hw = true;
	irq->hwintid = (uint16_t)hwintid;
}
