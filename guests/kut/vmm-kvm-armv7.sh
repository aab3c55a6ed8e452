# run-kut.sh's kvm-armv7 VMM: as kvm (vmm-kvm.sh), on a 32-bit ARM KVM host
# you supply (KVM_ARMV7_KERNEL=/path/zImage, docs/testbed.md), with the
# armhf runner and init. Its kernel version, for the errata lines, is
# KVM_ARMV7_KERNEL_VERSION (e.g. 5.4.286); without it no erratum is
# claimed, so psci's cpu-on is skipped as kvm-unit-tests does then.
source guests/kut/vmm-kvm.sh
if [ -z "${KVM_ARMV7_KERNEL:-}" ]; then
	echo "run-kut: skipped: kvm-armv7 needs a 32-bit ARM KVM kernel; give KVM_ARMV7_KERNEL=/path/zImage (docs/testbed.md)"
	exit 77
fi
tb_arch=armv7 tb_init=build/testbed/init-armhf tb_runner=build/kvm-runner/kvm-runner-armhf
tb_kernel=$KVM_ARMV7_KERNEL

vmm_env() {
	[ -n "${KVM_ARMV7_KERNEL_VERSION:-}" ] && [ -r "$kut/errata.txt" ] || return 0
	"$kutplan" errata --kernel "$KVM_ARMV7_KERNEL_VERSION" "$kut/errata.txt"
}
