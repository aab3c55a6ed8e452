/*
 * Switching the guest's world on: Stage 2 and the traps, in the order the
 * architecture needs (tables, then VTCR/VTTBR, TLB clean, then HCR.VM).
 */
#include "console.h"
#include "hyp.h"
#include "hyp_regs.h"
#include "semihost.h"
#include "stage2.h"
#include "hyp_s1.h"
#include "smp.h"

static struct stage2 s2;
static struct hyp_s1 s1;

_Static_assert(STAGING_PA >= HYP_PHYS_BASE + HYP_SIZE, "staging overlaps the hypervisor");
_Static_assert(GUEST_PA > STAGING_PA, "guest RAM overlaps the staging area");
_Static_assert((GUEST_PA & (S2_BLOCK_SIZE - 1)) == 0, "guest RAM not 2 MiB aligned");

const struct stage2 *hyp_stage2(void) { return &s2; }

/* The board's GIC CPU interface: its window, as the description gives it. */
static const struct board_dev *gicc_dev(const struct board_desc *d)
{
	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].kind == BDEV_GICC)
			return &d->devs[i];
	return NULL;
}

/*
 * Exactly the guest RAM of the board's description, and GICV where the
 * description puts the guest's GICC (8 KiB, as KVM maps KVM_VGIC_V2_CPU_SIZE
 * in vgic_v2_map_resources): nothing else is mapped.
 */
void hyp_setup_stage2(void)
{
	const struct board_desc *d = &hyp_vcpu.desc;
	const struct board_dev *gicc = gicc_dev(d);
	const char *why = "level-2 table not 4 KiB aligned";

	if (stage2_init(&s2, (uint32_t)s2.l2) ||
	    stage2_map_ram(&s2, d->ram_base, GUEST_PA, d->ram_size, &why) ||
	    stage2_map_device(&s2, gicc->base, HOST_GICV_BASE, BOARD_GICC_DT_SIZE, &why))
		hyp_fail(VMM_STATUS_FAILED, "stage 2: %s", why);
	if ((uint32_t)s2.l1 & ((1u << vttbr_align_bits(S2_IPA_BITS)) - 1))
		hyp_fail(VMM_STATUS_FAILED, "stage 2: level-1 table misaligned for VTTBR");
}

static void s1_map(uint32_t va, uint32_t size, enum hyp_mem type)
{
	const char *why;

	if (hyp_s1_map(&s1, va, size, type, &why))
		hyp_fail(VMM_STATUS_FAILED, "Hyp stage 1: %s", why);
}

/*
 * The Hyp MMU on, with an identity map: code and data stay where they are.
 * The order: attributes, control, base, stale TLB out, then HSCTLR.M.
 */
void hyp_mmu_on(void)
{
	hyp_s1_init(&s1, (uint32_t)s1.l2[0], (uint32_t)s1.l2[1]);
	s1_map(HOST_GICD_BASE, S2_BLOCK_SIZE, HYP_MEM_DEVICE); /* GICD and GICC */
	s1_map(HOST_UART_BASE, S2_BLOCK_SIZE, HYP_MEM_DEVICE);
	/* The most run.sh ever gives QEMU: nothing past its real RAM is touched. */
	s1_map(MACHINE_RAM_BASE, MACHINE_RAM_MAX, HYP_MEM_NORMAL);
	hyp_mmu_load();
}

/* The registers of hyp_mmu_on, per CPU: a secondary loads CPU 0's tables. */
void hyp_mmu_load(void)
{
	write_HMAIR0(HYP_HMAIR0);
	write_HMAIR1(0);
	write_HTCR(htcr_value());
	write_HTTBR((uint32_t)s1.l1);
	isb();
	tlbi_allh();
	dsb();
	isb();
	write_HSCTLR(HYP_HSCTLR);
	isb();
}

/* Traps first, so the guest never runs a single instruction without them. */
void hyp_activate_traps(void)
{
	vfp_trap_setup(); /* while HCPTR still lets Hyp mode reach FPEXC */
	write_HSTR(HYP_HSTR);
	write_HCPTR(HYP_HCPTR);
	write_HDCR((read_HDCR() & HDCR_HPMN_MASK) | HYP_HDCR_SET);
	write_CNTHCTL(HYP_CNTHCTL);
	write_CNTVOFF(read_CNTPCT());		   /* the guest's virtual count starts at 0 */
	write_VPIDR(read_MIDR());		   /* the guest sees the real CPU's ids */
	write_VMPIDR(board_cpu_mpidr(this_cpu())); /* vCPU n on CPU n: KVM's reset_mpidr */
	logbuf_cpu_init();			   /* the trap log's cpu byte in HTPIDR */
	isb();
}

void hyp_activate_vm(void)
{
	write_VTCR(vtcr_value(S2_IPA_BITS));
	write_VTTBR(vttbr_value((uint32_t)s2.l1, GUEST_VMID));
	isb();
	tlbi_allnsnh(); /* nothing stale from before VM was on */
	dsb();
	write_HCR(HYP_HCR);
	isb();
}
