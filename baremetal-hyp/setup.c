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

static struct stage2 s2;
static struct hyp_s1 s1;

_Static_assert(GUEST_PA >= HYP_PHYS_BASE + HYP_SIZE, "guest RAM overlaps the hypervisor");
_Static_assert(GUEST_PA + BOARD_RAM_SIZE <= MACHINE_RAM_BASE + MACHINE_RAM_SIZE,
	       "guest RAM beyond machine RAM");

const struct stage2 *hyp_stage2(void) { return &s2; }

void hyp_setup_stage2(void)
{
	const char *why = "level-2 table not 4 KiB aligned";

	if (stage2_init(&s2, (uint32_t)s2.l2) ||
	    stage2_map_ram(&s2, BOARD_RAM_BASE, GUEST_PA, BOARD_RAM_SIZE, &why)) {
		hyp_printf("hyp: stage 2: %s\n", why);
		semihost_exit(BOARD_STATUS_FAULT);
	}
	if ((uint32_t)s2.l1 & ((1u << vttbr_align_bits(S2_IPA_BITS)) - 1)) {
		hyp_printf("hyp: stage 2: level-1 table misaligned for VTTBR\n");
		semihost_exit(BOARD_STATUS_FAULT);
	}
}

static void s1_map(uint32_t va, uint32_t size, enum hyp_mem type)
{
	const char *why;

	if (hyp_s1_map(&s1, va, size, type, &why)) {
		hyp_printf("hyp: Hyp stage 1: %s\n", why);
		semihost_exit(BOARD_STATUS_FAULT);
	}
}

/*
 * The Hyp MMU on, with an identity map: code and data stay where they are.
 * The order: attributes, control, base, stale TLB out, then HSCTLR.M.
 */
void hyp_mmu_on(void)
{
	hyp_s1_init(&s1, (uint32_t)s1.l2[0], (uint32_t)s1.l2[1]);
	s1_map(HOST_GICD_BASE, S2_BLOCK_SIZE, HYP_MEM_DEVICE);	/* GICD and GICC */
	s1_map(HOST_UART_BASE, S2_BLOCK_SIZE, HYP_MEM_DEVICE);
	s1_map(MACHINE_RAM_BASE, MACHINE_RAM_SIZE, HYP_MEM_NORMAL);
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
	write_HSTR(HYP_HSTR);
	write_HCPTR(HYP_HCPTR);
	write_HDCR((read_HDCR() & HDCR_HPMN_MASK) | HYP_HDCR_SET);
	write_CNTHCTL(HYP_CNTHCTL);
	write_CNTVOFF(0);	/* guest virtual time = physical time */
	write_VPIDR(read_MIDR());	/* the guest sees the real CPU's ids */
	write_VMPIDR(read_MPIDR());
	isb();
}

void hyp_activate_vm(void)
{
	write_VTCR(vtcr_value(S2_IPA_BITS));
	write_VTTBR(vttbr_value((uint32_t)s2.l1, GUEST_VMID));
	isb();
	tlbi_allnsnh();		/* nothing stale from before VM was on */
	dsb();
	write_HCR(HYP_HCR);
	isb();
}
