# Tests of the Linux guest (guests/linux/): boots natively, under the bare
# hypervisor and (tests/testbed) under KVM, and the shell through a pty.
# The kernel and busybox are fetched once (guests/linux/fetch.sh).
TEST_DEPS += $(LINUX_DEB)/vmlinuz $(LINUX_INITRAMFS)
# kvm.test drives the test bed's console through a pty: consview shows it.
TEST_DEPS += $(TB_CONSVIEW)
