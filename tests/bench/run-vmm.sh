#!/usr/bin/env bash
# Runs the bench guest once under one VMM, with -icount shift=0, and leaves
# its console in CONSOLE (the guest's lines only, as the VMM saw them).
#
#   tests/bench/run-vmm.sh VMM CONSOLE
#     VMM: native | hyp-nolog | hyp | kvm-arm64 | kvm-armv7
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

case $vmm in
native) native ;;
*) die "unknown VMM (native, hyp-nolog, hyp, kvm-arm64, kvm-armv7)" ;;
esac
