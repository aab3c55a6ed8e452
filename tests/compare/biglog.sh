#!/usr/bin/env bash
# biglog.sh N BASE: a valid trap log of N traps made from the trap log BASE,
# as a guest that ran BASE's traps over and over would write it: BASE's
# traps but its last repeated in order until N, then its last; renumbered,
# with its own end line. For the traplog benchmark and the large-log test.
set -u
[ $# -eq 2 ] || { echo "usage: biglog.sh N BASE" >&2; exit 2; }
case $1 in '' | *[!0-9]*) echo "biglog.sh: N must be a number, not '$1'" >&2; exit 2 ;; esac
[ -r "$2" ] || { echo "biglog.sh: cannot read $2" >&2; exit 2; }
awk -v want="$1" '
	NR == 1 { print; next }
	/^# end / { status = $NF; next }
	/^#/ { next }
	{ t[++n] = substr($0, index($0, " ")) }
	END {
		if (n < 2 || want < n) { print "biglog.sh: want N >= " n " from a log of 2 or more traps" > "/dev/stderr"; exit 2 }
		for (k = 1; k < want; k++) printf "%04d%s\n", k, t[(k - 1) % (n - 1) + 1]
		printf "%04d%s\n", want, t[n]
		print "# end traps=" want " dropped=0 " status
	}' "$2"
