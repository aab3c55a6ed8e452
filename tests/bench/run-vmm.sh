#!/usr/bin/env bash
# Runs the bench guest once under one VMM, with -icount shift=0, and leaves
# its console in CONSOLE (the guest's lines only, as the VMM saw them).
#
#   tests/bench/run-vmm.sh VMM CONSOLE [VMM CONSOLE]...
#     VMM: native | hyp-nolog | hyp | kvm-arm64 | kvm-trace | kvm-ftrace | kvm-nolog | kvm-loop | qemu-kvm
#          | kvm-armv7 | kvm-armv7-trace | kvm-armv7-nolog | kvm-armv7-loop
#     (kvm-arm64: the test bed's defaults less syscall counting and the kvm
#      trace events: trap log (its pc by KVM_GET_ONE_REG), --ioctl-trace,
#      --regs; kvm-trace: the full trap log, its kvm events from the default
#      source (the runner's eBPF programs where the kernel has them) and no
#      ioctl per exit, no --ioctl-trace or --regs; kvm-ftrace: the same from
#      tracefs' trace events (--trace-events, the fallback); kvm-nolog: "kvm-runner (no
#      trap log)", its lean path: no --traplog, --ioctl-trace or --regs;
#      kvm-loop: the bare KVM_RUN loop, tests/bench/kvmloop.c, in kvm-runner's
#      place; qemu-kvm: Debian's QEMU with KVM in the same test bed, the peer
#      of make run-qemu-kvm; kvm-armv7*: the same on 32-bit ARM KVM,
#      KVM_ARMV7_KERNEL)
#     Several pairs: KVM columns of one host kernel, run in one test-bed boot
#     (a VMM may come twice, with other consoles).
#
# Expects the binaries built (make bench builds them). Exit: the run's status
# (0 = the guest passed; of several, the first failed one's), 77 when the VMM
# is not available here (no kernel).
set -u
[ $# -ge 2 ] || { echo "usage: run-vmm.sh VMM CONSOLE [VMM CONSOLE]..." >&2; exit 2; }
vmm=$1
BUILD=${BUILD:-build}
ICOUNT=(-icount shift=0)	# 1 ns of virtual time per instruction

die() { echo "run-vmm: $vmm: $*" >&2; exit 2; }

native() {
	timeout -k 2 30 "${QEMU_ARM:-qemu-system-arm}" -M virt -cpu cortex-a15 -m 256 \
		-nographic -nic none -monitor none -serial stdio "${ICOUNT[@]}" \
		-kernel "$BUILD/guests/bench.elf" </dev/null >"$console"
}

# hyp ELF: the bare hypervisor; its run script keeps the guest's lines apart.
hyp() {
	local dir
	dir=$(mktemp -d) || die "mktemp failed"
	baremetal-hyp/run.sh -q --hyp "$1" --out "$dir" --timeout 60 \
		"$BUILD/guests/bench.bin" -- "${ICOUNT[@]}"
	local rc=$?
	cp "$dir/bench.console" "$console" 2>/dev/null
	# The trap log's end line says whether records were dropped.
	grep -h '^# end' "$dir/bench.traplog" 2>/dev/null >"${console%.console}.traplog-end"
	rm -rf "$dir"
	return $rc
}

# kvm_column VMM: the test bed run of a KVM column as words of a guest-list
# line, "ARCH|INIT_OPTS|RUNNER_OPTS": never syscall counting (ptrace would
# stop every KVM_RUN) and, unless the column is the full log, no kvm trace
# events. Nothing when VMM is no KVM column.
kvm_column() {
	local arch=arm64 base=${1#kvm-}
	case $base in armv7*) arch=armv7 base=${base#armv7} base=${base#-} ;; arm64) base= ;; esac
	case $base in
	"") echo "$arch|--no-count|--timeout 120 --no-kvm-events" ;;
	trace) echo "$arch|--no-count --no-ioctls --no-regs|--timeout 120" ;;
	ftrace) echo "$arch|--no-count --no-ioctls --no-regs|--timeout 120 --trace-events" ;;
	nolog) echo "$arch|--no-count --no-traplog --no-ioctls --no-regs|--timeout 120 --no-kvm-events" ;;
	loop) echo "$arch|--no-count --no-traplog --no-ioctls --no-regs --runner kvmloop|" ;;
	esac
}

# kvm_boot ARCH: the KVM columns of one host kernel (vmms[], consoles[]) in
# one test-bed boot: a guest list with a run per pair, named after its
# console (kvm-arm64.1.console is run kvm-arm64.1), in an initramfs of
# init, kvm-runner, kvmloop (init --runner kvmloop) and the bench guest.
# Only the consoles come back (init --console-only): the runner still writes
# its logs in the VM, but a megabyte of them through the UART costs seconds.
# Returns 0 when every run passed, else the first failed run's status.
kvm_boot() {
	local arch=$1 abi=arm64 kernel=$BUILD/testbed/kernel/vmlinuz dir i run init_opts runner_opts
	local rc=0 st
	if [ "$arch" = armv7 ]; then
		abi=armhf kernel=${KVM_ARMV7_KERNEL:-}
		[ -n "$kernel" ] || { echo "KVM_ARMV7_KERNEL not set"; exit 77; }
		[ -s "$kernel" ] || die "KVM_ARMV7_KERNEL=$kernel: missing or empty"
	fi
	[ -s "$kernel" ] || { echo "no host kernel $kernel"; exit 77; }
	dir=$(dirname "${consoles[0]}")/kvm-$arch
	mkdir -p "$dir"
	rm -f "$dir"/*.console "$dir"/*.runinfo
	echo "# RUN  INIT_OPTION...  GUEST  RUNNER_OPTION... (tests/bench/run-vmm.sh)" >"$dir/bench.runs"
	for i in "${!vmms[@]}"; do
		run=$(basename "${consoles[i]}" .console)
		IFS='|' read -r _ init_opts runner_opts <<<"$(kvm_column "${vmms[i]}")"
		echo "$run --console-only $init_opts bench $runner_opts" >>"$dir/bench.runs"
	done
	kvm-runner/testbed/mkinitramfs.sh --tool "$BUILD/bench/kvmloop-$abi" "$dir/initrd" \
		"$BUILD/testbed/init-$abi" "$BUILD/kvm-runner/kvm-runner-$abi" \
		"$BUILD/guests/bench.elf" "$dir/bench.runs" || die "the initramfs failed"
	kvm-runner/testbed/run-testbed.sh --arch "$arch" --kernel "$kernel" --initrd "$dir/initrd" \
		--list bench.runs --out "$dir" --timeout $((120 + 60 * ${#vmms[@]})) -- "${ICOUNT[@]}" \
		>/dev/null 2>"$dir.log" || rc=203
	for i in "${!vmms[@]}"; do
		run=$(basename "${consoles[i]}" .console)
		cp "$dir/$run.console" "${consoles[i]}" 2>/dev/null
		st=$(sed -n 's/^exit_status: //p' "$dir/$run.runinfo" 2>/dev/null)
		[ "${st:-203}" = 0 ] || [ $rc -ne 0 ] || rc=${st:-203}
	done
	return $rc
}

# Debian's QEMU with KVM in the test bed (fetch-qemu.sh, cached), the bench
# guest as the one run of a guest list with init's --qemu: QEMU sees no
# STATUS register, so the status is the guest's EXIT: line (runinfo).
qemu_kvm() {
	local dir root st
	dir=$(dirname "$console")/qemu-kvm
	[ -s "$BUILD/testbed/kernel/vmlinuz" ] || { echo "no host kernel"; exit 77; }
	root=$(kvm-runner/testbed/fetch-qemu.sh "$BUILD/testbed/qemu" 2>"$dir.log") ||
		{ echo "no QEMU for the test bed (see $dir.log)"; exit 77; }
	mkdir -p "$dir"
	echo "bench --no-count --qemu bench" >"$dir/bench.runs"
	kvm-runner/testbed/mkinitramfs.sh --tree "$root" "$dir/initrd" "$BUILD/testbed/init-arm64" \
		"$BUILD/kvm-runner/kvm-runner-arm64" "$BUILD/guests/bench.elf" "$dir/bench.runs" ||
		die "the initramfs failed"
	kvm-runner/testbed/run-testbed.sh --kernel "$BUILD/testbed/kernel/vmlinuz" --initrd "$dir/initrd" \
		--list bench.runs --out "$dir" --timeout 300 --vm-mem 1024 -- "${ICOUNT[@]}" \
		>/dev/null 2>>"$dir.log" || die "the test bed failed (see $dir.log)"
	cp "$dir/bench.console" "$console" 2>/dev/null
	st=$(sed -n 's/^exit_status: //p' "$dir/bench.runinfo" 2>/dev/null)
	return "${st:-203}"
}

# More than one pair: KVM columns of one host kernel, in one boot.
vmms=() consoles=() arch=
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || die "usage: run-vmm.sh VMM CONSOLE [VMM CONSOLE]..."
	col=$(kvm_column "$1")
	if [ -n "$col" ]; then
		[ -z "$arch" ] || [ "$arch" = "${col%%|*}" ] || die "$1: one host kernel a call"
		arch=${col%%|*}
	fi
	vmms+=("$1") consoles+=("$2")
	mkdir -p "$(dirname "$2")"
	rm -f "$2"
	shift 2
done
if [ -n "$arch" ]; then
	for v in "${vmms[@]}"; do
		[ -n "$(kvm_column "$v")" ] || die "$v: only KVM columns share a call"
	done
	kvm_boot "$arch"
	exit
fi
[ ${#vmms[@]} -eq 1 ] || die "only KVM columns share a call"
vmm=${vmms[0]} console=${consoles[0]}
case $vmm in
native) native ;;
qemu-kvm) qemu_kvm ;;
hyp-nolog) hyp "$BUILD/baremetal-hyp/hyp-nolog.elf" ;;
hyp) hyp "$BUILD/baremetal-hyp/hyp.elf" ;;
*) die "unknown VMM (native, hyp-nolog, hyp, kvm-arm64, kvm-trace, kvm-ftrace, kvm-nolog, kvm-loop, qemu-kvm," \
	"kvm-armv7, kvm-armv7-trace, kvm-armv7-nolog, kvm-armv7-loop)" ;;
esac
