# Shared by tests/guests/*.test: the board guests, how each VMM runs them,
# and the check of a run against the native console.
. tests/lib.sh
guests="fdt vfp exceptions ldst irq smp"
# What each VMM runs today: every guest. A guest a VMM cannot run yet goes
# into pending_why ([side:guest]="why"); pending.test checks that it still
# fails there, and fails once it passes, so that it moves back here.
hyp_guests="ldst vfp exceptions fdt smp irq"
kvm_guests="ldst vfp exceptions fdt irq smp"
declare -A pending_why=()
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# guest_args NAME: the arguments guests/build.mk gives it, into the array args.
guest_args() { eval "args=($(make -s --no-print-directory guest-args GUEST="$1"))"; }

# verdict SIDE GUEST CONSOLE STATUS: the run's console is the native one
# (tests/guests/GUEST.console) but for the differences that
# tests/compare/console-differences.txt explains, and its exit status is
# the one its console reports. Prints why not; returns 1 then.
verdict() {
	local side=$1 g=$2 c=$3 rc=$4 want
	[ -s "$c" ] || { echo "$g under $side: no console ($c)"; return 1; }
	if ! build/compare/traplog console -e tests/compare/console-differences.txt --guest "$g" \
		--side "$side" "tests/guests/$g.console" "$c" >"$out/$g.$side.cdiff" 2>&1; then
		echo "$g under $side: the console differs from the native one, unexplained:"
		grep -A2 UNEXPLAINED "$out/$g.$side.cdiff" | head -n 12
		return 1
	fi
	want=$(tr -d '\r' <"$c" | sed -n 's/^EXIT: STATUS=\([0-9]*\)$/\1/p' | tail -n 1)
	[ "$rc" = "${want:-none}" ] || { echo "$g under $side: exit $rc, its console says ${want:-nothing}"; return 1; }
	echo "$g under $side: exit $rc as its console says; console $( [ -s "$out/$g.$side.cdiff" ] &&
		echo "differences all explained ($(grep -c '^  [~<>]' "$out/$g.$side.cdiff") rows)" ||
		echo "identical")"
}

# hyp_run GUEST: the ELF under the bare hypervisor, with the guest's
# arguments; results in $out/hyp, status in $rc.
hyp_run() {
	guest_args "$1"
	baremetal-hyp/run.sh -q --hyp build/baremetal-hyp/hyp.elf --out "$out/hyp" \
		--timeout 60 "${args[@]}" "build/guests/$1.elf" >"$out/$1.hyp.log" 2>&1
	rc=$?
}

# kvm_run GUEST: through kvm-runner in the arm64 test bed, one boot per
# guest, with KVM's EL2 registers read live at the guest's entry
# (pl2regs.sh, for compare.test); the results kept in build/tests/guests/kvm
# while they are newer than what they came from; status in $rc. Limits as
# tests/testbed/lib.sh's: QEMU above init's --limit above the runner's, scaled.
KVM_OUT=build/tests/guests/kvm
TB_KERNEL=build/testbed/kernel/vmlinuz TB_INITRD=build/testbed/initramfs-arm64.cpio
elf_entry() { printf '0x%08x' $((0x$(od -An -tx4 -j 24 -N 4 "$1" | tr -d ' '))); }
kvm_fresh() {
	local f
	[ -f "$KVM_OUT/$1.exit" ] && [ "$(cat "$KVM_OUT/$1.exit")" != 203 ] || return 1
	for f in "$TB_KERNEL" "$TB_INITRD" "build/guests/$1.elf" kvm-runner/testbed/*.sh tests/guests/lib.sh \
		guests/build.mk; do # the guest, how it runs, its GUEST_ARGS
		[ "$f" -ot "$KVM_OUT/$1.exit" ] || return 1
	done
}
# (No syscall count: nothing here reads it, and ptrace stops every call.)
# Under a lock per guest: kvm.test and compare.test, run at once, share a run.
kvm_run() {
	mkdir -p "$KVM_OUT"
	{
		flock 9
		if ! kvm_fresh "$1"; then
			guest_args "$1"
			kvm-runner/testbed/pl2regs.sh --guest "$1" --kernel "$TB_KERNEL" --initrd "$TB_INITRD" \
				--break "$(elf_entry "build/guests/$1.elf")" --out "$KVM_OUT" --timeout "$(scaled 300)" \
				--init-opts "--no-count --limit $(scaled 150)" \
				--runner-opts "--timeout $(scaled 120) ${args[*]}" >"$KVM_OUT/$1.log" 2>&1
			echo $? >"$KVM_OUT/$1.exit"
		fi
	} 9>"$KVM_OUT/.lock-$1"
	rc=$(cat "$KVM_OUT/$1.exit")
}
kvm_ready() {
	[ -s "$TB_KERNEL" ] && [ -s "$TB_INITRD" ] ||
		skip "the test bed is not built ($TB_KERNEL, $TB_INITRD: make testbed)"
}
