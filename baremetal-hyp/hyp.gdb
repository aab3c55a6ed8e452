# gdb-multiarch command file for the bare hypervisor under QEMU's gdb stub
# (`make debug-hyp`). Loads the symbols, connects (port $port, default
# 1234), stops at every guest trap (guest_trap, or guest_trap_smp with
# several vCPUs: HVBAR+0x14) and prints the PL2 registers by the names
# QEMU's stub gives them:
#   HCR  HSTR_EL2  VTCR  VTTBR  VBAR_EL2 (HVBAR)  ESR_EL2 (HSR)
#   FAR_EL2 (HDFAR)  HPFAR
# Commands: pl2regs, hsr (HSR decoded by EC), ipa (the faulting IPA).
set pagination off
set confirm off
set architecture arm
file build/baremetal-hyp/hyp.elf
if $_isvoid($port)
  set $port = 1234
end
eval "target remote 127.0.0.1:%d", $port

define pl2regs
  printf "HCR      = 0x%08x\n", $HCR
  printf "HSTR     = 0x%08x\n", $HSTR_EL2
  printf "VTCR     = 0x%08x\n", $VTCR
  printf "VTTBR    = 0x%016llx\n", $VTTBR
  printf "HVBAR    = 0x%08x\n", $VBAR_EL2
  printf "HSR      = 0x%08x\n", $ESR_EL2
  printf "HDFAR    = 0x%08x\n", $FAR_EL2
  printf "HPFAR    = 0x%08x\n", $HPFAR
end
document pl2regs
Prints the PL2 registers through QEMU's gdb stub.
end

define ipa
  printf "IPA      = 0x%08x\n", (($HPFAR & ~0xf) << 8) | ($FAR_EL2 & 0xfff)
end
document ipa
The faulting IPA of a Stage-2 abort: HPFAR[31:4] << 8 | HDFAR[11:0].
end

define hsr
  set $hsr = (unsigned int)$ESR_EL2
  set $ec = ($hsr >> 26) & 0x3f
  printf "HSR 0x%08x: EC 0x%02x IL %d ", $hsr, $ec, ($hsr >> 25) & 1
  if $ec == 0x01
    printf "WFI/WFE wfe=%d\n", $hsr & 1
  else
  if $ec == 0x03
    printf "MCR/MRC cp15 %s opc1=%d crn=%d crm=%d opc2=%d rt=r%d\n", ($hsr & 1) ? "read" : "write", ($hsr >> 14) & 7, ($hsr >> 10) & 0xf, ($hsr >> 1) & 0xf, ($hsr >> 17) & 7, ($hsr >> 5) & 0xf
  else
  if $ec == 0x04
    printf "MCRR/MRRC cp15 %s opc1=%d crm=%d rt=r%d rt2=r%d\n", ($hsr & 1) ? "read" : "write", ($hsr >> 16) & 0xf, ($hsr >> 1) & 0xf, ($hsr >> 5) & 0xf, ($hsr >> 10) & 0xf
  else
  if $ec == 0x12 || $ec == 0x13
    printf "%s imm=0x%04x\n", $ec == 0x12 ? "HVC" : "SMC", $hsr & 0xffff
  else
  if $ec == 0x24
    printf "data abort isv=%d sas=%d sse=%d srt=r%d wnr=%d dfsc=0x%02x\n", ($hsr >> 24) & 1, ($hsr >> 22) & 3, ($hsr >> 21) & 1, ($hsr >> 16) & 0xf, ($hsr >> 6) & 1, $hsr & 0x3f
    ipa
  else
  if $ec == 0x20
    printf "prefetch abort ifsc=0x%02x\n", $hsr & 0x3f
    ipa
  else
    printf "ISS 0x%07x\n", $hsr & 0x1ffffff
  end
  end
  end
  end
  end
  end
end
document hsr
Decodes HSR (ESR_EL2 in QEMU's stub) by its exception class.
end

define trapstop
  printf "--- guest trap\n"
  pl2regs
  hsr
end
document trapstop
What hyp.gdb prints at each guest trap.
end

# One vCPU's table, and the SMP one's (vectors.S: HVBAR is one of the two).
break guest_trap
commands
  silent
  trapstop
end
break guest_trap_smp
commands
  silent
  trapstop
end
echo hyp.gdb: stops at each guest trap; `continue` to run, `pl2regs`, `hsr`, `ipa`.\n
