/*
 * The recording ioctl wrapper: every call is counted per fd role and
 * request; the first IOCTL_RECORDS_MAX are kept whole for the trace file.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include "ioctl_trace.h"
#include "tick.h"

/* clang-format off */
#define IOCTL_RECORDS_MAX 100000
#define MAX_FDS 64
#define REQ_SLOTS 32		/* distinct requests counted (the runner uses 20) */
#define REQ_MMAP 0ul		/* pseudo request: mmap of the vCPU fd */
/* clang-format on */

/*
 * A KVM_RUN keeps the exit it returned raw (formatted when the trace is
 * written: no text on the run loop's path); every other call its text.
 */
struct ioctl_record {
	uint64_t ns;
	unsigned long req;
	int ret, err;
	uint8_t role, phase;
	bool raw_run; /* run holds a KVM_RUN's exit, arg no text */
	union {
		char arg[80];
		struct {
			uint64_t addr;
			uint32_t exit_reason, len;
			uint8_t is_write;
		} run;
	};
};

static struct ioctl_record *records;
static unsigned nrecords, dropped;
static signed char roles[MAX_FDS];
static unsigned long req_seen[REQ_SLOTS];
static unsigned counts[PH_COUNT][FD_ROLES][REQ_SLOTS];
static enum ioctl_phase cur_phase;
static unsigned nreq;
static const struct kvm_run *vcpu_runs[BOARD_MAX_CPUS];
static bool keep = true; /* whole records (and their times) kept */
static bool threads;	 /* several vCPU threads: count and record under lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const role_names[FD_ROLES] = { "sys",   "vm",    "vcpu",  "vcpu1",
						  "vcpu2", "vcpu3", "vcpu4", "vcpu5",
						  "vcpu6", "vcpu7", "vgic" };
_Static_assert(FD_ROLES == 11, "a name for each vCPU fd's role and the vGIC's");
static const char *const phase_names[PH_COUNT] = { "setup", "run", "regs" };

void ioctl_trace_keep(bool on) { keep = on; }

void ioctl_trace_phase(enum ioctl_phase phase) { cur_phase = phase; }

void ioctl_trace_fd(int fd, enum fd_role role)
{
	if (fd >= 0 && fd < MAX_FDS)
		roles[fd] = (signed char)(role + 1);
}

static enum fd_role role_of(int fd);

void ioctl_trace_run(int fd, const struct kvm_run *run)
{
	enum fd_role role = role_of(fd);

	if (role >= FD_VCPU)
		vcpu_runs[role - FD_VCPU] = run;
}

void ioctl_trace_threads(void) { threads = true; }

static enum fd_role role_of(int fd)
{
	if (fd >= 0 && fd < MAX_FDS && roles[fd])
		return (enum fd_role)(roles[fd] - 1);
	return FD_SYS;
}

static unsigned req_slot(unsigned long req)
{
	static unsigned last; /* KVM_RUN after KVM_RUN: found at once */

	if (last < nreq && req_seen[last] == req)
		return last;
	for (unsigned i = 0; i < nreq; i++)
		if (req_seen[i] == req)
			return last = i;
	if (nreq == REQ_SLOTS)
		return REQ_SLOTS - 1; /* never with the runner's requests */
	req_seen[nreq] = req;
	return last = nreq++;
}

static void count(int fd, unsigned long req) { counts[cur_phase][role_of(fd)][req_slot(req)]++; }

static void record(int fd, unsigned long req, uintptr_t arg, int ret, int err, uint64_t ns)
{
	const struct kvm_run *run;
	struct ioctl_record *r;

	count(fd, req);
	if (!records)
		records = calloc(IOCTL_RECORDS_MAX, sizeof(*records));
	if (!records || nrecords == IOCTL_RECORDS_MAX) {
		dropped++;
		return;
	}
	r = &records[nrecords++];
	r->ns = ns;
	r->req = req;
	r->ret = ret;
	r->err = err;
	r->role = (uint8_t)role_of(fd);
	r->phase = (uint8_t)cur_phase;
	run = req == KVM_RUN && r->role >= FD_VCPU ? vcpu_runs[r->role - FD_VCPU] : NULL;
	r->raw_run = run != NULL;
	if (run) {
		r->run.exit_reason = run->exit_reason;
		r->run.addr = run->mmio.phys_addr;
		r->run.len = run->mmio.len;
		r->run.is_write = run->mmio.is_write;
	} else if (req == REQ_MMAP)
		snprintf(r->arg, sizeof(r->arg), "kvm_run size=%lu", (unsigned long)arg);
	else
		ioctl_describe(r->arg, sizeof(r->arg), req, arg, ret, NULL);
}

static int traced(int fd, unsigned long req, uintptr_t arg)
{
	uint64_t t0;
	int ret, err;

	if (!keep) { /* the lean path: a count, no clock, no text */
		ret = ioctl(fd, req, arg);
		err = errno;
		if (threads)
			pthread_mutex_lock(&lock);
		count(fd, req);
		if (threads)
			pthread_mutex_unlock(&lock);
		errno = err;
		return ret;
	}
	t0 = mono_ns();
	ret = ioctl(fd, req, arg);
	err = errno;
	if (threads)
		pthread_mutex_lock(&lock);
	record(fd, req, arg, ret, ret < 0 ? err : 0, mono_ns() - t0);
	if (threads)
		pthread_mutex_unlock(&lock);
	errno = err;
	return ret;
}

int kvm_ioctl(int fd, unsigned long req, void *arg) { return traced(fd, req, (uintptr_t)arg); }

int kvm_ioctl_val(int fd, unsigned long req, unsigned long val) { return traced(fd, req, val); }

void *kvm_mmap_run(int fd, size_t size)
{
	uint64_t t0 = mono_ns();
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	int err = errno;

	record(fd, REQ_MMAP, size, p == MAP_FAILED ? -1 : 0, p == MAP_FAILED ? err : 0,
	       mono_ns() - t0);
	errno = err;
	return p;
}

static const char *req_label(unsigned long req)
{
	const char *name = ioctl_name(req);

	if (req == REQ_MMAP)
		return "mmap";
	return name ? name : "unknown";
}

static unsigned slot_count(enum fd_role role, unsigned slot, enum ioctl_phase phase)
{
	unsigned sum = 0;

	for (int p = 0; p < PH_COUNT; p++)
		if (phase == PH_COUNT || (int)phase == p)
			sum += counts[p][role][slot];
	return sum;
}

unsigned ioctl_count(enum fd_role role, unsigned long req)
{
	for (unsigned i = 0; i < nreq; i++)
		if (req_seen[i] == req)
			return slot_count(role, i, PH_COUNT);
	return 0;
}

unsigned ioctl_total(enum fd_role role, enum ioctl_phase phase)
{
	unsigned sum = 0;

	for (unsigned i = 0; i < nreq; i++)
		if (req_seen[i] != REQ_MMAP)
			sum += slot_count(role, i, phase);
	return sum;
}

static void write_record(FILE *f, unsigned seq, const struct ioctl_record *r)
{
	static struct kvm_run run; /* a KVM_RUN's exit, as it returned */
	char text[sizeof(r->arg)];
	const char *arg = r->arg;

	if (r->raw_run) {
		run.exit_reason = r->run.exit_reason;
		run.mmio.phys_addr = r->run.addr;
		run.mmio.len = r->run.len;
		run.mmio.is_write = r->run.is_write;
		ioctl_describe(text, sizeof(text), KVM_RUN, 0, r->ret, &run);
		arg = text;
	}
	fprintf(f, "%04u %-5s %-4s %-26s %s : ret=%d", seq, phase_names[r->phase],
		role_names[r->role], req_label(r->req), arg, r->ret);
	if (r->ret < 0)
		fprintf(f, " errno=%s", strerrorname_np(r->err) ?: "?");
	fprintf(f, " t=%llu.%03uus\n", (unsigned long long)(r->ns / 1000),
		(unsigned)(r->ns % 1000));
}

static void summary_line(FILE *f, const char *role, const char *what,
			 const unsigned n[PH_COUNT + 1])
{
	fprintf(f, "summary: %-4s %-26s setup=%-4u run=%-6u regs=%-4u total=%u\n", role, what,
		n[PH_SETUP], n[PH_RUN], n[PH_REGS], n[PH_COUNT]);
}

static void summary(FILE *f)
{
	unsigned all[PH_COUNT + 1] = { 0 };

	fprintf(f,
		"# summary: the calls each fd received, per request and phase "
		"(setup: building the VM; run: the KVM_RUN loop; regs: --regs dumps); "
		"mmap is not an ioctl and is not in the totals\n");
	for (int role = 0; role < FD_ROLES; role++) {
		unsigned n[PH_COUNT + 1];

		for (unsigned i = 0; i < nreq; i++) {
			for (int p = 0; p <= PH_COUNT; p++)
				n[p] = slot_count((enum fd_role)role, i, (enum ioctl_phase)p);
			if (n[PH_COUNT])
				summary_line(f, role_names[role], req_label(req_seen[i]), n);
		}
		for (int p = 0; p <= PH_COUNT; p++) {
			n[p] = ioctl_total((enum fd_role)role, (enum ioctl_phase)p);
			all[p] += n[p];
		}
		if (role <= FD_VCPU || n[PH_COUNT]) /* a secondary's fd: only if there was one */
			summary_line(f, role_names[role], "ioctls", n);
	}
	summary_line(f, "all", "ioctls", all);
}

void ioctl_trace_write(FILE *f, const char *runner)
{
	fprintf(f, "# ioctl-trace 1 runner=%s records=%u dropped=%u\n", runner, nrecords, dropped);
	fprintf(f, "# seq phase fd   request                    argument : result time\n");
	for (unsigned i = 0; i < nrecords; i++)
		write_record(f, i + 1, &records[i]);
	summary(f);
}

void ioctl_trace_reset(void)
{
	free(records);
	records = NULL;
	nrecords = dropped = nreq = 0;
	memset(roles, 0, sizeof(roles));
	memset(counts, 0, sizeof(counts));
	memset(vcpu_runs, 0, sizeof(vcpu_runs));
	keep = true;
	threads = false;
	cur_phase = PH_SETUP;
}
