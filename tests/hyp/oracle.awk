# The -d int oracle: every exception QEMU took from EL1 to EL2 must appear
# in the hypervisor's trap log, in order, with the same EC and syndrome;
# and the guest must resume right after the trapped instruction.
# Usage: awk -f oracle.awk QEMU_INT_LOG TRAPLOG. The syndrome is decoded
# here from QEMU's ESR on its own (not with the kit's decoder).
# An IRQ taken to Hyp (HCR.IMO; QEMU prints a stale ESR for it) is a run of
# "-- IRQ" (or "-- MAINT") lines at one pc, one per INTID the hypervisor
# acknowledged, and the guest resumes at that pc; or the watchdog's
# "stop reason=timeout" line (after its IRQ line, or alone). VIRQ and EOI
# lines are the hypervisor's own doing, with no exception of their own:
# skipped. A MAINT right after an "-- IRQ intid=25" is that IRQ's. IRQ
# lines just before or after a "wfx slept" trap at their pc were acknowledged while
# the hypervisor slept for that WFI (CPSR.I set in Hyp: no exception): they
# belong to the WFI's own.
function bits(x, lo, w) { return int(x / 2 ^ lo) % (2 ^ w) }
function hex(s) { return strtonum_(s) }
function strtonum_(s,   i, c, v) {
	s = tolower(s); sub(/^0x/, "", s); v = 0
	for (i = 1; i <= length(s); i++) {
		c = index("0123456789abcdef", substr(s, i, 1)) - 1
		if (c < 0) break
		v = v * 16 + c
	}
	return v
}
function sas(n) { return n == 0 ? "b" : n == 1 ? "h" : "w" }
# The fields of one trap-log line's syndrome the hardware alone determines.
function expected(ec, hsr, far) {
	if (ec == 1) return sprintf("wfe=%d", bits(hsr, 0, 1))
	if (ec == 3) return sprintf("dir=%s opc1=%d crn=%d crm=%d opc2=%d rt=r%d",
		bits(hsr, 0, 1) ? "read" : "write", bits(hsr, 14, 3), bits(hsr, 10, 4),
		bits(hsr, 1, 4), bits(hsr, 17, 3), bits(hsr, 5, 4))
	if (ec == 4) return sprintf("dir=%s opc1=%d crm=%d rt=r%d rt2=r%d",
		bits(hsr, 0, 1) ? "read" : "write", bits(hsr, 16, 4), bits(hsr, 1, 4),
		bits(hsr, 5, 4), bits(hsr, 10, 4))
	if (ec == 18 || ec == 19) return sprintf("imm=0x%04x", bits(hsr, 0, 16))
	if (ec == 36 && bits(hsr, 24, 1))
		return sprintf("isv=1 sas=%s sse=%d srt=r%d wnr=%d ipa=0x%08x", sas(bits(hsr, 22, 2)),
			bits(hsr, 21, 1), bits(hsr, 16, 4), bits(hsr, 6, 1), far)
	if (ec == 36) return sprintf("isv=0 wnr=%d ipa=0x%08x", bits(hsr, 6, 1), far)
	return ""
}
# The same fields taken from a trap-log line.
function logged(line, ec,   syn, out, keys, i, k, n, f) {
	split(line, half, " : "); syn = half[1]
	if (ec == 36 && syn ~ / isv=0 /) n = split("isv wnr ipa", keys, " ")
	else if (ec == 36) n = split("isv sas sse srt wnr ipa", keys, " ")
	else if (ec == 1) n = split("wfe", keys, " ")
	else if (ec == 3) n = split("dir opc1 crn crm opc2 rt", keys, " ")
	else if (ec == 4) n = split("dir opc1 crm rt rt2", keys, " ")
	else if (ec == 18 || ec == 19) n = split("imm", keys, " ")
	else return ""
	out = ""
	for (i = 1; i <= n; i++) {
		k = keys[i]; f = ""
		if (match(syn, " " k "=[^ ]+")) f = substr(syn, RSTART + 1, RLENGTH - 1)
		out = out (i > 1 ? " " : "") f
	}
	return out
}
FNR == 1 { file++ }
file == 1 && /^Taking exception/ { taking = 1; el12 = 0; irq = $0 ~ /\[(IRQ|FIQ)\]/; next }
file == 1 && taking && irq && /^\.\.\.from EL1 to EL2/ { el12 = 1; nq++; qirq[nq] = 1; next }
file == 1 && taking && /^\.\.\.from EL1 to EL2/ { el12 = 1; next }
file == 1 && el12 && irq && /^\.\.\.with ESR / { next }
file == 1 && el12 && /^\.\.\.with ESR / {
	split($3, p, "/"); nq++; qec[nq] = hex(p[1]); qhsr[nq] = hex(p[2]); qfar[nq] = 0; next
}
file == 1 && el12 && /^\.\.\.with H[DI]FAR / { qfar[nq] = hex($3); next }
file == 1 && /^Exception return from AArch32 hyp to / { if (el12) qret[nq] = hex($NF); el12 = 0; taking = 0; next }
file == 2 && /^#/ { next }
file == 2 && $2 == "--" && ($3 == "VIRQ" || $3 == "EOI") { next }
file == 2 && $2 == "--" && $3 == "MAINT" && nl && lline[nl] ~ /^[0-9]+ -- IRQ .* intid=25 / { next }
file == 2 {
	nl++; lec[nl] = $2 == "--" ? -1 : hex($2); lpc[nl] = hex(substr($4, 4)); lline[nl] = $0
	lirq[nl] = $2 == "--" || / : stop reason=timeout /
}
END {
	# Drop the IRQ lines taken inside a sleeping WFI (see above).
	m = 0
	for (i = 1; i <= nl; i++) {
		if (lec[i] == -1 && lline[i] ~ / -- IRQ /) {
			k = i
			while (k <= nl && lec[k] == -1 && lpc[k] == lpc[i]) k++
			if (k <= nl && lpc[k] == lpc[i] && lec[k] == 1 && lline[k] ~ / : wfx slept /) {
				inwfi += k - i; i = k - 1; continue
			}
			# the same after the WFI's line: its record is written first (logbuf_start)
			if (m && lpc[m] == lpc[i] && lec[m] == 1 && lline[m] ~ / : wfx slept /) {
				inwfi += k - i; i = k - 1; continue
			}
		}
		m++; lec[m] = lec[i]; lpc[m] = lpc[i]; lline[m] = lline[i]; lirq[m] = lirq[i]
	}
	nl = m
	bad = 0; j = 1
	for (i = 1; i <= nq; i++) {
		if (j > nl) { printf "FAIL: QEMU exception %d (%s) missing from the trap log\n", i, qirq[i] ? "IRQ" : sprintf("ESR 0x%08x", qhsr[i]); bad++; break }
		if (qirq[i]) {
			nirq++
			if (!lirq[j]) {
				printf "FAIL: exception %d: QEMU took an IRQ to Hyp\n  log line %d: %s\n", i, j, lline[j]
				bad++; if (bad > 5) break
			}
			if (i in qret && lirq[j] && qret[i] != lpc[j]) {
				printf "FAIL: IRQ %d at pc 0x%08x resumed at 0x%08x, not where it was taken\n", i, lpc[j], qret[i]
				bad++
			}
			k = j + 1
			while (k <= nl && lec[k] == -1 && lec[j] == -1 && lpc[k] == lpc[j]) k++
			# The watchdog's IRQ logged as an event, then the stop it caused.
			if (k <= nl && lec[j] == -1 && lpc[k] == lpc[j] && lline[k] ~ / : stop reason=timeout /) k++
			j = k
			continue
		}
		e = expected(qec[i], qhsr[i], qfar[i]); g = logged(lline[j], qec[i])
		if (lec[j] != qec[i] || e != g || lirq[j]) {
			printf "FAIL: exception %d: QEMU EC 0x%02x ESR 0x%08x [%s]\n  log line %d: %s\n", i, qec[i], qhsr[i], e, j, lline[j]
			bad++; if (bad > 5) break
		}
		if (i in qret && qret[i] != lpc[j] + 4) {
			printf "FAIL: exception %d at pc 0x%08x resumed at 0x%08x, not the next instruction\n", i, lpc[j], qret[i]
			bad++
		}
		# An LDM/STM (ISV=0) is one line per device word: skip the rest.
		k = j + 1
		while (k <= nl && lpc[k] == lpc[j] && lline[j] ~ / isv=0 / && lline[k] ~ / isv=0 /) k++
		j = k
	}
	if (j <= nl) { printf "FAIL: %d trap-log lines with no QEMU exception, from: %s\n", nl - j + 1, lline[j]; bad++ }
	printf "%s: %d QEMU exceptions from EL1 to EL2 (%d IRQs), %d trap-log lines (and %d IRQ lines inside a sleeping WFI), in order, same EC and syndrome\n", bad ? "FAIL" : "PASS", nq, nirq + 0, nl, inwfi + 0
	exit bad ? 1 : 0
}
