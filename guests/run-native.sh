#!/usr/bin/env bash
# Runs a guest natively: plain qemu-system-arm -M virt, no hypervisor.
#   guests/run-native.sh [-m MiB] [-c CPUS] [-p "CMDLINE"] GUEST.elf CONSOLE-FILE
# The boot protocol follows from the ELF's entry (docs/guest-abi.md): at the
# RAM base, the kit's (QEMU starts the ELF itself, r0-r12 = 0); at RAM base
# + BOARD_RAW_IMAGE_OFFSET, Linux's: GUEST.bin beside it goes in as a raw
# image, which QEMU loads there and enters with r2 = its DTB (bootargs =
# CMDLINE). -m sets the RAM (default 256), -c the CPUs (QEMU's -smp, default 1).
# The console is shown and saved. Native QEMU exits 0 on PSCI SYSTEM_OFF and
# cannot see the STATUS register, so the exit status is the guest's own
# "EXIT: STATUS=n" line: 124 on timeout, 126 if the guest never printed it,
# 2 for bad arguments.
set -u
usage="usage: run-native.sh [-m MiB] [-c CPUS] [-p CMDLINE] GUEST.elf CONSOLE-FILE"
die() { echo "run-native: $*" >&2; exit 2; }
mem=256 params= cpus=1
while [ $# -gt 0 ]; do
	case $1 in
	-m | --mem) [ $# -ge 2 ] || die "$1 needs a value"; mem=$2; shift 2 ;;
	-c | --cpus) [ $# -ge 2 ] || die "$1 needs a value"; cpus=$2; shift 2 ;;
	-p | --params) [ $# -ge 2 ] || die "$1 needs a value"; params=$2; shift 2 ;;
	-*) die "unknown option '$1' ($usage)" ;;
	*) break ;;
	esac
done
[ $# -eq 2 ] || die "$usage"
elf=$1 console=$2
[[ $mem =~ ^[1-9][0-9]*$ ]] || die "bad -m '$mem' (MiB)"
[[ $cpus =~ ^[1-8]$ ]] || die "bad -c '$cpus' (1..8 CPUs)"
[ -r "$elf" ] || { echo "run-native: cannot read $elf" >&2; exit 2; }

# The board's addresses, from its one header.
memmap=$(dirname "$0")/board/memmap.h
const() { sed -n "s/^#define $1[[:space:]]*\(0x[0-9A-Fa-f]*\).*/\1/p" "$memmap"; }
ram_base=$(const BOARD_RAM_BASE) raw_offset=$(const BOARD_RAW_IMAGE_OFFSET)
[ -n "$ram_base" ] && [ -n "$raw_offset" ] || die "cannot read the RAM base from $memmap"
[ "$(head -c 4 "$elf" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] || die "$elf is not an ELF file"
entry=$((0x$(od -An -tx4 -j 24 -N 4 "$elf" | tr -d ' ')))
kernel=(-kernel "$elf")
if [ "$entry" -ne $((ram_base)) ]; then
	[ "$entry" -eq $((ram_base + raw_offset)) ] ||
		die "$elf: entry $(printf 0x%x "$entry") is neither the RAM base nor RAM base + $raw_offset"
	bin=${elf%.elf}.bin
	[ -r "$bin" ] || die "Linux-protocol guest: no raw image $bin beside $elf"
	kernel=(-kernel "$bin")
fi
[ -z "$params" ] || kernel+=(-append "$params")
mkdir -p "$(dirname "$console")"

timeout -k 2 "${NATIVE_TIMEOUT:-20}" "${QEMU_ARM:-qemu-system-arm}" \
	-M virt -cpu cortex-a15 -m "$mem" -smp "$cpus" -nographic -nic none \
	-monitor none -serial stdio "${kernel[@]}" </dev/null | tee "$console"
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	echo "run-native: timed out after ${NATIVE_TIMEOUT:-20}s" >&2
	exit 124
fi
[ "$rc" -eq 0 ] || { echo "run-native: qemu exited with $rc" >&2; exit "$rc"; }
status=$(tr -d '\r' <"$console" | sed -n 's/^EXIT: STATUS=\([0-9]\{1,3\}\)$/\1/p' | tail -n 1)
[ -n "$status" ] || { echo "run-native: no 'EXIT: STATUS=n' line on the console" >&2; exit 126; }
exit "$status"
