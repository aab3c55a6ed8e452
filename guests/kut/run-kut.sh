#!/usr/bin/env bash
# Runs the arm tests of a kvm-unit-tests build tree under one VMM and
# prints one line per test as kvm-unit-tests' run_tests.sh does
# ("PASS selftest-setup (2 tests)", "SKIP psci (smp=2: the kit runs 1 vCPU)"),
# then "run-kut: VMM: N passed, N failed, N skipped".
#
#   run-kut.sh [options] KUT_DIR
#     --vmm native|hyp|kvm|kvm-armv7   (default native)
#     --only "PATTERN..."  only the tests whose name holds one of the words
#     --group G            only group G (and its nodefault tests), as run_tests.sh -g
#     --all                also the nodefault tests, as run_tests.sh -a
#     --max-smp N          $MAX_SMP in unittests.cfg (default: this host's CPUs)
#     --timeout S          every test's limit (default: the cfg's, else 90 s)
#     --out DIR            logs: DIR/NAME.log (default build/kut/VMM)
#
# The tree is the user's (docs/kvm-unit-tests.md): the kit never holds,
# builds or fetches kvm-unit-tests. The plan and the verdicts come from
# build/kut/kutplan (guests/kut/*.c). Exit: 0 no test failed, 1 some did,
# 77 no tree given, 2 bad input.
set -u
cd "$(dirname "$0")/../.." || exit 2
kutplan=build/kut/kutplan
vmm=native only= group= all= max_smp= limit= out= kut=
die() { echo "run-kut: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in --vmm | --only | --group | --max-smp | --timeout | --out)
		[ $# -ge 2 ] || die "option '$1' needs a value" ;;
	esac
	case $1 in
	--vmm) vmm=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	--group) group=$2; shift 2 ;;
	--all) all=1; shift ;;
	--max-smp) max_smp=$2; shift 2 ;;
	--timeout) limit=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	-*) die "unknown option '$1' (see the head of $0)" ;;
	*) [ -z "$kut" ] || die "one tree only ('$kut', then '$1')"; kut=$1; shift ;;
	esac
done
if [ -z "$kut" ]; then
	echo "run-kut: skipped: no kvm-unit-tests tree; build one and give KUT=DIR (docs/kvm-unit-tests.md)"
	exit 77
fi
cfg=$kut/arm/unittests.cfg
[ -r "$cfg" ] || die "$kut: no arm/unittests.cfg (a kvm-unit-tests tree, built? see docs/kvm-unit-tests.md)"
if [ -r "$kut/config.mak" ] && ! grep -qx 'ARCH=arm' "$kut/config.mak"; then
	die "$kut: not configured for 32-bit arm (./configure --arch=arm, docs/kvm-unit-tests.md)"
fi
[ -x "$kutplan" ] || die "no $kutplan (make $kutplan)"
out=${out:-build/kut/$vmm}
max_smp=${max_smp:-$(getconf _NPROCESSORS_ONLN)}
case $vmm in native | hyp | kvm | kvm-armv7) source "guests/kut/vmm-$vmm.sh" || exit 2 ;;
*) die "unknown VMM '$vmm' (native, hyp, kvm, kvm-armv7)" ;;
esac

plan=$("$kutplan" plan --vmm "$vmm" --max-smp "$max_smp" ${group:+--group "$group"} \
	${all:+--all} ${limit:+--timeout "$limit"} ${only:+--only "$only"} "$cfg") || exit 2
mkdir -p "$out" || exit 2
rm -f "$out"/*.log "$out"/*.why	# the kvm VMM appends to .why
kut_env=$out/kut-env
{ "$kutplan" env --vmm "$vmm" && vmm_env; } >"$kut_env" || exit 2

if [ -t 1 ]; then
	paint() { case $1 in PASS*) c=32 ;; FAIL*) c=31 ;; *) c=33 ;; esac
		printf '\e[%sm%s\e[0m%s\n' "$c" "${1:0:4}" "${1:4}"; }
else
	paint() { printf '%s\n' "$1"; }
fi
pass=0 fail=0 skip=0
count() { case $1 in PASS*) pass=$((pass + 1)) ;; FAIL*) fail=$((fail + 1)) ;; *) skip=$((skip + 1)) ;; esac; }

# verdict NAME STATUS SECONDS NOTE: the test's line, from its log and the VMM's last words.
verdict() {
	local name=$1 status=$2 secs=$3 note=$4 why=
	# the VMM's last line, or for a stuck guest the line that says so
	[ -s "$out/$name.why" ] && why=$(tail -n 1 "$out/$name.why")
	[ "$status" = 200 ] && grep -q 'stuck taking exceptions' "$out/$name.why" 2>/dev/null &&
		why=$(grep -m 1 'stuck taking exceptions' "$out/$name.why")
	"$kutplan" verdict --status "$status" --console "$out/$name.log" --timeout "$secs" \
		${why:+--why "$why"} ${note:+--note "$note"} "$name"
}
report() { paint "$1"; count "$1"; }

# A VMM runs each test as it comes (vmm_one), or all of them in one go
# (vmm_batch: the test bed boots once); then the lines come in the cfg's order.
order=() batch=()
declare -A line secs_of note_of
while IFS=$'\x1f' read -r action name image smp mem secs args qwords note reason; do
	[ -n "$action" ] || continue
	if [ "$action" = RUN ] && [ ! -f "$kut/arm/$image" ]; then
		action=SKIP reason="Test file '$kut/arm/$image' not found"
	fi
	order+=("$name")
	if [ "$action" = SKIP ]; then
		line[$name]="SKIP $name ($reason)"
	elif declare -F vmm_batch >/dev/null; then
		batch+=("$name"$'\x1f'"$kut/arm/$image"$'\x1f'"$smp"$'\x1f'"$mem"$'\x1f'"$secs"$'\x1f'"$args")
		secs_of[$name]=$secs note_of[$name]=$note
		continue
	else
		status=$(vmm_one "$name" "$kut/arm/$image" "$smp" "$mem" "$secs" "$args" "$qwords")
		line[$name]=$(verdict "$name" "$status" "$secs" "$note")
	fi
	declare -F vmm_batch >/dev/null || report "${line[$name]}"
done <<<"$plan"

if declare -F vmm_batch >/dev/null; then
	if [ ${#batch[@]} -gt 0 ]; then
		while read -r name status; do
			[ -n "${secs_of[$name]:-}" ] || continue
			line[$name]=$(verdict "$name" "$status" "${secs_of[$name]}" "${note_of[$name]}")
		done < <(vmm_batch "${batch[@]}" 2>"$out/batch.stderr")
	fi
	why=$(tail -n 1 "$out/batch.stderr" 2>/dev/null)
	for name in "${order[@]}"; do
		report "${line[$name]:-FAIL $name (${why:-the VMM gave no result})}"
	done
fi
echo "run-kut: $vmm: $pass passed, $fail failed, $skip skipped; logs in $out/"
[ ${#order[@]} -gt 0 ] || echo "run-kut: no test matched" >&2
[ $fail -eq 0 ]
