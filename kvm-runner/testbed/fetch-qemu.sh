#!/usr/bin/env bash
# Fetches Debian's own arm64 QEMU (package qemu-system-arm:arm64, which holds
# qemu-system-aarch64) and the shared libraries it needs into a cache
# (default build/testbed/qemu), once, for make run-qemu-kvm: QEMU with KVM
# inside the test bed, the peer the kit measures itself against.
#
#   fetch-qemu.sh [CACHE_DIR]    prints the path of the cached root tree
#
# The tree (CACHE_DIR/root) holds usr/bin/qemu-system-aarch64, the dynamic
# loader and every library of its DT_NEEDED closure, as Debian ships them;
# mkinitramfs.sh --tree copies it into the initramfs. Library packages are
# followed through their Depends (lib* only: the tools and data files QEMU
# recommends are not needed for -kernel with -nic none), then only the files
# the closure names are kept. Nothing here is ever committed.
# Idempotent: a cached tree is reused without touching apt; FORCE=1 fetches
# again. Needs root the first time (dpkg --add-architecture, apt-get update).
set -euo pipefail

cache=${1:-build/testbed/qemu}
die() { echo "fetch-qemu: $*" >&2; exit 1; }
bin=usr/bin/qemu-system-aarch64

if [ -z "${FORCE:-}" ] && [ -s "$cache/root/$bin" ] && [ -s "$cache/version" ]; then
	echo "$cache/root"
	exit 0
fi

command -v apt-get >/dev/null || die "apt-get not found: a Debian host is needed"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found"
command -v readelf >/dev/null || die "readelf not found (binutils)"

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	[ "$(id -u)" = 0 ] || die "arm64 is not a dpkg architecture here; run as root once (dpkg --add-architecture arm64)"
	dpkg --add-architecture arm64
	need_update=1
fi
if [ -n "${need_update:-}" ] || ! apt-cache show qemu-system-arm:arm64 >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || die "apt has no arm64 package lists; run as root once (apt-get update)"
	apt-get update -qq || die "apt-get update failed"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/debs" "$tmp/x"
download() { (cd "$tmp/debs" && apt-get download -qq -o APT::Sandbox::User=root "$@"); }

# The names in a Depends field: alternatives and versions dropped, lib* kept.
lib_depends() {
	dpkg-deb -f "$1" Depends 2>/dev/null | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//; s/[[:space:]]//g' |
		grep -E '^(lib|zlib)' || true
}

echo "fetch-qemu: downloading qemu-system-arm:arm64 and its libraries" >&2
if ! download qemu-system-arm:arm64; then
	[ "$(id -u)" = 0 ] || die "apt-get download qemu-system-arm:arm64 failed"
	apt-get update -qq && download qemu-system-arm:arm64 || die "apt-get download qemu-system-arm:arm64 failed"
fi
declare -A seen=([qemu-system-arm]=1)
queue=("$tmp"/debs/qemu-system-arm_*.deb)
while [ ${#queue[@]} -gt 0 ]; do
	deb=${queue[0]}
	queue=("${queue[@]:1}")
	dpkg-deb -x "$deb" "$tmp/x" || die "$deb: cannot unpack"
	for p in $(lib_depends "$deb"); do
		[ -z "${seen[$p]:-}" ] || continue
		seen[$p]=1
		download "$p:arm64" || die "apt-get download $p:arm64 failed"
		queue+=("$(ls -t "$tmp"/debs/"${p}"_*.deb | head -n 1)")
	done
done

# The DT_NEEDED closure, each soname looked up where Debian's loader looks.
x=$tmp/x
[ -s "$x/$bin" ] || die "qemu-system-arm:arm64 holds no $bin"
find_lib() {
	local d
	for d in lib/aarch64-linux-gnu usr/lib/aarch64-linux-gnu lib usr/lib; do
		if [ -e "$x/$d/$1" ]; then echo "$d/$1"; return 0; fi
	done
	return 1
}
declare -A keep=([$bin]=1)
todo=("$bin")
interp=$(readelf -l "$x/$bin" | sed -n 's/.*Requesting program interpreter: \/\(.*\)\]/\1/p')
[ -n "$interp" ] || die "$bin names no program interpreter"
while [ ${#todo[@]} -gt 0 ]; do
	f=${todo[0]}
	todo=("${todo[@]:1}")
	for so in $(readelf -d "$x/$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		path=$(find_lib "$so") || die "$f needs $so, which no fetched package holds"
		[ -z "${keep[$path]:-}" ] || continue
		keep[$path]=1
		todo+=("$path")
	done
done
keep[$interp]=1

rm -rf "$cache/root.new"
mkdir -p "$cache/root.new"
for f in "${!keep[@]}"; do
	mkdir -p "$cache/root.new/$(dirname "$f")"
	cp -L "$x/$f" "$cache/root.new/$f" || die "cannot copy $f"
done
rm -rf "$cache/root"
mv "$cache/root.new" "$cache/root"
echo "qemu-system-arm $(dpkg-deb -f "$tmp"/debs/qemu-system-arm_*.deb Version) arm64, ${#keep[@]} files" >"$cache/version"
echo "fetch-qemu: cached $(cat "$cache/version") in $cache/root" >&2
echo "$cache/root"
