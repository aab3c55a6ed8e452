/*
 * The bare PL2 hypervisor: its memory layout, the saved guest context and
 * the functions the trap path shares.
 */
#ifndef HYP_HYP_H
#define HYP_HYP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "board.h"
#include "emulate.h"
#include "sysregs.h"
#include "traplog.h"

/*
 * Physical layout (QEMU virt, RAM at 0x40000000; run.sh gives QEMU -m
 * MACHINE_RAM_MAX, reading these lines):
 *   0x40000000  the hypervisor (linker/hyp.ld), at most HYP_SIZE
 *   0x40400000  staging: the image file's bytes, then the initrd's at the
 *               next 4 KiB (QEMU -device loader), never mapped for the guest
 *   0x48000000  guest RAM (-m, up to BOARD_RAM_MAX), at IPA BOARD_RAM_BASE
 */
/* clang-format off */
#define HYP_PHYS_BASE	0x40000000u
#define HYP_SIZE	0x00400000u	/* 4 MiB: checked by the linker script */
#define MACHINE_RAM_BASE 0x40000000u
#define STAGING_PA	0x40400000u
#define GUEST_PA	0x48000000u
#define MACHINE_RAM_MAX	(GUEST_PA - MACHINE_RAM_BASE + BOARD_RAM_MAX)
#define GUEST_VMID	1u
/* clang-format on */

/* QEMU virt's real devices the hypervisor itself drives. */
#define HOST_UART_BASE	0x09000000u
#define HOST_UART_INTID 33u /* its SPI 1, as the board's (BOARD_UART_SPI) */
#define HOST_GICD_BASE	0x08000000u
#define HOST_GICC_BASE	0x08010000u
#define HOST_GICH_BASE	0x08030000u /* GICH: this CPU's virtual interface control */
#define HOST_GICV_BASE	0x08040000u /* GICV: the virtual CPU interface, the guest's GICC */

/* The last exception given to the guest, to see it stuck (fault.c). */
struct inject_history {
	unsigned count;	  /* injections so far */
	unsigned trap;	  /* the trap number of the last one */
	unsigned repeats; /* the same one, trap after trap */
	uint32_t pc, hsr, addr;
	/* the first of the run of injections, trap after trap, that led here */
	uint32_t chain_pc;
	uint16_t chain_reg; /* TRAP_INJECT(kind, why) */
};

/* The one guest vCPU and its board. */
struct vcpu {
	struct board board;
	struct board_desc desc; /* RAM size and CPUs from the command line */
	int status;		/* exit status once stopped */
	const char *guest;	/* name, for the trap log header */
	unsigned watchdog_ms;
	bool strict;	/* a guest fault stops the run instead of being injected */
	bool pmu;	/* count the guest's and our instructions (pmu.c) */
	bool vfp_guest; /* the FPU is the guest's (vfp.c) */
	struct inject_history injected;
};
extern struct vcpu hyp_vcpu;

/*
 * A handler or branch the common traps never take (a fault, a stop, a
 * class no benchmark row exercises): kept out of line, so that hyp_trap's
 * hot paths need no stack frame of their own.
 */
#define HYP_COLD __attribute__((cold, noinline))

/*
 * Trap handlers' return rule: > 0 resume the guest, 0 stop it (status set).
 * TRAP_INJECTED: resume at the vector of an exception given to the guest;
 * the trapped instruction must be neither completed nor skipped.
 */
#define TRAP_RESUME   1
#define TRAP_INJECTED 2
#define TRAP_STOPPED  0

/* traps.c */
/* The trap and IRQ entries of the two vector tables (vectors.S): without and with the lock. */
void hyp_trap(struct hyp_frame *f);
void hyp_trap_smp(struct hyp_frame *f);
void hyp_irq(struct hyp_frame *f);
void hyp_irq_smp(struct hyp_frame *f);
int trap_stop(struct trap_record *r, enum trap_stop why, int status);
/*
 * fault.c: a fault the board cannot satisfy. Injected into the guest
 * (kind, why, addr = the faulting address), or with --strict a stop for
 * strict_stop; returns the trap return rule.
 */
struct fault {
	enum trap_inject kind;
	enum trap_inject_why why;
	uint32_t addr;
	enum trap_stop strict_stop;
};
int guest_fault(struct hyp_frame *f, struct trap_record *r, const struct fault *flt);
bool guest_in_handlers(const struct vcpu *v);

/* vfp.c, vfp.S: the lazy VFP switch */
void vfp_trap_setup(void);
uint32_t fpexc_read(void);
void fpexc_write(uint32_t v);

/* Handlers by class (dabt.c, cp15.c, calls.c, vfp.c). */
int trap_vfp(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_dabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_iabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_cp15_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_cp15_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
/* cp14.c */
int trap_cp14_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_cp14_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_hvc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_smc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_wfx(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);

#include "logbuf.h" /* the trap-log ring */

/* pmu.c: the guest's and the hypervisor's instructions, counted (option "pmu") */
void pmu_start(void);  /* at the guest's entry */
void pmu_poll(void);   /* at each physical interrupt: a wrapped counter */
void pmu_report(void); /* once stopped: a "hyp: instructions" line */

/* guestmem.c: guest RAM through Stage 2 */
void *guest_ram_ptr(uint32_t ipa, uint32_t size);
bool ipa_in_machine_ram(uint32_t ipa);
void dcache_clean_range(const void *p, uint32_t size); /* to PoC: the guest starts uncached */

/* load.c: the guest's image, initrd and DTB into its RAM (boot.h's plan) */
struct boot_args {
	uint32_t image_size, initrd_size; /* bytes in the staging area */
	const char *bootargs;		  /* -p, or NULL */
	const char *dump_dtb;		  /* a host file for the DTB, or NULL */
};
struct boot_plan;
void hyp_load_guest(const struct boot_args *a, struct boot_plan *plan);

/* main.c, setup.c, regdump.c, watchdog.c */
void hyp_finish(int status) __attribute__((noreturn));
void hyp_mmu_on(void);
void hyp_mmu_load(void); /* a secondary: the tables hyp_mmu_on built */
void hyp_setup_stage2(void);
void hyp_activate_traps(void);
void hyp_activate_vm(void);
void hyp_regdump(const struct boot_plan *p);
void hyp_fail(int status, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
void watchdog_start(unsigned ms);
void watchdog_stop(void);

/* gic_phys.c: the physical GIC (EOImode 1) */
void gic_phys_init(void);     /* the distributor, and CPU 0's interface */
void gic_phys_cpu_init(void); /* a secondary's own interface */
void gic_phys_enable_ppi(unsigned id, uint8_t prio);
void gic_phys_send_sgi(unsigned id, unsigned cpu_mask);
void gic_phys_enable_spi(unsigned id, uint8_t prio); /* to CPU 0, level as QEMU wires it */
uint32_t gic_phys_ack(void);			     /* GICC_IAR */
void gic_phys_eoi(uint32_t iar);		     /* GICC_EOIR: priority drop */
void gic_phys_deactivate(uint32_t iar);		     /* GICC_DIR */
uint32_t gic_phys_ctlr(void);
void gic_phys_resample(void); /* QEMU: re-signal a pending interrupt after a HW deactivation */

/* gich.c: the guest's GIC (the board's vgic model) against the hardware's GICH */
struct vgic_dist;
extern struct vgic_dist hyp_vgic;
void vgic_hyp_init(void);     /* the model for every vCPU, then vgic_hyp_cpu_init */
void vgic_hyp_cpu_init(void); /* this CPU's GICH and maintenance PPI */
void vgic_kick_others(void);  /* after a distributor write: smp.h's HYP_KICK_SGI */
uint32_t gich_read(unsigned off);
void vgic_fold(uint32_t pc);  /* the LRs the guest left, into the model */
void vgic_flush(uint32_t pc); /* the model's LRs into the hardware */
void vgic_park(uint32_t pc);  /* CPU_OFF: fold, then the LRs and GICH_HCR cleared */
/* A HW-linked timer's tick straight into LR 0, or false: fold, inject, flush then */
bool vgic_direct_tick(uint32_t pc, unsigned intid);
enum board_reg vgic_board_mmio(struct board_access *a, uint32_t pc);
/* An interrupt event, inline at each place (logbuf.h); log off: the count alone */
static inline void irq_log(uint32_t pc, enum trap_outcome what, unsigned intid, uint32_t v0,
			   uint32_t v1)
{
	logbuf_event(pc, what, intid, v0, v1);
}

/* vtimer.c: the guest's virtual timer, HW-linked to its PPI 27 */
void vtimer_init(void);	    /* every vCPU's link, then vtimer_cpu_init */
void vtimer_cpu_init(void); /* this CPU's PPI 27 */
void vtimer_reset(void);    /* CPU_ON: this vCPU's timer off, its interrupt quiet */
bool vtimer_line_level(void *ctx, unsigned cpu, unsigned hwintid);
void vtimer_deactivate(void *ctx, unsigned cpu, unsigned hwintid);
void vtimer_irq(uint32_t iar, uint32_t pc);

/* bgtimer.c: CNTP, the hypervisor's, while a HW-linked LR is outstanding (QEMU's GIC) */
#define BGTIMER_INTID BOARD_PPI(BOARD_TIMER_PHYS_PPI) /* 30 */
void bgtimer_cpu_init(void);
void bgtimer_watch(bool hw_lr, bool new_hw_lr); /* after a flush: HW-linked LRs in GICH, new ones */
void bgtimer_restart(void);			/* the same HW LR again: its 10 ms from now */
void bgtimer_irq(uint32_t iar, uint32_t pc);

/* uart_in.c: the host UART's input to the guest's UART, its line to the guest's SPI */
void uart_in_init(void);
void uart_in_irq(uint32_t iar, uint32_t pc);
/* After a general-path access to reg: refill once there is room, the guest's line. */
void uart_in_access(enum board_reg reg, uint32_t pc);

/* irq.c: physical interrupts at PL2 */
bool irq_handle(uint32_t pc); /* one, if pending; false if none */

bool watchdog_expired(void); /* polled by a parked CPU 0 (smp.c) */
/* The watchdog fired with the guest at pc: the run ends, status 124 (the lock held). */
void hyp_timeout(uint32_t pc) __attribute__((noreturn));

/* Called from boot.S and vectors.S */
void hyp_main(void) __attribute__((noreturn));
void hyp_wrong_mode(uint32_t cpsr) __attribute__((noreturn));
void hyp_panic(unsigned cause) __attribute__((noreturn));

/*
 * vectors.S: the two HVBAR tables, the guest's entry with r0-r2 = r012[0..2]
 * (every other register 0).
 */
extern char hyp_vectors[];     /* one vCPU: no lock on the trap path */
extern char hyp_vectors_smp[]; /* several: each trap under hyp_lock */
void guest_enter(uint32_t pc, uint32_t cpsr, const uint32_t r012[3]) __attribute__((noreturn));

#endif
