#!/usr/bin/env bash
# Runs the bench guest once under one VMM, with -icount shift=0, and leaves
# its console in CONSOLE (the guest's lines only, as the VMM saw them).
#
#   tests/bench/run-vmm.sh VMM CONSOLE
#     VMM: native | hyp-nolog | hyp | kvm-arm64 | kvm-trace | kvm-nolog | kvm-loop | qemu-kvm
#          | kvm-armv7 | kvm-armv7-trace | kvm-armv7-nolog | kvm-armv7-loop
#     (kvm-arm64: the test bed's defaults less syscall counting and the kvm
#      trace events: trap log (its pc by KVM_GET_ONE_REG), --ioctl-trace,
#      --regs; kvm-trace: the full trap log, the kvm trace events on and no
#      ioctl per exit, no --ioctl-trace or --regs; kvm-nolog: "kvm-runner (no
#      trap log)", its lean path: no --traplog, --ioctl-trace or --regs;
#      kvm-loop: the bare KVM_RUN loop, tests/bench/kvmloop.c, in kvm-runner's
#      place; qemu-kvm: Debian's QEMU with KVM in the same test bed, the peer
#      of make run-qemu-kvm; kvm-armv7*: the same on 32-bit ARM KVM,
#      KVM_ARMV7_KERNEL)
#
# Expects the binaries built (make bench builds them). Exit: the run's status
# (0 = the guest passed), 77 when the VMM is not available here (no kernel).
set -u
vmm=${1:?usage: run-vmm.sh VMM CONSOLE}
console=${2:?usage: run-vmm.sh VMM CONSOLE}
BUILD=${BUILD:-build}
ICOUNT=(-icount shift=0)	# 1 ns of virtual time per instruction
mkdir -p "$(dirname "$console")"
rm -f "$console"

die() { echo "run-vmm: $vmm: $*" >&2; exit 2; }

native() {
	timeout -k 2 30 "${QEMU_ARM:-qemu-system-arm}" -M virt -cpu cortex-a15 -m 256 \
		-nographic -nic none -monitor none -serial stdio "${ICOUNT[@]}" \
		-kernel "$BUILD/guests/bench.elf" </dev/null >"$console"
}

# hyp ELF: the bare hypervisor; its run script keeps the guest's lines apart.
hyp() {
	local dir
	dir=$(mktemp -d) || die "mktemp failed"
	baremetal-hyp/run.sh -q --hyp "$1" --out "$dir" --timeout 60 \
		"$BUILD/guests/bench.bin" -- "${ICOUNT[@]}"
	local rc=$?
	cp "$dir/bench.console" "$console" 2>/dev/null
	# The trap log's end line says whether records were dropped.
	grep -h '^# end' "$dir/bench.traplog" 2>/dev/null >"${console%.console}.traplog-end"
	rm -rf "$dir"
	return $rc
}

# kvm ARCH KERNEL INITRD [TAG [INIT_OPTS [RUNNER_OPTS]]]: kvm-runner in the test
# bed, without syscall counting (ptrace would stop every KVM_RUN) and, unless
# RUNNER_OPTS is given, without kvm trace events.
kvm() {
	[ -s "$2" ] || { echo "no host kernel $2"; exit 77; }
	local dir
	dir=$(dirname "$console")/kvm-$1${4:+-$4}
	kvm-runner/testbed/run-testbed.sh --arch "$1" --kernel "$2" --initrd "$3" \
		--guest bench --out "$dir" --timeout 300 --init-opts "--no-count${5:+ $5}" \
		--runner-opts "${6:---timeout 120 --no-kvm-events}" -- "${ICOUNT[@]}" \
		>/dev/null 2>"$dir.log"
	local rc=$?
	cp "$dir/bench.console" "$console" 2>/dev/null
	return $rc
}

# Debian's QEMU with KVM in the test bed (fetch-qemu.sh, cached), the bench
# guest as the one run of a guest list with init's --qemu: QEMU sees no
# STATUS register, so the status is the guest's EXIT: line (runinfo).
qemu_kvm() {
	local dir root st
	dir=$(dirname "$console")/qemu-kvm
	[ -s "$BUILD/testbed/kernel/vmlinuz" ] || { echo "no host kernel"; exit 77; }
	root=$(kvm-runner/testbed/fetch-qemu.sh "$BUILD/testbed/qemu" 2>"$dir.log") ||
		{ echo "no QEMU for the test bed (see $dir.log)"; exit 77; }
	mkdir -p "$dir"
	echo "bench --no-count --qemu bench" >"$dir/bench.runs"
	kvm-runner/testbed/mkinitramfs.sh --tree "$root" "$dir/initrd" "$BUILD/testbed/init-arm64" \
		"$BUILD/kvm-runner/kvm-runner-arm64" "$BUILD/guests/bench.elf" "$dir/bench.runs" ||
		die "the initramfs failed"
	kvm-runner/testbed/run-testbed.sh --kernel "$BUILD/testbed/kernel/vmlinuz" --initrd "$dir/initrd" \
		--list bench.runs --out "$dir" --timeout 300 --vm-mem 1024 -- "${ICOUNT[@]}" \
		>/dev/null 2>>"$dir.log" || die "the test bed failed (see $dir.log)"
	cp "$dir/bench.console" "$console" 2>/dev/null
	st=$(sed -n 's/^exit_status: //p' "$dir/bench.runinfo" 2>/dev/null)
	return "${st:-203}"
}

case $vmm in
native) native ;;
qemu-kvm) qemu_kvm ;;
hyp-nolog) hyp "$BUILD/baremetal-hyp/hyp-nolog.elf" ;;
hyp) hyp "$BUILD/baremetal-hyp/hyp.elf" ;;
kvm-arm64) kvm arm64 "$BUILD/testbed/kernel/vmlinuz" "$BUILD/testbed/initramfs-arm64.cpio" ;;
kvm-trace) kvm arm64 "$BUILD/testbed/kernel/vmlinuz" "$BUILD/testbed/initramfs-arm64.cpio" trace \
	"--no-ioctls --no-regs" "--timeout 120" ;;
kvm-nolog) kvm arm64 "$BUILD/testbed/kernel/vmlinuz" "$BUILD/testbed/initramfs-arm64.cpio" nolog \
	"--no-traplog --no-ioctls --no-regs" ;;
kvm-loop) kvm arm64 "$BUILD/testbed/kernel/vmlinuz" "$BUILD/bench/initramfs-kvmloop.cpio" loop ;;
kvm-armv7*)
	[ -n "${KVM_ARMV7_KERNEL:-}" ] || { echo "KVM_ARMV7_KERNEL not set"; exit 77; }
	[ -s "$KVM_ARMV7_KERNEL" ] || die "KVM_ARMV7_KERNEL=$KVM_ARMV7_KERNEL: missing or empty"
	case $vmm in
	kvm-armv7) kvm armv7 "$KVM_ARMV7_KERNEL" "$BUILD/testbed/initramfs-armhf.cpio" ;;
	kvm-armv7-trace) kvm armv7 "$KVM_ARMV7_KERNEL" "$BUILD/testbed/initramfs-armhf.cpio" \
		trace "--no-ioctls --no-regs" "--timeout 120" ;;
	kvm-armv7-nolog) kvm armv7 "$KVM_ARMV7_KERNEL" "$BUILD/testbed/initramfs-armhf.cpio" \
		nolog "--no-traplog --no-ioctls --no-regs" ;;
	kvm-armv7-loop) kvm armv7 "$KVM_ARMV7_KERNEL" "$BUILD/bench/initramfs-kvmloop-armhf.cpio" \
		loop ;;
	*) die "unknown VMM $vmm" ;;
	esac ;;
*) die "unknown VMM (native, hyp-nolog, hyp, kvm-arm64, kvm-trace, kvm-nolog, kvm-loop, qemu-kvm," \
	"kvm-armv7, kvm-armv7-trace, kvm-armv7-nolog, kvm-armv7-loop)" ;;
esac
