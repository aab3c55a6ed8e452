#!/usr/bin/env bash
# Runs a guest image under the bare hypervisor in QEMU and splits its
# output. Usage:
#   baremetal-hyp/run.sh [options] GUEST.bin [-- extra QEMU arguments]
#     --hyp ELF        the hypervisor (default build/baremetal-hyp/hyp.elf)
#     --out DIR        where NAME.{out,console,traplog,regs} go (default build/hyp)
#     --name NAME      the guest's name (default: GUEST.bin's base name)
#     --timeout S      wall-clock limit for QEMU (default 60)
#     --watchdog MS    the hypervisor's watchdog, in guest time (default 3000)
#     --ring N         trap-log ring of N records (default 4096), to test overflow
#     --strict         a guest fault stops the run (126) instead of giving the
#                      guest an exception at its own vectors
#     --debug          wait for gdb (loopback, port $GDB_PORT or 1234)
#     -q               do not copy the output to the terminal
# Exit status: the guest's (QEMU's), 124 when the wall-clock limit hit.
set -u
hyp=build/baremetal-hyp/hyp.elf out=build/hyp name= limit=60 watchdog= ring= debug= quiet= strict=
die() { echo "run.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--hyp) hyp=${2:?}; shift 2 ;;
	--out) out=${2:?}; shift 2 ;;
	--name) name=${2:?}; shift 2 ;;
	--timeout) limit=${2:?}; shift 2 ;;
	--watchdog) watchdog=${2:?}; shift 2 ;;
	--ring) ring=${2:?}; shift 2 ;;
	--strict) strict=1; shift ;;
	--debug) debug=1; shift ;;
	-q) quiet=1; shift ;;
	--) die "no guest image before --" ;;
	-*) die "unknown option $1" ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || die "usage: run.sh [options] GUEST.bin [-- QEMU args]"
bin=$1; shift
[ $# -gt 0 ] && { [ "$1" = -- ] || die "unexpected argument $1"; shift; }
[ -f "$bin" ] || die "no guest image $bin"
[ -f "$hyp" ] || die "no hypervisor $hyp (make $hyp)"
name=${name:-$(basename "$bin" .bin)}
guest_pa=0x48000000	# baremetal-hyp/hyp.h: GUEST_PA
mkdir -p "$out" || exit 2

qemu=(${QEMU_ARM:-qemu-system-arm} -M virt,virtualization=on -cpu cortex-a15 -m 256M
	-nographic -nic none -semihosting -kernel "$hyp"
	-append "guest=$name${watchdog:+ watchdog=$watchdog}${ring:+ traplog-ring=$ring}${strict:+ strict}"
	-device "loader,file=$bin,addr=$guest_pa,force-raw=on")
if [ -n "$debug" ]; then
	port=${GDB_PORT:-1234}
	qemu+=(-gdb "tcp:127.0.0.1:$port" -S)
	limit=${DEBUG_TIMEOUT:-1800}
	echo "run.sh: QEMU waits for gdb on 127.0.0.1:$port; in another terminal, from the repository root:" >&2
	echo "  gdb-multiarch -q -ex 'set \$port=$port' -x baremetal-hyp/hyp.gdb" >&2
fi
qemu+=("$@")

raw=$out/$name.out
if [ -n "$quiet" ]; then
	timeout -k 5 "$limit" "${qemu[@]}" </dev/null >"$raw" 2>&1
	rc=$?
else
	timeout -k 5 "$limit" "${qemu[@]}" </dev/null 2>&1 | tee "$raw"
	rc=${PIPESTATUS[0]}
fi
tr -d '\r' <"$raw" >"$raw.tmp" && mv "$raw.tmp" "$raw"
grep -v -e '^hyp: ' -e '^reg: ' -e '^trap: ' "$raw" >"$out/$name.console"
sed -n 's/^trap: //p' "$raw" >"$out/$name.traplog"
sed -n 's/^reg: //p' "$raw" >"$out/$name.regs"
if [ $rc -eq 124 ] && ! grep -q '^hyp: guest stopped' "$raw"; then
	echo "run.sh: QEMU did not finish within ${limit}s" >&2
fi
exit $rc
