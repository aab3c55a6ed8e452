# Shared by tests/hyp/*.test (sourced): run a guest under the bare hypervisor.
# hyp_run NAME [run.sh options...] [-- QEMU args]: results in $HYP_OUT/NAME.*,
# status in $rc, wall-clock seconds in $secs.
. tests/lib.sh
HYP_OUT=${HYP_OUT:-build/tests/hyp/out}
mkdir -p "$HYP_OUT"
hyp_run() {
	local name=$1 start=$SECONDS opts=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	need "build/guests/$name.bin"
	baremetal-hyp/run.sh -q --timeout 30 --out "$HYP_OUT" "${opts[@]}" "build/guests/$name.bin" "$@"
	rc=$?
	secs=$((SECONDS - start))
}
# The address of a symbol in a guest's listing (objdump -d), as 0x%08x;
# GUEST is a name in build/guests/ or a path to a .lst.
lst_addr() {
	local a lst=$1
	case $lst in *.lst) ;; *) lst=build/guests/$1.lst ;; esac
	a=$(sed -n "s/^\([0-9a-f]\{8\}\) <$2>:.*/\1/p" "$lst")
	[ -n "$a" ] && echo "0x$a"
}
# test.S's trap events without its WFI: the WFI traps (and sleeps until the
# virtual timer fires) only if the timer, armed 1 ms ahead, has not fired
# yet; on a slow host it has, and a WFI with an interrupt pending does not
# trap (ARM DDI 0406C B1.14.11). wfi_event_ok checks the line when present.
# The timer's interrupt events (IRQ, VIRQ; EC --) come where it fired: in
# the WFI or in the guest's code; timer_events_ok checks them apart. The
# background timer's IRQ 30 (baremetal-hyp/bgtimer.c) comes 10 ms of real
# time after the LR was written if nothing folded it first: anywhere, or
# not at all.
test_events() { tests/hyp/events.sh --no-irq "$1" | grep -v -e '^1 0x01 WFX pc=0x40000194 wfx'; }
timer_events_ok() {
	[ "$(grep ' -- ' "$1" | grep -vc -- '-- IRQ .* intid=30 : irq taken')" -eq 2 ] &&
		grep -q -- '-- IRQ .* intid=27 : irq taken by=hyp' "$1" &&
		grep -q -- '-- VIRQ .* intid=27 : virq lr=0 state=pending hw=1 pintid=27 prio=0x00 by=hyp' "$1"
}
wfi_event_ok() {
	local n
	n=$(grep -c '0x01 WFX .* pc=0x40000194 .*: wfx' "$1")
	[ "$n" -eq 0 ] || { [ "$n" -eq 1 ] && grep -q '0x01 WFX .* pc=0x40000194 .*: wfx slept' "$1"; }
}
