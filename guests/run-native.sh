#!/usr/bin/env bash
# Runs a guest natively: plain qemu-system-arm -M virt, no hypervisor.
#   guests/run-native.sh GUEST.elf CONSOLE-FILE
# The console is shown and saved. Native QEMU exits 0 on PSCI SYSTEM_OFF and
# cannot see the STATUS register, so the exit status is the guest's own
# "EXIT: STATUS=n" line: 124 on timeout, 126 if the guest never printed it.
set -u
elf=${1:?usage: run-native.sh GUEST.elf CONSOLE-FILE}
console=${2:?usage: run-native.sh GUEST.elf CONSOLE-FILE}
[ -r "$elf" ] || { echo "run-native: cannot read $elf" >&2; exit 2; }
mkdir -p "$(dirname "$console")"

timeout -k 2 "${NATIVE_TIMEOUT:-20}" "${QEMU_ARM:-qemu-system-arm}" \
	-M virt -cpu cortex-a15 -m 256 -nographic -nic none \
	-monitor none -serial stdio -kernel "$elf" </dev/null | tee "$console"
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	echo "run-native: timed out after ${NATIVE_TIMEOUT:-20}s" >&2
	exit 124
fi
[ "$rc" -eq 0 ] || { echo "run-native: qemu exited with $rc" >&2; exit "$rc"; }
status=$(tr -d '\r' <"$console" | sed -n 's/^EXIT: STATUS=\([0-9]\{1,3\}\)$/\1/p' | tail -n 1)
[ -n "$status" ] || { echo "run-native: no 'EXIT: STATUS=n' line on the console" >&2; exit 126; }
exit "$status"
