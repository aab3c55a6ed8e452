/* tracefs: switch the kvm events on and off, read and merge the trace. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "err.h"
#include "trace_parse.h"
#include "trap_merge.h"
#include "tracefs.h"

static const char *const roots[] = { "/sys/kernel/tracing", "/sys/kernel/debug/tracing" };

/* The events the trap log is made of (each kernel has some of them). */
static const char *const events[] = {
	"kvm_entry",	      "kvm_exit",
	"kvm_guest_fault",    "kvm_mmio",
	"kvm_userspace_exit", "kvm_hvc",
	"kvm_hvc_arm64",      "kvm_wfx",
	"kvm_wfx_arm64",      "kvm_emulate_cp15_imp",
	"kvm_sys_access",
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

static void set_events(const char *on)
{
	char file[96];

	for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		snprintf(file, sizeof(file), "events/kvm/%s/enable", events[i]);
		put(file, on, false); /* a kernel without this event: ignored */
	}
}

bool tracefs_start(unsigned buffer_kb)
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
	put("set_event_pid", pid, true); /* this process only */
	set_events("1");
	return put("tracing_on", "1", false) == 0;
}

void tracefs_stop(void)
{
	if (!root)
		return;
	put("tracing_on", "0", false);
	set_events("0");
	put("set_event_pid", "", true);
}

int tracefs_finish(const struct traps *vmm, struct traps *out, FILE *raw, uint64_t ram_size)
{
	struct trap_merge m;
	struct kvm_event ev;
	char path[128], line[512];
	int n = 0, me = (int)getpid();
	unsigned lost = 0, in_buf, written;
	FILE *f;

	if (!root)
		return -1;
	tracefs_stop();
	snprintf(path, sizeof(path), "%s/trace", root);
	f = fopen(path, "re");
	if (!f)
		return fail(-1, "%s: %s", path, strerror(errno));
	merge_begin(&m, out, vmm, ram_size);
	while (fgets(line, sizeof(line), f)) {
		int rc = trace_parse_line(line, &ev);
		unsigned k;

		if (sscanf(line, "CPU:%*u [LOST %u EVENTS]", &k) == 1)
			lost += k; /* the ring buffer overflowed */
		if (sscanf(line, "# entries-in-buffer/entries-written: %u/%u", &in_buf, &written) ==
		    2)
			lost += written - in_buf; /* overwritten, oldest first */
		if (rc == 0 || (ev.pid >= 0 && ev.pid != me))
			continue;
		if (raw)
			fputs(line, raw);
		if (rc < 0) {
			note("unreadable trace line: %.*s", (int)strcspn(line, "\n"), line);
			continue;
		}
		merge_event(&m, &ev);
		n++;
	}
	fclose(f);
	merge_end(&m);
	if (lost)
		note("the kvm trace lost %u events: some traps are missing from the log", lost);
	if (m.injected)
		note("%u aborts outside RAM that KVM reflected into the guest are not in the "
		     "trap log",
		     m.injected);
	if (m.unmatched || m.untraced)
		note("kvm trace and runner exits disagree: %u traced exits without a runner "
		     "record, %u runner records without trace events",
		     m.unmatched, m.untraced);
	return n;
}
