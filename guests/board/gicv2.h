/*
 * GICv2 register offsets and bits (ARM IHI 0048B): the distributor (GICD),
 * the CPU interface (GICC, and GICV, its virtual twin), the virtual interface
 * control (GICH). #defines only: for C and assembly alike.
 */
#ifndef BOARD_GICV2_H
#define BOARD_GICV2_H

/* Distributor, 4.3 */
/* clang-format off */
#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_IIDR		0x008
#define GICD_IGROUPR		0x080
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_ISPENDR		0x200
#define GICD_ICPENDR		0x280
#define GICD_ISACTIVER		0x300
#define GICD_ICACTIVER		0x380
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00
#define GICD_SGIR		0xf00
#define GICD_CPENDSGIR		0xf10
#define GICD_SPENDSGIR		0xf20
#define GICD_PIDR4		0xfd0		/* PIDR4..7, PIDR0..3, CIDR0..3 */
#define GICD_PIDR2		0xfe8
#define GICD_CIDR0		0xff0
#define GICD_CTLR_ENABLE	(1u << 0)
#define GICD_TYPER_ITLINES_MASK	0x1fu		/* (ITLinesNumber + 1) * 32 INTIDs */
#define GICD_TYPER_CPUS_SHIFT	5		/* CPUNumber: CPUs - 1 */
#define GICD_SGIR_INTID_MASK	0xfu
#define GICD_SGIR_TARGETS_SHIFT	16		/* CPUTargetList */
#define GICD_SGIR_FILTER_SHIFT	24		/* TargetListFilter */
#define GICD_SGIR_FILTER_LIST	0		/* the CPUs in CPUTargetList */
#define GICD_SGIR_FILTER_OTHERS	1		/* all but the sender */
#define GICD_SGIR_FILTER_SELF	2		/* the sender only */
#define GICD_ICFGR_EDGE		2u		/* of a field's two bits */
/* clang-format on */

/* CPU interface (and GICV), 4.4 */
/* clang-format off */
#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004
#define GICC_BPR		0x0008
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010
#define GICC_RPR		0x0014
#define GICC_HPPIR		0x0018
#define GICC_APR0		0x00d0
#define GICC_IIDR		0x00fc
#define GICC_DIR		0x1000		/* in the second 4 KiB page */
#define GICC_CTLR_ENABLE	(1u << 0)	/* EnableGrp0; no security: the one enable */
#define GICC_CTLR_EOIMODE	(1u << 9)	/* EOIR drops priority only; DIR deactivates */
#define GICC_IAR_ID_MASK	0x3ffu
#define GICC_IAR_CPU_SHIFT	10		/* SGIs: the sending CPU */
#define GIC_INTID_SPURIOUS	1023u
/* clang-format on */

/* Virtual interface control (GICH), 5.3 */
/* clang-format off */
#define GICH_HCR		0x000
#define GICH_VTR		0x004
#define GICH_VMCR		0x008
#define GICH_MISR		0x010
#define GICH_EISR0		0x020
#define GICH_EISR1		0x024
#define GICH_ELRSR0		0x030
#define GICH_ELRSR1		0x034
#define GICH_APR		0x0f0
#define GICH_LR0		0x100
#define GICH_HCR_EN		(1u << 0)	/* the virtual CPU interface on */
#define GICH_HCR_UIE		(1u << 1)	/* maintenance when at most one LR is valid */
#define GICH_HCR_LRENPIE	(1u << 2)	/* maintenance on an EOI with no LR (EOICount) */
#define GICH_HCR_NPIE		(1u << 3)	/* maintenance when no LR is pending */
#define GICH_VTR_LISTREGS_MASK	0x3fu		/* number of LRs - 1 */
#define GICH_VMCR_PMR_SHIFT	27		/* VMPriMask: GICV_PMR[7:3] */
#define GICH_MISR_EOI		(1u << 0)	/* an LR with EOI set was EOIed: EISR */
#define GICH_MISR_U		(1u << 1)	/* underflow (UIE) */
#define GICH_MISR_LRENP		(1u << 2)
#define GICH_MISR_NP		(1u << 3)	/* no pending (NPIE) */
#define GICH_LR_PHYSID_SHIFT	10		/* HW: physical INTID; else SGI source in 12:10 */
#define GICH_LR_CPUID_MASK	(7u << GICH_LR_PHYSID_SHIFT)
#define GICH_LR_PRIO_SHIFT	23		/* the priority's top five bits */
#define GICH_LR_STATE_MASK	(3u << 28)
#define GICH_LR_MAX		64		/* GICH_VTR allows 1..64 */
#define GICH_LR_VIRTID(lr)	((lr) & 0x3ffu)
#define GICH_LR_PHYSID(lr)	(((lr) >> 10) & 0x3ffu)	/* HW = 1 */
#define GICH_LR_EOI		(1u << 19)		/* HW = 0: maintenance on EOI */
#define GICH_LR_PRIO(lr)	((((lr) >> 23) & 0x1fu) << 3)
#define GICH_LR_STATE(lr)	(((lr) >> 28) & 3u)	/* 1 pending, 2 active, 3 both */
#define GICH_LR_PENDING		(1u << 28)
#define GICH_LR_ACTIVE		(2u << 28)
#define GICH_LR_GRP1		(1u << 30)
#define GICH_LR_HW		(1u << 31)
/* clang-format on */

/* INTIDs */
/* clang-format off */
#define GIC_NR_SGIS		16
#define GIC_NR_PRIVATE		32		/* SGIs and PPIs, banked per CPU */
#define GIC_INTID_MAINT		25		/* PPI 9: the GICH maintenance interrupt */
/* clang-format on */

#endif
