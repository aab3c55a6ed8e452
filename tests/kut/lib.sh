# Sourced by the fake-tree tests: a tiny kvm-unit-tests tree made of the
# kit's own guests (tests/kut/fake/unittests.cfg names them), so run-kut is
# proven on real runs without the user's suite. QEMU's -kernel takes an
# ELF as it takes a .flat, so each NAME.flat natively is the ELF too.
fake_tree() {
	local dir=$1 g
	mkdir -p "$dir/arm" || return 1
	cp tests/kut/fake/unittests.cfg "$dir/arm/" || return 1
	printf 'ARCH=arm\n' >"$dir/config.mak"
	for g in test bad-loop bad-undef; do
		[ -s "build/guests/$g.elf" ] || { echo "skipped: build/guests/$g.elf is not built (make all)"; exit 77; }
		cp "build/guests/$g.elf" "$dir/arm/$g.elf" && cp "build/guests/$g.elf" "$dir/arm/$g.flat" || return 1
	done
}

# check_run VMM: run-kut on the fake tree under VMM, its lines against
# tests/kut/fake/VMM.expected (from a real run, read before committing).
check_run() {
	local vmm=$1 tmp got rc
	tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
	fake_tree "$tmp/kut" || { echo "FAIL: cannot make the fake tree"; exit 1; }
	guests/kut/run-kut.sh --vmm "$vmm" --max-smp 2 --out "build/tests/kut-fake/$vmm" "$tmp/kut" >"$tmp/lines"
	rc=$?
	# A stuck guest's line keeps its PC, not the VMM's wording after it.
	got=$(sed -e "s|$tmp/kut|KUT|g" -e 's/\(stuck taking exceptions at PC 0x[0-9a-f]*\)[:;,].*)$/\1 ...)/' "$tmp/lines")
	if ! diff -u "tests/kut/fake/$vmm.expected" - <<<"$got"; then
		echo "FAIL: run-kut --vmm $vmm: lines differ from tests/kut/fake/$vmm.expected"
		exit 1
	fi
	[ "$rc" -eq 1 ] || { echo "FAIL: run-kut exited $rc with a FAIL line, not 1"; exit 1; }
	echo "PASS: run-kut --vmm $vmm: every line as expected, exit 1 for the failures"
}
