#!/usr/bin/env bash
# Builds the Linux guest's initramfs (gzip'ed cpio newc, owned by root):
# /init (guests/linux/init) and /bin/busybox; /init installs the applets.
#
#   mkinitrd.sh OUT.cpio.gz INIT BUSYBOX
set -euo pipefail
die() { echo "mkinitrd: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: mkinitrd.sh OUT.cpio.gz INIT BUSYBOX"
out=$1 init=$2 busybox=$3
command -v cpio >/dev/null || die "cpio not found (make setup)"
for f in "$init" "$busybox"; do [ -s "$f" ] || die "$f: missing or empty"; done
# An armhf ELF: a host busybox would leave the kernel with no init to run.
[ "$(od -An -tx1 -j 18 -N 2 "$busybox" | tr -d ' ')" = 2800 ] || die "$busybox is not an ARM ELF"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/tmp"
install -m 0755 "$init" "$root/init"
install -m 0755 "$busybox" "$root/bin/busybox"
mkdir -p "$(dirname "$out")"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) | gzip -9n >"$out.tmp"
mv "$out.tmp" "$out"
