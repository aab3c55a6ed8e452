#!/usr/bin/env bash
# kvm-runner's own footprint on test.S in the arm64 test bed (issue 5):
# ioctls per fd (its --ioctl-trace summary), syscalls (ptrace count by the
# test bed's init), wall time inside the test bed. Two runs, both with
# -icount shift=0 and without kvm trace events: one counted, one timed
# (ptrace would slow the timed one down).
#
#   tests/bench/footprint.sh OUTDIR MDFILE   text on stdout, Markdown appended to MDFILE
# Exit 0, 77 when the test bed has no kernel, 1 when a run failed.
set -u
out=${1:?usage: footprint.sh OUTDIR MDFILE}
md=${2:?usage: footprint.sh OUTDIR MDFILE}
BUILD=${BUILD:-build}
kernel=$BUILD/testbed/kernel/vmlinuz
[ -s "$kernel" ] || { echo "footprint: skipped: no test bed kernel $kernel"; exit 77; }
mkdir -p "$out"

# run WHICH INIT_OPTS: one test.S run into $out/WHICH/.
run() {
	kvm-runner/testbed/run-testbed.sh --arch arm64 --kernel "$kernel" \
		--initrd "$BUILD/testbed/initramfs-arm64.cpio" --guest test --out "$out/$1" \
		--timeout 120 --init-opts "$2" --runner-opts "--timeout 20 --no-kvm-events" \
		-- -icount shift=0 >/dev/null 2>"$out/$1.log" ||
		{ echo "footprint: the $1 run of test.S failed (see $out/$1.log)"; exit 1; }
}
run counted ""
run timed "--no-count"

ioctls=$out/counted/test.ioctls
info() { sed -n "s/^$2: //p" "$out/$1/test.runinfo"; }
syscalls=$(info counted syscalls_total)
wall_us=$(info timed wall_us)
[ -n "$syscalls" ] && [ -n "$wall_us" ] && grep -q '^summary: all ' "$ioctls" ||
	{ echo "footprint: no summary in $ioctls or no counts in runinfo"; exit 1; }

# Per fd: the VMM's own calls (setup + run) and those of the --regs dumps.
per_fd=$(awk '$1 == "summary:" && $3 == "ioctls" {
	for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	printf "%s %d %d %d\n", $2, v["setup"] + v["run"], v["regs"], v["total"]
}' "$ioctls")
vmm_ioctls=$(awk '$1 == "all" { print $2 }' <<<"$per_fd")
wall_s=$(awk -v us="$wall_us" 'BEGIN { printf "%.3f", us / 1e6 }')
verdict() { awk -v x="$1" -v max="$2" 'BEGIN { print (x <= max) ? "met" : "missed" }'; }

{
	echo "kvm-runner on test.S (arm64 test bed, -icount shift=0, no kvm trace events):"
	printf '  %-5s %14s %14s %8s\n' fd "setup+run" "--regs dumps" total
	while read -r fd own regs total; do
		printf '  %-5s %14s %14s %8s\n' "$fd" "$own" "$regs" "$total"
	done <<<"$per_fd"
	echo "  syscalls (ptrace count, dumps and trace writing included): $syscalls"
	echo "  wall inside the test bed (virtual time): ${wall_s} s"
	echo "target: kvm-runner ioctls <= 30: $vmm_ioctls (without the --regs dumps): $(verdict "$vmm_ioctls" 30)"
	echo "target: kvm-runner syscalls <= 150: $syscalls: $(verdict "$syscalls" 150)"
	echo "target: kvm-runner wall <= 0.1 s: $wall_s: $(verdict "$wall_s" 0.1)"
} | tee "$out/footprint.txt"

{
	echo
	echo "## kvm-runner's footprint on test.S"
	echo
	echo "arm64 test bed, \`-icount shift=0\`, without kvm trace events."
	echo
	echo "| fd | ioctls (setup + run) | ioctls of the --regs dumps | total |"
	echo "|---|---:|---:|---:|"
	while read -r fd own regs total; do
		echo "| $fd | $own | $regs | $total |"
	done <<<"$per_fd"
	echo
	echo "- syscalls (ptrace count by the test bed, dumps and trace files included): $syscalls"
	echo "- wall time inside the test bed (virtual time, 1 ns per instruction): $wall_s s"
	echo
	echo "Targets (reported, not asserted):"
	sed -n 's/^target: /- /p' "$out/footprint.txt"
} >>"$md"
