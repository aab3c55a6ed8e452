/*
 * The physical GIC, the hypervisor's own (QEMU virt: GICD 0x08000000, GICC
 * 0x08010000): the guest never reaches it (its GICD traps to the model, its
 * GICC is GICV). EOImode = 1, as Linux's GIC driver runs when it hosts KVM
 * (GICC_CTLR.EOImodeNS): EOIR only drops the priority, DIR deactivates, so a
 * HW-linked virtual interrupt can leave its physical one active until the
 * guest deactivates both with one EOI (GICH_LR.HW).
 */
#include "gicv2.h"
#include "hyp.h"

/* clang-format off */
#define PMR_ALL_OURS	0xf0		/* every priority we give (0x80, 0xa0) passes */
#define GICD_CTLR_ON	GICD_CTLR_ENABLE
#define GICC_CTLR_ON	(GICC_CTLR_ENABLE | GICC_CTLR_EOIMODE)
/* clang-format on */

static inline volatile uint32_t *gicd(unsigned off)
{
	return (volatile uint32_t *)(HOST_GICD_BASE + off);
}
static inline volatile uint32_t *gicc(unsigned off)
{
	return (volatile uint32_t *)(HOST_GICC_BASE + off);
}

/* The distributor once (CPU 0), then this CPU's interface: GICC is banked. */
void gic_phys_init(void)
{
	*gicd(GICD_CTLR) = GICD_CTLR_ON;
	gic_phys_cpu_init();
}

void gic_phys_cpu_init(void)
{
	*gicc(GICC_PMR) = PMR_ALL_OURS;
	*gicc(GICC_CTLR) = GICC_CTLR_ON;
}

/* A banked SGI or PPI of this CPU on, at priority prio. */
void gic_phys_enable_ppi(unsigned id, uint8_t prio)
{
	volatile uint8_t *p = (volatile uint8_t *)gicd(GICD_IPRIORITYR) + id;

	*p = prio;
	*gicd(GICD_ISENABLER) = 1u << id;
}

/* Physical SGI id to the CPUs of mask (CPU interface n = CPU n on QEMU virt). */
void gic_phys_send_sgi(unsigned id, unsigned mask)
{
	__asm__ volatile("dsb" ::: "memory"); /* the model's update before the kick */
	*gicd(GICD_SGIR) = GICD_SGIR_FILTER_LIST << GICD_SGIR_FILTER_SHIFT |
		(mask & 0xffu) << GICD_SGIR_TARGETS_SHIFT | id;
}

/* An SPI on, at priority prio, to CPU 0 (QEMU's SPIs reset level-sensitive). */
void gic_phys_enable_spi(unsigned id, uint8_t prio)
{
	volatile uint8_t *p = (volatile uint8_t *)gicd(GICD_IPRIORITYR) + id;
	volatile uint8_t *t = (volatile uint8_t *)gicd(GICD_ITARGETSR) + id;

	*p = prio;
	*t = 1; /* CPU 0: the one vCPU the vGIC serves */
	gicd(GICD_ISENABLER)[id / 32] = 1u << (id % 32);
}

uint32_t gic_phys_ack(void) { return *gicc(GICC_IAR); }
void gic_phys_eoi(uint32_t iar) { *gicc(GICC_EOIR) = iar; }
void gic_phys_deactivate(uint32_t iar) { *gicc(GICC_DIR) = iar; }
uint32_t gic_phys_ctlr(void) { return *gicc(GICC_CTLR); }

/*
 * Makes the CPU interface look at its pending interrupts again. QEMU 7.2's
 * GIC does not when a guest's EOI of a HW-linked LR deactivates a physical
 * interrupt whose line is still high (the guest re-armed its timer late):
 * it stays pending, unsignalled, until the next GIC event. Rewriting PMR
 * with its own value is that event; on real hardware it changes nothing.
 */
void gic_phys_resample(void) { *gicc(GICC_PMR) = PMR_ALL_OURS; }
