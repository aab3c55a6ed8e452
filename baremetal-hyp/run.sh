#!/usr/bin/env bash
# Runs a guest image under the bare hypervisor in QEMU and splits its
# output. Usage:
#   baremetal-hyp/run.sh [options] GUEST.elf|GUEST.bin|zImage [-- extra QEMU arguments]
#     -m, --mem SIZE   guest RAM: decimal, then K, M or G (no suffix: MiB), an
#                      even number of MiB from 2M to 512M (default 16M); the
#                      hypervisor reads it (board_size_arg, board_desc_check)
#     -p, --params S   the kernel command line (/chosen/bootargs)
#     -i, --initrd F   an initrd, placed below the DTB (linux,initrd-start/end)
#     -c, --cpus N     vCPUs, 1..8: QEMU -smp N, vCPU n on CPU n
#     --dump-dtb F     write the DTB the guest got to F
#     --strict         a guest fault stops the run (126) instead of giving the
#                      guest an exception at its own vectors
#     --hyp ELF        the hypervisor (default build/baremetal-hyp/hyp.elf)
#     --out DIR        where NAME.{out,console,traplog,regs} go (default build/hyp)
#     --name NAME      the guest's name (default: the image's base name)
#     --timeout S      wall-clock limit for QEMU (default 60)
#     --watchdog MS    the hypervisor's watchdog, in guest time (default 3000)
#     --ring N         trap-log ring of N records (default 4096), to test overflow
#     --pmu            count the guest's and the hypervisor's instructions
#                      (PMU; under -icount only): a "hyp: instructions" line
#     --drain          the trap log drained as the ring fills (semihosting) into
#                      OUT/NAME.traplog.bin, raw records, then made text in
#                      OUT/NAME.traplog (build/board/tlogbin): no record lost
#     --debug          wait for gdb (loopback, port $GDB_PORT or 1234)
#     --stdin          the guest's UART input from stdin (a terminal: raw, ^C
#                      goes to the guest); without it stdin is /dev/null
#     -q               do not copy the output to the terminal
# The image is any file: QEMU's loader puts its bytes in a staging area and
# the hypervisor tells ELF, zImage and raw apart (docs/baremetal-hyp.md).
# Exit status: the guest's (QEMU's), 124 when the wall-clock limit hit,
# 201 for bad input (docs/guest-abi.md, memmap.h).
set -u
here=$(dirname "$0")
# The one copy of each constant: memmap.h and hyp.h (the physical layout:
# the hypervisor, the staging area for the image and initrd files from
# STAGING_PA up to GUEST_PA, guest RAM from GUEST_PA).
define() { awk -v n="$1" '$1 == "#define" && $2 == n { v = $3; sub(/u$/, "", v); print v }' "$2"; }
BADINPUT=$(define VMM_STATUS_BADINPUT "$here/../guests/board/memmap.h")
RAM_MAX=$(($(define BOARD_RAM_MAX "$here/../guests/board/memmap.h")))
STAGING_PA=$(($(define STAGING_PA "$here/hyp.h"))) GUEST_PA=$(($(define GUEST_PA "$here/hyp.h")))
MACHINE_BASE=$(($(define MACHINE_RAM_BASE "$here/hyp.h")))
[ -n "$BADINPUT" ] && (( STAGING_PA && GUEST_PA && MACHINE_BASE && RAM_MAX )) ||
	{ echo "run.sh: cannot read the layout from $here/hyp.h and memmap.h" >&2; exit 2; }
STAGING_MAX=$((GUEST_PA - STAGING_PA))
PARAMS_MAX=512

hyp=build/baremetal-hyp/hyp.elf out=build/hyp name= limit=60 watchdog= ring= debug= quiet=
strict= drain= pmu= mem=16M params= initrd= cpus=1 dump_dtb= stdin=
die() { echo "run.sh: $*" >&2; exit $BADINPUT; }
need() { [ $# -ge 2 ] || die "option $1 needs a value"; }
while [ $# -gt 0 ]; do
	case $1 in
	-m|--mem) need "$@"; mem=$2; shift 2 ;;
	-p|--params) need "$@"; params=$2; shift 2 ;;
	-i|--initrd) need "$@"; initrd=$2; shift 2 ;;
	-c|--cpus) need "$@"; cpus=$2; shift 2 ;;
	--dump-dtb) need "$@"; dump_dtb=$2; shift 2 ;;
	--hyp) need "$@"; hyp=$2; shift 2 ;;
	--out) need "$@"; out=$2; shift 2 ;;
	--name) need "$@"; name=$2; shift 2 ;;
	--timeout) need "$@"; limit=$2; shift 2 ;;
	--watchdog) need "$@"; watchdog=$2; shift 2 ;;
	--ring) need "$@"; ring=$2; shift 2 ;;
	--strict) strict=1; shift ;;
	--drain) drain=1; shift ;;
	--pmu) pmu=1; shift ;;
	--debug) debug=1; shift ;;
	--stdin) stdin=1; shift ;;
	-q) quiet=1; shift ;;
	--) die "no guest image before --" ;;
	-*) die "unknown option $1" ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || die "usage: run.sh [options] GUEST.elf|GUEST.bin [-- QEMU args]"
img=$1; shift
[ $# -gt 0 ] && { [ "$1" = -- ] || die "unexpected argument $1"; shift; }

# -m: read by the hypervisor with the board's board_size_arg, the one parser
# of every tool; here only kept one word of the command line.
[[ $mem =~ ^[0-9A-Za-z]{1,16}$ ]] || die "bad memory size '$mem' (a decimal number, then K, M or G)"
[[ $cpus =~ ^[0-9]+$ ]] || die "bad cpu count '$cpus'"
cpus=$((10#$cpus))
[ "$cpus" -ge 1 ] && [ "$cpus" -le 8 ] || die "-c $cpus: 1 to 8 vCPUs (one physical CPU each)"
[[ $watchdog =~ ^[0-9]*$ && $ring =~ ^[0-9]*$ && $limit =~ ^[0-9]+$ ]] ||
	die "--watchdog, --ring and --timeout take decimal numbers"
[ ${#params} -le $PARAMS_MAX ] || die "-p: a command line of ${#params} bytes (at most $PARAMS_MAX)"

# Files: regular and readable, checked before anything runs; never a FIFO.
file_ok() {
	[ -f "$1" ] && [ -r "$1" ] || die "$2 $1: not a readable regular file"
	[[ $1 != *,* ]] || die "$2 $1: a comma in the path (QEMU's -device loader splits there)"
}
file_ok "$img" "guest image"
[ -z "$initrd" ] || file_ok "$initrd" "initrd"
[ -f "$hyp" ] || die "no hypervisor $hyp (make $hyp)"
img_size=$(stat -L -c %s "$img")
[ "$img_size" -gt 0 ] || die "guest image $img is empty"
initrd_size=0 initrd_pa=0
[ -z "$initrd" ] || initrd_size=$(stat -L -c %s "$initrd")
initrd_pa=$(( STAGING_PA + ((img_size + 4095) & ~4095) ))
(( initrd_pa + initrd_size <= GUEST_PA )) ||
	die "image and initrd: $((img_size + initrd_size)) bytes, the staging area holds $STAGING_MAX"
if [ -n "$dump_dtb" ]; then
	[[ $dump_dtb =~ ^[A-Za-z0-9._/+-]+$ ]] || die "--dump-dtb $dump_dtb: use a path of letters, digits and ._/+-"
	: >"$dump_dtb" 2>/dev/null || die "--dump-dtb $dump_dtb: cannot write there"
fi
name=${name:-$(basename "$img")}
name=${name%.bin} name=${name%.elf}
mkdir -p "$out" || die "cannot create $out"

# QEMU's RAM: the hypervisor and staging area, then the largest guest RAM
# (BOARD_RAM_MAX); QEMU backs only the pages touched.
qemu_mem=$(( (GUEST_PA - MACHINE_BASE + RAM_MAX) >> 20 ))
cmdline="guest=${name//[^A-Za-z0-9._+-]/_} mem=$mem cpus=$cpus image=$img_size initrd=$initrd_size"
cmdline+="${watchdog:+ watchdog=$watchdog}${ring:+ traplog-ring=$ring}${strict:+ strict}"
cmdline+="${dump_dtb:+ dump-dtb=$dump_dtb}${pmu:+ pmu}"
if [ -n "$drain" ]; then
	[[ $out/$name =~ ^[A-Za-z0-9._/+-]+$ ]] || die "--drain: use an --out and --name of letters, digits and ._/+-"
	tlogbin=${TLOGBIN:-build/board/tlogbin}
	[ -x "$tlogbin" ] || die "--drain: no $tlogbin to decode the log (make $tlogbin)"
	rm -f "$out/$name.traplog" "$out/$name.traplog.bin"
	cmdline+=" traplog-file=$out/$name.traplog.bin"
fi
[ -z "$params" ] || cmdline+=" -- $params"
qemu=(${QEMU_ARM:-qemu-system-arm} -M virt,virtualization=on -cpu cortex-a15 -smp "$cpus" -m ${qemu_mem}M
	-nic none -semihosting -kernel "$hyp" -append "$cmdline"
	-device "loader,file=$img,addr=$(printf 0x%x $STAGING_PA),force-raw=on")
[ -z "$initrd" ] || qemu+=(-device "loader,file=$initrd,addr=$(printf 0x%x $initrd_pa),force-raw=on")
# The console on stdio; with --stdin as run-linux's native QEMU: no monitor,
# signal=off, so that ^C reaches the guest's shell (kill QEMU from elsewhere).
if [ -n "$stdin" ]; then
	qemu+=(-display none -monitor none -chardev stdio,id=con,signal=off -serial chardev:con)
else
	qemu+=(-nographic)
fi
if [ -n "$debug" ]; then
	port=${GDB_PORT:-1234}
	qemu+=(-gdb "tcp:127.0.0.1:$port" -S)
	limit=${DEBUG_TIMEOUT:-1800}
	echo "run.sh: QEMU waits for gdb on 127.0.0.1:$port; in another terminal, from the repository root:" >&2
	echo "  gdb-multiarch -q -ex 'set \$port=$port' -x baremetal-hyp/hyp.gdb" >&2
fi
qemu+=("$@")

raw=$out/$name.out
# --stdin: QEMU reads this stdin (from a terminal in the foreground, so that
# it may); else /dev/null. The hypervisor feeds it to the guest (uart_in.c).
run_qemu() {
	if [ -z "$stdin" ]; then
		timeout -k 5 "$limit" "${qemu[@]}" </dev/null
	elif [ -t 0 ]; then
		timeout -k 5 --foreground "$limit" "${qemu[@]}"
	else
		timeout -k 5 "$limit" "${qemu[@]}"
	fi
}
if [ -n "$quiet" ]; then
	run_qemu >"$raw" 2>&1
	rc=$?
else
	run_qemu 2>&1 | tee "$raw"
	rc=${PIPESTATUS[0]}
fi
tr -d '\r' <"$raw" >"$raw.tmp" && mv "$raw.tmp" "$raw"
grep -v -e '^hyp: ' -e '^reg: ' -e '^trap: ' "$raw" >"$out/$name.console"
if [ -z "$drain" ]; then
	sed -n 's/^trap: //p' "$raw" >"$out/$name.traplog"
elif [ -f "$out/$name.traplog.bin" ]; then
	# The binary log's text (tlogbin): kept beside it only if it is not whole.
	"$tlogbin" "$out/$name.traplog.bin" >"$out/$name.traplog" && rm -f "$out/$name.traplog.bin"
fi
sed -n 's/^reg: //p' "$raw" >"$out/$name.regs"
if [ $rc -eq 124 ] && ! grep -q '^hyp: guest stopped' "$raw"; then
	echo "run.sh: QEMU did not finish within ${limit}s" >&2
fi
exit $rc
