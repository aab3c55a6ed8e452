#!/usr/bin/env bash
# Builds the test bed's initramfs (cpio newc, owned by root):
#   /init               the test bed's init (static)
#   /bin/kvm-runner     the runner (static)
#   /guests/NAME.elf    every guest given
#   /guests/NAME        any other file given: a guest list (init --list NAME),
#                       an initrd for a guest
#
#   mkinitramfs.sh OUT.cpio INIT RUNNER GUEST.elf|FILE...
set -euo pipefail

die() { echo "mkinitramfs: $*" >&2; exit 1; }
[ $# -ge 4 ] || die "usage: mkinitramfs.sh OUT.cpio INIT RUNNER GUEST.elf..."
out=$1 init=$2 runner=$3
shift 3
command -v cpio >/dev/null || die "cpio not found (make setup)"
for f in "$init" "$runner" "$@"; do
	[ -s "$f" ] || die "$f: missing or empty"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/guests" "$root/dev" "$root/proc" "$root/sys" "$root/out"
install -m 0755 "$init" "$root/init"
install -m 0755 "$runner" "$root/bin/kvm-runner"
for g in "$@"; do
	install -m 0644 "$g" "$root/guests/$(basename "$g")"
done
mkdir -p "$(dirname "$out")"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$out.tmp"
mv "$out.tmp" "$out"
