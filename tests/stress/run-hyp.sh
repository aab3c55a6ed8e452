#!/usr/bin/env bash
# run-hyp.sh OUT SEED...: one random guest per seed (randguest SEED 64)
# under the bare hypervisor, each with a 200 ms watchdog and a 20 s
# wall-clock limit. Writes OUT/SEED.{bin,out,...} and one line per run to
# stdout: "SEED STATUS SECONDS VERDICT", VERDICT ok, panic, hang or noline
# (the run did not end with "hyp: guest stopped, exit status STATUS").
set -u
out=$1
shift
mkdir -p "$out"
for seed; do
	build/stress/randguest "$seed" 64 "$out/$seed.bin" || { echo "$seed - 0 nogen"; continue; }
	start=$(date +%s.%N)
	baremetal-hyp/run.sh -q --timeout 20 --watchdog 200 --out "$out" "$out/$seed.bin" 2>"$out/$seed.err"
	st=$?
	secs=$(echo "$(date +%s.%N) - $start" | bc)
	last=$(grep '^hyp: ' "$out/$seed.out" | tail -n 1)
	if grep -q '^hyp: PANIC' "$out/$seed.out"; then v=panic
	elif grep -q 'QEMU did not finish' "$out/$seed.err"; then v=hang
	elif [ "$last" != "hyp: guest stopped, exit status $st" ]; then v=noline
	else v=ok; fi
	printf '%s %s %.2f %s\n' "$seed" "$st" "$secs" "$v"
done
