#!/usr/bin/env bash
# Fetches the Linux guest's inputs into a cache (default build/linux/debian),
# once: Debian's armhf LPAE kernel (the image of the package that
# linux-image-armmp-lpae depends on) and busybox-static:armhf's busybox.
#
#   fetch.sh [CACHE_DIR]    prints "ZIMAGE BUSYBOX" (two paths)
#
# Idempotent: cached files are reused without touching apt. FORCE=1 fetches
# again. Needs root (dpkg --add-architecture armhf, apt-get update) the
# first time. Nothing fetched is ever committed.
set -euo pipefail

cache=${1:-build/linux/debian}
die() { echo "fetch-linux: $*" >&2; exit 1; }

if [ -z "${FORCE:-}" ] && [ -s "$cache/vmlinuz" ] && [ -s "$cache/config" ] && [ -x "$cache/busybox" ]; then
	echo "$cache/vmlinuz $cache/busybox"
	exit 0
fi

command -v apt-get >/dev/null || die "apt-get not found: a Debian host is needed"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found"

if ! dpkg --print-foreign-architectures | grep -qx armhf; then
	[ "$(id -u)" = 0 ] || die "armhf is not a dpkg architecture here; run as root once (dpkg --add-architecture armhf)"
	dpkg --add-architecture armhf
	need_update=1
fi
if [ -n "${need_update:-}" ] || ! apt-cache show linux-image-armmp-lpae:armhf >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || die "apt has no armhf package lists; run as root once (apt-get update)"
	apt-get update -qq || die "apt-get update failed"
fi

# linux-image-armmp-lpae (meta) -> linux-image-X.Y.Z-N-armmp-lpae (the image; armhf is not signed).
pkg=$(apt-cache depends linux-image-armmp-lpae:armhf 2>/dev/null |
	awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9].*-armmp-lpae(:armhf)?$/ { sub(/:armhf$/, "", $2); print $2; exit }')
[ -n "$pkg" ] || die "cannot tell which kernel linux-image-armmp-lpae depends on (apt-cache depends)"
release=${pkg#linux-image-}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
download() { (cd "$tmp" && apt-get download -qq -o APT::Sandbox::User=root "$@"); }
for p in "$pkg:armhf" busybox-static:armhf; do
	echo "fetch-linux: downloading $p" >&2
	# Stale package lists name a version the archive no longer has: update once.
	if ! download "$p"; then
		[ "$(id -u)" = 0 ] || die "apt-get download $p failed"
		apt-get update -qq && download "$p" || die "apt-get download $p failed"
	fi
done
kdeb=$(ls "$tmp"/linux-image-*.deb 2>/dev/null | head -n 1)
bdeb=$(ls "$tmp"/busybox-static_*.deb 2>/dev/null | head -n 1)
[ -n "$kdeb" ] && [ -n "$bdeb" ] || die "apt-get download left no .deb"

dpkg-deb --fsys-tarfile "$kdeb" |
	tar -x -C "$tmp" "./boot/vmlinuz-$release" "./boot/config-$release" ||
	die "$kdeb holds no boot/vmlinuz-$release"
dpkg-deb --fsys-tarfile "$bdeb" | tar -x -C "$tmp" ./bin/busybox ||
	die "$bdeb holds no bin/busybox"
# What the guest needs built in: the console UART, the GIC, the timer, PSCI, an initramfs.
for opt in SERIAL_AMBA_PL011_CONSOLE ARM_GIC ARM_ARCH_TIMER ARM_PSCI BLK_DEV_INITRD DEVTMPFS; do
	grep -qx "CONFIG_$opt=y" "$tmp/boot/config-$release" || die "$pkg: CONFIG_$opt is not built in"
done

mkdir -p "$cache"
cp "$tmp/boot/config-$release" "$cache/config.new"
cp "$tmp/boot/vmlinuz-$release" "$cache/vmlinuz.new"
install -m 0755 "$tmp/bin/busybox" "$cache/busybox.new"
{ echo "$pkg $(dpkg-deb -f "$kdeb" Version)"; echo "busybox-static $(dpkg-deb -f "$bdeb" Version)"; } >"$cache/version"
mv "$cache/config.new" "$cache/config"
mv "$cache/busybox.new" "$cache/busybox"
mv "$cache/vmlinuz.new" "$cache/vmlinuz"
echo "fetch-linux: cached $release and busybox in $cache" >&2
echo "$cache/vmlinuz $cache/busybox"
