# Sourced by the e2e tests here, each of which boots the arm64 test bed with
# an initramfs of its own: the parts, a temporary directory, the failure count.
. tests/lib.sh
kernel=build/testbed/kernel/vmlinuz init=build/testbed/init-arm64
runner=build/kvm-runner/kvm-runner-arm64

# make_initrd FILE RUNNER ELF: an initramfs with that runner and that guest.
make_initrd() {
	kvm-runner/testbed/mkinitramfs.sh "$1" "$init" "$2" "$3" >/dev/null ||
		fail "initramfs $1"
}

need "$kernel" "$init" "$runner" -- make testbed all
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
