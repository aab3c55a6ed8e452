#!/usr/bin/env bash
# Boots the KVM test bed in QEMU, runs kvm-runner on one guest there and
# brings the results back into OUTDIR/GUEST.{console,traplog,ioctls,regs,
# runinfo,syscalls,stderr,dmesg,serial} (and kallsyms with --init-opts
# --kallsyms). Exits with the guest's status. With --list, runs every line
# of a guest list in the same boot instead (docs/testbed.md).
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
#     --runner-opts "..."  kvm-runner's options (default: --timeout 20); a
#                          value with blanks in "double quotes" (-p "a b")
#     --list NAME          run the guest list /guests/NAME of the initramfs
#                          (mkinitramfs.sh puts it there): OUTDIR/RUN.* per
#                          run, LIST.serial, LIST.dmesg; exit 0 when every run
#                          ran (each run's status: RUN.runinfo, and a line here)
#     --vm-mem MIB         the test bed VM's RAM (default: 512, or the runner's
#                          -m plus 256 when that is more)
#     --tty                the terminal talks to the guest: QEMU's serial on
#                          stdio (raw, ^C to the guest), init's --tty (the
#                          runner reads the console; give it --stdin), the
#                          console shown live up to the results (consview)
#   QEMU_ARG: extra QEMU arguments, e.g. -icount shift=0, or -S -gdb ...
#
# Exit status: the guest's (0..126), or the runner's (200..203); 203 with a
# line on stderr when the test bed itself failed (no kernel, QEMU timeout, no
# results).
set -euo pipefail

die() { echo "run-testbed: $*" >&2; exit 203; }

arch=arm64 kernel= initrd= guest=test out=build/kvm limit=120
init_opts= runner_opts="--timeout 20" list= vm_mem= tty=
while [ $# -gt 0 ]; do
	case $1 in --arch | --kernel | --initrd | --guest | --out | --timeout | --init-opts | \
		--runner-opts | --list | --vm-mem)
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
	--list) list=$2; shift 2 ;;
	--vm-mem) vm_mem=$2; shift 2 ;;
	--tty) tty=1; shift ;;
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
[ -z "$list" ] || [[ $list =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || die "bad list name '$list'"

# MiB of a -m value (decimal, K/M/G, none = M: kvm-runner's syntax), or nothing.
mib() {
	case $1 in
	*[kK]) echo $(( ${1%?} / 1024 )) ;;
	*[mM]) echo $(( ${1%?} )) ;;
	*[gG]) echo $(( ${1%?} * 1024 )) ;;
	*) echo $(( $1 )) ;;
	esac
}
# The VM grows to fit the guest: its -m (the last one given) plus 256 MiB.
if [ -z "$vm_mem" ]; then
	vm_mem=512 want=
	read -ra words <<<"$runner_opts"
	for ((i = 0; i < ${#words[@]}; i++)); do
		case ${words[i]} in
		-m | --mem) want=${words[i + 1]:-} ;;
		--mem=*) want=${words[i]#--mem=} ;;
		esac
	done
	if [[ $want =~ ^[0-9]{1,6}[kKmMgG]?$ ]] && (( $(mib "$want") + 256 > vm_mem )); then
		vm_mem=$(( $(mib "$want") + 256 ))
	fi
fi
[[ $vm_mem =~ ^[1-9][0-9]{0,5}$ ]] || die "bad --vm-mem '$vm_mem' (MiB)"
command -v "$qemu" >/dev/null || die "$qemu not found (make setup)"

mkdir -p "$out"
name=${list:-$guest}
for f in console stderr traplog ioctls regs runinfo syscalls dtb kvmtrace dmesg kallsyms order serial; do
	rm -f "$out/$name.$f"
done
serial=$out/$name.serial

[ -z "$tty" ] || [ -z "$list" ] || die "--tty is for one guest, not a --list"
consview=${TB_CONSVIEW:-build/testbed/consview}
[ -z "$tty" ] || [ -x "$consview" ] || die "$consview is missing (make testbed builds it)"
[ -z "$tty" ] || init_opts="--tty $init_opts"

# nokaslr: kernel addresses stay the same from boot to boot (for gdb).
if [ -n "$list" ]; then
	append="console=ttyAMA0 nokaslr quiet panic=-1 -- $init_opts --list $list"
else
	append="console=ttyAMA0 nokaslr quiet panic=-1 -- $init_opts $guest $runner_opts"
fi
machine=("$qemu" -M virt,virtualization=on -cpu "$cpu" -m "${vm_mem}M" -nographic -nic none
	-no-reboot -kernel "$kernel" -initrd "$initrd" -append "$append")
start=$(date +%s.%N)
set +e
if [ -n "$tty" ]; then
	# The serial log from QEMU's own copy (logfile=); the terminal sees the
	# console up to the results. --foreground: QEMU reads the terminal.
	timeout -k 5 --foreground "$limit" "${machine[@]}" -monitor none \
		-chardev "stdio,id=con,signal=off,logfile=$serial" -serial chardev:con "$@" |
		"$consview"
	qrc=${PIPESTATUS[0]}
else
	timeout -k 5 "$limit" "${machine[@]}" "$@" </dev/null >"$serial" 2>&1
	qrc=$?
fi
set -e
secs=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
[ $qrc -eq 124 ] && die "QEMU stopped after ${limit}s (see $serial)"
[ $qrc -eq 0 ] || die "QEMU failed with status $qrc (see $serial)"

if [ -n "$list" ]; then
	# the runs' files come as RUN.NAME: no prefix; dmesg is the boot's
	status=$("$(dirname "$0")/unpack-results.sh" "$serial" "$out" "") || exit 203
	if [ -f "$out/dmesg" ]; then mv "$out/dmesg" "$out/$list.dmesg"; fi
	tr -d '\r' <"$serial" | sed -n 's/^init: run \(.*\): status \(.*\)$/run-testbed: \1: status \2/p' >&2
	tr -d '\r' <"$serial" | grep -a '^init: ' | grep -v '^init: run ' >&2 || true
	echo "run-testbed: list $list: status $status, ${secs}s (boot + runs, $arch); results in $out/RUN.*" >&2
	exit "$status"
fi
status=$("$(dirname "$0")/unpack-results.sh" "$serial" "$out" "$guest") || exit 203
[ -f "$out/$guest.runinfo" ] && echo "host_seconds: $secs" >>"$out/$guest.runinfo"
[ -s "$out/$guest.stderr" ] && cat "$out/$guest.stderr" >&2
[ -n "$tty" ] || [ ! -f "$out/$guest.console" ] || cat "$out/$guest.console" # --tty: seen live
echo "run-testbed: $guest: status $status, ${secs}s (boot + run, $arch); results in $out/$guest.*" >&2
exit "$status"
