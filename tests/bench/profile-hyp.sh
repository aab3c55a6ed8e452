#!/usr/bin/env bash
# Where the bare hypervisor's instructions go, per bench row: runs the bench
# guest under a hypervisor build with QEMU's translation and execution log
# (-d in_asm,exec,nochain: every translation block with its instructions,
# every block executed) and charges each instruction of an executed Hyp-mode
# block to the hypervisor function holding it (the innermost one where code
# was inlined), and to the row the guest was timing. The irq row counts the
# physical interrupts taken at PL2 (HVBAR+0x18) while the guest waits for
# its timer, not the traps of that row (its GICD setup), in two rows by the
# path each took: irq-direct (vgic_direct_tick took the tick: its check
# ran, no fold) and irq-general (vgic_fold, vgic_inject, vgic_flush: any
# other interrupt, or a tick the check turned down).
#
#   tests/bench/profile-hyp.sh [HYP.elf]   (default build/baremetal-hyp/hyp-nolog.elf)
#
# Prints, per row, the instructions per trap (per interrupt) of each function. A block that
# an exception cuts short is counted whole: a profile, not the measurement.
set -u
BUILD=${BUILD:-build}
hyp=${1:-$BUILD/baremetal-hyp/hyp-nolog.elf}
guest=$BUILD/guests/bench.elf
for f in "$hyp" "$guest" "$BUILD/guests/bench.bin"; do
	[ -s "$f" ] || { echo "profile-hyp: no $f (make bench builds it)" >&2; exit 2; }
done
tmp=$(mktemp -d) || exit 2
trap "rm -rf $tmp" EXIT
baremetal-hyp/run.sh -q --hyp "$hyp" --out "$tmp" --name bench --timeout 120 --watchdog 100000 "$BUILD/guests/bench.bin" \
	-- -d in_asm,exec,nochain -D "$tmp/log" ||
	{ echo "profile-hyp: the run failed: $(tail -n 2 "$tmp/bench.out")" >&2; exit 1; }

syms() { ${CROSS_COMPILE:-arm-none-eabi-}nm -n "$1" | awk '$2 ~ /^[tTwW]$/ && $3 !~ /^\$/ { print $1, $3 }'; }
syms "$hyp" >"$tmp/hyp.syms"
syms "$guest" >"$tmp/guest.syms"
# Each hypervisor instruction's function, the innermost one where the
# compiler inlined code (the hypervisor is built with -flto).
${CROSS_COMPILE:-arm-none-eabi-}objdump -d "$hyp" | awk '/^ *[0-9a-f]+:\t/ { sub(":", "", $1); print "0x" $1 }' |
	${CROSS_COMPILE:-arm-none-eabi-}addr2line -a -f -i -e "$hyp" |
	awk '/^0x/ { a = $1; next } a != "" { if ($1 != "??") print a, $1; a = "" }' >"$tmp/hyp.inline"

awk -v hypsyms="$tmp/hyp.syms" -v guestsyms="$tmp/guest.syms" -v inline="$tmp/hyp.inline" '
function hex(s,   i, v) {	# mawk has no strtonum
	v = 0; s = tolower(s); sub(/^0x/, "", s)
	for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
function load(file, arr,   n, line, f) {
	n = 0
	while ((getline line <file) > 0) { split(line, f, " "); n++; arr[n, "a"] = hex(f[1]); arr[n, "s"] = f[2] }
	return n
}
function lookup(arr, n, pc,   lo, hi, mid) {	# the last symbol at or below pc
	lo = 1; hi = n
	if (n == 0 || pc < arr[1, "a"]) return "?"
	while (lo < hi) { mid = int((lo + hi + 1) / 2); if (arr[mid, "a"] <= pc) lo = mid; else hi = mid - 1 }
	return arr[lo, "s"]
}
BEGIN {
	nh = load(hypsyms, H); ng = load(guestsyms, G); row = "boot"
	while ((getline line <inline) > 0) { split(line, w, " "); INL[hex(w[1])] = w[2] }
	for (i = 1; i <= nh; i++) {
		if (H[i, "s"] == "guest_trap") entry = H[i, "a"]
		if (H[i, "s"] == "guest_irq") irqentry = H[i, "a"]
		if (H[i, "s"] == "hyp_vectors") vectors = H[i, "a"]
	}
	split("vgic_fold vgic_fold_lr_state vgic_flush vgic_flush_lr_state", g, " ")
	for (i in g) GENERAL[g[i]] = 1
}
/^IN:/ { inblock = 1; count = 0; next }
inblock && /^0x[0-9a-f]+:/ { count++; next }
inblock && /^$/ { inblock = 0; pending = count; next }
# One interrupt of the irq row, its instructions held until its path is
# known: the general path folds (vgic_fold, vgic_fold_lr_state) and flushes
# (vgic_flush, vgic_flush_lr_state); the direct one ran its check alone.
function irq_end(   f, r) {
	if (!inirq) return
	inirq = 0
	r = "irq-direct"
	if (!(("vgic_direct_hw_rise") in cur)) r = "irq-general"
	for (f in GENERAL) if (f in cur) r = "irq-general"
	traps[r]++; total[r] += curn
	for (f in cur) { insns[r, f] += cur[f]; fns[f] = 1 }
	split("", cur); curn = 0
}
/^Trace / {
	split($4, k, "/"); pc = hex(k[2]); key = k[2] "/" k[3]
	if (pending) { size[key] = pending; pending = 0 }
	if (pc == 1073741824 && !(k[3] in seenflags)) { entries++; if (entries == 2) gflags = k[3] }
	seenflags[k[3]] = 1
	if (k[3] == gflags) {	# the guest: which row is it timing?
		irq_end()
		fn = lookup(G, ng, pc)
		if (fn ~ /^measure_/) row = substr(fn, 9); else if (fn != "undef_handler") row = "other"
		next
	}
	if (pc >= vectors && pc < vectors + 32) {	# HVBAR+n: the branch to the entry
		irq_end(); mode = pc == vectors + 24 ? "irq" : "trap"; inirq = mode == "irq" && row == "irq"
	}
	if (pc == entry) traps[row]++	# a block starting at a vector entry
	if (pc == irqentry && mode != "irq") {	# (entered without the vector block)
		irq_end(); mode = "irq"; inirq = row == "irq"
	}
	r = row
	if (row == "irq" && mode != "irq") r = "irq-trap"	# the GICD setup of the row: not its figure
	for (q = 0; q < size[key]; q++) {	# ARM code: 4 bytes an instruction
		fn = (pc + 4 * q) in INL ? INL[pc + 4 * q] : lookup(H, nh, pc)
		if (inirq) cur[fn]++
		else { insns[r, fn]++; fns[fn] = 1 }
	}
	if (inirq) curn += size[key]
	else total[r] += size[key]
}
END {
	irq_end()
	n = split("hvc hvcwa1 mmiost mmiold cp15 smc irq-direct irq-general", order, " ")	# in the guest order
	for (j = 1; j <= n; j++) {
		r = order[j]
		if (r ~ /^irq-/) { what = "interrupts at PL2"; per = "interrupt" }
		else { what = "traps"; per = "trap" }
		if (!traps[r]) continue
		printf "row %s: %d %s, %.1f hypervisor instructions per %s\n", r, traps[r], what, total[r] / traps[r], per
		for (f in fns) if ((r, f) in insns) printf "  %-24s %7.1f\n", f, insns[r, f] / traps[r] | "sort -k2 -n -r"
		close("sort -k2 -n -r")
	}
}' "$tmp/log"
