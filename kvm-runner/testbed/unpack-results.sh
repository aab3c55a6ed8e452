#!/usr/bin/env bash
# Reads the test bed's serial log and writes each result file sent between
# markers (kvm-runner/testbed/report.h) to OUTDIR/PREFIX.NAME, checking its
# size. Prints the guest's status (the STATUS marker) on stdout.
#
#   unpack-results.sh SERIAL_LOG OUTDIR PREFIX
#
# An empty PREFIX writes OUTDIR/NAME (a guest list's RUN.console ...).
#
# Exit 0 with the status printed, or 1 with a one-line reason when the log
# holds no complete result (boot failure, cut short, corrupt file).
set -euo pipefail

die() { echo "unpack-results: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: unpack-results.sh SERIAL_LOG OUTDIR PREFIX"
log=$1 outdir=$2 prefix=$3
[ -r "$log" ] || die "$log: cannot read"
mkdir -p "$outdir"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Split the log: NAME.b64 and NAME.size per file, "status" for the STATUS line.
tr -d '\r' <"$log" | awk -v dir="$tmp" '
	/^==== BEGIN [A-Za-z0-9_.-]+ size=[0-9]+ ====$/ {
		name = $3; sub(/^size=/, "", $4)
		print $4 > (dir "/" name ".size"); close(dir "/" name ".size")
		file = dir "/" name ".b64"; printf "" > file; next
	}
	/^==== END [A-Za-z0-9_.-]+ ====$/ {
		if (file != "") { close(file); print $3 >> (dir "/done") }
		file = ""; next
	}
	/^==== MISSING / { print > "/dev/stderr"; next }
	/^==== STATUS -?[0-9]+ ====$/ { print $3 > (dir "/status"); next }
	file != "" { print >> file }
'

[ -s "$tmp/status" ] || die "$log: no STATUS marker (the test bed did not finish; see the log)"
if [ -s "$tmp/done" ]; then
	while read -r name; do
		base64 -d <"$tmp/$name.b64" >"$tmp/$name.out" 2>/dev/null ||
			die "$log: file $name: corrupt base64"
		want=$(cat "$tmp/$name.size")
		got=$(stat -c %s "$tmp/$name.out")
		[ "$want" = "$got" ] || die "$log: file $name: $got bytes, expected $want"
		mv "$tmp/$name.out" "$outdir/${prefix:+$prefix.}$name"
	done <"$tmp/done"
fi
cat "$tmp/status"
