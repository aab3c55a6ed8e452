/*
 * The guest board's devices (docs/guest-abi.md): UART, STATUS, the GIC
 * (the distributor model of vgic.h when a VMM gives one, else RAZ/WI
 * pages) and PSCI. Plain C with no hardware access: the bare hypervisor
 * calls it from its trap handler, the KVM runner from its exit loop, the
 * host unit tests directly.
 */
#ifndef BOARD_BOARD_H
#define BOARD_BOARD_H

#include <stdbool.h>
#include <stdint.h>
#include "board_desc.h"
#include "exitline.h"
#include "memmap.h"
#include "psci.h"
#include "uart_rx.h"

struct vgic_dist;

/* Every register the board decodes; names from board_reg_name(). */
enum board_reg {
	BREG_NONE = 0, /* no device at that address */
	BREG_UART_DR,
	BREG_UART_RSR,
	BREG_UART_FR,
	BREG_UART_ILPR,
	BREG_UART_IBRD,
	BREG_UART_FBRD,
	BREG_UART_LCR_H,
	BREG_UART_CR,
	BREG_UART_IFLS,
	BREG_UART_IMSC,
	BREG_UART_RIS,
	BREG_UART_MIS,
	BREG_UART_ICR,
	BREG_UART_DMACR,
	BREG_UART_ID,
	BREG_UART_RESERVED,
	BREG_STATUS,
	BREG_GICD,
	BREG_GICC,
	BREG_COUNT
};

/* One guest access, as a data abort (or a KVM MMIO exit) describes it. */
struct board_access {
	uint32_t ipa;
	uint8_t size; /* 1, 2 or 4 bytes */
	bool write;
	uint32_t value; /* in: the stored value; out: the loaded value */
	uint8_t cpu;	/* the vCPU that made it: the GIC's banked registers */
};

#define BOARD_UART_KEPT 6 /* UART registers that keep their value */

struct board {
	const struct board_desc *desc;	    /* the devices board_mmio dispatches to */
	uint32_t uart_base, uart_size;	    /* desc's UART page, tried first (size 0: none) */
	void (*console)(void *ctx, char c); /* where UART DR bytes go */
	void *ctx;
	uint32_t status;		     /* last STATUS write; 0 until then */
	bool status_written;		     /* STATUS was written at least once */
	struct exit_line exit_line;	     /* the console's "EXIT: STATUS=n" lines */
	uint32_t uart_kept[BOARD_UART_KEPT]; /* IBRD FBRD LCR_H CR IFLS IMSC (uart.c) */
	uint32_t uart_ris;		     /* raw interrupt status (uart.c, uart_rx.c) */
	uint32_t uart_rsr;		     /* RSR: OE after an overrun, until an ECR write */
	struct uart_rx uart_rx;		     /* the receive FIFO (uart_rx.c) */
	bool stopped;			     /* SYSTEM_OFF/RESET, or the last CPU_OFF */
	struct psci_cpus psci;		     /* each vCPU's power state (psci.h) */
	struct vgic_dist *vgic;		     /* the distributor model (vgic.h); NULL: RAZ/WI */
};

/*
 * Starts with the kit's board (board_desc_kit()); a VMM that builds its own
 * description (-m, -c) gives it with board_set_desc afterwards, checked and
 * alive as long as b.
 */
void board_init(struct board *b, void (*console)(void *, char), void *ctx);
void board_set_desc(struct board *b, const struct board_desc *d);

/*
 * Performs one access. Returns the register it hit (BREG_NONE: no device
 * there, nothing was done; the caller stops the guest). A size other than
 * 1, 2 or 4, a misaligned address and a STATUS access narrower than 32 bits
 * are BREG_NONE too. Writes: only the access's size bytes of a->value
 * count. Reads: a->value is zero-extended to the access size.
 */
enum board_reg board_mmio(struct board *b, struct board_access *a);

/*
 * The status of a guest that powers off (SYSTEM_OFF, CPU_OFF): STATUS if
 * written, else its last "EXIT: STATUS=n" line, else 0 (exitline.h).
 */
uint32_t board_exit_status(const struct board *b, enum exit_source *src);

/*
 * The UART's interrupt output (its SPI's level): RIS & IMSC, as QEMU's PL011
 * computes it. A VMM with a GIC forwards a change after each UART access
 * and each uart_rx_feed().
 */
bool board_uart_irq(const struct board *b);

/* "uart.DR", "status.STATUS", "gic.dist" ...; "none" for BREG_NONE. */
const char *board_reg_name(enum board_reg r);

/* PSCI and SMCCC through HVC: the function ids are in psci_ids.h. */
/* clang-format off */
#define PSCI_RET_SUCCESS	0u
#define PSCI_RET_NOT_SUPPORTED	0xFFFFFFFFu	/* -1 */
#define PSCI_BOARD_VERSION	0x00010001u	/* 1.1: as 6.1, psci_version() */
#define SMCCC_BOARD_VERSION	0x00010001u	/* 1.1 */
/* clang-format on */

/* True for PSCI's own ids (0x84000000.. and the SMC64 0xC4000000..). */
static inline bool psci_fn_is_psci(uint32_t fn) { return (fn & 0xbfffffe0u) == PSCI_0_2_FN_BASE; }

/* One call: r0..r3 of the calling vCPU (cpu: its index, 0..ncpus-1). */
struct psci_call {
	unsigned cpu;
	uint32_t fn, a1, a2, a3;
};

struct psci_result {
	uint32_t ret; /* r0 on return, when !stop and act != PSCI_ACT_CPU_OFF */
	bool stop;    /* the run ends: exit with status */
	int status;
	enum exit_source from; /* SYSTEM_OFF: where status came from */
	bool known;	       /* fn is a PSCI function the board knows */
	const char *name;      /* "PSCI_VERSION" ...; "UNKNOWN" */
	enum psci_act act;     /* what the VMM does besides writing r0 (psci.h) */
	unsigned target;       /* PSCI_ACT_CPU_ON: the vCPU to start, */
	uint32_t entry;	       /* at entry (bit 0 cleared), */
	bool thumb;	       /* in Thumb state if the entry's bit 0 was set, */
	uint32_t context_id;   /* with r0 = context_id, MMU off, CPSR 0x1D3 */
};

/*
 * The calls whose answer is a constant on the board as it answers by
 * default (6.1, psci.as), for a trap path to try first: true with *ret set
 * (the call neither stops nor reads an argument), else false.
 * board_psci_answer gives the same answers.
 */
static inline bool board_psci_const(uint32_t fn, uint32_t *ret)
{
	if (fn == PSCI_VERSION_FN) /* compares, not a switch: PSCI_VERSION first */
		*ret = PSCI_BOARD_VERSION;
	else if (fn == SMCCC_ARCH_WORKAROUND_1_FN)
		*ret = PSCI_RET_SUCCESS; /* nothing to flush */
	else if (fn == SMCCC_VERSION_FN)
		*ret = SMCCC_BOARD_VERSION;
	else
		return false;
	return true;
}

/*
 * Handles one HVC with a PSCI or SMCCC id, as KVM does (psci.c names the
 * kernel function of each answer), on the board's vCPUs (b->psci).
 */
void board_psci(struct board *b, const struct psci_call *c, struct psci_result *out);

/* The same answer with out->name left NULL: a trap path names nothing. */
void board_psci_answer(struct board *b, const struct psci_call *c, struct psci_result *out);

/* The state machine's steps (psci_cpus.c), for board_psci_answer. */
void psci_cpu_on(struct psci_cpus *p, unsigned ncpus, const struct psci_call *c,
		 struct psci_result *out);
void psci_affinity_info(const struct psci_cpus *p, unsigned ncpus, const struct psci_call *c,
			struct psci_result *out);
/* The caller is off; true when no vCPU is left on (the run ends). */
bool psci_cpu_off(struct psci_cpus *p, unsigned ncpus, unsigned cpu);
void psci_all_off(struct psci_cpus *p);

/* The name of a PSCI function id as KVM and the board know it, or NULL. */
const char *psci_fn_name(uint32_t fn);

#endif
