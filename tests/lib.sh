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
#   scaled S               S seconds (a wall-clock limit set on a quiet
#                          machine) times load_factor, with a line saying so
#                          on stderr (also make's test bed limits:
#                          kvm-runner/testbed/build.mk)
#   load_factor            the 1-minute load average per CPU, rounded up,
#                          from 1 to LOAD_FACTOR_MAX: how much slower than
#                          quiet the machine may run now
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
# A boot under QEMU without -icount runs at the speed the host gives it:
# at a load of 8 on 2 CPUs the Linux guest's boot takes 4 times as long,
# in wall time and in guest time (the guest's counter follows the host's
# clock). A limit is stretched by the load, never shortened or skipped;
# a guest that hangs still fails, later.
LOAD_FACTOR_MAX=4
load_factor() {
	awk -v c="$(nproc)" -v m=$LOAD_FACTOR_MAX \
		'{ f = int($1 / c + 0.999); print (f < 1 ? 1 : (f > m ? m : f)) }' /proc/loadavg
}
scaled() {
	local f
	f=$(load_factor)
	[ "$f" -eq 1 ] || echo "limit ${1} x $f: load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs" >&2
	echo $(($1 * f))
}
