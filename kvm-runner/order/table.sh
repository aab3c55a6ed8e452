#!/usr/bin/env bash
# Sets kvm-order's tables from arm64 KVM and 32-bit ARM KVM side by side,
# as docs/kvm-runner.md shows them; a missing 32-bit table gives a column
# that says "not run here".
#
#   table.sh ARM64.order [ARMV7.order]
#
# Exit 0; 1 with one line when a table is missing or not kvm-order's.
set -euo pipefail

die() { echo "kvm-order table: $*" >&2; exit 1; }
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: table.sh ARM64.order [ARMV7.order]"
a=$1 b=${2:-}
for f in "$a" ${b:+"$b"}; do
	[ -r "$f" ] || die "$f: cannot read"
	head -n 1 "$f" | grep -q '^# kvm-order 1 ' || die "$f: not a kvm-order table"
done
kernel() { sed -n '1s/.* kernel=\([^ ]*\).*/\1/p' "$1"; }
ka=$(kernel "$a") kb=${b:+$(kernel "$b")}

awk -F' [|] ' -v ka="$ka" -v kb="${kb:-}" -v b="$b" '
	function row(line, f) { sub(/^[|] /, "", line); sub(/ [|]$/, "", line); return split(line, f, / [|] /) }
	BEGIN {
		if (b != "")
			while ((getline l < b) > 0)
				if (l ~ /^[|] [0-9]+ [|]/ && row(l, g) >= 9) v7[g[2]] = g[5] (g[7] == "yes" ? "" : " (sources: " g[6] ")")
		printf "| # | case | rule | step | arm64 KVM %s | 32-bit ARM KVM%s | the guest then (arm64) | kernel function |\n", ka, (kb != "" ? " " kb : "")
		print "|---|---|---|---|---|---|---|---|"
	}
	/^[|] [0-9]+ [|]/ && row($0, f) >= 9 {
		other = b == "" ? "not run here" : ((f[2] in v7) ? v7[f[2]] : "not in its table")
		printf "| %s | %s | %s | %s | %s%s | %s | %s | %s |\n", f[1], f[2], f[3], f[4], f[5],
			(f[7] == "yes" ? "" : " (sources: " f[6] ")"), other, f[8], f[9]
	}' "$a"
