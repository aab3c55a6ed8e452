# Tests of the KVM test bed (kvm-runner/testbed/): host unit tests of init's
# pure parts, the scripts' bad input, and end-to-end runs of test.S through
# KVM in the arm64 test bed. The e2e tests share one boot (tests/testbed/lib.sh).

TB_UNIT		:= $(BUILD)/tests/testbed/unit-testbed
TB_UNIT_SRCS	:= $(addprefix $(TB_DIR)/,b64.c initargs.c report.c sctrace.c sysnames.c ksyms.c \
		   iotable.c consview.c) kvm-runner/kvm_requests.c

$(TB_UNIT): tests/testbed/testbed_test.c $(TB_UNIT_SRCS) $(wildcard $(TB_DIR)/*.h) tests/unit.h \
		kvm-runner/kvm_requests.h kvm-runner/kvm_abi.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -I$(TB_DIR) -Ikvm-runner -o $@ $< $(TB_UNIT_SRCS)

TEST_DEPS += $(TB_UNIT) $(TB_BUILD)/init-armhf $(TB_KERNEL) $(TB_BUILD)/initramfs-arm64.cpio $(TB_QEMU) \
	     $(BUILD)/guests/test.elf $(BUILD)/guests/test.lst
ifneq ($(KVM_ARMV7_KERNEL),)
TEST_DEPS += $(TB_BUILD)/initramfs-armhf.cpio
endif
