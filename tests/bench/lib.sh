# Shared by the quick bench tests: checks on the bench guest's console.
# Consoles go to $out; tests/lib.sh's $fails counts the failed checks.
. tests/lib.sh
out=build/bench/quick
mkdir -p "$out"

# check_run NAME CONSOLE: calibration exact, every row present, figures > 0
# (the interrupt rows >= 0: a tick, 16 instructions, is their resolution).
check_run() {
	local name=$1 c=$2 rows
	grep -q '^BENCH: cntfrq=62500000 expect=62500000 ok$' "$c" || bad "$name: CNTFRQ is not 62.5 MHz"
	grep -q '^BENCH: cal .* ok$' "$c" || bad "$name: calibration off: $(grep '^BENCH: cal' "$c")"
	rows=$(grep -c '^BENCH: row=' "$c")
	[ "$rows" -eq 9 ] || bad "$name: $rows row lines, expected 9"
	awk -v who="$name" '/^BENCH: row=/ && !/skipped=/ {
		for (i = 1; i <= NF; i++) if ($i ~ /^insns=/) { v = substr($i, 7) + 0; seen = 1 }
		if (!seen || v < 0 || (v == 0 && !/row=irq-/)) { print "FAIL: " who ": figure not positive: " $0; bad = 1 }
		seen = 0
	} END { exit bad }' "$c" || fails=$((fails + 1))
}

# run_checked VMM CONSOLE: one run, then check_run.
run_checked() {
	tests/bench/run-vmm.sh "$1" "$2"
	local rc=$?
	[ $rc -eq 0 ] || { bad "$1: run failed (status $rc)"; tail -n 5 "$2" 2>/dev/null; return 1; }
	check_run "$1" "$2"
}

# figure CONSOLE ROW: the insns= of one row.
figure() { sed -n "s/^BENCH: row=$2 .* insns=\\(-\\{0,1\\}[0-9]*\\)\$/\\1/p" "$1"; }
