# Shared by tests/guests/*.test: the guests, their arguments, a temp dir.
set -u
guests="fdt vfp exceptions ldst"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
# guest_args NAME: the arguments guests/build.mk gives it, into the array args.
guest_args() { eval "args=($(make -s --no-print-directory guest-args GUEST="$1"))"; }
