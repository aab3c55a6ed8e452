# KVM trail breakpoints, arm64 nVHE host (Debian 6.1.0-57-arm64, the test bed's kernel)
set architecture aarch64
# Made by kvm-runner/trail/breakpoints.sh from that kernel's kallsyms (nokaslr).
set pagination off
hbreak *0xffff80000805a710    # kvm_arch_vcpu_ioctl_run
hbreak *0xffff800008064d20    # handle_exit
hbreak *0xffff80000805eaf4    # kvm_handle_guest_abort
hbreak *0xffff800008060620    # io_mem_abort
hbreak *0xffff8000080613d0    # kvm_hvc_call_handler
hbreak *0xffff800008064b40    # kvm_handle_wfx
# EL2 code runs at a hyp VA: at any EL1 stop VBAR_EL2 is the hyp VA of
# __kvm_nvhe___kvm_hyp_host_vector (0xffff800008cf1800); run el2-breaks there.
# __kvm_vcpu_run and __guest_enter are left out: with them the host's pending
# interrupt defers nearly every entry under emulation (docs/debugging.md).
define el2-breaks
  hbreak *($VBAR_EL2 + (0xffff800008cf7820 - 0xffff800008cf1800))    # __guest_exit (EL2)
end
# handle_exit(vcpu, exception_index): p $x1 at its stop (0 IRQ, 2 trap).
