#!/usr/bin/env bash
# Boots the Linux guest (docs/linux.md): Debian's armhf kernel and an
# initramfs of busybox and guests/linux/init, natively, under the bare
# hypervisor or under kvm-runner in the arm64 KVM test bed.
#
#   run-linux.sh [options]
#     --vmm native|hyp|kvm|kvm-armv7   where (default native)
#     --zimage FILE     the kernel (default: Debian's, fetched by fetch.sh)
#     --initrd FILE     the initramfs (default: built from busybox and init)
#     --params "ARGS"   more kernel command line (after console=ttyAMA0 panic=-1)
#     --out DIR         results go to DIR/VMM/linux.* (default build/linux)
#     --timeout S       wall-clock limit (default 300)
#     --shell | --no-shell  a shell on the console (default: when stdin is a terminal)
#     --qemu "ARGS"     more QEMU arguments (e.g. "-icount shift=0"; kvm: the test bed's QEMU)
# HYP_RUN_OPTS adds baremetal-hyp/run.sh options (--pmu: the instruction counts).
# Exit status: the guest's (its "EXIT: STATUS=n" line: the number of failed
# steps, or the shell's exit status), 124 on a timeout, 126 when the guest
# never printed the line, 201 for bad arguments.
set -u
here=$(dirname "$0")
die() { echo "run-linux: $*" >&2; exit 201; }

vmm=native zimage= initrd= params= out=build/linux limit=300 shell= qemu_args=
[ -t 0 ] && shell=1
while [ $# -gt 0 ]; do
	case $1 in --vmm | --zimage | --initrd | --params | --out | --timeout | --qemu)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	esac
	case $1 in
	--vmm) vmm=$2; shift 2 ;;
	--zimage) zimage=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--params) params=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--timeout) limit=$2; shift 2 ;;
	--shell) shell=1; shift ;;
	--no-shell) shell=; shift ;;
	--qemu) qemu_args=$2; shift 2 ;;
	*) die "unknown option '$1' (see the head of $0)" ;;
	esac
done
case $vmm in native | hyp | kvm | kvm-armv7) ;; *) die "unknown --vmm '$vmm' (native, hyp, kvm, kvm-armv7)" ;; esac
[[ $limit =~ ^[1-9][0-9]*$ ]] || die "bad --timeout '$limit'"
for f in "$zimage" "$initrd"; do
	[ -z "$f" ] || { [ -f "$f" ] && [ -s "$f" ]; } || die "$f: not a readable, non-empty file"
done

# Debian's kernel and busybox, fetched once into build/linux/debian.
if [ -z "$zimage" ] || [ -z "$initrd" ]; then
	read -r deb_zimage busybox < <("$here/fetch.sh" build/linux/debian) ||
		{ echo "run-linux: fetching Debian's armhf kernel and busybox failed" >&2; exit 203; }
	zimage=${zimage:-$deb_zimage}
	if [ -z "$initrd" ]; then
		initrd=build/linux/initrd.cpio.gz
		if [ ! -s "$initrd" ] || [ "$initrd" -ot "$here/init" ] || [ "$initrd" -ot "$busybox" ]; then
			"$here/mkinitrd.sh" "$initrd" "$here/init" "$busybox" || exit 203
		fi
	fi
fi

cmdline="console=ttyAMA0 panic=-1${shell:+ kit.shell=1}${params:+ $params}"
dir=$out/$vmm
mkdir -p "$dir" || die "cannot create $dir"
console=$dir/linux.console
rm -f "$dir"/linux.*

# The guest's status from its console: the last "EXIT: STATUS=n" line.
console_status() {
	local s
	s=$(tr -d '\r' <"$1" | sed -n 's/^EXIT: STATUS=\([0-9]\{1,3\}\)$/\1/p' | tail -n 1)
	[ -n "$s" ] || { echo "run-linux: no 'EXIT: STATUS=n' line on the console" >&2; return 126; }
	return "$s"
}

case $vmm in
native)
	# -no-reboot: panic=-1 reboots, which must end the run; signal=off: ^C goes to the guest.
	qemu=(${QEMU_ARM:-qemu-system-arm} -M virt -cpu cortex-a15 -m 256 -nographic -nic none
		-monitor none -chardev stdio,id=con,signal=off -serial chardev:con -no-reboot
		-kernel "$zimage" -initrd "$initrd" -append "$cmdline" $qemu_args)
	if [ -n "$shell" ]; then
		timeout -k 5 --foreground "$limit" "${qemu[@]}" | tee "$console"
	else
		timeout -k 5 "$limit" "${qemu[@]}" </dev/null | tee "$console"
	fi
	rc=${PIPESTATUS[0]}
	tr -d '\r' <"$console" >"$console.tmp" && mv "$console.tmp" "$console"
	[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || { echo "run-linux: timed out after ${limit}s" >&2; exit 124; }
	[ "$rc" -eq 0 ] || { echo "run-linux: QEMU exited with $rc" >&2; exit "$rc"; }
	console_status "$console"
	exit $?
	;;
hyp)
	# The watchdog in guest time, which runs with the host's clock: a boot
	# that takes 10 s alone took 35 s at a load of 8 on two cores. The
	# wall-clock limit stays the outer bound.
	hyp_opts=(--out "$dir" --name linux -m 256 -i "$initrd" -p "$cmdline" --timeout "$limit"
		--watchdog 120000 --drain ${HYP_RUN_OPTS:-})
	# A shell: the terminal's keystrokes through the host UART to the guest's (uart_in.c).
	[ -z "$shell" ] || hyp_opts+=(--stdin)
	QEMU_ARM=${QEMU_ARM:-qemu-system-arm} "$here/../../baremetal-hyp/run.sh" "${hyp_opts[@]}" "$zimage" \
		${qemu_args:+-- $qemu_args}
	exit $?
	;;
kvm | kvm-armv7)
	exec "$here/run-kvm.sh" --vmm "$vmm" --zimage "$zimage" --initrd "$initrd" \
		--params "$cmdline" --out "$dir" --timeout "$limit" ${shell:+--shell} ${qemu_args:+--qemu "$qemu_args"}
	;;
esac
