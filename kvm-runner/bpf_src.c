/* bpf_src: load, attach and read the eBPF event source. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "bpf_prog.h"
#include "bpf_src.h"
#include "err.h"
#include "event_merge.h"
#include "tick.h"

/* clang-format off */
#define READ_CLOCK_EVERY	256	/* records between looks at the clock */
#define VERIFIER_LOG		4096	/* the verifier's answer to a refused program */
/* clang-format on */

static int map_fd = -1, link_fd[BEV_COUNT];
static unsigned nlinks, slots;
static struct bpf_rec *map;
static size_t map_len;

static long sys_bpf(int cmd, void *attr, unsigned size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

void bpf_src_stop(void)
{
	for (unsigned i = 0; i < nlinks; i++)
		close(link_fd[i]); /* the last close detaches */
	nlinks = 0;
	if (map)
		munmap(map, map_len);
	map = NULL;
	if (map_fd >= 0)
		close(map_fd);
	map_fd = -1;
}

static bool give_up(const char *why, int err)
{
	note("kvm events from the trace events, not eBPF: %s (%s)", why, strerror(err));
	bpf_src_stop();
	return false;
}

static bool make_map(unsigned buffer_kb)
{
	struct bpf_map_create_attr a = {
		.map_type = BPF_MAP_TYPE_ARRAY,
		.key_size = 4,
		.value_size = BPF_REC_SIZE,
		.max_entries = slots = (unsigned)(2ull * buffer_kb * 1024 / BPF_REC_SIZE),
		.map_flags = BPF_F_MMAPABLE,
	};
	void *p;

	map_fd = (int)sys_bpf(BPF_MAP_CREATE, &a, sizeof(a));
	if (map_fd < 0)
		return give_up(errno == EPERM		 ? "bpf(2) refused: not root"
				       : errno == ENOSYS ? "no bpf(2) in this kernel"
				       : errno == EINVAL ? "no mmapable array maps (Linux < 5.5)"
							 : "BPF_MAP_CREATE failed",
			       errno);
	map_len = (size_t)slots * BPF_REC_SIZE;
	p = mmap(NULL, map_len, PROT_READ, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED)
		return give_up("the map cannot be mmapped", errno);
	map = p;
	return true;
}

/* Loads event e's program and attaches it; -1 with errno, log the verifier's. */
static int attach(unsigned e, const struct bpf_target *t, char *log)
{
	static struct bpf_insn insns[BPF_PROG_MAX];
	struct bpf_prog_load_attr a = {
		.prog_type = BPF_PROG_TYPE_RAW_TRACEPOINT,
		.insn_cnt = bpf_prog_build(insns, e, t),
		.insns = (uintptr_t)insns,
		.license = (uintptr_t) "GPL", /* bpf_probe_read_kernel is for GPL programs */
		.log_level = 1,
		.log_size = VERIFIER_LOG,
		.log_buf = (uintptr_t)log,
	};
	struct bpf_raw_tp_attr tp = { .name = (uintptr_t)bpf_events[e].tp };
	int prog, link, err;

	log[0] = 0;
	strncpy(a.prog_name, "kvmrunner", sizeof(a.prog_name) - 1);
	if ((prog = (int)sys_bpf(BPF_PROG_LOAD, &a, sizeof(a))) < 0)
		return -1;
	tp.prog_fd = (uint32_t)prog;
	link = (int)sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &tp, sizeof(tp));
	err = errno;
	close(prog); /* the link holds it */
	errno = err;
	return link;
}

/* The tracepoints' arguments the records hold are arm64's (bpf_rec.h). */
#ifdef __aarch64__
#define ARM64_TRACEPOINTS 1
#else
#define ARM64_TRACEPOINTS 0
#endif

bool bpf_src_start(unsigned buffer_kb, bool kernel_irqchip, bool coalesce)
{
	static char log[VERIFIER_LOG];
	struct bpf_target t = { .tgid = (uint32_t)getpid() };

	if (!ARM64_TRACEPOINTS) {
		note("kvm events from the trace events, not eBPF: the programs read arm64's "
		     "tracepoints");
		return false;
	}
	if (!make_map(buffer_kb))
		return false;
	t.map_fd = map_fd;
	t.slots = slots;
	mmio_filter_of(&t.filter, kernel_irqchip, coalesce);
	for (unsigned e = 0; e < BEV_COUNT; e++) {
		int fd;

		if ((e == BEV_TIMER_IRQ && kernel_irqchip) || /* as tracefs.c: the vgic's twin */
		    (e == BEV_MMIO && !t.filter.range && !t.filter.match))
			continue;
		if ((fd = attach(e, &t, log)) >= 0) {
			link_fd[nlinks++] = fd;
			continue;
		}
		if (e != BEV_EXIT && errno == ENOENT)
			continue; /* a kernel without this event: as tracefs.c */
		if (log[0])
			note("the kernel refused the %s program: %.*s", bpf_events[e].tp,
			     (int)strcspn(log, "\n"), log);
		return give_up(bpf_events[e].tp, errno);
	}
	note("kvm events from eBPF: %u raw tracepoints, a map of %u records", nlinks, slots);
	return true;
}

int bpf_src_finish(const struct traps *vmm, struct traps *out, uint64_t ram_size, const int *tids,
		   unsigned ncpus, uint64_t until_ns, unsigned *lost)
{
	static struct event_merge em;
	uint64_t head;
	unsigned n = 0, i, end, unread = 0;

	*lost = 0;
	if (!map)
		return -1;
	for (i = 0; i < nlinks; i++) /* no more records while they are read */
		close(link_fd[i]);
	nlinks = 0;
	head = __atomic_load_n(&map[0].seq, __ATOMIC_ACQUIRE); /* slot 0: the head */
	end = head < slots - 1 ? (unsigned)head + 1 : slots;
	event_merge_begin(&em, vmm, ram_size, tids, ncpus);
	for (i = 1; i < end; i++) {
		struct kvm_event ev[2];
		int c, rc;

		if (until_ns && i % READ_CLOCK_EVERY == 0 && mono_ns() > until_ns) {
			unread = end - i;
			note("the kvm events were read for the time --timeout leaves: %u of %u "
			     "not read",
			     unread, end - 1);
			break;
		}
		rc = bpf_rec_decode(&map[i], ev);
		if (rc < 0)
			note("unreadable eBPF record %u: event %u", i, map[i].event);
		if (rc <= 0 || (c = event_merge_cpu(&em, ev)) < 0)
			continue;
		for (int k = 0; k < rc; k++)
			event_merge_add(&em, (unsigned)c, &ev[k]);
		n += (unsigned)rc;
	}
	*lost = (head > slots - 1 ? (unsigned)(head - (slots - 1)) : 0) + unread;
	event_merge_end(&em, out, *lost - unread);
	bpf_src_stop();
	return (int)n;
}
