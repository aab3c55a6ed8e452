/*
 * KVM's in-kernel GICv2 (--irqchip=kernel, the default): the device fd, the
 * fourth kind of fd, and its attributes, all from the board description.
 *
 *   vm_fd ──KVM_CREATE_DEVICE(VGIC_V2)──> dev_fd ──KVM_SET_DEVICE_ATTR──> addresses,
 *                                                                         NR_IRQS, CTRL_INIT
 *
 * The order rule (kvm_vgic_create, vgic_dev_init, kvm_arch_vcpu_precreate on
 * 5.6 and 6.1): the device before the vCPUs' timer PPIs are set (they need
 * an in-kernel irqchip), the addresses and NR_IRQS before CTRL_INIT, and
 * CTRL_INIT after every KVM_CREATE_VCPU (a vCPU created later is refused
 * with EBUSY) and before the first KVM_RUN (which would otherwise init it
 * on its own, or fail with ENXIO without the addresses). So vgic_dev_create
 * comes right after KVM_CREATE_VM and vgic_dev_init once all vCPUs exist.
 */
#ifndef KVM_RUNNER_VGIC_H
#define KVM_RUNNER_VGIC_H

#include <stdbool.h>
#include <stdint.h>
#include "board_desc.h"

struct vm;

/* clang-format off */
#define VGIC_NR_IRQS_MIN	64	/* KVM: 16 SGIs + 16 PPIs + at least 32 SPIs */
#define VGIC_NR_IRQS_MAX	1024
/* clang-format on */

/* NR_IRQS for the board: its highest SPI's INTID + 1, rounded up to 32 (at least 64). */
uint32_t vgic_dev_nr_irqs(const struct board_desc *d);

/* The device and its two frames at the board's GICD and GICC bases. 0 or an exit status. */
int vgic_dev_create(struct vm *vm, const struct board_desc *d);

/* The timers' PPIs on one vCPU, from the board; then NR_IRQS and CTRL_INIT once all ncpus exist. */
int vgic_dev_set_timer_irqs(int vcpu_fd);
int vgic_dev_init(struct vm *vm, const struct board_desc *d, unsigned ncpus);

/* KVM_IRQ_LINE for an SPI (INTID 32 + spi) at level. 0 or an exit status. */
int vgic_dev_spi_line(struct vm *vm, unsigned spi, bool level);

#endif
