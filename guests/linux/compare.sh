#!/usr/bin/env bash
# `make compare GUEST=linux`: the Linux guest natively, under the bare
# hypervisor and under KVM in the test bed (run-linux.sh), then
#   1. each run's verdict and milestones: the kernel entry (the
#      decompressor's jump to the kernel proper at RAM base + TEXT_OFFSET,
#      build/board/kentry): native and hyp in instructions from power-on
#      (gdb stops there once and asks QEMU's record/replay for its
#      instruction count), kvm as the trap-log record of KVM's Stage-2
#      instruction fault there; `Run /init` and the marker in printk time
#      (under -icount shift=0, 1 ns of it = 1 instruction, plus idle time);
#   2. the boot's traps counted per class on each side (traplog summary),
#      every count difference explained (tests/compare/summary-differences.txt);
#   3. the row diff of the deterministic start, up to the first timer
#      interrupt (traplog diff, tests/compare/expected-differences.txt).
# The same goes to build/compare/linux.md.
#
#   compare.sh [--no-run] [--out DIR] [--report FILE] [--no-icount]
# --no-run compares the runs already in DIR (default build/linux). Native
# and hyp QEMU run with -icount shift=0 (their milestones are then
# instructions, idle time skipped in WFI included; kvm's stay guest time);
# --no-icount runs them in guest time, with no kernel entry count.
# Exit: 0 when every run passed and every difference is explained, 1 otherwise.
set -u
here=$(dirname "$0")
build=${BUILD:-build}
out=$build/linux report=$build/compare/linux.md run=1 icount=1
while [ $# -gt 0 ]; do
	case $1 in
	--no-run) run=; shift ;;
	--out) out=${2:?}; shift 2 ;;
	--report) report=${2:?}; shift 2 ;;
	--icount) icount=1; shift ;; # the default; kept for LINUX_COMPARE_OPTS=--icount
	--no-icount) icount=; shift ;;
	*) sed -n '2,23p' "$0" >&2; exit 2 ;;
	esac
done
T=$build/compare/traplog K=$build/board/kentry
[ -x "$T" ] || { echo "compare: $T is not built (make compare-tools)" >&2; exit 2; }
[ -x "$K" ] || { echo "compare: $K is not built (make all)" >&2; exit 2; }
zimage=build/linux/debian/vmlinuz # run-linux.sh's (fetch.sh)
stable=$here/../../tests/compare/summary-differences.txt
dtable=$here/../../tests/compare/expected-differences.txt
mkdir -p "$(dirname "$report")"
problems=()
problem() { problems+=("$*"); }
md() { printf '%s\n' "$@" >>"$report"; }

# The kernel entry: where the decompressor jumps (a zImage that kentry
# cannot read gives none).
entry=$("$K" "$zimage" 2>/dev/null) || entry=

# entry_count SOCKET FILE: gdb on the run's stub stops it once at the
# kernel entry (not in Hyp mode: the bare hypervisor's own code may sit at
# that address) and writes QEMU's instruction count (record/replay's
# `info replay`: every instruction from power-on, the hypervisor's too)
# to FILE, then lets the run go on.
entry_count() {
	local i
	for i in $(seq 100); do [ -S "$1" ] && break; sleep 0.1; done
	timeout 600 gdb-multiarch -q -nx -batch -ex "target remote $1" \
		-ex "hbreak *$entry if (\$cpsr & 0x1f) != 0x1a" -ex continue \
		-ex "monitor info replay" -ex delete -ex detach 2>&1 |
		sed -n 's/.*instruction count = \([0-9]*\).*/\1/p' >"$2"
}

sides=(native hyp kvm)
declare -A rc
if [ -n "$run" ]; then
	echo "Runs (output in $out/VMM/):"
	stub=$(mktemp -d) # the gdb sockets and replay logs: private, removed after
	trap 'rm -rf "$stub"' EXIT
	for s in "${sides[@]}"; do
		rm -f "$out/$s/linux.entry"
		# Not KVM's: the test bed's QEMU under -icount boots too slowly for
		# run-linux's 300 s (measured: timed out before the guest started).
		q= gdb_pid=
		if [ -n "$icount" ] && [ "$s" != kvm ]; then
			q="-icount shift=0"
			if [ -n "$entry" ]; then
				q="-icount shift=0,rr=record,rrfile=$stub/$s.rr -S -gdb unix:$stub/$s.sock,server,nowait"
				mkdir -p "$out/$s"
				entry_count "$stub/$s.sock" "$stub/$s.entry" &
				gdb_pid=$!
			fi
		fi
		"$here/run-linux.sh" --no-shell --vmm "$s" --out "$out" \
			${q:+--qemu "$q"} >"$out.$s.log" 2>&1 </dev/null
		rc[$s]=$?
		if [ -n "$gdb_pid" ]; then
			wait "$gdb_pid"
			[ -s "$stub/$s.entry" ] && cp "$stub/$s.entry" "$out/$s/linux.entry"
		fi
		echo "  $s: exit ${rc[$s]}"
	done
fi

{
	echo "# Comparison of the Linux guest"
	echo
	echo "Made by \`make compare GUEST=linux\` (guests/linux/compare.sh, docs/linux.md)."
} >"$report"

# ---- 1. verdicts and milestones ----
# The printk time of the first console line matching a pattern, or "-".
stamp() {
	local t
	t=$(grep -m1 -a "$2" "$1" 2>/dev/null | sed -n 's/^\[ *\([0-9]*\)\.\([0-9]*\)\].*/\1\2/p')
	[ -n "$t" ] && echo $((10#$t * 1000)) || echo -
}
# The kernel entry of a run: native and hyp its instruction count (gdb's
# stop), kvm the trap-log record of KVM's Stage-2 fault on its first fetch.
kentry() {
	local e=$out/$1/linux.entry l=$out/$1/linux.traplog n
	if [ -s "$e" ]; then
		cat "$e"
	elif [ -n "$entry" ] && [ "$1" = kvm ] &&
		n=$(awk -v pc="pc=$entry" '$3 == "IABT" && $4 == pc { print $1 + 0; exit }' "$l" 2>/dev/null) &&
		[ -n "$n" ]; then
		echo "trap $n"
	else
		echo -
	fi
}
echo
echo "1. Runs and milestones: the kernel entry (${entry:-unknown}) in instructions, or a"
echo "   trap's number; the rest in printk ns (instructions under -icount shift=0):"
printf '  %-7s %-8s %-14s %-14s %-14s %s\n' run status "kernel entry" "Run /init" marker "traps"
md "" "## 1. Runs and milestones" "" \
   "The kernel entry is the decompressor's jump to the kernel proper at ${entry:-?} (RAM base + TEXT_OFFSET):" \
   "native and hyp in instructions from power-on (QEMU's count under -icount), kvm the trap-log record" \
   "of KVM's Stage-2 fault on its first fetch. \`Run /init\` and the marker are printk ns." "" \
   "| run | status | kernel entry | \`Run /init\` | marker | traps |" "|---|---|---:|---:|---:|---:|"
for s in "${sides[@]}"; do
	c=$out/$s/linux.console l=$out/$s/linux.traplog
	st=$(sed -n 's/^EXIT: STATUS=\([0-9]*\)$/\1/p' "$c" 2>/dev/null | tail -n 1)
	[ "${st:-x}" = 0 ] || problem "$s: no 'EXIT: STATUS=0' on its console ($c)"
	[ -z "${rc[$s]:-}" ] || [ "${rc[$s]}" = 0 ] || problem "$s: run-linux.sh exited ${rc[$s]}"
	traps=$(sed -n 's/^# end traps=\([0-9]*\) .*/\1/p' "$l" 2>/dev/null)
	k=$(kentry "$s")
	[ -n "$run" ] && [ -n "$icount" ] && [ -n "$entry" ] && [ "$s" != kvm ] && [ "$k" = - ] &&
		problem "$s: no kernel entry measured (gdb at $entry)"
	printf '  %-7s %-8s %-14s %-14s %-14s %s\n' "$s" "${st:--}" "$k" "$(stamp "$c" 'Run /init')" \
		"$(stamp "$c" '\] KIT-MARKER')" "${traps:--}"
	md "| $s | ${st:--} | $k | $(stamp "$c" 'Run /init') | $(stamp "$c" '\] KIT-MARKER') | ${traps:--} |"
done

# ---- 2. the summary ----
a=$out/hyp/linux.traplog b=$out/kvm/linux.traplog
echo
echo "2. Traps per class: hyp against kvm"
md "" "## 2. Traps per class: hyp against kvm" ""
if [ -f "$a" ] && [ -f "$b" ]; then
	"$T" summary -e "$stable" "$a" "$b" || problem "trap counts: unexplained differences"
	"$T" summary --md -e "$stable" "$a" "$b" >>"$report" 2>&1
else
	echo "  missing trap log: $a or $b"
	problem "no trap log to count ($a, $b)"
fi

# ---- 3. the deterministic start ----
# Each log up to the guest's first interrupt event (trap log version 2) or
# WFI, closed with an end line of its own (the cut is no log's fault).
# KVM's IRQ exits with intid=? are the host's own interrupts taking
# the CPU, at no point of the guest's: left out, not an end.
head_of() {
	awk 'NR == 1 { print; next } / -- IRQ .*intid=\? / { next }
	     / (-- IRQ|-- VIRQ|-- EOI|0x01 WFX) / { exit } /^[0-9]/ { print; last = $1 + 0 }
	     END { printf "# end traps=%d dropped=0 status=0\n", last }' "$1"
}
echo
echo "3. The start of the boot, up to the first interrupt: hyp against kvm"
md "" "## 3. The start of the boot, up to the first interrupt" ""
if [ -f "$a" ] && [ -f "$b" ]; then
	head_of "$a" >"$report.hyp.head"
	head_of "$b" >"$report.kvm.head"
	"$T" diff --context 2 -e "$dtable" "$report.hyp.head" "$report.kvm.head" ||
		problem "the start of the boot: unexplained differences"
	"$T" diff --md --context 2 -e "$dtable" "$report.hyp.head" "$report.kvm.head" >>"$report" 2>&1
	rm -f "$report.hyp.head" "$report.kvm.head"
fi

echo
if [ ${#problems[@]} -eq 0 ]; then
	echo "compare: every run passed, every difference explained; report in $report"
	exit 0
fi
printf 'compare: %s\n' "${problems[@]}"
echo "compare: report in $report"
exit 1
