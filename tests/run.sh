#!/usr/bin/env bash
# Runs every tests/**/*.test script (bash) from the repository root, each
# under a time limit, TEST_JOBS (default 2, the machine's cores) at a time,
# and ends with "N passed, N failed, N skipped".
# Exit 0 = pass, 77 = skipped (the script prints why), anything else = fail.
# TESTS='pattern' runs only the scripts whose path matches.
#
# The longest start first, so that the run does not end on one long test
# with the other core idle: each test's seconds in the last run here
# (build/tests/durations, written at the end), else in tests/durations.txt
# (a reference run), else 10. Tests that share a result (one test-bed boot)
# lock it (tests/testbed/lib.sh, tests/guests/lib.sh).
set -u
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh # load_factor
limit=${TEST_TIMEOUT:-300} jobs=${TEST_JOBS:-2}
pass=0 fail=0 skip=0 failed=()
mkdir -p build/tests
declare -A secs=() test_of=() start_of=()
for f in tests/durations.txt build/tests/durations; do
	[ -f "$f" ] || continue
	while read -r s t; do [[ $s =~ ^[0-9]+$ ]] && secs[$t]=$s; done <"$f"
done
order=()
while read -r _ t; do order+=("$t"); done < <(find tests -name '*.test' | while IFS= read -r t; do
	case "$t" in *${TESTS:-}*) echo "${secs[$t]:-10} $t" ;; esac
done | sort -k1,1nr -k2,2)

log_of() { echo "build/tests/$(echo "${1#tests/}" | tr / _).log"; }

# One finished test: its line (and a failure's log) printed whole.
reap() {
	local p= rc t dur log
	until [ -n "$p" ] && [ -n "${test_of[$p]:-}" ]; do
		wait -n -p p
		rc=$?
	done
	t=${test_of[$p]} log=$(log_of "$t")
	dur=$((SECONDS - start_of[$p]))
	unset "test_of[$p]"
	secs[$t]=$dur
	case $rc in
	0) pass=$((pass + 1)); echo "PASS: $t (${dur}s)" ;;
	77) skip=$((skip + 1)); echo "SKIP: $t: $(tail -n 1 "$log")" ;;
	*) fail=$((fail + 1)); failed+=("$t"); echo "FAIL: $t (exit $rc, ${dur}s)"
	   sed 's/^/    | /' "$log" | tail -n 25 ;;
	esac
}

for t in "${order[@]}"; do
	[ ${#test_of[@]} -lt "$jobs" ] || reap
	# stretched by the load as the tests' own limits are (tests/lib.sh)
	timeout -k 5 $((limit * $(load_factor))) bash "$t" >"$(log_of "$t")" 2>&1 </dev/null &
	test_of[$!]=$t start_of[$!]=$SECONDS
done
while [ ${#test_of[@]} -gt 0 ]; do reap; done

for t in "${!secs[@]}"; do [ -f "$t" ] && echo "${secs[$t]} $t"; done | sort -k2 >build/tests/durations
[ ${#failed[@]} -gt 0 ] && printf 'failed: %s\n' "${failed[@]}" | sort
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
