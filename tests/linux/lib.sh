# Sourced by tests/linux/*.test: one non-interactive boot's checks, the same
# for every VMM, on the console run-linux.sh saved.
. tests/lib.sh
LINUX_OUT=${LINUX_OUT:-build/tests/linux}
LINUX_ZIMAGE=build/linux/debian/vmlinuz
LINUX_INITRD=build/linux/initrd.cpio.gz
need "$LINUX_ZIMAGE" "$LINUX_INITRD" -- "make test fetches Debian's armhf kernel and busybox (guests/linux/fetch.sh)"

# The pending VMMs: the boot cannot pass there yet, and why. A pending boot
# that passes fails its test, to be taken off this list.
# (none now: the bare hypervisor's boot passes since its vGIC landed)
declare -A linux_pending=()

# linux_boot VMM SECONDS [run-linux.sh option...]: the boot within SECONDS
# (scaled: stretched by the load), its status in $rc.
linux_boot() {
	local vmm=$1 limit
	limit=$(scaled "$2")
	shift 2
	guests/linux/run-linux.sh --no-shell --vmm "$vmm" --out "$LINUX_OUT" --zimage "$LINUX_ZIMAGE" \
		--initrd "$LINUX_INITRD" --timeout "$limit" "$@" >"$LINUX_OUT.$vmm.log" 2>&1 </dev/null
	rc=$?
}


# The arch_timer counts of the two /proc/interrupts reads, on one line.
linux_ticks() { awk '$NF == "arch_timer" { printf "%s ", $2 }' "$1"; }

# linux_checks CONSOLE: the marker, uname, the timer, the exit status.
linux_checks() {
	local c=$1 t
	expect 'grep -q "^Linux (none) [0-9][^ ]* #1 SMP .* armv7l GNU/Linux$" "$c"' "uname -a: an armv7l Linux"
	t=($(linux_ticks "$c"))
	expect '[ ${#t[@]} -eq 2 ] && [ "${t[1]}" -gt "${t[0]}" ]' \
		"the timer ticked: arch_timer ${t[0]:-?} -> ${t[1]:-?} across sleep 1 (two /proc/interrupts reads)"
	expect 'grep -q "^KIT-TIMER: arch_timer [0-9]* -> [0-9]*$" "$c"' "init saw the timer tick"
	expect 'grep -q "^KIT-MARKER: the Linux guest ran its command list, 0 failed$" "$c"' "the marker line"
	expect '! grep -q "^KIT-FAIL" "$c"' "no step failed"
	expect 'grep -q "^EXIT: STATUS=0$" "$c" && [ $rc -eq 0 ]' "exit status 0 (got $rc)"
}

# linux_verdict VMM CONSOLE: the checks, or for a pending VMM, a skip while
# they fail and a failure once they pass. The test's own checks before it
# count either way: a pending boot that got less far than before fails.
linux_verdict() {
	local vmm=$1 c=$2 why=${linux_pending[$1]:-}
	if [ -z "$why" ]; then
		linux_checks "$c"
		return
	fi
	[ "$fails" -eq 0 ] || finish
	local out
	out=$(fails=0; linux_checks "$c"; echo "fails=$fails")
	echo "$out"
	if [ "${out##*fails=}" = 0 ]; then
		bad "the Linux boot passes under $vmm now: take $vmm off linux_pending (tests/linux/lib.sh)"
	else
		skip "pending under $vmm: $why"
	fi
}

# linux_pty VMM OUT LIMIT LAST: run-linux.sh --vmm VMM --out OUT under a pty
# (script(1)), which gives a shell on the console: once it is up,
# "echo typed-$((6*7))" is typed, and once typed-42 is back, LAST. The
# typescript is $ts (and $ts.txt without CRs), the status $rc.
linux_pty() {
	local vmm=$1 out=$2 limit last=$4 fifo=$LINUX_OUT/shell-$1.in feeder
	limit=$(scaled "$3")
	ts=$LINUX_OUT/shell-$1.typescript
	command -v script >/dev/null || skip "no script(1) (util-linux)"
	mkdir -p "$LINUX_OUT"
	rm -f "$fifo" "$ts"
	mkfifo "$fifo"
	(
		exec 3>"$fifo"
		for _ in $(seq $((limit * 2))); do grep -q "KIT-SHELL:" "$ts" 2>/dev/null && break; sleep 0.5; done
		sleep 2
		printf 'echo typed-$((6*7))\r' >&3
		for _ in $(seq $((limit * 2))); do grep -q "^typed-42" "$ts" 2>/dev/null && break; sleep 0.5; done
		printf '%s\r' "$last" >&3
		sleep "$limit" # stdin stays open until the run ends
	) &
	feeder=$!
	timeout -k 5 $((limit + 30)) script -qfec "guests/linux/run-linux.sh --vmm $vmm --out $out \
		--zimage $LINUX_ZIMAGE --initrd $LINUX_INITRD --timeout $limit" "$ts" <"$fifo" >/dev/null 2>&1
	rc=$?
	kill "$feeder" 2>/dev/null
	wait "$feeder" 2>/dev/null
	rm -f "$fifo"
	tr -d '\r' <"$ts" >"$ts.txt"
}

# linux_shell VMM: through a pty, a command typed in comes back with its
# output, and "exit 7" powers off with status 7.
linux_shell() {
	linux_pty "$1" "$LINUX_OUT/pty" 150 'exit 7'
	expect 'grep -q "^KIT-SHELL: a shell on the console" "$ts.txt"' "a terminal on stdin: init starts a shell"
	expect 'grep -q "^typed-42$" "$ts.txt"' "the typed command ran: its output came back"
	expect 'grep -q "^EXIT: STATUS=7$" "$ts.txt"' "exit 7: the exit line says 7"
	expect '[ $rc -eq 7 ]' "run-linux.sh exits with the shell's status 7 (got $rc)"
	expect '! grep -q "^KIT-MARKER" "$ts.txt"' "no command list in the interactive path"
}
