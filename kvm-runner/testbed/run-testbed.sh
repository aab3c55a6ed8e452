#!/usr/bin/env bash
# Boots the KVM test bed in QEMU, runs kvm-runner on one guest there and
# brings the results back into OUTDIR/GUEST.{console,traplog,ioctls,regs,
# runinfo,syscalls,stderr,dmesg,serial} (and kallsyms with --init-opts
# --kallsyms). Exits with the guest's status.
#
#   run-testbed.sh [options] [-- QEMU_ARG...]
#     --arch arm64|armv7   arm64: qemu-system-aarch64 -cpu cortex-a57 (default);
#                          armv7: qemu-system-arm -cpu cortex-a15
#     --kernel FILE        the host kernel image (required)
#     --initrd FILE        the initramfs from mkinitramfs.sh (required)
#     --guest NAME         the guest in the initramfs' /guests (default test)
#     --out DIR            where results go (default build/kvm)
#     --timeout S          QEMU is stopped after S seconds (default 120)
#     --init-opts "..."    init's options (--no-count, --limit S, --kallsyms)
#     --runner-opts "..."  kvm-runner's options (default: --timeout 20)
#   QEMU_ARG: extra QEMU arguments, e.g. -icount shift=0, or -S -gdb ...
#
# Exit status: the guest's (0..126), or the runner's (200..203); 203 with a
# line on stderr when the test bed itself failed (no kernel, QEMU timeout, no
# results).
set -euo pipefail

die() { echo "run-testbed: $*" >&2; exit 203; }

arch=arm64 kernel= initrd= guest=test out=build/kvm limit=120
init_opts= runner_opts="--timeout 20"
while [ $# -gt 0 ]; do
	case $1 in --arch | --kernel | --initrd | --guest | --out | --timeout | --init-opts | --runner-opts)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	esac
	case $1 in
	--arch) arch=$2; shift 2 ;;
	--kernel) kernel=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--guest) guest=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--timeout) limit=$2; shift 2 ;;
	--init-opts) init_opts=$2; shift 2 ;;
	--runner-opts) runner_opts=$2; shift 2 ;;
	--) shift; break ;;
	*) die "unknown option '$1' (see the head of $0)" ;;
	esac
done

case $arch in
arm64) qemu=${QEMU_ARM64:-qemu-system-aarch64} cpu=cortex-a57 ;;
armv7) qemu=${QEMU_ARM:-qemu-system-arm} cpu=cortex-a15 ;;
*) die "unknown --arch '$arch' (arm64 or armv7)" ;;
esac
[ -n "$kernel" ] && [ -s "$kernel" ] || die "kernel '$kernel': missing or empty"
[ -n "$initrd" ] && [ -s "$initrd" ] || die "initramfs '$initrd': missing or empty"
[[ $guest =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || die "bad guest name '$guest'"
[[ $limit =~ ^[1-9][0-9]*$ ]] || die "bad --timeout '$limit'"
command -v "$qemu" >/dev/null || die "$qemu not found (make setup)"

mkdir -p "$out"
for f in console stderr traplog ioctls regs runinfo syscalls dmesg kallsyms serial; do
	rm -f "$out/$guest.$f"
done
serial=$out/$guest.serial

# nokaslr: kernel addresses stay the same from boot to boot (for gdb).
append="console=ttyAMA0 nokaslr quiet panic=-1 -- $init_opts $guest $runner_opts"
start=$(date +%s.%N)
set +e
timeout -k 5 "$limit" "$qemu" -M virt,virtualization=on -cpu "$cpu" -m 512M \
	-nographic -nic none -no-reboot -kernel "$kernel" -initrd "$initrd" \
	-append "$append" "$@" </dev/null >"$serial" 2>&1
qrc=$?
set -e
secs=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
[ $qrc -eq 124 ] && die "QEMU stopped after ${limit}s (see $serial)"
[ $qrc -eq 0 ] || die "QEMU failed with status $qrc (see $serial)"

status=$("$(dirname "$0")/unpack-results.sh" "$serial" "$out" "$guest") || exit 203
[ -f "$out/$guest.runinfo" ] && echo "host_seconds: $secs" >>"$out/$guest.runinfo"
[ -s "$out/$guest.stderr" ] && cat "$out/$guest.stderr" >&2
[ -f "$out/$guest.console" ] && cat "$out/$guest.console"
echo "run-testbed: $guest: status $status, ${secs}s (boot + run, $arch); results in $out/$guest.*" >&2
exit "$status"
