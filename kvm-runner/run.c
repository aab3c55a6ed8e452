/*
 * The KVM_RUN loop. Every KVM_RUN returns for one of: an exit userspace
 * must handle (MMIO, SYSTEM_EVENT, ARM_NISV), a signal or timer-level
 * change (EINTR / KVM_EXIT_INTR), or a failure. Return rule of the
 * handlers: 0 = run again (rs->done ends the loop), else an exit status.
 */
#include <errno.h>
#include <string.h>
#include "arch.h"
#include "board_hot.h"
#include "coalesce.h"
#include "err.h"
#include "hsr.h"
#include "input.h"
#include "ioctl_trace.h"
#include "run.h"
#include "tick.h"
#include "vcpu.h"

uint32_t run_pc(struct run_state *rs)
{
	uint64_t pc = 0;

	vcpu_get_reg(rs->vm, arch_reg_pc(), &pc);
	return (uint32_t)pc;
}

void run_record_pc(struct run_state *rs, struct trap_record *r, uint32_t back)
{
	if (!rs->log)
		return;
	if (rs->pc_from_trace)
		r->flags |= TR_PC_UNKNOWN;
	else
		r->pc = run_pc(rs) - back;
}

int run_no_device(struct run_state *rs, uint32_t pc, uint32_t ipa, bool write)
{
	if (!rs->strict)
		return run_inject_dabt(rs, ipa, write);
	run_stop(rs, TRAP_STOP_NODEVICE, BOARD_STATUS_FAULT, pc, ipa);
	return 0;
}

void run_record(struct run_state *rs, const struct trap_record *r)
{
	struct trap_record c = *r;

	if (!rs->log)
		return;
	c.cpu = (uint8_t)rs->cpu;
	traps_add(rs->traps, &c);
}

void run_stop(struct run_state *rs, enum trap_stop why, int status, uint32_t pc, uint32_t ipa)
{
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_UNKNOWN << HSR_EC_SHIFT,
		.pc = pc,
		.ipa = ipa,
		.outcome = TRAP_OUT_STOP,
		.reg = why,
		.v0 = (uint32_t)status,
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
	};

	if (why == TRAP_STOP_NODEVICE || why == TRAP_STOP_DECODE)
		r.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT;
	run_record(rs, &r);
	rs->done = true;
	rs->status = status;
}

/* A DR read, a CR or LCR_H write: the receive FIFO may take more now (input.c). */
static bool room_made(enum board_reg reg, bool write)
{
	return write ? reg == BREG_UART_CR || reg == BREG_UART_LCR_H : reg == BREG_UART_DR;
}

static uint32_t mmio_value(const uint8_t *data, unsigned len)
{
	uint32_t v = 0;

	for (unsigned i = len; i-- > 0;)
		v = v << 8 | data[i];
	return v;
}

static int handle_mmio(struct run_state *rs)
{
	struct kvm_run *run = rs->vm->run;
	struct board_access a = {
		.ipa = (uint32_t)run->mmio.phys_addr,
		.size = (uint8_t)run->mmio.len,
		.write = run->mmio.is_write,
	};
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.ipa = a.ipa,
		.size = a.size,
		.outcome = TRAP_OUT_MMIO,
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
		.flags = a.write ? TR_WRITE : 0,
	};
	enum board_reg reg;

	if (a.size > 4)
		return fail(EXIT_KVMFAIL, "MMIO of %u bytes at 0x%08x: the board has none", a.size,
			    a.ipa);
	if (a.write)
		a.value = mmio_value(run->mmio.data, a.size);
	reg = board_mmio_hot(rs->vm->board, a.ipa, a.size, a.write, &a.value);
	if (reg == BOARD_NOT_HOT)
		reg = board_mmio(rs->vm->board, &a);
	if (reg == BREG_NONE) /* rare: its pc from KVM at once */
		return run_no_device(rs, rs->log ? run_pc(rs) : 0, a.ipa, a.write);
	run_record_pc(rs, &r, 0);
	if (!a.write) /* KVM copies it into the register at the next KVM_RUN */
		for (unsigned i = 0; i < a.size; i++)
			run->mmio.data[i] = (uint8_t)(a.value >> (8 * i));
	r.reg = reg;
	r.v0 = a.value;
	run_record(rs, &r);
	if (rs->input && room_made(reg, a.write) && input_poll(rs))
		return EXIT_KVMFAIL;	 /* what waits in stdin */
	return vm_sync_uart_irq(rs->vm); /* the SPI may have changed: a DR read lowers RX */
}

/* A UART write KVM completed from the coalesced zone: pc and syndrome unseen. */
static void coalesced_write(void *ctx, uint32_t addr, uint32_t len, const uint8_t *data)
{
	struct run_state *rs = ctx;
	struct board_access a = {
		.ipa = addr,
		.size = (uint8_t)(len < 4 ? len : 4),
		.write = true,
		.value = mmio_value(data, len < 4 ? len : 4),
	};
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_DABT << HSR_EC_SHIFT,
		.ipa = addr,
		.size = a.size,
		.outcome = TRAP_OUT_MMIO,
		.by = TRAP_BY_KVM,
		.srt = 0xff,
		.srt2 = 0xff,
		.flags = TR_WRITE | TR_PC_UNKNOWN,
		.v0 = a.value,
	};

	r.reg = board_mmio(rs->vm->board, &a);
	rs->coalesced++;
	run_record(rs, &r);
}

/* Hands the queued console writes to the board: before any exit is handled. */
static int drain_ring(struct run_state *rs)
{
	if (rs->vm->ring && coalesce_drain(rs->vm->ring, rs->vm->ring_max, coalesced_write, rs) < 0)
		return fail(EXIT_KVMFAIL, "coalesced MMIO ring: an index out of range");
	return rs->vm->ring ? vm_sync_uart_irq(rs->vm) : 0;
}

/* The board's rule (exitline.h): STATUS written, else the EXIT line, else 0. */
static int powered_off_status(struct run_state *rs)
{
	enum exit_source src;
	int status = (int)board_exit_status(rs->vm->board, &src);

	if (src == EXIT_FROM_LINE)
		note("status %d from the guest's 'EXIT: STATUS=%d' line (no STATUS write)", status,
		     status);
	else if (src == EXIT_FROM_NONE)
		note("the guest powered off without a status: 0");
	return status;
}

static int handle_system_event(struct run_state *rs)
{
	struct kvm_run *run = rs->vm->run;
	uint32_t type = run->system_event.type;
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_HVC << HSR_EC_SHIFT,
		.outcome = TRAP_OUT_PSCI,
		.flags = TR_HSR | TR_STOP,
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
	};

	rs->done = true;
	if (type == KVM_SYSTEM_EVENT_SHUTDOWN) {
		rs->status = powered_off_status(rs);
		r.v0 = PSCI_SYSTEM_OFF_FN;
	} else if (type == KVM_SYSTEM_EVENT_RESET) {
		rs->status = BOARD_STATUS_RESET;
		r.v0 = PSCI_SYSTEM_RESET_FN;
	} else {
		return fail(EXIT_KVMFAIL, "system event %u (flags 0x%llx) from the guest", type,
			    (unsigned long long)run->system_event.flags);
	}
	r.v1 = (uint32_t)rs->status;
	run_record_pc(rs, &r, 4); /* the HVC's return address is the next insn */
	run_record(rs, &r);
	return 0;
}

/*
 * With no in-kernel irqchip KVM reports the virtual timer's output level in
 * kvm_run after every KVM_RUN (and returns EINTR / KVM_EXIT_INTR when it
 * changes). Forward it to the vCPU's IRQ line, so a WFI waiting for the
 * timer completes; the guest keeps CPSR.I set, so it is never taken. A
 * level that drops (the guest disabled its timer) is forwarded too.
 */
static int sync_timer_irq(struct run_state *rs)
{
	uint64_t level = rs->vm->run->s.regs.device_irq_level & KVM_ARM_DEV_EL1_VTIMER;
	struct kvm_irq_level irq = {
		.irq = KVM_ARM_IRQ_TYPE_CPU << KVM_ARM_IRQ_TYPE_SHIFT |
			rs->cpu << KVM_ARM_IRQ_VCPU_SHIFT | KVM_ARM_IRQ_CPU_IRQ,
	};

	if (!rs->vm->user_irq || level == rs->irq_level)
		return 0;
	irq.level = level ? 1 : 0;
	if (kvm_ioctl(rs->vm->vm_fd, KVM_IRQ_LINE, &irq) < 0)
		return fail(EXIT_KVMFAIL, "KVM_IRQ_LINE: %s", strerror(errno));
	rs->irq_level = level;
	return 0;
}

static int handle_exit(struct run_state *rs)
{
	struct kvm_run *run = rs->vm->run;

	switch (run->exit_reason) {
	case KVM_EXIT_MMIO: return handle_mmio(rs);
	case KVM_EXIT_SYSTEM_EVENT: return handle_system_event(rs);
	case KVM_EXIT_INTR: return 0; /* the level was forwarded already */
	case KVM_EXIT_ARM_NISV: return run_nisv(rs);
	case KVM_EXIT_FAIL_ENTRY:
		return fail(EXIT_KVMFAIL, "KVM_EXIT_FAIL_ENTRY: hardware reason 0x%llx",
			    (unsigned long long)run->fail_entry.hardware_entry_failure_reason);
	case KVM_EXIT_INTERNAL_ERROR:
		return fail(EXIT_KVMFAIL, "KVM_EXIT_INTERNAL_ERROR: suberror %u",
			    run->internal.suberror);
	}
	return fail(EXIT_KVMFAIL, "unexpected KVM exit %u (%s)", run->exit_reason,
		    kvm_exit_name(run->exit_reason) ?: "unknown");
}

/*
 * PSCI CPU_OFF is handled in the kernel: the vCPU powers off and KVM_RUN
 * just sleeps until a signal. At each tick, ask whether vCPU 0 is stopped
 * and (vcpu_all_off) every other one too; if so nothing can start one
 * again and the run ends with the current status (docs/guest-abi.md).
 */
static int check_cpu_off(struct run_state *rs)
{
	struct kvm_mp_state mp = { 0 };
	struct trap_record r = {
		.hsr = (uint32_t)HSR_EC_HVC << HSR_EC_SHIFT,
		.outcome = TRAP_OUT_PSCI,
		.flags = TR_STOP,
		.by = TRAP_BY_VMM,
		.srt = 0xff,
		.srt2 = 0xff,
		.v0 = PSCI_CPU_OFF_FN,
	};

	if (kvm_ioctl(rs->vm->vcpu_fd, KVM_GET_MP_STATE, &mp) < 0 ||
	    mp.mp_state != KVM_MP_STATE_STOPPED || (rs->vm->ncpus > 1 && !vcpu_all_off(rs)))
		return 0;
	rs->done = true;
	rs->status = powered_off_status(rs);
	r.v1 = (uint32_t)rs->status;
	run_record_pc(rs, &r, 4); /* KVM left the pc after the HVC */
	run_record(rs, &r);
	return 0;
}

/* What one KVM_RUN's return asks for; under the exit lock (vcpu.h). */
static int after_run(struct run_state *rs, int ret, int err)
{
	int rc;

	if (drain_ring(rs))
		return EXIT_KVMFAIL;
	if ((ret == 0 || err == EINTR) && sync_timer_irq(rs))
		return EXIT_KVMFAIL;
	if (ret == 0)
		return handle_exit(rs);
	if (err == EINTR) {	    /* our tick, or the timer level changed */
		if (rs->cpu != 0) { /* a secondary: kicked (vcpu.h), never ticked */
			vcpu_note_power(rs);
			return 0;
		}
		if (!tick_fired())
			return 0;
		rs->ticks++;
		if (input_poll(rs))
			return EXIT_KVMFAIL;
		rc = check_cpu_off(rs);
		return rc || rs->done ? rc : run_check_pc(rs);
	}
	if (err == ENOSYS) { /* a guest abort KVM could not decode (ISV=0) */
		rc = rs->vm->nisv ? -1 : run_isv0_fallback(rs);
		if (rc >= 0)
			return rc;
		return fail(EXIT_KVMFAIL,
			    "KVM_RUN: %s (an access KVM cannot emulate and "
			    "no KVM_CAP_ARM_NISV_TO_USER)",
			    strerror(ENOSYS));
	}
	return fail(EXIT_KVMFAIL, "KVM_RUN: %s", strerror(err));
}

static int run_once(struct run_state *rs)
{
	int ret = kvm_ioctl_val(rs->vm->vcpu_fd, KVM_RUN, 0), err = errno, rc;

	vcpu_lock();
	rc = after_run(rs, ret, err);
	vcpu_unlock();
	return rc;
}

/*
 * The clock is read after a tick, or once in RUN_CLOCK_EVERY exits (a tick
 * that landed in userspace is seen late): not on every exit, where it
 * would add to each MMIO round trip.
 */
static bool past_deadline(struct run_state *rs, unsigned *ticks_seen)
{
	if (!rs->deadline_ns || (rs->ticks == *ticks_seen && rs->runs % RUN_CLOCK_EVERY))
		return false;
	*ticks_seen = rs->ticks;
	return mono_ns() > rs->deadline_ns;
}

/* The first tick's delay that puts a tick on the deadline (0: none set). */
static uint64_t first_tick_us(const struct run_state *rs)
{
	uint64_t now = mono_ns(), period = RUN_TICK_MS * 1000000ull;

	if (!rs->deadline_ns || rs->deadline_ns <= now)
		return 0;
	return ((rs->deadline_ns - now) % period) / 1000 + 1; /* +1: not before it */
}

int run_loop(struct run_state *rs)
{
	unsigned ticks_seen = 0;
	int rc = 0;

	if (rs->cpu == 0 && tick_start(RUN_TICK_MS, first_tick_us(rs)) < 0) /* vCPU 0's */
		return fail(EXIT_KVMFAIL, "cannot start the run tick: %s", strerror(errno));
	while (!rs->done && rc == 0 && !vcpu_run_over()) {
		rs->runs++;
		rc = run_once(rs);
		if (!rs->done && rc == 0 && !vcpu_run_over() && past_deadline(rs, &ticks_seen)) {
			vcpu_lock();
			run_stop(rs, TRAP_STOP_TIMEOUT, BOARD_STATUS_TIMEOUT,
				 rs->log ? run_pc(rs) : 0, 0);
			if (rs->injected)
				note("the guest did not stop in time: stopped (status %d) while "
				     "looping in its own exception handlers (%u data aborts "
				     "injected, the last at PC 0x%08x for IPA 0x%08x)",
				     BOARD_STATUS_TIMEOUT, rs->injected, rs->inject_pc,
				     rs->inject_ipa);
			else
				note("the guest did not stop in time: stopped (status %d)",
				     BOARD_STATUS_TIMEOUT);
			vcpu_unlock();
		}
	}
	if (rs->cpu == 0)
		tick_stop();
	vcpu_lock();
	if (rc == 0 && drain_ring(rs)) /* nothing stays queued after the run */
		rc = EXIT_KVMFAIL;
	vcpu_unlock();
	return rc ? rc : rs->status;
}
