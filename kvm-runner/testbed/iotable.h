/*
 * The ioctls a traced program made, per fd and request, as the test bed's
 * ptrace tracer (sctrace.c) sees them at syscall entry: the fd's role comes
 * from its /proc link (/dev/kvm, anon_inode:kvm-vm, anon_inode:kvm-vcpu:N,
 * a KVM device such as anon_inode:kvm-arm-vgic-v2), the request's name
 * from kvm_requests.c. The same decoder for kvm-runner and for QEMU, so
 * their tables line up. Pure C: the host unit tests cover it.
 */
#ifndef TESTBED_IOTABLE_H
#define TESTBED_IOTABLE_H

#include <stdio.h>

/* clang-format off */
#define IOTABLE_ROWS	128	/* (fd, request) pairs; more go to one overflow row */
#define IOTABLE_LABEL	16
/* clang-format on */

struct iotable_row {
	char fd[IOTABLE_LABEL]; /* sys, vm, vcpuN, vgic, dev, other */
	unsigned long req;
	unsigned long calls, errors;
};

struct iotable {
	struct iotable_row row[IOTABLE_ROWS];
	unsigned n;
	unsigned long total;
};

/*
 * The role of an fd from the target of its /proc/PID/fd link; link NULL
 * (unreadable) is "other".
 */
void iotable_fd_role(const char *link, char *role, size_t n);

/* Counts one call of req on an fd of that role; returns its row. */
struct iotable_row *iotable_add(struct iotable *t, const char *role, unsigned long req);

/* The request's name as the table prints it: the known name, else 0x%08lx. */
const char *iotable_req_name(const struct iotable_row *r, char *buf, size_t n);

/*
 * Writes the table: a header, "fd request calls errors" rows ordered by
 * fd role (sys, vm, vcpu0.., devices, other) then first call, and
 * "total N", which is every ioctl the program made.
 */
void iotable_write(FILE *f, const struct iotable *t);

#endif
