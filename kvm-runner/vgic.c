/*
 * KVM's in-kernel GICv2: KVM_CREATE_DEVICE and its attributes (vgic.h).
 * What KVM does with each is in docs/kvm-runner.md ("The in-kernel vGIC").
 */
#include <errno.h>
#include <string.h>
#include "err.h"
#include "ioctl_trace.h"
#include "memmap.h"
#include "vgic.h"
#include "vm.h"

/* KVM's default timer PPIs (kvm_timer_init's defaults) are the board's. */
_Static_assert(BOARD_PPI(BOARD_TIMER_VIRT_PPI) == 27 && BOARD_PPI(BOARD_TIMER_PHYS_PPI) == 30,
	       "the board's timer PPIs are KVM's defaults");

uint32_t vgic_dev_nr_irqs(const struct board_desc *d)
{
	uint32_t top = BOARD_SPI(0);

	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].spi >= 0 && (uint32_t)BOARD_SPI(d->devs[i].spi) + 1 > top)
			top = (uint32_t)BOARD_SPI(d->devs[i].spi) + 1;
	top = (top + 31) & ~31u;
	return top < VGIC_NR_IRQS_MIN ? VGIC_NR_IRQS_MIN : top;
}

static int set_attr(int fd, uint32_t group, uint64_t attr, const void *value)
{
	struct kvm_device_attr a = {
		.group = group,
		.attr = attr,
		.addr = (uintptr_t)value,
	};

	return kvm_ioctl(fd, KVM_SET_DEVICE_ATTR, &a);
}

static const struct board_dev *dev_of(const struct board_desc *d, enum board_dev_kind kind)
{
	for (unsigned i = 0; i < d->ndevs; i++)
		if (d->devs[i].kind == kind)
			return &d->devs[i];
	return NULL;
}

int vgic_dev_create(struct vm *vm, const struct board_desc *d)
{
	struct kvm_create_device cd = { .type = KVM_DEV_TYPE_ARM_VGIC_V2 };
	const struct board_dev *gicd = dev_of(d, BDEV_GICD), *gicc = dev_of(d, BDEV_GICC);
	uint64_t dist, cpu;

	if (!gicd || !gicc)
		return fail(EXIT_BADINPUT, "the board has no GIC to give KVM's vGIC");
	if (kvm_ioctl_val(vm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_DEVICE_CTRL) <= 0)
		return fail(EXIT_NOKVM,
			    "KVM lacks KVM_CAP_DEVICE_CTRL: no in-kernel vGIC "
			    "(--irqchip=user runs without one)");
	if (kvm_ioctl(vm->vm_fd, KVM_CREATE_DEVICE, &cd) < 0)
		return fail(EXIT_NOKVM, "KVM_CREATE_DEVICE(ARM_VGIC_V2): %s%s", strerror(errno),
			    errno == ENODEV ? " (the host's GIC cannot emulate a GICv2: "
					      "--irqchip=user runs without one)"
					    : "");
	vm->dev_fd = (int)cd.fd;
	ioctl_trace_fd(vm->dev_fd, FD_VGIC);
	dist = gicd->base;
	cpu = gicc->base;
	if (set_attr(vm->dev_fd, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_V2_ADDR_TYPE_DIST, &dist) < 0)
		return fail(EXIT_KVMFAIL, "vGIC distributor at 0x%08x: %s", gicd->base,
			    strerror(errno));
	if (set_attr(vm->dev_fd, KVM_DEV_ARM_VGIC_GRP_ADDR, KVM_VGIC_V2_ADDR_TYPE_CPU, &cpu) < 0)
		return fail(EXIT_KVMFAIL, "vGIC CPU interface at 0x%08x: %s", gicc->base,
			    strerror(errno));
	return 0;
}

int vgic_dev_set_timer_irqs(int vcpu_fd)
{
	const int vtimer = BOARD_PPI(BOARD_TIMER_VIRT_PPI),
		  ptimer = BOARD_PPI(BOARD_TIMER_PHYS_PPI);
	struct kvm_device_attr has = { .group = KVM_ARM_VCPU_TIMER_CTRL,
				       .attr = KVM_ARM_VCPU_TIMER_IRQ_VTIMER };

	/* Older kernels have no such attribute, and use KVM's defaults: the board's. */
	if (kvm_ioctl(vcpu_fd, KVM_HAS_DEVICE_ATTR, &has) < 0)
		return 0;
	if (set_attr(vcpu_fd, KVM_ARM_VCPU_TIMER_CTRL, KVM_ARM_VCPU_TIMER_IRQ_VTIMER, &vtimer) <
		    0 ||
	    set_attr(vcpu_fd, KVM_ARM_VCPU_TIMER_CTRL, KVM_ARM_VCPU_TIMER_IRQ_PTIMER, &ptimer) < 0)
		return fail(EXIT_KVMFAIL, "the timers' PPIs %d and %d: %s", vtimer, ptimer,
			    strerror(errno));
	return 0;
}

int vgic_dev_init(struct vm *vm, const struct board_desc *d, unsigned ncpus)
{
	uint32_t nr = vgic_dev_nr_irqs(d);

	if (ncpus == 0 || ncpus > BOARD_MAX_CPUS)
		return fail(EXIT_BADINPUT, "vGIC for %u vCPUs (GICv2: 1..%d)", ncpus,
			    BOARD_MAX_CPUS);
	if (set_attr(vm->dev_fd, KVM_DEV_ARM_VGIC_GRP_NR_IRQS, 0, &nr) < 0)
		return fail(EXIT_KVMFAIL, "vGIC NR_IRQS %u: %s", nr, strerror(errno));
	/* Here the vGIC takes its vCPU count: every vCPU must exist already. */
	if (set_attr(vm->dev_fd, KVM_DEV_ARM_VGIC_GRP_CTRL, KVM_DEV_ARM_VGIC_CTRL_INIT, NULL) < 0)
		return fail(EXIT_KVMFAIL, "vGIC CTRL_INIT with %u vCPUs: %s", ncpus,
			    strerror(errno));
	return 0;
}

int vgic_dev_spi_line(struct vm *vm, unsigned spi, bool level)
{
	struct kvm_irq_level irq = {
		.irq = KVM_ARM_IRQ_SPI(BOARD_SPI(spi)),
		.level = level,
	};

	if (kvm_ioctl(vm->vm_fd, KVM_IRQ_LINE, &irq) < 0)
		return fail(EXIT_KVMFAIL, "KVM_IRQ_LINE SPI %u (INTID %u) level %d: %s", spi,
			    BOARD_SPI(spi), level, strerror(errno));
	return 0;
}
