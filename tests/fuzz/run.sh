#!/usr/bin/env bash
# run.sh NAME SECONDS: libFuzzer on build/fuzz/fuzz-NAME for SECONDS, from
# the seeds in tests/fuzz/corpus/NAME/ (never written to) plus what earlier
# runs found (build/fuzz/corpus/NAME/). A crash, leak, timeout or
# out-of-memory fails with the reproducer's path and the command that
# replays it. Exit 0 clean, 1 a finding, 2 bad use, 77 no fuzzer built.
set -u
[ $# -eq 2 ] || { echo "usage: run.sh NAME SECONDS" >&2; exit 2; }
name=$1 secs=$2 dir=${FUZZ_DIR:-build/fuzz}
bin=$dir/fuzz-$name seeds=tests/fuzz/corpus/$name work=$dir/corpus/$name
case $secs in '' | *[!0-9]*) echo "run.sh: SECONDS must be a number, not '$secs'" >&2; exit 2 ;; esac
[ -d "$seeds" ] || { echo "run.sh: no seed corpus $seeds" >&2; exit 2; }
if [ ! -x "$bin" ]; then
	echo "skipped: $bin is not built: it needs clang and libFuzzer (apt-get install clang libclang-rt-14-dev, or make setup)"
	exit 77
fi
mkdir -p "$work"
rm -f "$dir/$name"-{crash,leak,timeout,oom}-*
"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
	-artifact_prefix="$dir/$name-" "$work" "$seeds" >"$dir/$name.log" 2>&1
rc=$?
grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$dir/$name.log" | tail -n 2
found=$(ls "$dir/$name"-{crash,leak,timeout,oom}-* 2>/dev/null | head -n 1)
if [ $rc -ne 0 ] || [ -n "$found" ]; then
	grep -E '^fuzz: |ERROR: |SUMMARY: ' "$dir/$name.log" | head -n 5
	echo "FAIL: $name: libFuzzer exit $rc; reproducer: ${found:-none written (see $dir/$name.log)}"
	[ -n "$found" ] && echo "  replay: $bin $found"
	exit 1
fi
echo "PASS: $name: $secs s, $(ls "$work" | wc -l) inputs in the corpus, no finding"
