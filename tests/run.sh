#!/usr/bin/env bash
# Runs every tests/**/*.test script (bash) from the repository root, each
# under a time limit, and ends with "N passed, N failed, N skipped".
# Exit 0 = pass, 77 = skipped (the script prints why), anything else = fail.
# TESTS='pattern' runs only the scripts whose path matches.
set -u
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh # load_factor
limit=${TEST_TIMEOUT:-300}
pass=0 fail=0 skip=0 failed=()
mkdir -p build/tests
while IFS= read -r t; do
	case "$t" in *${TESTS:-}*) ;; *) continue ;; esac
	log=build/tests/$(echo "${t#tests/}" | tr / _).log
	start=$SECONDS
	# stretched by the load as the tests' own limits are (tests/lib.sh)
	timeout -k 5 $((limit * $(load_factor))) bash "$t" >"$log" 2>&1
	rc=$?
	dur=$((SECONDS - start))
	case $rc in
	0) pass=$((pass + 1)); echo "PASS: $t (${dur}s)" ;;
	77) skip=$((skip + 1)); echo "SKIP: $t: $(tail -n 1 "$log")" ;;
	*) fail=$((fail + 1)); failed+=("$t"); echo "FAIL: $t (exit $rc, ${dur}s)"
	   sed 's/^/    | /' "$log" | tail -n 25 ;;
	esac
done < <(find tests -name '*.test' | sort)
[ ${#failed[@]} -gt 0 ] && printf 'failed: %s\n' "${failed[@]}"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
