# KVM trail breakpoints, 32-bit ARM host (Linux 5.4.286, the kit's 32-bit sample host)
set architecture arm
# Made by kvm-runner/trail/breakpoints.sh from that kernel's kallsyms (nokaslr).
set pagination off
hbreak *0xc02117ac    # kvm_arch_vcpu_ioctl_run
hbreak *0xc020e8cc    # handle_exit
hbreak *0xc0213ea0    # kvm_handle_guest_abort
hbreak *0xc0215104    # io_mem_abort
hbreak *0xc02155e0    # kvm_hvc_call_handler
hbreak *0xc020e7b0    # kvm_handle_wfx
# Hyp mode runs at the kernel's own addresses: no offset.
hbreak *0xc0379c20    # __kvm_vcpu_run_nvhe (Hyp)
hbreak *0xc0379970    # __guest_enter (Hyp)
hbreak *0xc0379990    # __guest_exit (Hyp)
# handle_exit(vcpu, run, exception_index): p $r2 at its stop.
