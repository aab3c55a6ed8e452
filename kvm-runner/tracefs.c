/* tracefs: switch the kvm events on and off, read and merge the trace. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "err.h"
#include "tick.h"
#include "trace_parse.h"
#include "trap_merge.h"
#include "tracefs.h"

static const char *const roots[] = { "/sys/kernel/tracing", "/sys/kernel/debug/tracing" };

/*
 * The events the trap log is made of (each kernel has some of them). Each
 * costs about 750 instructions where it fires, so not kvm_entry (the next
 * kvm_exit, or the trace's end, closes a trap as well: every trap paid
 * it) nor kvm_userspace_exit (the runner's own record of the trap's page
 * or function says it went to userspace: trap_merge.c's went_to_user).
 */
static const char *const events[] = {
	"kvm_exit",	 "kvm_guest_fault",	 "kvm_mmio",
	"kvm_hvc",	 "kvm_hvc_arm64",	 "kvm_wfx",
	"kvm_wfx_arm64", "kvm_emulate_cp15_imp", "kvm_sys_access",
	"kvm_irq_line",	 "kvm_timer_update_irq", "vgic_update_irq_pending",
};

static const char *root;

static int put(const char *file, const char *text, bool trunc)
{
	char path[256];
	int fd, ok;

	snprintf(path, sizeof(path), "%s/%s", root, file);
	fd = open(path, O_WRONLY | O_CLOEXEC | (trunc ? O_TRUNC : 0));
	if (fd < 0)
		return -1;
	ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	return ok ? 0 : -1;
}

/*
 * With KVM's vGIC, kvm_timer_update_irq is always followed by
 * vgic_update_irq_pending with the same INTID and level (kvm_timer_update_irq
 * -> kvm_vgic_inject_irq), and 6.1 fires both at every vCPU load
 * (kvm_timer_vcpu_load_gic): one event, about 750 instructions, on every
 * KVM_RUN for no line of the log.
 */
#define TIMER_EVENT "kvm_timer_update_irq"

#define MMIO_EVENT "kvm_mmio"

static void set_events(const char *on, bool kernel_irqchip, bool coalesce)
{
	char file[96], filter[96];
	bool mmio = trace_mmio_filter(filter, sizeof(filter), kernel_irqchip, coalesce);

	if (mmio)
		put("events/kvm/" MMIO_EVENT "/filter", filter, true);
	for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		if (kernel_irqchip && strcmp(events[i], TIMER_EVENT) == 0)
			continue;
		if (!mmio && strcmp(events[i], MMIO_EVENT) == 0)
			continue;
		snprintf(file, sizeof(file), "events/kvm/%s/enable", events[i]);
		put(file, on, false); /* a kernel without this event: ignored */
	}
}

bool tracefs_start(unsigned buffer_kb, bool kernel_irqchip, bool coalesce)
{
	char pid[16], kb[16];

	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]) && !root; i++) {
		char path[128];

		snprintf(path, sizeof(path), "%s/events/kvm/enable", roots[i]);
		if (access(path, W_OK) == 0)
			root = roots[i];
	}
	if (!root) {
		note("no writable tracefs with kvm events: the trap log has the runner's "
		     "exits only (by=vmm)");
		return false;
	}
	put("tracing_on", "0", false);
	snprintf(kb, sizeof(kb), "%u", buffer_kb);
	put("buffer_size_kb", kb, false); /* events past it overwrite the oldest: counted as lost */
	put("trace", "", true);		  /* clears the buffer */
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	put("set_event_pid", pid, true);       /* this process only */
	put("options/event-fork", "1", false); /* and the vCPU threads it starts */
	set_events("1", kernel_irqchip, coalesce);
	return put("tracing_on", "1", false) == 0;
}

/*
 * One write for all of them: each event switched off alone waits for its
 * own RCU grace period (tracepoint unregistration), which the test bed's
 * emulated CPU makes tens of milliseconds each. This also switches off
 * kvm events another user had on: the runner owns tracefs while it runs.
 */
void tracefs_stop(void)
{
	if (!root)
		return;
	put("tracing_on", "0", false);
	put("events/kvm/enable", "0", false);
	put("events/kvm/" MMIO_EVENT "/filter", "0", true); /* "0": no filter */
	put("set_event_pid", "", true);
	put("options/event-fork", "0", false);
}

/* The vCPU whose thread a trace line is from, or -1 (not this run's). */
static int cpu_of_task(int pid, const int *tids, unsigned ncpus)
{
	for (unsigned c = 0; c < ncpus; c++)
		if (tids[c] == pid)
			return (int)c;
	return -1;
}

/* vCPU c's own records, in their order. */
static void records_of(struct traps *sub, const struct traps *vmm, unsigned c)
{
	for (unsigned i = 0; i < vmm->n; i++)
		if (vmm->rec[i].cpu == c)
			traps_add(sub, &vmm->rec[i]);
}

/* On stderr, and the disagreements in the trap log too (traps_write's comment). */
static void merge_note(const struct trap_merge *m, unsigned ncpus, unsigned lost, struct traps *out)
{
	unsigned injected = 0, unmatched = 0, untraced = 0;

	for (unsigned c = 0; c < ncpus; c++) {
		injected += m[c].injected;
		unmatched += m[c].unmatched;
		untraced += m[c].untraced;
	}
	out->unmatched = unmatched;
	out->untraced = untraced;
	if (lost)
		note("the kvm trace lost %u events: some traps are missing from the log", lost);
	if (injected)
		note("%u aborts outside RAM that KVM reflected into the guest are not in the "
		     "trap log",
		     injected);
	if (unmatched || untraced)
		note("kvm trace and runner exits disagree: %u traced exits without a runner "
		     "record, %u runner records without trace events",
		     unmatched, untraced);
}

/*
 * What the ring holds and lost, over every CPU's per_cpu/cpuN/stats (the
 * counters a clear of the trace resets, tracefs_start): *lost -1 when no
 * stats file can be read (the trace's own LOST lines count then).
 */
static void ring_stats(long *lost, unsigned *entries)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF), k;
	char path[160], text[1024];

	*lost = -1;
	*entries = 0;
	for (long c = 0; c < ncpu && c < 1024; c++) {
		int fd;
		ssize_t len;

		snprintf(path, sizeof(path), "%s/per_cpu/cpu%ld/stats", root, c);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		len = read(fd, text, sizeof(text) - 1);
		close(fd);
		text[len > 0 ? len : 0] = 0;
		if ((k = trace_stats_lost(text)) >= 0)
			*lost = (*lost < 0 ? 0 : *lost) + k;
		if ((k = trace_stats_entries(text)) > 0)
			*entries += (unsigned)k;
	}
}

/*
 * trace_pipe, not trace: opening trace waits for an RCU grace period
 * (ring_buffer_read_prepare_sync), about 0.3 s in the emulated test bed,
 * after the deadline; trace_pipe's open does not, and its lines are the
 * same without the header. O_NONBLOCK: an empty ring ends the read
 * (EAGAIN) instead of waiting for events that tracing_on = 0 keeps out.
 */
static FILE *open_pipe(void)
{
	char path[128];
	int fd;
	FILE *f;

	snprintf(path, sizeof(path), "%s/trace_pipe", root);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || !(f = fdopen(fd, "r"))) {
		int err = errno;

		if (fd >= 0)
			close(fd);
		fail(-1, "%s: %s", path, strerror(err));
		return NULL;
	}
	return f;
}

/* The clock is looked at once in this many lines of the trace. */
#define READ_CLOCK_EVERY 32

/*
 * Each vCPU's events (by its thread's id) are merged with its own records;
 * the vCPUs' lists are then interleaved by trace time (traps_interleave).
 * The read stops at until_ns (0: never): the events left unread count as
 * lost, as do those the ring overwrote or refused.
 */
int tracefs_finish(const struct traps *vmm, struct traps *out, FILE *raw, uint64_t ram_size,
		   const int *tids, unsigned ncpus, uint64_t until_ns, unsigned *lost)
{
	static struct trap_merge m[BOARD_MAX_CPUS];
	struct traps sub[BOARD_MAX_CPUS] = { 0 }, per_cpu[BOARD_MAX_CPUS] = { 0 };
	struct kvm_event ev;
	char line[512];
	int n = 0;
	unsigned in_text = 0, in_buf, seen = 0, unread = 0;
	long in_ring;
	bool cut = false;
	FILE *f;

	*lost = 0;
	if (!root)
		return -1;
	put("tracing_on", "0", false); /* the events go off after the read: see tracefs_stop */
	ring_stats(&in_ring, &in_buf);
	if (!(f = open_pipe())) {
		tracefs_stop();
		return -1;
	}
	for (unsigned c = 0; c < ncpus; c++) {
		records_of(&sub[c], vmm, c);
		merge_begin(&m[c], &per_cpu[c], &sub[c], ram_size);
		m[c].cpu = c;
	}
	while (fgets(line, sizeof(line), f)) {
		int rc, c = 0;

		if (line[0] == '#' || strncmp(line, "CPU:", 4) == 0) {
			in_text += trace_line_lost(line, &in_buf);
			continue;
		}
		if (until_ns && seen && seen % READ_CLOCK_EVERY == 0 && mono_ns() > until_ns) {
			cut = true;
			break;
		}
		seen++;
		rc = trace_parse_line(line, &ev);
		if (rc == 0 || (ev.pid >= 0 && (c = cpu_of_task(ev.pid, tids, ncpus)) < 0))
			continue;
		if (raw)
			fputs(line, raw);
		if (rc < 0) {
			note("unreadable trace line: %.*s", (int)strcspn(line, "\n"), line);
			continue;
		}
		merge_event(&m[c], &ev);
		n++;
	}
	fclose(f);
	tracefs_stop();
	for (unsigned c = 0; c < ncpus; c++)
		merge_end(&m[c]);
	traps_interleave(out, per_cpu, ncpus);
	if (cut) {
		unread = in_buf > seen ? in_buf - seen : 1; /* at least the line not read */
		note("the kvm trace was read for the time --timeout leaves: %u of its %u events "
		     "were not read (their traps are in the log without the trace's detail, "
		     "or missing)",
		     unread, in_buf);
	}
	*lost = (in_ring >= 0 ? (unsigned)in_ring : in_text) + unread;
	merge_note(m, ncpus, *lost - unread, out);
	for (unsigned c = 0; c < ncpus; c++) {
		traps_free(&sub[c]);
		traps_free(&per_cpu[c]);
	}
	return n;
}
