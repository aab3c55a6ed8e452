# Sourced by the e2e tests: boots the arm64 test bed once for all of them
# (pl2regs.sh: one run gives the console, trap log, ioctl trace, register
# dumps, run info and the live EL2 registers; init --order adds kvm-order's
# table) and reuses the results while they are newer than everything they
# came from.
. tests/lib.sh
TB_OUT=${TB_OUT:-build/tests/testbed/kvm}
TB_KERNEL=build/testbed/kernel/vmlinuz
TB_INITRD=${TB_INITRD:-build/testbed/initramfs-arm64.cpio}
TB_GUEST=${TB_GUEST:-test}
TB_ELF=${TB_ELF:-build/guests/$TB_GUEST.elf}
# kvm-runner's 10 s --timeout counts the seconds the guest sits stopped in
# gdb and the reading of the kvm trace after it: on a loaded machine (two
# tests at once, load 11) a 20 s run lost 2,750 of 3,326 trace events and
# ended 203. 120 s, as tests/guests/lib.sh gives its runs, under init's
# --limit and QEMU's (their defaults, 60 and 90 s, came first), all three
# stretched by the load.
TB_LIMITS=(--timeout "$(scaled 240)" --runner-opts "--timeout $(scaled 120)")
TB_INIT_LIMIT="--limit $(scaled 150)"

# Fresh: the exit file is newer than the initramfs, the kernel and the scripts,
# and the test bed itself did not fail (status 203: boot again next time).
tb_fresh() {
	local f
	[ -f "$TB_OUT/$TB_GUEST.exit" ] && [ "$(cat "$TB_OUT/$TB_GUEST.exit")" != 203 ] || return 1
	for f in "$TB_KERNEL" "$TB_INITRD" "$TB_ELF" tests/testbed/lib.sh kvm-runner/testbed/*.sh \
		kvm-runner/testbed/*.py; do
		[ "$f" -ot "$TB_OUT/$TB_GUEST.exit" ] || return 1
	done
}

# Makes sure $TB_OUT holds one run's results for $TB_GUEST (and the native
# console). Under a lock: of the tests run.sh runs at once, the first boots,
# the others wait for it and find the results fresh.
tb_results() {
	[ -s "$TB_KERNEL" ] && [ -s "$TB_INITRD" ] ||
		skip "the test bed is not built ($TB_KERNEL, $TB_INITRD: make testbed)"
	mkdir -p "$TB_OUT"
	{
		flock 9
		tb_fresh && return 0
		rm -f "$TB_OUT/$TB_GUEST".*
		guests/run-native.sh "$TB_ELF" "$TB_OUT/native/$TB_GUEST.console" >/dev/null 2>&1
		kvm-runner/testbed/pl2regs.sh --guest "$TB_GUEST" --out "$TB_OUT" \
			--init-opts "--order --kallsyms $TB_INIT_LIMIT" "${TB_LIMITS[@]}" \
			--kernel "$TB_KERNEL" --initrd "$TB_INITRD" >"$TB_OUT/$TB_GUEST.log" 2>&1
		echo $? >"$TB_OUT/$TB_GUEST.exit"
	} 9>"$TB_OUT/.lock-$TB_GUEST"
}

# The value of "key: value" in the run info.
tb_info() { sed -n "s/^$1: //p" "$TB_OUT/$TB_GUEST.runinfo"; }
