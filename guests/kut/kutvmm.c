/*
 * The VMMs run-kut drives. vcpus is the one place where the kit's vCPU
 * limit is written: the board's maximum natively (QEMU's virt), under the
 * bare hypervisor (-smp) and kvm-runner's vCPU threads in the arm64 test
 * bed (issue 10); 1 on a 32-bit KVM host, where no SMP run was made.
 */
#include "kutplan.h"
#include "memmap.h"

#include <string.h>

static const struct kut_vmm vmms[] = {
	/* name		accel	target	vcpus		qemu_params image */
	{ "native", "tcg", "qemu", BOARD_MAX_CPUS, 1, ".flat" },
	{ "hyp", "hyp", "kit", BOARD_MAX_CPUS, 0, ".elf" },
	{ "kvm", "kvm", "kit", BOARD_MAX_CPUS, 0, ".elf" },
	{ "kvm-armv7", "kvm", "kit", 1, 0, ".elf" }, /* SMP not run on a 32-bit host yet */
};

const struct kut_vmm *kut_vmm_find(const char *name)
{
	for (size_t i = 0; i < sizeof(vmms) / sizeof(vmms[0]); i++)
		if (!strcmp(vmms[i].name, name))
			return &vmms[i];
	return NULL;
}
