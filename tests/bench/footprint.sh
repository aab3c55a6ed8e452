#!/usr/bin/env bash
# kvm-runner's own footprint on test.S in the arm64 test bed (issue 5), in
# three configurations:
#   comparison  as the comparison runs it: trap log (with kvm trace events),
#               --ioctl-trace and --regs (the test bed's defaults)
#   lean        no tracing: no trap log, no --regs; --ioctl-trace kept, as
#               the source of the per-fd counts (records kept in memory,
#               written once at exit)
#   coalesced   lean + --coalesce-console: console bytes queued by KVM in
#               the coalesced MMIO ring, not one exit each
# ioctls per fd (the --ioctl-trace summary), syscalls (ptrace count by the
# test bed's init), wall time inside the test bed. Each configuration runs
# twice, both with -icount shift=0: once counted, once timed (ptrace would
# slow the timed one down).
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

configs=(comparison lean coalesced)
declare -A init_opts=([comparison]="" [lean]="--no-traplog --no-regs"
		      [coalesced]="--no-traplog --no-regs")
declare -A runner_opts=([comparison]="--timeout 20" [lean]="--timeout 20"
			[coalesced]="--timeout 20 --coalesce-console")

# run CONFIG counted|timed: one test.S run into $out/CONFIG-counted/ ...
run() {
	local dir=$out/$1-$2 opts=${init_opts[$1]}
	[ "$2" = timed ] && opts="--no-count $opts"
	kvm-runner/testbed/run-testbed.sh --arch arm64 --kernel "$kernel" \
		--initrd "$BUILD/testbed/initramfs-arm64.cpio" --guest test --out "$dir" \
		--timeout 120 --init-opts "$opts" --runner-opts "${runner_opts[$1]}" \
		-- -icount shift=0 >/dev/null 2>"$dir.log" ||
		{ echo "footprint: the $1 $2 run of test.S failed (see $dir.log)"; exit 1; }
	cmp -s "$dir/test.console" tests/board/test.console ||
		{ echo "footprint: the $1 $2 run: console is not tests/board/test.console"; exit 1; }
}

# One line per configuration: NAME SYS VM VCPU ALL REGS SYSCALLS WALL_S
# (ioctls of the VMM itself, setup + run; REGS: those of the --regs dumps).
measure() {
	local c=$1 ioctls=$out/$1-counted/test.ioctls sc us
	sc=$(sed -n 's/^syscalls_total: //p' "$out/$c-counted/test.runinfo")
	us=$(sed -n 's/^wall_us: //p' "$out/$c-timed/test.runinfo")
	[ -n "$sc" ] && [ -n "$us" ] && grep -q '^summary: all ' "$ioctls" ||
		{ echo "footprint: $c: no summary in $ioctls or no counts in runinfo" >&2; return 1; }
	awk -v c="$c" -v sc="$sc" -v us="$us" '$1 == "summary:" && $3 == "ioctls" {
		for (i = 4; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		own[$2] = v["setup"] + v["run"]; regs += ($2 == "all") ? v["regs"] : 0
	} END { printf "%s %d %d %d %d %d %d %.3f\n", c, own["sys"], own["vm"], own["vcpu"],
		own["all"], regs, sc, us / 1e6 }' "$ioctls"
}

for c in "${configs[@]}"; do
	run "$c" counted
	run "$c" timed
done
rows=$(for c in "${configs[@]}"; do measure "$c" || exit 1; done) || exit 1
verdict() { awk -v x="$1" -v max="$2" 'BEGIN { print (x <= max) ? "met" : "missed" }'; }
get() { awk -v c="$1" -v k="$2" '$1 == c { print $k }' <<<"$rows"; }

{
	echo "kvm-runner on test.S (arm64 test bed, -icount shift=0; console checked golden):"
	printf '  %-11s %5s %5s %6s %8s %8s %9s %8s\n' config sys vm vcpu ioctls "--regs" syscalls wall_s
	while read -r c s v u a r sc w; do
		printf '  %-11s %5s %5s %6s %8s %8s %9s %8s\n' "$c" "$s" "$v" "$u" "$a" "$r" "$sc" "$w"
	done <<<"$rows"
	echo "  (ioctls: the VMM's own, setup + run; --regs: the register dumps' on top;"
	echo "   syscalls: every one, dumps and result files included)"
	for c in lean coalesced; do
		echo "target: $c: kvm-runner ioctls <= 30: $(get $c 5): $(verdict "$(get $c 5)" 30)"
		echo "target: $c: kvm-runner syscalls <= 150: $(get $c 7): $(verdict "$(get $c 7)" 150)"
		echo "target: $c: kvm-runner wall <= 0.1 s: $(get $c 8): $(verdict "$(get $c 8)" 0.1)"
	done
} | tee "$out/footprint.txt"

{
	echo
	echo "## kvm-runner's footprint on test.S"
	echo
	echo "arm64 test bed, \`-icount shift=0\` (wall time is virtual time, 1 ns per instruction)."
	echo "comparison: trap log with kvm trace events, --ioctl-trace, --regs (as the comparison"
	echo "runs it); lean: no trap log, no --regs (--ioctl-trace kept for the counts);"
	echo "coalesced: lean + --coalesce-console."
	echo
	echo "| configuration | sys fd | VM fd | vCPU fd | ioctls (setup + run) | ioctls of --regs | syscalls | wall (s) |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	while read -r c s v u a r sc w; do
		echo "| $c | $s | $v | $u | $a | $r | $sc | $w |"
	done <<<"$rows"
	echo
	echo "Targets (reported, not asserted):"
	sed -n 's/^target: /- /p' "$out/footprint.txt"
} >>"$md"
