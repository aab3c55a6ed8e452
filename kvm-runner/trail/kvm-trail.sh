#!/usr/bin/env bash
# Runs a guest in the test bed under gdb with breakpoints on KVM's functions
# (kvm-trail.py) and writes the trail to OUTDIR/GUEST.kvm-trail, then the
# report: the counts per KVM_RUN and exit reason, checked against the same
# run's trap log and ioctl trace (OUTDIR/GUEST.trail.md), and both merged
# with the trail (OUTDIR/GUEST.traplog-kvm, OUTDIR/GUEST.ioctls-kvm).
#
#   kvm-trail.sh --kernel FILE --initrd FILE --kallsyms FILE [--arch arm64|armv7]
#                [--guest NAME] [--out DIR] [--report TOOL]
#
# --kallsyms: the KVM lines of the same kernel's /proc/kallsyms (a run with
# init's --kallsyms; nokaslr keeps them valid). Every stop costs tens of
# milliseconds, so the runner's, init's and QEMU's time limits are raised
# SLOWDOWN (15) times. Exit: the guest's status; 1 when a count differs
# (a stop was missed); 3 with a line on stderr when the trail failed.
set -euo pipefail

die() { echo "kvm-trail: $*" >&2; exit 3; }
here=$(dirname "$0")
testbed=$here/../testbed
guest=test out=build/kvm arch=arm64 kernel= initrd= ksyms= report=build/kvm-runner/kvm-trail-report
slowdown=15
while [ $# -gt 0 ]; do
	case $1 in --kernel | --initrd | --kallsyms | --arch | --guest | --out | --report)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	*) die "unknown option '$1' (see the head of $0)" ;;
	esac
	case $1 in
	--kernel) kernel=$2 ;;
	--initrd) initrd=$2 ;;
	--kallsyms) ksyms=$2 ;;
	--arch) arch=$2 ;;
	--guest) guest=$2 ;;
	--out) out=$2 ;;
	--report) report=$2 ;;
	esac
	shift 2
done
[[ $arch =~ ^(arm64|armv7)$ ]] || die "unknown --arch '$arch' (arm64 or armv7)"
[ -n "$ksyms" ] && [ -s "$ksyms" ] || die "kallsyms '$ksyms': missing or empty (a run with --init-opts --kallsyms)"
[ -x "$report" ] || die "$report is not built (make kvm-trail-report)"
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
rm -f "$out/$guest.kvm-trail" "$out/$guest.trail.md" "$out/$guest.traplog-kvm" "$out/$guest.ioctls-kvm"

# The runner's default 20 s, init's 60 s and QEMU's 120 s, each times slowdown.
# -icount: the virtual clock follows the instructions run, not the host's
# clock, so the time gdb's stops take does not pile up as timer interrupts
# (without it nearly every guest entry found an IRQ pending and turned back).
setsid "$testbed/run-testbed.sh" --arch "$arch" --kernel "$kernel" --initrd "$initrd" \
	--guest "$guest" --out "$out" --timeout $((120 * slowdown)) \
	--init-opts "--limit $((60 * slowdown))" --runner-opts "--timeout $((20 * slowdown))" \
	-- -icount shift=0 -S -gdb "unix:$sock,server=on,wait=off" &
run_pid=$!
for _ in $(seq 100); do
	[ -S "$sock" ] && break
	kill -0 "$run_pid" 2>/dev/null || break
	sleep 0.1
done
[ -S "$sock" ] || die "QEMU's gdb socket did not appear (see $out/$guest.serial)"

start=$SECONDS
TRAIL_SOCKET=$sock TRAIL_OUT=$tmp/trail TRAIL_KALLSYMS=$ksyms TRAIL_ARCH=$arch TRAIL_GUEST=$guest \
	timeout -k 5 $((120 * slowdown)) gdb-multiarch -batch -nx -x "$here/kvm-trail.py" \
	>"$tmp/gdb.log" 2>&1 || { sed 's/^/    gdb: /' "$tmp/gdb.log" | tail -n 5 >&2; die "gdb failed"; }
set +e
wait "$run_pid"
status=$?
set -e
run_pid=
[ -s "$tmp/trail" ] || die "gdb wrote no trail"
mv "$tmp/trail" "$out/$guest.kvm-trail"
echo "kvm-trail: $guest: $(grep -vc '^#' "$out/$guest.kvm-trail") stops in $((SECONDS - start)) s, guest status $status" >&2
[ "$status" -le 126 ] || die "the test bed failed (status $status, see $out/$guest.serial)"
set +e
"$report" "$out/$guest.kvm-trail" --traplog "$out/$guest.traplog" --ioctls "$out/$guest.ioctls" \
	--merged "$out/$guest" >"$out/$guest.trail.md"
rc=$?
set -e
cat "$out/$guest.trail.md"
[ $rc -eq 0 ] || { echo "kvm-trail: a count differs from the trap log or the ioctl trace" >&2; exit 1; }
exit "$status"
