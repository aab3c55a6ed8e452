#!/usr/bin/env bash
# Reduces a trap log (file form) to its sequence of events, one per line:
#   COUNT EC NAME PC KIND DETAIL
# where consecutive equal events fold into one with their count (a guest's
# putc loop is one line, not one per byte). KIND/DETAIL: mmio read/write
# DEV.REG, psci NAME, hvc fn, cp15 REG dir, wfx/smc skipped, stop reason.
# --no-irq drops the interrupt events (EC --) before folding: one that came
# in the middle of a putc loop would split it.
set -u
noirq=0
[ "${1:-}" = --no-irq ] && { noirq=1; shift; }
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: events.sh [--no-irq] TRAPLOG" >&2; exit 2; }
awk -v noirq=$noirq '
/^#/ { next }
noirq && $2 == "--" { next }
{
	split($0, half, " : "); n = split(half[2], o, " ")
	reg = ""; if (match(half[1], /reg=[^ ]+/)) reg = substr(half[1], RSTART + 4, RLENGTH - 4)
	dir = ""; if (match(half[1], /dir=[^ ]+/)) dir = substr(half[1], RSTART + 4, RLENGTH - 4)
	kind = o[1]
	if (kind == "mmio") detail = o[2] " " o[3]
	else if (kind == "psci") detail = o[2]
	else if (kind == "hvc") detail = o[2]
	else if (kind == "cp15") detail = reg " " dir
	else if (kind == "stop") detail = o[2]
	else detail = o[2]
	print $2, $3, $4, kind, detail
}' "$1" | uniq -c | sed 's/^ *//'
