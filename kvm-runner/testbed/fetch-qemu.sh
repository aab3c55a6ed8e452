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
# recommends are not needed for -kernel with -nic none), read from apt's
# lists, and fetched in one apt-get download (CACHE_DIR/debs, by version);
# then only the files the closure names are kept. Nothing here is ever
# committed. Idempotent: a cached tree is reused without touching apt;
# FORCE=1 builds it again (downloading only the packages whose version
# changed). Needs root the first time (dpkg --add-architecture, apt-get update).
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
# Stale or missing arm64 lists: one apt-get update (root), then once more.
update() {
	[ "$(id -u)" = 0 ] && [ -z "${FETCH_QEMU_UPDATED:-}" ] || return 1
	apt-get update -qq || die "apt-get update failed"
}
[ -z "${need_update:-}" ] || update
FETCH_QEMU_UPDATED=${need_update:-${FETCH_QEMU_UPDATED:-}}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
debs=$cache/debs
mkdir -p "$debs" "$tmp/x"

# The closure from apt's own lists, without a download: one apt-cache call
# for the whole Depends tree (each package's first alternative), followed
# from qemu-system-arm through lib* packages only; a second for the
# candidate versions. (Each apt call loads the cache: seconds on a busy
# machine, hence two in all rather than one a package.)
echo "fetch-qemu: resolving qemu-system-arm:arm64 and its libraries" >&2
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
	--no-replaces --no-enhances qemu-system-arm:arm64 >"$tmp/deps" 2>"$tmp/err" ||
	{ update && rm -rf "$tmp" && FETCH_QEMU_UPDATED=1 exec "$0" "$cache"; } ||
	die "apt-cache depends qemu-system-arm:arm64: $(head -n 1 "$tmp/err") (as root: apt-get update)"
mapfile -t pkgs < <(awk '
	/^[^ ]/ { p = $1; sub(/:arm64$/, "", p); alt = 0; next }
	/^ *\|?Depends: / {
		d = $2; sub(/:arm64$/, "", d)
		if (!alt && d ~ /^(lib|zlib)/) dep[p] = dep[p] " " d
		alt = /^ *\|Depends:/ # the next line is the second choice
	}
	END {
		todo[n = 1] = "qemu-system-arm"; seen["qemu-system-arm"] = 1
		for (i = 1; i <= n; i++) {
			print todo[i]
			k = split(dep[todo[i]], ds, " ")
			for (j = 1; j <= k; j++)
				if (!seen[ds[j]]++) todo[++n] = ds[j]
		}
	}' "$tmp/deps")
declare -A ver=() arch=()
apt-cache show --no-all-versions "${pkgs[@]/%/:arm64}" >"$tmp/show" 2>"$tmp/err" ||
	die "apt-cache show: $(head -n 1 "$tmp/err")"
while read -r p v a; do
	ver[$p]=$v arch[$p]=$a
done < <(awk '/^Package: /{p=$2} /^Version: /{v=$2} /^Architecture: /{print p, v, $2}' "$tmp/show")
for p in "${pkgs[@]}"; do
	[ -n "${ver[$p]:-}" ] || die "apt has no version of $p:arm64"
done

# The cache keeps each .deb under apt's file name (NAME_VERSION_ARCH.deb,
# an epoch's colon as %3a), so the version is the key: a package at a
# version already fetched is not fetched again; one apt-get download for
# the rest. Stale lists (a 404): one apt-get update, then the script again.
deb_of() { echo "$debs/${1}_${ver[$1]//:/%3a}_${arch[$1]}.deb"; }
want=()
for p in "${pkgs[@]}"; do
	[ -s "$(deb_of "$p")" ] || want+=("$p:arm64=${ver[$p]}")
done
if [ ${#want[@]} -gt 0 ]; then
	echo "fetch-qemu: downloading ${#want[@]} of ${#pkgs[@]} packages in one apt-get call" >&2
	if ! (cd "$debs" && apt-get download -qq -o APT::Sandbox::User=root "${want[@]}"); then
		update || die "apt-get download failed (${want[*]})"
		rm -rf "$tmp"
		FETCH_QEMU_UPDATED=1 FORCE=1 exec "$0" "$cache"
	fi
fi
for p in "${pkgs[@]}"; do
	deb=$(deb_of "$p")
	[ -s "$deb" ] || die "apt-get download left no $deb"
	dpkg-deb -x "$deb" "$tmp/x" || die "$deb: cannot unpack"
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
echo "qemu-system-arm ${ver[qemu-system-arm]} arm64, ${#keep[@]} files" >"$cache/version"
echo "fetch-qemu: cached $(cat "$cache/version") in $cache/root" >&2
echo "$cache/root"
