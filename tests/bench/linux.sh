#!/usr/bin/env bash
# make bench-linux (issue 11, docs/linux-profile.md): the Linux guest's cost.
# Boots it natively and under the bare hypervisor, both under -icount
# shift=0, the hypervisor counting the guest's and its own instructions with
# the PMU (run.sh --pmu, pmu.c), and under KVM in the test bed; then
#   - wall time of each run, and against native;
#   - the guest's instructions (entry to power-off, the marker its last
#     step), the hypervisor's and its share of them;
#   - traps per class and per million guest instructions on each side
#     (traplog summary). KVM's instructions cannot be counted in the nested
#     test bed: its rates use the bare hypervisor's guest count, the same
#     kernel doing the same work (an estimate, so marked).
#
#   tests/bench/linux.sh [--no-kvm | --kvm-from DIR] [--out DIR]
# --kvm-from takes KVM's column from a finished run-linux --vmm kvm in DIR
# (its runinfo's host_seconds, its trap log) instead of booting it again.
# Writes DIR/linux.{md,csv} (default build/bench). Exit 0 when the runs
# passed and the counts were read.
set -u
BUILD=${BUILD:-build}
here=$(dirname "$0")
out=$BUILD/bench kvm=1 kvm_from=
while [ $# -gt 0 ]; do
	case $1 in
	--no-kvm) kvm=; shift ;;
	--kvm-from) kvm= kvm_from=${2:?}; shift 2 ;;
	--out) out=${2:?}; shift 2 ;;
	*) sed -n '2,16p' "$0" >&2; exit 2 ;;
	esac
done
T=$BUILD/compare/traplog
[ -x "$T" ] || { echo "bench-linux: $T is not built" >&2; exit 2; }
runs=$out/linux
mkdir -p "$runs"
fail=0
declare -A wall rc

# One boot, timed: run-linux.sh's results in $runs/VMM/.
boot() {
	local vmm=$1 t0 t1
	shift
	echo "bench-linux: $vmm ..."
	t0=$(date +%s.%N)
	guests/linux/run-linux.sh --no-shell --vmm "$vmm" --out "$runs" "$@" >"$runs/$vmm.log" 2>&1 </dev/null
	rc[$vmm]=$?
	t1=$(date +%s.%N)
	wall[$vmm]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
	[ "${rc[$vmm]}" = 0 ] || { echo "bench-linux: $vmm: exit ${rc[$vmm]} (see $runs/$vmm.log)"; fail=1; }
}
boot native --qemu "-icount shift=0"
# The PMU option goes on the hypervisor's command line through run.sh.
HYP_RUN_OPTS=--pmu boot hyp --qemu "-icount shift=0"
[ -z "$kvm" ] || boot kvm
if [ -n "$kvm_from" ]; then
	mkdir -p "$runs/kvm" && cp "$kvm_from"/linux.console "$kvm_from"/linux.traplog "$kvm_from"/linux.runinfo "$runs/kvm/" &&
		rc[kvm]=$(sed -n 's/^exit_status: //p' "$runs/kvm/linux.runinfo") &&
		wall[kvm]=$(awk '/^host_seconds:/ { printf "%.1f", $2 }' "$runs/kvm/linux.runinfo") ||
		{ echo "bench-linux: no KVM run in $kvm_from"; fail=1; }
fi

# The hypervisor's counts: "hyp: instructions guest=G hyp=H".
read -r guest hypi < <(sed -n 's/^hyp: instructions guest=\([0-9]*\) hyp=\([0-9]*\) .*/\1 \2/p' \
	"$runs/hyp/linux.out" 2>/dev/null)
if [ -z "${guest:-}" ] || [ "${guest:-0}" = 0 ]; then
	echo "bench-linux: no instruction counts in $runs/hyp/linux.out"
	guest=0 hypi=0 fail=1
fi
traps() { sed -n 's/^# end traps=\([0-9]*\) .*/\1/p' "$1" 2>/dev/null; }
c() { [ "$1" = - ] || echo "${1#\~}"; } # a CSV cell: "-" empty, "~" dropped
ratio() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b > 0) printf f, a / b; else printf "-" }'; }

md=$out/linux.md csv=$out/linux.csv
{
	echo "# The Linux guest's cost"
	echo
	echo "Made by \`make bench-linux\` (tests/bench/linux.sh, docs/linux-profile.md)."
	echo "Native and hyp under \`-icount shift=0\`; kvm in the nested test bed (its wall"
	echo "time includes the test bed's own boot)."
	echo
	echo "| run | status | wall s | x native | guest instructions | hyp instructions | hyp share | traps | traps / M guest instr |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$md"
echo "run,status,wall_s,x_native,guest_instr,hyp_instr,hyp_share_pct,traps,traps_per_minstr" >"$csv"
printf '%-7s %6s %8s %9s %14s %12s %9s %8s %10s\n' run status wall_s x_native guest_instr hyp_instr share traps per_Minstr
for vmm in native hyp kvm; do
	[ -n "${rc[$vmm]:-}" ] || continue
	g=- h=- share=- n=- per=-
	if [ "$vmm" != native ]; then
		n=$(traps "$runs/$vmm/linux.traplog")
		n=${n:--}
		g=$guest
		[ "$vmm" = kvm ] && g="~$guest"
		[ "$vmm" = hyp ] && h=$hypi share=$(ratio $((hypi * 100)) "$guest" '%.3f %%')
		[ "$n" = - ] || per=$(ratio $((n * 1000000)) "$guest" '%.1f')
	fi
	x=$(ratio "${wall[$vmm]}" "${wall[native]}" '%.2fx')
	printf '%-7s %6s %8s %9s %14s %12s %9s %8s %10s\n' "$vmm" "${rc[$vmm]}" "${wall[$vmm]}" "$x" "$g" "$h" "$share" "$n" "$per"
	echo "| $vmm | ${rc[$vmm]} | ${wall[$vmm]} | $x | $g | $h | $share | $n | $per |" >>"$md"
	echo "$vmm,${rc[$vmm]},${wall[$vmm]},${x%x},$(c "$g"),$(c "$h"),$(c "${share% %}"),$(c "$n"),$(c "$per")" >>"$csv"
done

# Per class: traplog summary's rows "M CLASS  A  B  cause".
a=$runs/hyp/linux.traplog b=$runs/kvm/linux.traplog
[ -f "$b" ] || b=$a
{
	echo
	echo "## Traps per million guest instructions, by class"
	echo
	echo "| class | hyp | per M | kvm | per M (est.) |"
	echo "|---|---:|---:|---:|---:|"
} >>"$md"
if [ -f "$a" ]; then
	"$T" summary "$a" "$b" 2>/dev/null |
		awk -v g="$guest" -v kvm="$([ "$b" != "$a" ] && echo 1)" '
		NR == 1 { next }
		match($0, / +[0-9]+ +[0-9]+( |$)/) {
			cls = substr($0, 3, RSTART - 2); sub(/ +$/, "", cls)
			split(substr($0, RSTART), n, " ")
			pa = g > 0 ? sprintf("%.1f", n[1] * 1e6 / g) : "-"
			pb = g > 0 ? sprintf("%.1f", n[2] * 1e6 / g) : "-"
			if (!kvm) { n[2] = "-"; pb = "-" }
			printf "| `%s` | %s | %s | %s | %s |\n", cls, n[1], pa, n[2], pb
		}' >>"$md"
fi
echo "bench-linux: table in $md, $csv"
exit $fail
