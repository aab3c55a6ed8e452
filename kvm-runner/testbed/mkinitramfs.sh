#!/usr/bin/env bash
# Builds the test bed's initramfs (cpio newc, owned by root):
#   /init               the test bed's init (static)
#   /bin/kvm-runner     the runner (static)
#   /bin/NAME           each --tool NAME-ABI (static), e.g. kvm-order-arm64
#                       as /bin/kvm-order
#   /guests/NAME.elf    every guest given
#   /guests/NAME        any other file given: a guest list (init --list NAME),
#                       an initrd for a guest
#   /...                each --tree DIR's contents (fetch-qemu.sh's QEMU)
#
#   mkinitramfs.sh [--tool FILE]... [--tree DIR]... OUT.cpio INIT RUNNER GUEST.elf|FILE...
set -euo pipefail

die() { echo "mkinitramfs: $*" >&2; exit 1; }
tools=() trees=()
while [ $# -gt 0 ] && { [ "$1" = --tool ] || [ "$1" = --tree ]; }; do
	[ $# -ge 2 ] || die "option '$1' needs a value"
	if [ "$1" = --tool ]; then tools+=("$2"); else trees+=("$2"); fi
	shift 2
done
[ $# -ge 4 ] || die "usage: mkinitramfs.sh [--tool FILE]... [--tree DIR]... OUT.cpio INIT RUNNER GUEST.elf|FILE..."
out=$1 init=$2 runner=$3
shift 3
command -v cpio >/dev/null || die "cpio not found (make setup)"
for f in "$init" "$runner" ${tools[@]+"${tools[@]}"} "$@"; do
	[ -s "$f" ] || die "$f: missing or empty"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/guests" "$root/dev" "$root/proc" "$root/sys" "$root/out"
install -m 0755 "$init" "$root/init"
install -m 0755 "$runner" "$root/bin/kvm-runner"
for t in ${tools[@]+"${tools[@]}"}; do
	name=$(basename "$t")
	install -m 0755 "$t" "$root/bin/${name%-*}"
done
for g in "$@"; do
	install -m 0644 "$g" "$root/guests/$(basename "$g")"
done
for t in ${trees[@]+"${trees[@]}"}; do
	[ -d "$t" ] || die "$t: not a directory"
	cp -a "$t/." "$root/"
done
mkdir -p "$(dirname "$out")"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$out.tmp"
mv "$out.tmp" "$out"
