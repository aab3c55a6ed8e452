/*
 * Secondary CPUs and the lock (smp.h). A secondary is started once, through
 * QEMU's own PSCI (SMC from Hyp mode, virtualization=on), at boot.S's
 * secondary_start in Hyp mode with its MMU off; from then on it belongs to
 * the hypervisor, parked in Hyp mode between a guest's CPU_OFF and CPU_ON.
 */
#include "console.h"
#include "hyp.h"
#include "hyp_regs.h"
#include "smp.h"

#define QEMU_PSCI_CPU_ON 0x84000003u /* the firmware's PSCI, the hypervisor's to call */

/* A vCPU's mailbox: where its next CPU_ON puts the guest's entry. */
struct vcpu_start {
	volatile uint32_t entry, cpsr, r0;
	volatile bool go;      /* a start is posted */
	volatile bool started; /* the physical CPU runs the hypervisor already */
};

unsigned hyp_ncpus = 1;
static struct vcpu_start starts[BOARD_MAX_CPUS];
static volatile uint32_t lock_next, lock_owner; /* a ticket lock */

static inline void sev(void) { __asm__ volatile("dsb\n\tsev" ::: "memory"); }
static inline void wfe(void) { __asm__ volatile("wfe" ::: "memory"); }

/*
 * A ticket lock (Linux's arch_spin_lock on ARMv7 is one): the ticket is
 * taken with LDREX/STREX (the builtin; the Hyp MMU maps RAM write-back), and
 * CPUs get the lock in the order they asked. A test-and-set lock let a CPU
 * polling the guest's AFFINITY_INFO take it again and again before another
 * CPU's CPU_OFF got its turn: thousands of polls more under load.
 */
void hyp_lock(void)
{
	uint32_t me;

	if (hyp_ncpus < 2)
		return;
	me = __atomic_fetch_add(&lock_next, 1, __ATOMIC_RELAXED);
	while (lock_owner != me)
		wfe();
	__asm__ volatile("dmb" ::: "memory");
}

void hyp_unlock(void)
{
	if (hyp_ncpus < 2)
		return;
	__asm__ volatile("dmb" ::: "memory");
	lock_owner = lock_owner + 1;
	sev();
}

/* The firmware's CPU_ON: the physical CPU starts at secondary_start in Hyp mode. */
static int32_t firmware_cpu_on(unsigned cpu)
{
	extern char secondary_start[];
	register uint32_t r0 __asm__("r0") = QEMU_PSCI_CPU_ON;
	register uint32_t r1 __asm__("r1") = board_cpu_mpidr(cpu) & BOARD_MPIDR_AFF_MASK;
	register uint32_t r2 __asm__("r2") = (uint32_t)secondary_start;
	register uint32_t r3 __asm__("r3") = 0;

	__asm__ volatile("smc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
	return (int32_t)r0;
}

/* CPSR 0x1D3 (SVC, A I F masked), T for a Thumb entry: kvm_reset_vcpu's. */
void smp_vcpu_on(unsigned target, uint32_t entry, bool thumb, uint32_t context_id)
{
	struct vcpu_start *s = &starts[target];
	int32_t rc;

	s->entry = entry;
	s->cpsr = BOARD_ENTRY_CPSR | (thumb ? PSR_T : 0);
	s->r0 = context_id;
	__asm__ volatile("dmb" ::: "memory");
	s->go = true;
	if (s->started) {
		sev(); /* it waits in smp_vcpu_off */
		return;
	}
	s->started = true;
	rc = firmware_cpu_on(target);
	if (rc)
		hyp_printf("hyp: CPU %u did not start (firmware CPU_ON: %ld)\n", target, (long)rc);
}

/*
 * Takes the posted start (unlocked: the poster holds the lock), then marks
 * the vCPU entered. CPU 0 parked polls its watchdog: its interrupt is only
 * taken from the guest (Hyp runs with CPSR.I set).
 */
static void wait_for_start(unsigned cpu)
{
	struct vcpu_start *s = &starts[cpu];

	while (!s->go) {
		if (cpu == 0 && watchdog_expired()) {
			hyp_lock(); /* hyp_timeout's rule */
			hyp_timeout(0);
		}
		wfe();
	}
	s->go = false;
	__asm__ volatile("dmb" ::: "memory");
	hyp_lock();
	psci_cpu_entered(&hyp_vcpu.board.psci, cpu);
	vtimer_reset();
	vgic_flush(s->entry); /* what was queued for it while it was off */
	hyp_unlock();
}

static void __attribute__((noreturn)) enter_posted(unsigned cpu)
{
	struct vcpu_start *s = &starts[cpu];
	uint32_t r012[3] = { s->r0, 0, 0 };

	guest_enter(s->entry, s->cpsr, r012);
}

void smp_vcpu_off(uint32_t pc)
{
	unsigned cpu = this_cpu();

	vgic_park(pc);
	hyp_unlock();
	wait_for_start(cpu);
	enter_posted(cpu);
}

/* The per-CPU registers as CPU 0 set them (hyp_main), for this vCPU. */
void hyp_secondary_main(void)
{
	unsigned cpu = this_cpu();

	write_HSCTLR(HYP_HSCTLR_BOOT);
	isb();
	hyp_mmu_load();
	hyp_activate_traps();
	hyp_activate_vm();
	gic_phys_cpu_init();
	vgic_hyp_cpu_init();
	vtimer_cpu_init();
	wait_for_start(cpu);
	enter_posted(cpu);
}
