#!/usr/bin/env bash
# Runs a guest in the test bed with QEMU's gdb stub on (a socket in a
# private temporary directory, no TCP port), stops it with gdb-multiarch
# while the guest's vCPU context is loaded, and writes KVM's EL2 registers to
# OUTDIR/GUEST.pl2regs (ARMv7 names with --arch armv7), with the generic
# timer's CNTHCTL and CNTVOFF and the GIC virtual interface as KVM loaded it
# (GICH_HCR, GICH_VTR, GICH_VMCR ..., the list registers), read with the
# monitor's xp at the GICH address of the outer QEMU's own device tree. The
# run itself goes on and leaves the usual results (run-testbed.sh) beside it.
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
guest=test out=build/kvm brk= arch=arm64 limit=90
pass=(--timeout $limit)
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
	--timeout) limit=$2 ;;
	--kernel | --initrd | --init-opts | --runner-opts | --vm-mem) ;;
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
[[ $limit =~ ^[1-9][0-9]*$ ]] || die "bad --timeout '$limit'"
command -v gdb-multiarch >/dev/null || die "gdb-multiarch not found (make setup)"

tmp=$(mktemp -d)
run_pid=
cleanup() {
	[ -n "$run_pid" ] && kill -- "-$run_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
# GICH, the GIC's virtual interface control frame: the third reg region of
# the outer machine's GIC node (GICD, GICC, GICH, GICV), from its own DTB.
gich_base() {
	local qemu cpu dtb=$tmp/host.dtb node ac sc w i addr=0
	case $arch in
	arm64) qemu=${QEMU_ARM64:-qemu-system-aarch64} cpu=cortex-a57 ;;
	armv7) qemu=${QEMU_ARM:-qemu-system-arm} cpu=cortex-a15 ;;
	esac
	"$qemu" -M "virt,virtualization=on,dumpdtb=$dtb" -cpu "$cpu" -nographic -nic none \
		>/dev/null 2>&1 && command -v fdtget >/dev/null || return 1
	ac=$(fdtget -t u "$dtb" / '#address-cells') sc=$(fdtget -t u "$dtb" / '#size-cells') || return 1
	for node in $(fdtget -l "$dtb" /); do
		[[ $(fdtget "$dtb" "/$node" compatible 2>/dev/null) == *arm,cortex-a15-gic* ]] || continue
		read -ra w <<<"$(fdtget -t u "$dtb" "/$node" reg)"
		(( ${#w[@]} >= 3 * (ac + sc) )) || return 1
		for ((i = 2 * (ac + sc); i < 2 * (ac + sc) + ac; i++)); do
			addr=$(( addr * 4294967296 + w[i] ))
		done
		printf '0x%x\n' "$addr"
		return 0
	done
	return 1
}

sock=$tmp/gdb.sock
gich=$(gich_base) || die "no GIC with a virtual interface in the $arch machine's device tree (fdtget: make setup)"
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

# gdb waits while the test bed boots: QEMU's limit bounds it (make's is stretched by the load).
if ! PL2_SOCKET=$sock PL2_OUT=$tmp/pl2regs PL2_GUEST=$guest PL2_BREAK=$brk PL2_ARCH=$arch PL2_GICH=$gich \
	timeout -k 5 "$limit" gdb-multiarch -batch -nx -x "$here/pl2regs.py" >"$tmp/gdb.log" 2>&1; then
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
