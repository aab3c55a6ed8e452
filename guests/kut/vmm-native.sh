# run-kut.sh's native VMM: qemu-system-arm -M virt -cpu cortex-a15, no
# hypervisor, the test given as kvm-unit-tests' arm/run gives it (the .flat
# as -kernel, -smp, -append, the test's qemu_params, the environment as
# -initrd). Not given: arm/run's chr-testdev (its exit code channel); the
# kit reads the EXIT: STATUS line on every VMM, as kvm-unit-tests does
# under kvmtool.

# The errata environment: under TCG kvm-unit-tests forces every erratum
# (arch-run.bash env_errata): there is no host kernel to have the bug.
vmm_env() { echo "ERRATA_FORCE=y"; }

# vmm_one NAME IMAGE SMP MEM SECS ARGS QWORDS: the console in $out/NAME.log,
# QEMU's stderr in $out/NAME.why; prints the status.
vmm_one() {
	local name=$1 image=$2 smp=$3 mem=$4 secs=$5 args=$6 qwords=$7 q=() rc
	[ -n "$qwords" ] && IFS=$'\x1e' read -ra q <<<"$qwords"
	timeout -k 2 "$secs" "${QEMU_ARM:-qemu-system-arm}" -nodefaults \
		-machine virt,highmem=off -accel tcg -cpu cortex-a15 -device pci-testdev \
		-display none -nic none -serial stdio -kernel "$image" -smp "$smp" \
		${args:+-append "$args"} ${mem:+$([ "$mem" != 0 ] && echo "-m $mem")} "${q[@]}" \
		-initrd "$kut_env" </dev/null >"$out/$name.log" 2>"$out/$name.why"
	rc=$?
	tr -d '\r' <"$out/$name.log" >"$out/$name.log.tmp" && mv "$out/$name.log.tmp" "$out/$name.log"
	[ $rc -eq 137 ] && rc=124	# killed after timeout's grace
	[ $rc -eq 0 ] || [ $rc -eq 124 ] || echo "qemu-system-arm exited with $rc" >>"$out/$name.why"
	echo "$rc"
}
