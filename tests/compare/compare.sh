#!/usr/bin/env bash
# `make compare`: runs a guest natively, under the bare hypervisor and under
# KVM in the test bed (and 32-bit ARM KVM when KVM_ARMV7_KERNEL is set),
# then prints the console check, the trap-log diff, the PL2 registers and
# the guest's reset state side by side, and writes the same as Markdown.
#
#   compare.sh [--guest G] [--no-run] [--native DIR] [--hyp DIR] [--kvm DIR]
#              [--kvm-armv7 DIR] [--report FILE]
#
# --no-run compares results already in the directories (a test reuses a
# run made earlier). Exit: 0 when the consoles agree, every trap-log
# difference is explained and every run passed; 1 otherwise; 2 bad usage.
set -u
guest=${GUEST:-test} build=${BUILD:-build} make=${MAKE:-make}
run=1 native= hyp= kvm= armv7= report=
usage() { sed -n '6,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--guest) guest=${2:?}; shift 2 ;;
	--no-run) run=; shift ;;
	--native) native=${2:?}; shift 2 ;;
	--hyp) hyp=${2:?}; shift 2 ;;
	--kvm) kvm=${2:?}; shift 2 ;;
	--kvm-armv7) armv7=${2:?}; shift 2 ;;
	--report) report=${2:?}; shift 2 ;;
	*) usage ;;
	esac
done
native=${native:-$build/native} hyp=${hyp:-$build/hyp} kvm=${kvm:-$build/kvm}
[ -n "$run" ] && [ -n "${KVM_ARMV7_KERNEL:-}" ] && armv7=${armv7:-$build/kvm-armv7}
report=${report:-$build/compare/$guest.md}
here=$(dirname "$0")
table=$here/expected-differences.txt ctable=$here/console-differences.txt
T=$build/compare/traplog R=$build/compare/regcmp
for tool in "$T" "$R"; do
	[ -x "$tool" ] || { echo "compare: $tool is not built (make compare-tools)" >&2; exit 2; }
done
mkdir -p "$(dirname "$report")"
runlog=$(dirname "$report")/$guest.runs.log
problems=()
problem() { problems+=("$*"); }

# ---- the runs ----
# run NAME MAKE-TARGET...: one run, its output in the run log. Its status
# must be the status its console reports (EXIT: STATUS=n), the guest's own
# verdict, which the console check holds against the native one.
declare -A run_rc
# A run that timed out (status 124) or left no status: the lines of its log
# that say which limit fired, and the limits the load stretched (tests/lib.sh).
run_one() {
	local name=$1 rc from s
	shift
	echo "== $name: $make $*" >>"$runlog"
	from=$(($(wc -l <"$runlog") + 1))
	timeout -k 5 600 $make -s "$@" GUEST="$guest" >>"$runlog" 2>&1 </dev/null
	rc=$?
	run_rc[$name]=$rc
	s=$(status_of "$name" "$(side_dir "$name")")
	echo "  $name: $(run_status "$name" "$(side_dir "$name")")"
	[ -n "$s" ] && [ "$s" != 124 ] && return
	tail -n "+$from" "$runlog" | tr -d '\r' |
		grep -E 'did not stop in time|stopped after|killed after|timed out|did not finish within|^limit [0-9]+ x [0-9]+:' |
		sed 's/^/    /'
}
side_dir() {
	case $1 in native) echo "$native" ;; hyp) echo "$hyp" ;; kvm) echo "$kvm" ;; *) echo "$armv7" ;; esac
}
# The run's own status, from what the run wrote: make turns any non-zero
# status of its recipe into 2. KVM: the test bed's runinfo; hyp: the
# hypervisor's last line; native: run-native.sh's own status is its
# console's EXIT line, so only a failed run (no such line) is make's.
status_of() {
	local side=$1 dir=$2
	case $side in
	kvm*) sed -n 's/^exit_status: \([0-9]*\)$/\1/p' "$dir/$guest.runinfo" 2>/dev/null ;;
	hyp) sed -n 's/^hyp: guest stopped, exit status \([0-9]*\).*/\1/p' "$dir/$guest.out" 2>/dev/null |
		tail -n 1 ;;
	native) [ "${run_rc[$side]}" = 0 ] && echo 0 ||
		tr -d '\r' <"$dir/$guest.console" 2>/dev/null | sed -n 's/^EXIT: STATUS=\([0-9]*\)$/\1/p' | tail -n 1 ;;
	esac
}
# "status N" (the guest's or the VMM's own, 124..126, 200..203), or make's
# exit when the run left no status.
run_status() {
	local s
	s=$(status_of "$1" "$2")
	if [ -n "$s" ]; then echo "status $s"; else echo "no status (make exited ${run_rc[$1]})"; fi
}
status_check() {
	local i f want got
	for i in "${!sides[@]}"; do
		[ -n "${run_rc[${sides[$i]}]:-}" ] || continue
		f=${dirs[$i]}/$guest.console
		want=$(tr -d '\r' <"$f" 2>/dev/null | sed -n 's/^EXIT: STATUS=\([0-9]*\)$/\1/p' | tail -n 1)
		got=$(status_of "${sides[$i]}" "${dirs[$i]}")
		[ -n "$got" ] && [ "$got" = "${want:-0}" ] ||
			problem "the ${sides[$i]} run: $(run_status "${sides[$i]}" "${dirs[$i]}"), its console says ${want:-nothing} (see $runlog)"
	done
}
if [ -n "$run" ]; then
	: >"$runlog"
	echo "Runs (output in $runlog):"
	run_one native run-native
	run_one hyp run-hyp
	run_one kvm pl2regs-kvm
	[ -n "$armv7" ] && run_one kvm-armv7 pl2regs-kvm-armv7
fi

sides=(native hyp kvm) dirs=("$native" "$hyp" "$kvm")
[ -n "$armv7" ] && sides+=(kvm-armv7) dirs+=("$armv7")

# Every printed section goes to the terminal; the Markdown goes to $report.
md() { printf '%s\n' "$@" >>"$report"; }
code() { md '```'; cat "$1" >>"$report"; md '```'; }

{
	echo "# Comparison of guest \`$guest\`"
	echo
	echo "Made by \`make compare\` (tests/compare/compare.sh); the differences are"
	echo "explained by tests/compare/expected-differences.txt, see docs/comparison.md."
} >"$report"

# ---- 1. the console check ----
# Every run's console against the native one; a differing line passes only
# when an entry of console-differences.txt explains it (traplog console).
console_check() {
	local base=${dirs[0]}/$guest.console i f rc same
	echo
	echo "1. Console (against the native run, $base):"
	md "" "## 1. Console" "" "| run | console | lines | same as native |" "|---|---|---|---|"
	if [ ! -f "$base" ]; then
		problem "no native console $base"
	fi
	for i in "${!sides[@]}"; do
		f=${dirs[$i]}/$guest.console
		if [ ! -f "$f" ]; then
			echo "  ${sides[$i]}: missing $f"
			md "| ${sides[$i]} | $f | - | missing |"
			problem "no console from ${sides[$i]} ($f)"
			continue
		fi
		same=yes rc=0
		if [ -f "$base" ] && ! diff -q <(tr -d '\r' <"$base") <(tr -d '\r' <"$f") >/dev/null; then
			"$T" console -e "$ctable" --guest "$guest" --side "${sides[$i]}" "$base" "$f" \
				>"$report.console.tmp" 2>&1
			rc=$?
			case $rc in
			0) same="no, every difference explained" ;;
			*) same=NO; problem "the ${sides[$i]} console differs from the native one, unexplained" ;;
			esac
		fi
		printf '  %-10s %-40s %4s lines  same: %s\n' "${sides[$i]}" "$f" "$(wc -l <"$f")" "$same"
		md "| ${sides[$i]} | \`$f\` | $(wc -l <"$f") | $same |"
		[ "$same" = yes ] || sed 's/^/  /' "$report.console.tmp" | head -n 40
	done
	rm -f "$report.console.tmp"
	for i in "${!sides[@]}"; do
		f=${dirs[$i]}/$guest.console
		[ "$i" -gt 0 ] && [ -f "$base" ] && [ -f "$f" ] || continue
		diff -q <(tr -d '\r' <"$base") <(tr -d '\r' <"$f") >/dev/null && continue
		md "" "Differences of ${sides[$i]} (tests/compare/console-differences.txt):" ""
		"$T" console --md -e "$ctable" --guest "$guest" --side "${sides[$i]}" "$base" "$f" \
			>>"$report" 2>&1
	done
	[ -f "$base" ] && { md "" "The native console:" ""; code "$base"; }
}

# ---- 2. the trap-log diff ----
traplog_diff() {
	local other=$1 a=$hyp/$guest.traplog b=$2/$guest.traplog rc
	echo
	echo "2. Trap logs: hyp against $other"
	md "" "## 2. Trap log: hyp against $other" ""
	if [ ! -f "$a" ] || [ ! -f "$b" ]; then
		echo "  missing: $(missing "$a" "$b")"
		problem "no trap log to compare (hyp/$other)"
		md "Missing trap log." ""
		return
	fi
	"$T" diff --context 2 -e "$table" "$a" "$b"
	rc=$?
	[ $rc -eq 0 ] || problem "trap logs hyp/$other: unexplained differences or bad logs (exit $rc)"
	md "The cause column names the entry of the expected-differences table; runs of" \
	   "identical rows are folded (\`traplog diff\` without \`--context\` shows them all)." ""
	"$T" diff --md --context 2 -e "$table" "$a" "$b" >>"$report" 2>&1
}

# ---- 3. PL2 registers, 4. guest reset state ----
missing() { local f; for f; do [ -f "$f" ] || printf '%s ' "$f"; done; }
registers() {
	local a=$hyp/$guest.regs p=$kvm/$guest.pl2regs g=$kvm/$guest.regs
	local files=("$a" "$p") names=hyp,kvm against="kvm (live, through the gdb stub)"
	if [ -n "$armv7" ]; then
		files+=("$armv7/$guest.pl2regs") names+=,kvm-armv7
		against="kvm and kvm-armv7 (live, through the gdb stub)"
	fi
	echo
	echo "3. PL2 registers: hyp (its register dump) against $against"
	md "" "## 3. PL2 registers" "" \
	   "The bare hypervisor's dump against KVM's live EL2 registers (and 32-bit KVM's" \
	   "live PL2 registers when it ran), read through QEMU's gdb stub while the guest's" \
	   "vCPU context was loaded. 32-bit registers are shown as 32 bits. Rows zero on" \
	   "every side are left out; ≠ marks a field that differs."
	if [ -z "$(missing "${files[@]}")" ]; then
		"$R" pl2 --names "$names" "${files[@]}" || problem "PL2 registers missing from a dump"
		"$R" pl2 --md --names "$names" "${files[@]}" >>"$report" 2>/dev/null	# errors: printed above
	else
		echo "  missing: $(missing "${files[@]}")"
		md "" "Missing: $(missing "${files[@]}")."
		problem "no PL2 register dump to compare ($(missing "${files[@]}"))"
	fi
	echo
	echo "4. Guest reset state: hyp's guest initial state against kvm-runner's dump"
	md "" "## 4. Guest reset state" "" \
	   "What the bare hypervisor gives its guest against what KVM_GET_ONE_REG reports" \
	   "before the first KVM_RUN, for every register both dumps name." ""
	if [ -f "$a" ] && [ -f "$g" ]; then
		"$R" guest --names hyp,kvm "$a" "$g"
		"$R" guest --md --names hyp,kvm "$a" "$g" >>"$report" 2>/dev/null
	else
		echo "  missing: $(missing "$a" "$g")"
		md "Missing: $(missing "$a" "$g")."
		problem "no guest register dump to compare ($a, $g)"
	fi
}

console_check
status_check
traplog_diff kvm "$kvm"
[ -n "$armv7" ] && traplog_diff kvm-armv7 "$armv7"
registers

echo
md "" "## Result" ""
if [ ${#problems[@]} -eq 0 ]; then
	echo "compare: OK: every console and trap-log difference explained ($report)"
	md "OK: every console difference and every trap-log difference is explained."
	exit 0
fi
for p in "${problems[@]}"; do
	echo "compare: FAIL: $p"
	md "- FAIL: $p"
done
echo "compare: report in $report"
exit 1
