# The KVM trail (docs/debugging.md, "A trail of KVM's functions"): the guest
# in the test bed under gdb, breakpoints on KVM's functions, the stops read
# into KVM_RUN calls and world switches, checked against the trap log.
#
#   make kvm-trail [GUEST=test] [ARCH=arm64|armv7]   build/kvm[-armv7]/GUEST.{kvm-trail,trail.md,...}

KT_DIR		:= kvm-runner/trail
KT_REPORT	:= $(KR_BUILD)/kvm-trail-report
KT_SRCS		:= $(addprefix $(KT_DIR)/,trail.c merge.c main.c)

$(KT_REPORT): $(KT_SRCS) $(wildcard $(KT_DIR)/*.h) $(KT_DIR)/build.mk
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -I$(KT_DIR) -o $@ $(KT_SRCS)

all: $(KT_REPORT)
TEST_DEPS += $(KT_REPORT)

ARCH		?= arm64
KT_OUT		= $(BUILD)/$(if $(filter armv7,$(ARCH)),kvm-armv7,kvm)
KT_KERNEL	= $(if $(filter armv7,$(ARCH)),$(KVM_ARMV7_KERNEL),$(TB_KERNEL))
KT_INITRD	= $(TB_BUILD)/initramfs-$(if $(filter armv7,$(ARCH)),armhf,arm64).cpio

.PHONY: kvm-trail
kvm-trail: $(KT_REPORT) $(if $(filter armv7,$(ARCH)),testbed-armv7,testbed)
	$(Q)[ -n "$(KT_KERNEL)" ] || { echo "kvm-trail: ARCH=armv7 needs KVM_ARMV7_KERNEL=/path/zImage"; exit 2; }
	$(Q)[ -s $(KT_OUT)/kallsyms ] || { $(TB_DIR)/run-testbed.sh --arch $(ARCH) --guest $(GUEST) \
		--kernel $(KT_KERNEL) --initrd $(KT_INITRD) --out $(KT_OUT) --init-opts --kallsyms \
		>/dev/null && mv $(KT_OUT)/$(GUEST).kallsyms $(KT_OUT)/kallsyms; }
	$(Q)$(KT_DIR)/kvm-trail.sh --arch $(ARCH) --guest $(GUEST) --kernel $(KT_KERNEL) \
		--initrd $(KT_INITRD) --kallsyms $(KT_OUT)/kallsyms --out $(KT_OUT) --report $(KT_REPORT)
