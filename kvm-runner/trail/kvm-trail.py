# gdb-multiarch script (run by kvm-trail.sh): breakpoints on KVM's functions
# in the test bed's host kernel, one line per stop while the guest runs, into
# the trail file (trail.h). The function set is small on purpose: every stop
# costs tens of milliseconds under emulation, and large sets missed stops.
#
#   EL1 (arm64) / SVC (32-bit): at their kallsyms addresses (nokaslr).
#   EL2 on arm64 nVHE: at VBAR_EL2 + (symbol - __kvm_nvhe___kvm_hyp_host_vector),
#     VBAR_EL2 read at the first EL1 stop (the host vector is loaded then).
#   32-bit Hyp mode: its code runs at the kernel's own addresses.
#
# Environment: TRAIL_SOCKET (QEMU's gdb socket), TRAIL_OUT, TRAIL_KALLSYMS,
# TRAIL_ARCH (arm64, default, or armv7), TRAIL_GUEST.
import os

import gdb

EL1 = ["kvm_arch_vcpu_ioctl_run", "handle_exit", "kvm_handle_guest_abort", "io_mem_abort",
       "kvm_hvc_call_handler", "kvm_handle_wfx"]
# arm64 nVHE: (kallsyms name, the name the trail writes)
EL2 = [("__kvm_nvhe___guest_exit", "__guest_exit")]
HOST_VECTOR = "__kvm_nvhe___kvm_hyp_host_vector"
HYP32 = ["__kvm_vcpu_run_nvhe", "__guest_enter", "__guest_exit"]
# handle_exit's exception index: 6.1 handle_exit(vcpu, index); 5.x (vcpu, run, index)
INDEX_REG = {"arm64": "$x1", "armv7": "$r2"}
GDB_ARCH = {"arm64": "aarch64", "armv7": "arm"}
MASK = {"arm64": 2**64 - 1, "armv7": 2**32 - 1}


def kallsyms(path):
    syms = {}
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 3 and p[2] not in syms:
                syms[p[2]] = int(p[0], 16)
    return syms


def need(syms, name):
    if name not in syms:
        raise gdb.GdbError("kvm-trail: %s is not in the kallsyms file" % name)
    return syms[name]


def hbreak(addr):
    gdb.execute("hbreak *0x%x" % addr, to_string=True)


def pc(arch):
    return int(gdb.parse_and_eval("$pc")) & MASK[arch]


def main():
    sock, out = os.environ["TRAIL_SOCKET"], os.environ["TRAIL_OUT"]
    arch = os.environ.get("TRAIL_ARCH", "arm64")
    guest = os.environ.get("TRAIL_GUEST", "?")
    syms = kallsyms(os.environ["TRAIL_KALLSYMS"])
    gdb.execute("set pagination off")
    gdb.execute("set confirm off")
    gdb.execute("set architecture %s" % GDB_ARCH[arch], to_string=True)
    gdb.execute("target remote %s" % sock, to_string=True)
    where = {}
    for name in EL1 + (HYP32 if arch == "armv7" else []):
        where[need(syms, name)] = name
    for addr in where:
        hbreak(addr)
    lines = ["# kvm-trail 1 arch=%s guest=%s" % (arch, guest)]
    lines += ["# bp %s 0x%x" % (n, a) for a, n in sorted(where.items())]
    stops = 0
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
        el2_set = arch != "arm64"
        while True:
            try:
                gdb.execute("continue", to_string=True)
                at = pc(arch)
            except gdb.error:
                break           # the test bed powered off: QEMU has gone
            name = where.get(at)
            if name is None:
                f.write("# stop at 0x%x: no breakpoint of ours\n" % at)
                continue
            stops += 1
            if name == "handle_exit":
                idx = int(gdb.parse_and_eval(INDEX_REG[arch])) & 0xffffffff
                f.write("%s %d\n" % (name, idx))
            else:
                f.write(name + "\n")
            if not el2_set:
                # First EL1 stop: VBAR_EL2 holds the hyp VA of the host vector.
                off = (int(gdb.parse_and_eval("$VBAR_EL2")) - need(syms, HOST_VECTOR)) & MASK[arch]
                for sym, short in EL2:
                    a = (need(syms, sym) + off) & MASK[arch]
                    where[a] = short
                    hbreak(a)
                    f.write("# bp %s 0x%x (EL2: VBAR_EL2 + %s - %s)\n" % (short, a, sym, HOST_VECTOR))
                el2_set = True
        f.write("# end stops=%d\n" % stops)


main()
