# Tests of the KVM test bed (kvm-runner/testbed/): host unit tests of init's
# pure parts, the scripts' bad input, and end-to-end runs of test.S through
# KVM in the arm64 test bed. The e2e tests share one boot (tests/testbed/lib.sh).

TB_UNIT		:= $(BUILD)/tests/testbed/unit-testbed
TB_UNIT_SRCS	:= $(addprefix $(TB_DIR)/,b64.c initargs.c report.c sctrace.c sysnames.c)

$(TB_UNIT): tests/testbed/unit_testbed.c $(TB_UNIT_SRCS) $(wildcard $(TB_DIR)/*.h) tests/unit.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -I$(TB_DIR) -o $@ $< $(TB_UNIT_SRCS)

TEST_DEPS += $(TB_UNIT) $(TB_BUILD)/init-arm64 $(TB_BUILD)/init-armhf
# The e2e run needs the runner and test.S (the e2e tests skip while they are absent).
ifeq ($(words $(wildcard kvm-runner/main.c guests/test.S)),2)
TEST_DEPS += $(TB_KERNEL) $(TB_BUILD)/initramfs-arm64.cpio $(BUILD)/guests/test.elf
endif
ifneq ($(KVM_ARMV7_KERNEL),)
TEST_DEPS += $(TB_BUILD)/initramfs-armhf.cpio
endif
