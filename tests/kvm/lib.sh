# Sourced by the e2e tests here, each of which boots the arm64 test bed with
# an initramfs of its own: the parts, a temporary directory, the failure count.
kernel=build/testbed/kernel/vmlinuz init=build/testbed/init-arm64
runner=build/kvm-runner/kvm-runner-arm64

# need FILE...: skips the test unless each is built.
need() {
	local f
	for f; do
		[ -s "$f" ] || { echo "skipped: $f is not built (make testbed all)"; exit 77; }
	done
}

# make_initrd FILE RUNNER ELF: an initramfs with that runner and that guest.
make_initrd() {
	kvm-runner/testbed/mkinitramfs.sh "$1" "$init" "$2" "$3" >/dev/null ||
		{ echo "FAIL: initramfs $1"; exit 1; }
}

bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
fails=0
need "$kernel" "$init" "$runner"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
