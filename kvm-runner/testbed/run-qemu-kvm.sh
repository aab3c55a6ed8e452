#!/usr/bin/env bash
# Runs a guest under Debian's own QEMU with KVM (qemu-system-aarch64 -accel
# kvm -cpu host,aarch64=off: an AArch32 vCPU) inside the arm64 test bed, and
# under kvm-runner in the same boot, on the same kernel; both under the test
# bed's ptrace tracer, which decodes every ioctl by fd role and request.
# Writes OUTDIR/GUEST.* (QEMU's run), OUTDIR/GUEST.kit.* (kvm-runner's) and
# OUTDIR/GUEST.md, the per-fd, per-request table of the two side by side.
#
#   run-qemu-kvm.sh --kernel F --init F --runner F --qemu-root DIR [options] [-- QEMU_ARG...]
#     --guest NAME         build/guests/NAME.elf (default test); given again,
#                          each guest runs both ways in the same boot
#     --guests-dir DIR     where NAME.elf is (default build/guests)
#     --out DIR            default build/qemu-kvm
#     --timeout S          the test bed's bound (default 300)
#     --runner-opts "..."  the guest's arguments in kvm-runner's words; -m N
#                          and -p "..." go to QEMU as -m N and -append "..."
#   QEMU_ARG: extra arguments for the outer QEMU (the test bed's)
#
# Exit status: the QEMU run's (the guest's "EXIT: STATUS=n", as natively)
# of the first guest, or 203 when the test bed failed.
set -euo pipefail

die() { echo "run-qemu-kvm: $*" >&2; exit 203; }
here=$(dirname "$0")
guests=() gdir=build/guests out=build/qemu-kvm limit=300 kernel= init= runner= qroot= ropts=
while [ $# -gt 0 ]; do
	case $1 in --guest | --guests-dir | --out | --timeout | --kernel | --init | --runner | \
		--qemu-root | --runner-opts)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	esac
	case $1 in
	--guest) guests+=("$2"); shift 2 ;;
	--guests-dir) gdir=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--timeout) limit=$2; shift 2 ;;
	--kernel) kernel=$2; shift 2 ;;
	--init) init=$2; shift 2 ;;
	--runner) runner=$2; shift 2 ;;
	--qemu-root) qroot=$2; shift 2 ;;
	--runner-opts) ropts=$2; shift 2 ;;
	--) shift; break ;;
	*) die "unknown option '$1' (see the head of $0)" ;;
	esac
done
[ ${#guests[@]} -gt 0 ] || guests=(test)
elfs=()
for guest in "${guests[@]}"; do
	[[ $guest =~ ^[A-Za-z0-9_][A-Za-z0-9_-]*$ ]] || die "bad guest name '$guest'"
	elfs+=("$gdir/$guest.elf")
done
for f in "$kernel" "$init" "$runner" "${elfs[@]}"; do
	[ -n "$f" ] && [ -s "$f" ] || die "'$f': missing or empty"
done
[ -n "$qroot" ] && [ -s "$qroot/usr/bin/qemu-system-aarch64" ] ||
	die "no QEMU in '$qroot' (kvm-runner/testbed/fetch-qemu.sh)"

# The guest's arguments, in QEMU's words (only -m and -p have a meaning there).
read -ra words <<<"$ropts"
qopts=
for ((i = 0; i < ${#words[@]}; i++)); do
	case ${words[i]} in
	-m | --mem) qopts+=" -m ${words[i + 1]:-}"; i=$((i + 1)) ;;
	-p | --params) qopts+=" -append ${words[i + 1]:-}"; i=$((i + 1)) ;;
	esac
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
list=qemu-kvm.runs
echo "# RUN  [init options] GUEST [options: QEMU's, then kvm-runner's]" >"$tmp/$list"
for guest in "${guests[@]}"; do
	echo "$guest --qemu $guest $qopts" >>"$tmp/$list"
	echo "$guest.kit $guest --timeout 60 $ropts" >>"$tmp/$list"
	rm -f "$out/$guest".* "$out/$guest".kit.*
done
"$here/mkinitramfs.sh" --tree "$qroot" "$tmp/initrd" "$init" "$runner" "${elfs[@]}" \
	"$tmp/$list" >/dev/null || die "initramfs"
mkdir -p "$out"
# The VM holds the initramfs (about 60 MiB), QEMU and its guest's RAM.
"$here/run-testbed.sh" --kernel "$kernel" --initrd "$tmp/initrd" --list "$list" --out "$out" \
	--timeout "$limit" --vm-mem 1024 -- "$@" || die "the test bed failed (see $out/$list.serial)"

info() { sed -n "s/^$2: //p" "$out/$1.runinfo" 2>/dev/null; }
calls() { awk '$1 == "ioctl" { print $2 }' "$out/$1.syscalls" 2>/dev/null; }
total() { awk '$1 == "total" { print $2 }' "$out/$1.fdioctls" 2>/dev/null; }
# report GUEST: GUEST.md, the two runs side by side.
report() {
	local guest=$1
	[ -s "$out/$guest.fdioctls" ] && [ -s "$out/$guest.kit.fdioctls" ] ||
		die "$guest: no ioctl table came back (see $out/$list.serial)"
	{
		echo "# $guest: QEMU with KVM beside kvm-runner, one boot of the test bed"
		echo
		echo "Kernel: $(info "$guest" kernel); QEMU: $(cat "$qroot/../version" 2>/dev/null || echo '?')."
		echo "Both runs under the test bed's ptrace tracer: each ioctl at syscall entry,"
		echo "its fd's role from /proc/PID/fd, its request by name (kvm-runner/kvm_requests.c)."
		echo
		echo "| | QEMU + KVM | kvm-runner |"
		echo "|---|---:|---:|"
		echo "| guest status | $(info "$guest" exit_status) (from its \`EXIT:\` line: $(info "$guest" status_from)) | $(info "$guest.kit" exit_status) |"
		echo "| ioctls (tracer) | $(total "$guest") | $(total "$guest.kit") |"
		echo "| ioctl syscalls (ptrace count) | $(calls "$guest") | $(calls "$guest.kit") |"
		echo "| syscalls | $(info "$guest" syscalls_total) | $(info "$guest.kit" syscalls_total) |"
		echo "| wall time in the VM (us) | $(info "$guest" wall_us) | $(info "$guest.kit" wall_us) |"
		echo
		echo "| fd | request | QEMU + KVM | errors | kvm-runner | errors |"
		echo "|---|---|---:|---:|---:|---:|"
		awk 'FNR == 1 { side++ }
			/^#/ || $1 == "total" { next }
			{ key = $1 " " $2; if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
			  c[side, key] = $3; e[side, key] = $4 }
			END { for (i = 1; i <= n; i++) { split(keys[i], k, " ")
				printf "| %s | %s | %s | %s | %s | %s |\n", k[1], k[2],
					(1, keys[i]) in c ? c[1, keys[i]] : "", (1, keys[i]) in e ? e[1, keys[i]] : "",
					(2, keys[i]) in c ? c[2, keys[i]] : "", (2, keys[i]) in e ? e[2, keys[i]] : "" } }' \
			"$out/$guest.fdioctls" "$out/$guest.kit.fdioctls"
	} >"$out/$guest.md"
	cat "$out/$guest.console"
	echo "run-qemu-kvm: $guest: status $(info "$guest" exit_status) under QEMU + KVM," \
		"$(total "$guest") ioctls (kvm-runner: $(total "$guest.kit")); table in $out/$guest.md" >&2
}
for guest in "${guests[@]}"; do
	report "$guest"
done
st=$(info "${guests[0]}" exit_status)
exit "${st:-203}"
