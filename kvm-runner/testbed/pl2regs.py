# gdb-multiarch script (run by pl2regs.sh): stops the outer QEMU of the arm64
# test bed while the AArch32 guest's vCPU context is loaded in KVM, and writes
# the EL2 registers KVM programmed for it as "reg: NAME = 0x..." lines.
#
# A hardware breakpoint on the guest's own address fires when the guest runs
# there (docs/testbed.md). gdb then shows a stale AArch64 pc, so the CPU state
# is read from "monitor info registers"; stops that are not in AArch32 (QEMU's
# boot code also runs at RAM's start) are passed over.
#
# On a 32-bit ARM KVM host (PL2_ARCH=armv7) the same registers are written
# under their ARMv7 names; there the host's own code may run at the same
# virtual address, so a stop also needs HCR.VM set (the guest's context).
#
# Then the generic timer's CNTHCTL and CNTVOFF, and the GIC's virtual
# interface control registers at PL2_GICH, read with the monitor's xp (GICH
# is MMIO in the outer machine's physical address space; its frame is the
# one CPU's, the test bed has one). KVM writes GICH from the host kernel
# (vgic_v2_restore_state before the guest runs, vgic_v2_save_state after,
# which also clears GICH_HCR): at a guest stop they are the guest's.
#
# Environment: PL2_SOCKET (QEMU's gdb socket), PL2_OUT, PL2_GUEST, PL2_BREAK,
# PL2_ARCH (arm64, default, or armv7), PL2_GICH (the GICH base address).
import os
import re

import gdb

# (name written, name gdb reads it by) per host architecture.
REGS = {
    "arm64": [(n, n) for n in ("HCR_EL2", "HSTR_EL2", "CPTR_EL2", "MDCR_EL2",
                               "VTCR_EL2", "VTTBR_EL2", "SCTLR_EL2", "VBAR_EL2")],
    "armv7": [("HCR", "HCR"), ("HSTR", "HSTR_EL2"), ("HCPTR", "CPTR_EL2"),
              ("HDCR", "MDCR_EL2"), ("VTCR", "VTCR"), ("VTTBR", "VTTBR"),
              ("HSCTLR", "SCTLR_EL2"), ("HVBAR", "VBAR_EL2")],
}
# The timer's EL2 registers: the name written, the names gdb may read it by.
TIMER_REGS = {
    "arm64": [("CNTHCTL_EL2", ("CNTHCTL_EL2",)), ("CNTVOFF_EL2", ("CNTVOFF_EL2",))],
    "armv7": [("CNTHCTL", ("CNTHCTL", "CNTHCTL_EL2")), ("CNTVOFF", ("CNTVOFF", "CNTVOFF_EL2"))],
}
# GICv2 GICH registers (ARM IHI 0048B table 5-1): offset, name.
GICH_REGS = [(0x00, "GICH_HCR"), (0x04, "GICH_VTR"), (0x08, "GICH_VMCR"),
             (0x10, "GICH_MISR"), (0x20, "GICH_EISR0"), (0x30, "GICH_ELRSR0"),
             (0xf0, "GICH_APR")]
GICH_LR0 = 0x100
GICH_VTR_LISTREGS = 0x3f   # the number of list registers, minus one
GDB_ARCH = {"arm64": "aarch64", "armv7": "arm"}
MAX_STOPS = 8
# "PSR=000001d3 ---- A svc32": a 32-bit mode name ends in 32.
AARCH32_PSR = re.compile(r"PSR=([0-9a-f]{8}) \S+ \S* ?(usr|fiq|irq|svc|mon|abt|hyp|und|sys)32")


def aarch32_state():
    """The PSR line when the CPU is in AArch32, else None."""
    info = gdb.execute("monitor info registers", to_string=True)
    m = AARCH32_PSR.search(info)
    if not m:
        return None
    pc = re.search(r"R15=([0-9a-f]{8})", info)
    return "R15=%s PSR=%s %s32" % (pc.group(1) if pc else "?", m.group(1), m.group(2))


def reg(name):
    return int(gdb.parse_and_eval("$" + name)) & (2**64 - 1)


def stop_in_guest(addr, arch):
    gdb.execute("hbreak *%s" % addr, to_string=True)
    for _ in range(MAX_STOPS):
        gdb.execute("continue", to_string=True)
        state = aarch32_state()
        if state and (arch == "arm64" or reg("HCR") & 1):
            return state
    raise gdb.GdbError("pl2regs: no stop in an AArch32 guest at %s after %d stops"
                       % (addr, MAX_STOPS))


def read_regs(arch):
    return ["reg: %s = 0x%016x" % (name, reg(gdbname)) for name, gdbname in REGS[arch]]


def read_timer(arch):
    lines = []
    for name, tries in TIMER_REGS[arch]:
        for gdbname in tries:
            try:
                lines.append("reg: %s = 0x%016x" % (name, reg(gdbname)))
                break
            except gdb.error:
                continue
        else:
            raise gdb.GdbError("pl2regs: gdb reads none of %s" % ", ".join(tries))
    return lines


def xp_words(addr, n):
    """n 32-bit words of physical memory at addr, through the monitor."""
    out = gdb.execute("monitor xp /%dwx 0x%x" % (n, addr), to_string=True)
    words = [int(w, 16) for line in out.splitlines() if ":" in line
             for w in line.split(":", 1)[1].split()]
    if len(words) != n:
        raise gdb.GdbError("pl2regs: xp at 0x%x gave %r" % (addr, out.strip()))
    return words


def read_gich(base):
    lines = []
    vtr = 0
    for off, name in GICH_REGS:
        v = xp_words(base + off, 1)[0]
        vtr = v if name == "GICH_VTR" else vtr
        lines.append("reg: %s = 0x%016x" % (name, v))
    nlr = (vtr & GICH_VTR_LISTREGS) + 1
    for i, v in enumerate(xp_words(base + GICH_LR0, nlr)):
        lines.append("reg: GICH_LR%d = 0x%016x" % (i, v))
    return lines


def main():
    sock, path = os.environ["PL2_SOCKET"], os.environ["PL2_OUT"]
    guest, addr = os.environ.get("PL2_GUEST", "?"), os.environ.get("PL2_BREAK", "0x40000000")
    arch = os.environ.get("PL2_ARCH", "arm64")
    if arch not in REGS:
        raise gdb.GdbError("pl2regs: unknown PL2_ARCH %s" % arch)
    gdb.execute("set pagination off")
    gdb.execute("set confirm off")
    gdb.execute("set architecture %s" % GDB_ARCH[arch], to_string=True)
    gdb.execute("target remote %s" % sock, to_string=True)
    try:
        state = stop_in_guest(addr, arch)
        lines = read_regs(arch) + read_timer(arch)
        if os.environ.get("PL2_GICH"):
            lines += read_gich(int(os.environ["PL2_GICH"], 16))
    finally:
        # Let the test bed finish its run whatever happened here.
        try:
            gdb.execute("delete", to_string=True)
            gdb.execute("detach", to_string=True)
        except gdb.error:
            pass        # QEMU already gone: the first error is the one to see
    with open(path, "w") as f:
        f.write("# pl2regs 1 side=kvm guest=%s host=%s stop=%s\n" % (guest, arch, addr))
        f.write("# guest: %s\n" % state)
        f.write("\n".join(lines) + "\n")


main()
