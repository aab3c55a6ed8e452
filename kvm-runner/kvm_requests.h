/*
 * The names of ioctl requests, one table for every tracer in the kit:
 * kvm-runner's own trace (ioctl_name) and the test bed's ptrace decoder,
 * which also sees QEMU's requests and the terminal ones a VMM makes on
 * other fds. Pure C.
 */
#ifndef KVM_RUNNER_KVM_REQUESTS_H
#define KVM_RUNNER_KVM_REQUESTS_H

#include <stdbool.h>

/*
 * The name of request req ("KVM_RUN"), or NULL. on_vm: the call went to a
 * VM fd, where 0xab is KVM_ARM_SET_DEVICE_ADDR, not KVM_GET_ONE_REG (the
 * same number: both take 16 bytes).
 */
const char *kvm_request_name(unsigned long req, bool on_vm);

#endif
