#!/usr/bin/env bash
# make bench-traplog: how long `traplog diff` takes on large logs, and how
# much memory. A run of test.S under the bare hypervisor gives the base log
# (about 500 traps); biglog.sh repeats it to 10k and 100k traps, as a guest
# running test.S's checks over and over would log them. Each row diffs the
# large log against the base, without and with the expected differences;
# "kvm" rows rename the large log's side so the table's KVM entries apply.
# Each row twice: traplog as make test builds it (sanitizers, -O1) and
# traplog-fast (-O2, no sanitizers). Prints figures; fails only when a diff
# could not run (exit 2).
set -u
C=${BUILD:-build}/compare T=$C/traplog X=tests/compare/expected-differences.txt
out=${BUILD:-build}/bench/traplog
mkdir -p "$out"
baremetal-hyp/run.sh -q --out "$out" build/guests/test.bin >/dev/null 2>&1
base=$out/test.traplog
$T check "$base" >/dev/null || { echo "bench-traplog: no valid base log ($base)"; exit 2; }
traps=$(grep -c '^[0-9]' "$base")
printf '| build | traps A | traps B | side A | -e | rows | wall s | user s | sys s | max RSS MiB |\n'
printf '|---|---:|---:|---|---|---:|---:|---:|---:|---:|\n'
for n in 10000 100000; do
	tests/compare/biglog.sh $n "$base" >"$out/big-$n.hyp" || exit 2
	sed '1s/side=hyp/side=kvm/' "$out/big-$n.hyp" >"$out/big-$n.kvm"
	for side in hyp kvm; do
		for e in no yes; do for tool in traplog traplog-fast; do
			opt=()
			[ $e = yes ] && opt=(-e "$X")
			[ $side = kvm ] && [ $e = no ] && continue
			/usr/bin/time -f '%e %U %S %M' -o "$out/time" "$C/$tool" diff "${opt[@]}" \
				"$out/big-$n.$side" "$base" >"$out/diff.out" 2>&1
			[ $? -le 1 ] || { echo "bench-traplog: diff failed:"; tail -n 3 "$out/diff.out"; exit 2; }
			read -r wall user sys rss < <(tail -n 1 "$out/time")
			rows=$(sed -n 's/^\([0-9]*\) rows:.*/\1/p' "$out/diff.out")
			printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' $tool $n "$traps" $side $e \
				"$rows" "$wall" "$user" "$sys" $((rss / 1024))
		done; done
	done
done
