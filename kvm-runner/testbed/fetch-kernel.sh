#!/usr/bin/env bash
# Fetches Debian's arm64 kernel for the KVM test bed into a cache (default
# build/testbed/kernel), once: the unsigned image of the package that
# linux-image-arm64 depends on. KVM is built into that kernel
# (CONFIG_KVM=y, checked below), so no module goes into the initramfs.
#
#   fetch-kernel.sh [CACHE_DIR]    prints the path of the cached vmlinuz
#
# Idempotent: a cached kernel is reused without touching apt. FORCE=1 fetches
# again. Needs root (dpkg --add-architecture, apt-get update) the first time.
set -euo pipefail

cache=${1:-build/testbed/kernel}
die() { echo "fetch-kernel: $*" >&2; exit 1; }

if [ -z "${FORCE:-}" ] && [ -s "$cache/vmlinuz" ] && [ -s "$cache/config" ]; then
	echo "$cache/vmlinuz"
	exit 0
fi

command -v apt-get >/dev/null || die "apt-get not found: a Debian host is needed"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found"

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	[ "$(id -u)" = 0 ] || die "arm64 is not a dpkg architecture here; run as root once (dpkg --add-architecture arm64)"
	dpkg --add-architecture arm64
	need_update=1
fi
# apt only knows arm64 packages after an update that saw the new architecture.
if [ -n "${need_update:-}" ] || ! apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || die "apt has no arm64 package lists; run as root once (apt-get update)"
	apt-get update -qq || die "apt-get update failed"
fi

# linux-image-arm64 (meta) -> linux-image-X.Y.Z-N-arm64 (signed) -> its -unsigned twin.
signed=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
	awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9].*-arm64(:arm64)?$/ { sub(/:arm64$/, "", $2); print $2; exit }')
[ -n "$signed" ] || die "cannot tell which kernel linux-image-arm64 depends on (apt-cache depends)"
pkg="$signed-unsigned"
apt-cache show "$pkg:arm64" >/dev/null 2>&1 || die "package $pkg:arm64 does not exist (apt-cache show)"
release=${signed#linux-image-}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-kernel: downloading $pkg:arm64" >&2
download() { (cd "$tmp" && apt-get download -qq -o APT::Sandbox::User=root "$pkg:arm64"); }
# Stale package lists name a version the archive no longer has: update once.
if ! download; then
	[ "$(id -u)" = 0 ] || die "apt-get download $pkg:arm64 failed"
	apt-get update -qq && download || die "apt-get download $pkg:arm64 failed"
fi
deb=$(ls "$tmp"/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "apt-get download left no .deb"

dpkg-deb --fsys-tarfile "$deb" |
	tar -x -C "$tmp" "./boot/vmlinuz-$release" "./boot/config-$release" ||
	die "$deb holds no boot/vmlinuz-$release"
grep -qx 'CONFIG_KVM=y' "$tmp/boot/config-$release" ||
	die "$pkg: KVM is not built in (CONFIG_KVM); the test bed cannot use it"

mkdir -p "$cache"
cp "$tmp/boot/config-$release" "$cache/config.new"
cp "$tmp/boot/vmlinuz-$release" "$cache/vmlinuz.new"
echo "$pkg $(dpkg-deb -f "$deb" Version)" >"$cache/version"
mv "$cache/config.new" "$cache/config"
mv "$cache/vmlinuz.new" "$cache/vmlinuz"
echo "fetch-kernel: cached $release in $cache" >&2
echo "$cache/vmlinuz"
