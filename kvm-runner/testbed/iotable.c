/* The per-fd, per-request ioctl table of a traced program (iotable.h). */
#include "iotable.h"

#include <stdlib.h>
#include <string.h>
#include "kvm_requests.h"

#define ANON "anon_inode:"

void iotable_fd_role(const char *link, char *role, size_t n)
{
	const char *r = "other";
	char vcpu[IOTABLE_LABEL];

	if (!link)
		r = "other";
	else if (strcmp(link, "/dev/kvm") == 0)
		r = "sys";
	else if (strcmp(link, ANON "kvm-vm") == 0)
		r = "vm";
	else if (strncmp(link, ANON "kvm-vcpu:", strlen(ANON "kvm-vcpu:")) == 0) {
		const char *id = link + strlen(ANON "kvm-vcpu:");

		if (*id && strlen(id) <= 4 && strspn(id, "0123456789") == strlen(id)) {
			snprintf(vcpu, sizeof(vcpu), "vcpu%s", id);
			r = vcpu;
		}
	} else if (strncmp(link, ANON "kvm-arm-vgic", strlen(ANON "kvm-arm-vgic")) == 0)
		r = "vgic";
	else if (strncmp(link, ANON "kvm-", strlen(ANON "kvm-")) == 0)
		r = "dev"; /* another KVM device (vfio, its-...) */
	snprintf(role, n, "%s", r);
}

struct iotable_row *iotable_add(struct iotable *t, const char *role, unsigned long req)
{
	struct iotable_row *r;

	t->total++;
	for (unsigned i = 0; i < t->n; i++)
		if (t->row[i].req == req && strcmp(t->row[i].fd, role) == 0) {
			t->row[i].calls++;
			return &t->row[i];
		}
	if (t->n == IOTABLE_ROWS) { /* the last row takes the rest */
		r = &t->row[IOTABLE_ROWS - 1];
		snprintf(r->fd, sizeof(r->fd), "more");
		r->req = 0;
		r->calls++;
		return r;
	}
	r = &t->row[t->n++];
	snprintf(r->fd, sizeof(r->fd), "%s", role);
	r->req = req;
	r->calls = 1;
	r->errors = 0;
	return r;
}

const char *iotable_req_name(const struct iotable_row *r, char *buf, size_t n)
{
	const char *name = kvm_request_name(r->req, strcmp(r->fd, "vm") == 0);

	if (name)
		return name;
	snprintf(buf, n, "0x%08lx", r->req);
	return buf;
}

/* Where a role sorts: sys, vm, vcpuN by N, vgic, dev, other, more. */
static long role_rank(const char *fd)
{
	static const char *const fixed[] = { "sys", "vm" };
	static const char *const last[] = { "vgic", "dev", "other", "more" };

	for (int i = 0; i < 2; i++)
		if (strcmp(fd, fixed[i]) == 0)
			return i;
	if (strncmp(fd, "vcpu", 4) == 0)
		return 2 + strtol(fd + 4, NULL, 10);
	for (int i = 0; i < 4; i++)
		if (strcmp(fd, last[i]) == 0)
			return 100000 + i;
	return 200000;
}

void iotable_write(FILE *f, const struct iotable *t)
{
	unsigned order[IOTABLE_ROWS];
	char buf[24];

	for (unsigned i = 0; i < t->n; i++)
		order[i] = i;
	/* insertion sort by role, stable: within a role, in order of first call */
	for (unsigned i = 1; i < t->n; i++)
		for (unsigned j = i;
		     j > 0 && role_rank(t->row[order[j - 1]].fd) > role_rank(t->row[order[j]].fd);
		     j--) {
			unsigned k = order[j];

			order[j] = order[j - 1];
			order[j - 1] = k;
		}
	fprintf(f,
		"# ioctls seen by ptrace at syscall entry, per fd (the role of its "
		"/proc link) and request; errors: calls that returned an error\n");
	fprintf(f, "# fd     request                        calls errors\n");
	for (unsigned i = 0; i < t->n; i++) {
		const struct iotable_row *r = &t->row[order[i]];

		fprintf(f, "%-8s %-30s %5lu %lu\n", r->fd, iotable_req_name(r, buf, sizeof(buf)),
			r->calls, r->errors);
	}
	fprintf(f, "total %lu\n", t->total);
}
