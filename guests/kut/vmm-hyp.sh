# run-kut.sh's hyp VMM: baremetal-hyp/run.sh with the test's ELF (linked at
# 0x40010000, so booted by the Linux protocol: DTB in r2), -m, -p (the
# test's command line), -c, and the environment as -i, as kvmtool gets them.

# The errata environment: no host kernel under the bare hypervisor, so
# every erratum is forced, as kvm-unit-tests does under TCG.
vmm_env() { echo "ERRATA_FORCE=y"; }

# vmm_one NAME IMAGE SMP MEM SECS ARGS: the console in $out/NAME.log, the
# hypervisor's last words in $out/NAME.why; prints the status. The
# hypervisor's watchdog (guest time) gets the test's limit, QEMU's
# wall-clock limit 30 s more for the boot.
vmm_one() {
	local name=$1 image=$2 smp=$3 mem=$4 secs=$5 args=$6 rc
	baremetal-hyp/run.sh -q --out "$out" --name "$name" --timeout $((secs + 30)) \
		--watchdog $((secs * 1000)) -c "$smp" ${args:+-p "$args"} \
		$([ "$mem" != 0 ] && echo "-m ${mem}M") -i "$kut_env" "$image" \
		</dev/null 2>"$out/$name.why"
	rc=$?
	cp "$out/$name.console" "$out/$name.log" 2>/dev/null || : >"$out/$name.log"
	grep '^hyp: ' "$out/$name.out" 2>/dev/null | grep -v '^hyp: guest stopped, exit status' |
		tail -n 1 >>"$out/$name.why"	# why it stopped, not the status again
	echo "$rc"
}
