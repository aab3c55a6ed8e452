/* Reading kvm trace events of Linux 5.x (32-bit ARM) and 6.x (arm64). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "memmap.h"
#include "trace_parse.h"
#include "uart.h"

static int parse_exit(const char *d, struct kvm_event *ev)
{
	char label[16];

	/* "HVC: HSR_EC: 0x0024 (DABT), PC: 0x4000000c" */
	if (sscanf(d, "%15[^:]: HSR_EC: %x (%*[^)]), PC: %" SCNx64, label, &ev->ec, &ev->pc) != 3)
		return -1;
	/* 5.x says HVC for every trap (the exception that entered Hyp), 6.x TRAP */
	ev->trap = strcmp(label, "HVC") == 0 || strcmp(label, "TRAP") == 0;
	ev->irq = strcmp(label, "IRQ") == 0;
	return 1;
}

static int parse_mmio(const char *d, struct kvm_event *ev)
{
	char kind[24];

	/* "mmio write len 1 gpa 0x9000000 val 0x48" */
	if (sscanf(d, "mmio %23s len %u gpa %" SCNx64 " val %" SCNx64, kind, &ev->len, &ev->gpa,
		   &ev->val) != 4)
		return -1;
	ev->write = strcmp(kind, "write") == 0;
	ev->unsatisfied = strcmp(kind, "unsatisfied-read") == 0;
	return 1;
}

static int parse_cp15_imp(const char *d, struct kvm_event *ev)
{
	char op[8];

	/* "Implementation defined CP15: mrc\tp15, 0, r6, c1, c0, 1" */
	if (sscanf(d, "Implementation defined CP15: %7s p15, %u, r%u, c%u, c%u, %u", op, &ev->opc1,
		   &ev->rt, &ev->crn, &ev->crm, &ev->opc2) != 6)
		return -1;
	ev->write = strcmp(op, "mcr") == 0;
	return 1;
}

static int parse_sys_access(const char *d, struct kvm_event *ev)
{
	unsigned op0;
	char dir[8];

	/* "PC: 40000030 SYS_ID_PFR0_EL1 (3,0,0,1,0) read" */
	if (sscanf(d, "PC: %" SCNx64 " %*s (%u,%u,%u,%u,%u) %7s", &ev->pc, &op0, &ev->opc1,
		   &ev->crn, &ev->crm, &ev->opc2, dir) != 7)
		return -1;
	ev->rt = 0xff;
	ev->write = strcmp(dir, "write") == 0;
	return 1;
}

static int parse_userspace_exit(const char *d, struct kvm_event *ev)
{
	char reason[32];

	/* "reason KVM_EXIT_MMIO (6)"; "reason restart (4)" is an errno (EINTR) */
	ev->type = KEV_USERSPACE_EXIT;
	if (sscanf(d, "reason %31s (%u)", reason, &ev->reason) != 2)
		return -1;
	ev->restart = strcmp(reason, "restart") == 0; /* "error": the runner sees it */
	return 1;
}

static int parse_irq_line(const char *d, struct kvm_event *ev)
{
	const char *p = strstr(d, "interrupt (");

	/* "Inject VGIC SPI interrupt (1), vcpu->idx: 0, num: 33, level: 1" */
	ev->type = KEV_IRQ_LINE;
	if (!p ||
	    sscanf(p, "interrupt (%u), vcpu->idx: %u, num: %u, level: %u", &ev->irq_type, &ev->vcpu,
		   &ev->intid, &ev->level) != 4)
		return -1;
	return 1;
}

/* "VCPU: 0, IRQ 27, level 1" (timer) or "VCPU: 0, IRQ 27, level: 1" (vgic) */
static int parse_irq_level(const char *d, struct kvm_event *ev, enum kev_type type)
{
	ev->type = type;
	if (sscanf(d, "VCPU: %u, IRQ %u, level: %u", &ev->vcpu, &ev->intid, &ev->level) == 3 ||
	    sscanf(d, "VCPU: %u, IRQ %u, level %u", &ev->vcpu, &ev->intid, &ev->level) == 3)
		return 1;
	return -1;
}

/* The pid in "  init-1   [000]": the digits after the last '-' before '['. */
static int task_pid(const char *line, const char *bracket)
{
	const char *e = bracket;
	int pid = 0, mul = 1;

	while (e > line && e[-1] == ' ')
		e--;
	while (e > line && e[-1] >= '0' && e[-1] <= '9') {
		pid += (e[-1] - '0') * mul;
		mul *= 10;
		e--;
	}
	return e > line && e[-1] == '-' && mul > 1 ? pid : -1;
}

static int parse_details(const char *d, struct kvm_event *ev)
{
	const char *n = ev->name;
	char c;

	if (!strcmp(n, "kvm_entry"))
		return ev->type = KEV_ENTRY, sscanf(d, "PC: %" SCNx64, &ev->pc) == 1 ? 1 : -1;
	if (!strcmp(n, "kvm_exit"))
		return ev->type = KEV_EXIT, parse_exit(d, ev);
	if (!strcmp(n, "kvm_guest_fault"))
		return ev->type = KEV_GUEST_FAULT,
		       sscanf(d, "ipa %" SCNx64 ", hsr %" SCNx32 ", hxfar %*x, pc %" SCNx64,
			      &ev->ipa, &ev->hsr, &ev->pc) == 3
			       ? 1
			       : -1;
	if (!strcmp(n, "kvm_mmio"))
		return ev->type = KEV_MMIO, parse_mmio(d, ev);
	if (!strcmp(n, "kvm_userspace_exit"))
		return parse_userspace_exit(d, ev);
	if (!strcmp(n, "kvm_hvc") || !strcmp(n, "kvm_hvc_arm64"))
		return ev->type = KEV_HVC,
		       sscanf(d, "HVC at %" SCNx64 " (r0: %" SCNx64 ", imm: %x", &ev->pc, &ev->r0,
			      &ev->imm) == 3
			       ? 1
			       : -1;
	if (!strcmp(n, "kvm_wfx") || !strcmp(n, "kvm_wfx_arm64")) {
		ev->type = KEV_WFX;
		if (sscanf(d, "guest executed wf%c at: %" SCNx64, &c, &ev->pc) != 2)
			return -1;
		ev->wfe = c == 'e';
		return 1;
	}
	if (!strcmp(n, "kvm_emulate_cp15_imp"))
		return ev->type = KEV_CP15, parse_cp15_imp(d, ev);
	if (!strcmp(n, "kvm_sys_access"))
		return ev->type = KEV_CP15, parse_sys_access(d, ev);
	if (!strcmp(n, "kvm_irq_line"))
		return parse_irq_line(d, ev);
	if (!strcmp(n, "kvm_timer_update_irq"))
		return parse_irq_level(d, ev, KEV_TIMER_IRQ);
	if (!strcmp(n, "vgic_update_irq_pending"))
		return parse_irq_level(d, ev, KEV_VGIC_PENDING);
	ev->type = KEV_OTHER;
	return 1;
}

int trace_parse_line(const char *line, struct kvm_event *ev)
{
	const char *p = line[0] == '#' ? NULL : strchr(line, '[');
	unsigned long sec, usec;
	int off = 0;

	memset(ev, 0, sizeof(*ev));
	ev->rt = 0xff;
	if (!p)
		return 0;
	ev->pid = task_pid(line, p);
	if (!(p = strchr(p, ']')))
		return 0;
	/* "] d... 0.355311: kvm_exit: " -> flags, timestamp, event name */
	if (sscanf(p + 1, " %*s %lu.%lu: %31[^:]: %n", &sec, &usec, ev->name, &off) != 3 || !off)
		return 0;
	if (strncmp(ev->name, "kvm_", 4) != 0 && strcmp(ev->name, "vgic_update_irq_pending") != 0)
		return 0; /* the one event of the kvm system without the prefix */
	ev->ts_us = (uint64_t)sec * 1000000u + usec;
	return parse_details(p + 1 + off, ev);
}

unsigned trace_line_lost(const char *line, unsigned *in_buf)
{
	unsigned k, b, w;

	if (sscanf(line, "CPU:%*u [LOST %u EVENTS]", &k) == 1)
		return k;
	if (sscanf(line, "# entries-in-buffer/entries-written: %u/%u", &b, &w) == 2) {
		*in_buf = b;
		return w > b ? w - b : 0;
	}
	return 0;
}

long trace_stats_lost(const char *text)
{
	static const char *const keys[] = { "overrun: ", "commit overrun: ", "dropped events: " };
	long sum = 0;
	bool overrun = false;

	for (const char *l = text; *l; l += strcspn(l, "\n"), l += *l == '\n') {
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			unsigned long v;

			if (strncmp(l, keys[i], strlen(keys[i])) ||
			    sscanf(l + strlen(keys[i]), "%lu", &v) != 1)
				continue;
			sum += (long)v;
			overrun |= i == 0;
		}
	}
	return overrun ? sum : -1;
}

long trace_stats_entries(const char *text)
{
	static const char key[] = "entries: ";
	unsigned long v;

	for (const char *l = text; *l; l += strcspn(l, "\n"), l += *l == '\n')
		if (strncmp(l, key, sizeof(key) - 1) == 0 &&
		    sscanf(l + sizeof(key) - 1, "%lu", &v) == 1)
			return (long)v;
	return -1;
}

void mmio_filter_of(struct mmio_filter *f, bool kernel_irqchip, bool coalesce)
{
	memset(f, 0, sizeof(*f));
	f->range = kernel_irqchip; /* the distributor's frame, up to the CPU interface's */
	f->lo = BOARD_GICD_BASE;
	f->hi = BOARD_GICC_BASE;
	f->match = coalesce; /* the console's coalesced DR */
	f->eq = BOARD_UART_BASE + UART_DR;
}

bool trace_mmio_filter(char *buf, size_t n, bool kernel_irqchip, bool coalesce)
{
	struct mmio_filter f;
	int len = 0;

	mmio_filter_of(&f, kernel_irqchip, coalesce);
	if (f.range)
		len = snprintf(buf, n, "(gpa >= 0x%x && gpa < 0x%x)", f.lo, f.hi);
	if (f.match && len >= 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, "%sgpa == 0x%x", len ? " || " : "", f.eq);
	return f.range || f.match;
}
