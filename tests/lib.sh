# Sourced by every tests/**/*.test (through its area's lib.sh or directly):
# one meaning for each of the words tests/run.sh reads.
#
#   need FILE... [-- HOW]  a missing prerequisite: unless each FILE exists
#                          and is not empty, skip (exit 77) with a line naming
#                          it and how to get it (HOW, default "make test
#                          builds it")
#   skip WHY               exit 77 with "skipped: WHY" (run.sh shows this line)
#   fail WHY               exit 1 at once with "FAIL: WHY"
#   bad WHY                "FAIL: WHY"; counted in $fails, the test goes on
#   ok WHY                 "PASS: WHY"
#   expect CMD WHY         ok or bad by CMD's status (CMD is eval'ed)
#   finish                 the last line: "N failures", exit 1 if N > 0
#
# A test's status is run.sh's: 0 pass, 77 skipped (its last line says
# why), anything else a failure.
set -u
fails=0

skip() { echo "skipped: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "PASS: $*"; }
expect() { if eval "$1"; then ok "$2"; else bad "$2"; fi; }
finish() {
	echo "$fails failures"
	[ "$fails" -eq 0 ] || exit 1
	exit 0
}
need() {
	local f files=() how="make test builds it"
	while [ $# -gt 0 ] && [ "$1" != -- ]; do files+=("$1"); shift; done
	[ $# -gt 1 ] && how=${*:2}
	for f in "${files[@]}"; do
		[ -s "$f" ] || skip "$f is missing ($how)"
	done
}
# hyp_sym SYMBOL [ELF]: a symbol's address in the bare hypervisor (0x%08x), as its dumps print it.
hyp_sym() { ${CROSS_COMPILE:-arm-none-eabi-}nm "${2:-build/baremetal-hyp/hyp.elf}" | awk -v s="$1" '$3 == s { print "0x" $1 }'; }
