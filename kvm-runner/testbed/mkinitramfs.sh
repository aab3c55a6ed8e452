#!/usr/bin/env bash
# Builds the test bed's initramfs (cpio newc, owned by root):
#   /init               the test bed's init (static)
#   /bin/kvm-runner     the runner (static)
#   /bin/NAME           each --tool NAME-ABI (static), e.g. kvm-order-arm64
#                       as /bin/kvm-order
#   /guests/NAME.elf    every guest given
#   /guests/NAME        any other file given: a guest list (init --list NAME),
#                       an initrd for a guest
#
#   mkinitramfs.sh [--tool FILE]... OUT.cpio INIT RUNNER GUEST.elf|FILE...
set -euo pipefail

die() { echo "mkinitramfs: $*" >&2; exit 1; }
tools=()
while [ $# -gt 0 ] && [ "$1" = --tool ]; do
	[ $# -ge 2 ] || die "option '--tool' needs a value"
	tools+=("$2")
	shift 2
done
[ $# -ge 4 ] || die "usage: mkinitramfs.sh [--tool FILE]... OUT.cpio INIT RUNNER GUEST.elf|FILE..."
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
mkdir -p "$(dirname "$out")"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$out.tmp"
mv "$out.tmp" "$out"
