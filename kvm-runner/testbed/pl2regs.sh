#!/usr/bin/env bash
# Runs a guest in the test bed with QEMU's gdb stub on (a socket in a
# private temporary directory, no TCP port), stops it with gdb-multiarch
# while the guest's vCPU context is loaded, and writes KVM's EL2 registers to
# OUTDIR/GUEST.pl2regs (ARMv7 names with --arch armv7). The run itself goes
# on and leaves the usual results (run-testbed.sh) beside it.
#
#   pl2regs.sh --kernel FILE --initrd FILE [--arch arm64|armv7] [--guest NAME]
#              [--out DIR] [--break ADDR] [--timeout S] [--init-opts "..."]
#              [--runner-opts "..."] [--vm-mem MIB] [-- QEMU_ARG...]
#
# --break: the guest address to stop at (default: the entry point of
# build/guests/GUEST.elf, else 0x40000000).
# Exit status: the guest's; 203 with a line on stderr if the capture failed.
set -euo pipefail

die() { echo "pl2regs: $*" >&2; exit 203; }
here=$(dirname "$0")
# run-testbed.sh's options go on to it as given (a later --timeout wins);
# those this script needs too are read on the way, with its defaults.
guest=test out=build/kvm brk= arch=arm64
pass=(--timeout 90)
while [ $# -gt 0 ]; do
	case $1 in --break | --arch | --guest | --out | --kernel | --initrd | --timeout | \
		--init-opts | --runner-opts | --vm-mem)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	esac
	case $1 in
	--break) brk=$2; shift 2; continue ;;
	--arch) arch=$2 ;;
	--guest) guest=$2 ;;
	--out) out=$2 ;;
	--kernel | --initrd | --timeout | --init-opts | --runner-opts | --vm-mem) ;;
	--) shift; break ;;
	*) die "unknown option '$1' (see the head of $0)" ;;
	esac
	pass+=("$1" "$2")
	shift 2
done
# The guest's ELF header holds its entry (e_entry, offset 24): the Linux-protocol guests start at 0x40010000.
elf=build/guests/$guest.elf
[ -n "$brk" ] || { [ -s "$elf" ] && brk=$(printf '0x%08x' $((0x$(od -An -tx4 -j 24 -N 4 "$elf" | tr -d ' ')))); } || brk=0x40000000
[[ $brk =~ ^0x[0-9a-fA-F]{1,8}$ ]] || die "bad --break '$brk' (a 32-bit guest address, 0x...)"
[[ $arch =~ ^(arm64|armv7)$ ]] || die "unknown --arch '$arch' (arm64 or armv7)"
command -v gdb-multiarch >/dev/null || die "gdb-multiarch not found (make setup)"

tmp=$(mktemp -d)
run_pid=
cleanup() {
	[ -n "$run_pid" ] && kill -- "-$run_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
sock=$tmp/gdb.sock
mkdir -p "$out"
rm -f "$out/$guest.pl2regs"

# Its own process group, so that a failed capture can stop QEMU at once.
setsid "$here/run-testbed.sh" "${pass[@]}" -- -S -gdb "unix:$sock,server=on,wait=off" "$@" &
run_pid=$!
for _ in $(seq 100); do
	[ -S "$sock" ] && break
	kill -0 "$run_pid" 2>/dev/null || break
	sleep 0.1
done
[ -S "$sock" ] || die "QEMU's gdb socket did not appear (see $out/$guest.serial)"

if ! PL2_SOCKET=$sock PL2_OUT=$tmp/pl2regs PL2_GUEST=$guest PL2_BREAK=$brk PL2_ARCH=$arch \
	timeout -k 5 60 gdb-multiarch -batch -nx -x "$here/pl2regs.py" >"$tmp/gdb.log" 2>&1; then
	sed 's/^/    gdb: /' "$tmp/gdb.log" >&2
	die "the register capture failed"
fi
set +e
wait "$run_pid"
status=$?
set -e
run_pid=
if [ ! -s "$tmp/pl2regs" ]; then
	grep -v '^$' "$tmp/gdb.log" | tail -n 3 | sed 's/^/    gdb: /' >&2
	die "gdb wrote no registers (did the guest reach $brk?)"
fi
mv "$tmp/pl2regs" "$out/$guest.pl2regs"
cat "$out/$guest.pl2regs"
exit "$status"
