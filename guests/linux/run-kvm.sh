#!/usr/bin/env bash
# The Linux guest through kvm-runner in the KVM test bed (run-linux.sh's
# --vmm kvm|kvm-armv7): packs the test bed's initramfs with init, the runner,
# the zImage and the guest's initramfs, boots it once and brings back
# OUT/linux.{console,traplog,ioctls,regs,runinfo,...}.
#
#   run-kvm.sh --vmm kvm|kvm-armv7 --zimage F --initrd F --params "ARGS" --out DIR
#              [--timeout S] [--shell] [--qemu "ARGS"]
# --shell: the terminal talks to the guest (run-testbed.sh --tty: the test
# bed's serial on the terminal, init's --tty, the runner's --stdin).
# The test bed's init runs /guests/NAME.elf whatever the image inside (the
# runner tells ELF, zImage and raw apart), so the zImage goes in as linux.elf.
# kvm-armv7 needs KVM_ARMV7_KERNEL (a 32-bit ARM host kernel with KVM):
# without it, a line on stderr and exit 201.
# LINUX_KVM_RUNNER_OPTS adds runner options (default "--trace-kb 65536": a
# Linux boot's kvm events, every one; "--no-kvm-events" for the runner's
# exits alone, a smaller log). LINUX_KVM_INIT_OPTS adds init's options
# ("--no-count": no ptrace count of the runner's syscalls, two stops each).
# Exit status: the guest's, as run-testbed.sh gives it.
set -u
here=$(dirname "$0")
tb=$here/../../kvm-runner/testbed
die() { echo "run-linux: $*" >&2; exit 201; }

vmm=kvm zimage= initrd= params= out= limit=300 shell= qemu_args=
while [ $# -gt 0 ]; do
	case $1 in --vmm | --zimage | --initrd | --params | --out | --timeout | --qemu)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	esac
	case $1 in
	--vmm) vmm=$2; shift 2 ;;
	--zimage) zimage=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--params) params=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--timeout) limit=$2; shift 2 ;;
	--shell) shell=1; shift ;;
	--qemu) qemu_args=$2; shift 2 ;;
	*) die "unknown option '$1'" ;;
	esac
done
[ -n "$zimage" ] && [ -n "$initrd" ] && [ -n "$out" ] || die "run-kvm.sh needs --zimage, --initrd and --out"
[[ $params != *\"* ]] || die "--params: no double quotes (the test bed's command line quotes with them)"

case $vmm in
kvm)
	arch=arm64 abi=arm64 kernel=${TB_KERNEL:-build/testbed/kernel/vmlinuz}
	;;
kvm-armv7)
	# No such kernel is fetched: Debian's armhf kernels from 5.10 on have no KVM.
	arch=armv7 abi=armhf kernel=${KVM_ARMV7_KERNEL:-}
	[ -n "$kernel" ] || die "--vmm kvm-armv7 needs KVM_ARMV7_KERNEL=/path/zImage, a 32-bit ARM host kernel with KVM (Linux 5.6 or older, docs/linux.md); none is given"
	;;
*) die "unknown --vmm '$vmm' (kvm, kvm-armv7)" ;;
esac
init=build/testbed/init-$abi runner=build/kvm-runner/kvm-runner-$abi
for f in "$kernel" "$init" "$runner"; do
	[ -s "$f" ] || die "$f is missing (make testbed builds it)"
done

# The test bed's initramfs: the zImage as /guests/linux.elf, the guest's
# initramfs as /guests/linux-initrd.
stage=$out/stage
mkdir -p "$stage" || die "cannot create $stage"
cp "$zimage" "$stage/linux.elf" && cp "$initrd" "$stage/linux-initrd" || die "cannot stage the images"
"$tb/mkinitramfs.sh" "$out/testbed.cpio" "$init" "$runner" "$stage/linux.elf" "$stage/linux-initrd" ||
	exit 203

# The runner's own limit inside the test bed's; init's --limit above both.
# No ioctl trace: a Linux boot's is megabytes, and every result byte crosses
# the test bed's serial console (LINUX_KVM_IOCTLS=1 keeps it).
runner_limit=$((limit > 60 ? limit - 30 : limit))
no_ioctls=--no-ioctls
[ -z "${LINUX_KVM_IOCTLS:-}" ] || no_ioctls=
"$tb/run-testbed.sh" --arch "$arch" --kernel "$kernel" --initrd "$out/testbed.cpio" --guest linux \
	--out "$out" --timeout "$limit" --init-opts "--limit $((runner_limit + 10)) $no_ioctls ${LINUX_KVM_INIT_OPTS:-}" \
	--runner-opts "--timeout $runner_limit -m 256 -i /guests/linux-initrd -p \"$params\" ${shell:+--stdin} ${LINUX_KVM_RUNNER_OPTS---trace-kb 65536}" \
	${shell:+--tty} ${qemu_args:+-- $qemu_args}
rc=$?
# The guest's tty writes CR LF, as on the other VMMs' consoles: LF only.
c=$out/linux.console
[ ! -f "$c" ] || { tr -d '\r' <"$c" >"$c.tmp" && mv "$c.tmp" "$c"; }
exit $rc
