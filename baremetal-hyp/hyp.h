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
#include "sysregs.h"
#include "traplog.h"

/* Built with HYP_TRAPLOG=0 (hyp-nolog.elf) the trap log keeps only a count. */
#ifndef HYP_TRAPLOG
#define HYP_TRAPLOG 1
#endif

/*
 * Physical layout (QEMU virt, 256 MiB of RAM at 0x40000000):
 *   0x40000000  the hypervisor (linker/hyp.ld), at most HYP_SIZE
 *   0x48000000  guest RAM, BOARD_RAM_SIZE, seen by the guest at IPA 0x40000000
 */
#define HYP_PHYS_BASE	0x40000000u
#define HYP_SIZE	0x00400000u	/* 4 MiB: checked by the linker script */
#define MACHINE_RAM_BASE 0x40000000u
#define MACHINE_RAM_SIZE 0x10000000u	/* -m 256M */
#define GUEST_PA	0x48000000u
#define GUEST_VMID	1u

/* QEMU virt's real devices the hypervisor itself drives. */
#define HOST_UART_BASE	0x09000000u
#define HOST_GICD_BASE	0x08000000u
#define HOST_GICC_BASE	0x08010000u

/*
 * The guest's registers as vectors.S saves them at a trap: it pushes
 * r0-r12 and LR, then ELR_hyp and SPSR_hyp, so the lowest address (the
 * struct's start) holds elr. LR is the User/System LR, which Hyp mode
 * shares; the guest's banked SP/LR stay in their registers.
 */
struct hyp_frame {
	uint32_t elr;		/* ELR_hyp: where the guest resumes */
	uint32_t spsr;		/* SPSR_hyp: the guest's CPSR */
	uint32_t r[13];		/* r0-r12 */
	uint32_t lr;		/* LR_usr */
};
#define HYP_FRAME_SIZE	64	/* vectors.S relies on it */

/* The one guest vCPU and its board. */
struct vcpu {
	struct board board;
	int status;		/* exit status once stopped */
	const char *guest;	/* name, for the trap log header */
	unsigned watchdog_ms;
};
extern struct vcpu hyp_vcpu;

/* Trap handlers' return rule: > 0 resume the guest, 0 stop it (status set). */
#define TRAP_RESUME	1
#define TRAP_STOPPED	0

/* traps.c */
void hyp_trap(struct hyp_frame *f);
void hyp_irq(struct hyp_frame *f);
int trap_stop(struct trap_record *r, enum trap_stop why, int status);
void frame_skip_thumb(struct hyp_frame *f, uint32_t hsr);
uint32_t guest_reg_banked(const struct hyp_frame *f, unsigned n);
void set_guest_reg_banked(struct hyp_frame *f, unsigned n, uint32_t v);

/*
 * Past the trapped instruction. In ARM state it is 4 bytes and there is no
 * IT block to advance: the common case, inline; Thumb goes the long way.
 */
static inline void frame_skip(struct hyp_frame *f, uint32_t hsr)
{
	if (f->spsr & PSR_T)
		frame_skip_thumb(f, hsr);
	else
		f->elr += 4;
}

/* r0-r15 as the guest's current mode sees them: r0-r12 are in the frame. */
static inline uint32_t guest_reg(const struct hyp_frame *f, unsigned n)
{
	return n < 13 ? f->r[n] : guest_reg_banked(f, n);
}

static inline void set_guest_reg(struct hyp_frame *f, unsigned n, uint32_t v)
{
	if (n < 13)
		f->r[n] = v;
	else
		set_guest_reg_banked(f, n, v);
}

/* Handlers by class (dabt.c, cp15.c, calls.c). */
int trap_dabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_iabt(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_cp15_32(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_cp15_64(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_hvc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_smc(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);
int trap_wfx(struct hyp_frame *f, uint32_t hsr, struct trap_record *r);

/* logbuf.c: the trap-log ring */
void logbuf_set_capacity(unsigned n);
void logbuf_add(const struct trap_record *r);
void logbuf_print(const char *guest, int status);

/* guestmem.c: guest RAM through Stage 2 */
void *guest_ram_ptr(uint32_t ipa, uint32_t size);
bool ipa_in_machine_ram(uint32_t ipa);

/* banked.S: the guest's banked SP/LR by mode */
uint32_t banked_sp_read(unsigned mode);
uint32_t banked_lr_read(unsigned mode);
void banked_sp_write(unsigned mode, uint32_t v);
void banked_lr_write(unsigned mode, uint32_t v);

/* main.c, setup.c, regdump.c, watchdog.c */
void hyp_finish(int status) __attribute__((noreturn));
void hyp_mmu_on(void);
void hyp_setup_stage2(void);
void hyp_activate_traps(void);
void hyp_activate_vm(void);
void hyp_regdump(uint32_t entry_pc, uint32_t entry_cpsr);
void watchdog_start(unsigned ms);
void watchdog_stop(void);
unsigned watchdog_irq(void);	/* acknowledges; returns the interrupt id */
#define GIC_SPURIOUS_ID	1023u

/* Called from boot.S and vectors.S */
void hyp_main(void) __attribute__((noreturn));
void hyp_wrong_mode(uint32_t cpsr) __attribute__((noreturn));
void hyp_panic(unsigned cause) __attribute__((noreturn));

/* vectors.S */
extern char hyp_vectors[];
void guest_enter(uint32_t pc, uint32_t cpsr) __attribute__((noreturn));

#endif
