#!/usr/bin/env bash
# Writes a gdb command file with the trail's breakpoints on KVM's functions
# for one host kernel, from the KVM lines of its /proc/kallsyms (init's
# --kallsyms; nokaslr keeps the addresses from boot to boot). For gdb by
# hand on the outer QEMU's stub (docs/debugging.md):
#   gdb-multiarch -x FILE.gdb -ex 'target remote SOCKET'
#
#   breakpoints.sh KALLSYMS arm64|armv7 [LABEL]
#
# Exit 0; 1 with one line when a symbol is missing.
set -euo pipefail

die() { echo "breakpoints: $*" >&2; exit 1; }
[ $# -ge 2 ] && [ $# -le 3 ] || die "usage: breakpoints.sh KALLSYMS arm64|armv7 [LABEL]"
ks=$1 arch=$2 label=${3:-$1}
[ -r "$ks" ] || die "$ks: cannot read"
addr() {
	local a
	a=$(awk -v n="$1" '$3 == n { print $1; exit }' "$ks")
	[ -n "$a" ] || die "$ks: no $1"
	echo "0x$a"
}
el1="kvm_arch_vcpu_ioctl_run handle_exit kvm_handle_guest_abort io_mem_abort kvm_hvc_call_handler kvm_handle_wfx"
case $arch in
arm64) echo "# KVM trail breakpoints, arm64 nVHE host ($label)"; echo "set architecture aarch64" ;;
armv7) echo "# KVM trail breakpoints, 32-bit ARM host ($label)"; echo "set architecture arm" ;;
*) die "unknown arch '$arch' (arm64 or armv7)" ;;
esac
echo "# Made by kvm-runner/trail/breakpoints.sh from that kernel's kallsyms (nokaslr)."
echo "set pagination off"
for f in $el1; do
	echo "hbreak *$(addr "$f")    # $f"
done
if [ "$arch" = armv7 ]; then
	echo "# Hyp mode runs at the kernel's own addresses: no offset."
	for f in __kvm_vcpu_run_nvhe __guest_enter __guest_exit; do
		echo "hbreak *$(addr "$f")    # $f (Hyp)"
	done
	echo "# handle_exit(vcpu, run, exception_index): p \$r2 at its stop."
else
	hv=$(addr __kvm_nvhe___kvm_hyp_host_vector)
	echo "# EL2 code runs at a hyp VA: at any EL1 stop VBAR_EL2 is the hyp VA of"
	echo "# __kvm_nvhe___kvm_hyp_host_vector ($hv); run el2-breaks there."
	echo "# __kvm_vcpu_run and __guest_enter are left out: with them the host's pending"
	echo "# interrupt defers nearly every entry under emulation (docs/debugging.md)."
	echo "define el2-breaks"
	echo "  hbreak *(\$VBAR_EL2 + ($(addr __kvm_nvhe___guest_exit) - $hv))    # __guest_exit (EL2)"
	echo "end"
	echo "# handle_exit(vcpu, exception_index): p \$x1 at its stop (0 IRQ, 2 trap)."
fi
