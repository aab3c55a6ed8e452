#!/usr/bin/env bash
# make bench (issue 5): the bench guest natively, under the bare hypervisor
# (log off, log on), under KVM in the arm64 test bed (kvm-runner, and the
# bare KVM_RUN loop of kvmloop.c as its yardstick; Debian's QEMU with KVM
# beside them, the qemu-kvm column) and, with
# KVM_ARMV7_KERNEL, under 32-bit KVM; all with -icount shift=0. Then one
# table (build/bench/bench.{md,csv}) and kvm-runner's footprint on test.S.
# Exit 0 when every available run gave a complete, calibrated result.
set -u
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
out=$BUILD/bench
mkdir -p "$out"
fail=0

# The test bed needs Debian's arm64 kernel (fetched once); without it the
# KVM column is empty, not fatal.
have_testbed=1
$MAKE -s testbed >"$out/testbed.log" 2>&1 ||
	{ have_testbed=0; echo "bench: no KVM test bed (see $out/testbed.log): KVM column empty"; }
# Each group is one call of run-vmm.sh: the KVM columns of one kernel share a boot.
groups=(native hyp-nolog hyp "kvm-arm64 kvm-trace kvm-ftrace kvm-nolog kvm-loop" qemu-kvm)
if [ -n "${KVM_ARMV7_KERNEL:-}" ]; then
	$MAKE -s testbed-armv7 >>"$out/testbed.log" 2>&1 ||
		echo "bench: the armv7 initramfs failed to build"
	# every arm64 column's twin but kvm-ftrace (on 32-bit the full log comes from the trace events)
	groups+=("kvm-armv7 kvm-armv7-trace kvm-armv7-nolog kvm-armv7-loop")
fi

args=()
for group in "${groups[@]}"; do
	read -ra vmms <<<"$group"
	if [ "${group#kvm}" != "$group" ] && [ $have_testbed -eq 0 ]; then
		continue	# no column: said above
	fi
	pairs=()
	for vmm in "${vmms[@]}"; do pairs+=("$vmm" "$out/$vmm.console"); done
	echo "bench: $group ..."
	tests/bench/run-vmm.sh "${pairs[@]}"
	rc=$?
	[ $rc -eq 77 ] && { echo "bench: $group: skipped"; continue; }
	[ $rc -eq 0 ] || { echo "bench: $group: run failed (status $rc)"; fail=1; }
	for vmm in "${vmms[@]}"; do
		[ -s "$out/$vmm.console" ] && args+=("$vmm=$out/$vmm.console")
	done
done

echo
"$out/benchtab" --md "$out/bench.md" --csv "$out/bench.csv" "${args[@]}" || fail=1
# kvm-nolog is "kvm-runner (no trap log)": its lean path, held to issue 5's
# target against the bare loop of the same KVM (benchtab holds the trap log's).
for pair in kvm-nolog:kvm-loop kvm-armv7-nolog:kvm-armv7-loop; do
	for row in mmio-store mmio-load; do
		x=$(sed -n "s/^BENCH: row=$row .* insns=\([0-9]*\)\$/\1/p" "$out/${pair%:*}.console" 2>/dev/null)
		y=$(sed -n "s/^BENCH: row=$row .* insns=\([0-9]*\)\$/\1/p" "$out/${pair#*:}.console" 2>/dev/null)
		[ -n "$x" ] && [ -n "$y" ] || continue
		awk -v p="$pair" -v r="$row" -v x="$x" -v y="$y" 'BEGIN { split(p, v, ":"); printf "target: %s (no trap log) %s within 5 %% of %s: %d vs %d (%+.1f %%): %s\n", v[1], r, v[2], x, y, 100 * (x - y) / y, (20 * x <= 21 * y) ? "met" : "missed" }' |
			tee -a "$out/bench.md"
	done
done
for f in "$out"/*.traplog-end; do
	[ -f "$f" ] && echo "run: $(basename "$f" .traplog-end): trap log $(cut -c3- "$f")"
done
tests/bench/profile-hyp.sh >"$out/profile-hyp.txt" 2>&1 &&
	echo "run: where the bare hypervisor's instructions go, per function: $out/profile-hyp.txt"
echo
if [ $have_testbed -eq 1 ]; then
	tests/bench/footprint.sh "$out/footprint" "$out/bench.md"
	rc=$?
	[ $rc -eq 0 ] || [ $rc -eq 77 ] || fail=1
	echo
	# kvm-runner's --timeout against the wall clock, all tracing on (issue 13)
	tests/bench/timeout.sh "$out/timeout" | tee -a "$out/bench.md"
	[ "${PIPESTATUS[0]}" -eq 0 ] || fail=1
fi
echo
echo "bench: table in $out/bench.md and $out/bench.csv"
exit $fail
