/*
 * Every use of the three KVM file descriptors goes through here: the
 * ioctls (and the vCPU fd's mmap) are recorded with the fd's role, the
 * request's name, an argument summary, the result and the duration, and
 * counted per fd and request. --ioctl-trace writes both.
 */
#ifndef KVM_RUNNER_IOCTL_TRACE_H
#define KVM_RUNNER_IOCTL_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include "kvm_abi.h"
#include "memmap.h"

/* vCPU n's fd is FD_VCPU + n ("vcpu" for vCPU 0, then "vcpu1" ...). */
enum fd_role { FD_SYS, FD_VM, FD_VCPU, FD_VCPU_LAST = FD_VCPU + BOARD_MAX_CPUS - 1, FD_ROLES };

/*
 * Keep whole records (times, argument text) for the trace file: the
 * default. Off, every call is only counted: no clock reads, no text.
 */
void ioctl_trace_keep(bool on);

/* What the runner is doing: building the VM, running it, dumping registers. */
enum ioctl_phase { PH_SETUP, PH_RUN, PH_REGS, PH_COUNT };
void ioctl_trace_phase(enum ioctl_phase phase);

/* Tells the trace which role an fd plays (after open / KVM_CREATE_*). */
void ioctl_trace_fd(int fd, enum fd_role role);
/* A vCPU fd's kvm_run, so that its KVM_RUN records show the exit. */
void ioctl_trace_run(int fd, const struct kvm_run *run);

/* From now on calls come from several threads (vcpu.c): each is recorded under a lock. */
void ioctl_trace_threads(void);

/* ioctl(fd, req, arg), recorded. Returns what ioctl returned; errno kept. */
int kvm_ioctl(int fd, unsigned long req, void *arg);
int kvm_ioctl_val(int fd, unsigned long req, unsigned long val);
/* mmap of the vCPU fd's kvm_run area, recorded the same way. */
void *kvm_mmap_run(int fd, size_t size);

/* The request's name ("KVM_RUN"), or NULL if the trace does not know it. */
const char *ioctl_name(unsigned long req);
/* A capability's name ("KVM_CAP_ONE_REG"), or NULL. */
const char *kvm_cap_name(unsigned cap);
/* An exit reason's name ("MMIO"), or NULL. */
const char *kvm_exit_name(unsigned reason);

/*
 * The argument summary of one call, as the trace writes it; ret is the
 * ioctl's return value (some arguments are outputs).
 */
void ioctl_describe(char *buf, size_t n, unsigned long req, uintptr_t arg, int ret,
		    const struct kvm_run *run);

/* How many calls fd role `role` received of request `req` (all phases). */
unsigned ioctl_count(enum fd_role role, unsigned long req);
/* All ioctls on that fd in one phase (PH_COUNT: in all). */
unsigned ioctl_total(enum fd_role role, enum ioctl_phase phase);

/* Writes the records (unless records == 0) and the summary table. */
void ioctl_trace_write(FILE *f, const char *runner);

/* Forgets everything (tests). */
void ioctl_trace_reset(void);

#endif
