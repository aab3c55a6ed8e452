# kvm-order (docs/kvm-runner.md, "The six steps"): the VMM steps in orders
# that keep and break their rules, KVM's answers in a table. Built like
# kvm-runner, for each host ABI, with its ioctl tracing and arch back end.
#
#   make kvm-order              runs it in the arm64 test bed: build/kvm/order.md
#   make kvm-order KVM_ARMV7_KERNEL=/path/zImage   also on 32-bit ARM KVM

KO_DIR		:= kvm-runner/order
KO_SRCS		:= $(wildcard $(KO_DIR)/*.c) $(addprefix $(KR_DIR)/,ioctl_trace.c ioctl_names.c kvm_requests.c \
		   tick.c err.c regdump.c)
KO_DEPS		:= $(KO_SRCS) $(wildcard $(KO_DIR)/*.h) $(KR_HDRS) $(BOARD_SRCS) $(BOARD_HDRS) \
		   $(KO_DIR)/build.mk

$(KR_BUILD)/kvm-order-arm64: $(KO_DEPS) $(KR_DIR)/arm64/arch.c
	@mkdir -p $(@D)
	$(Q)$(ARM64_CC) $(KR_CFLAGS) -I$(KR_DIR)/arm64 -static -o $@ $(KO_SRCS) \
		$(KR_DIR)/arm64/arch.c $(BOARD_SRCS)

$(KR_BUILD)/kvm-order-armhf: $(KO_DEPS) $(KR_DIR)/arm/arch.c
	@mkdir -p $(@D)
	$(Q)$(ARMHF_CC) $(KR_CFLAGS) -I$(KR_DIR)/arm -static -o $@ $(KO_SRCS) \
		$(KR_DIR)/arm/arch.c $(BOARD_SRCS)

all: $(KR_BUILD)/kvm-order-arm64 $(KR_BUILD)/kvm-order-armhf

# One test-bed boot per host: the guest runs, then kvm-order (init --order).
KO_RUN		= $(TB_DIR)/run-testbed.sh --guest $(GUEST) --timeout $(KVM_TIMEOUT) \
		  --init-opts "--order $(KVM_INIT_OPTS)" --runner-opts "$(KVM_RUNNER_OPTS)"

.PHONY: kvm-order
kvm-order: testbed $(if $(KVM_ARMV7_KERNEL),testbed-armv7)
	$(Q)$(KO_RUN) --arch arm64 --kernel $(TB_KERNEL) --initrd $(TB_BUILD)/initramfs-arm64.cpio \
		--out $(BUILD)/kvm >/dev/null
ifneq ($(KVM_ARMV7_KERNEL),)
	$(Q)$(KO_RUN) --arch armv7 --kernel $(KVM_ARMV7_KERNEL) \
		--initrd $(TB_BUILD)/initramfs-armhf.cpio --out $(BUILD)/kvm-armv7 >/dev/null
endif
	$(Q)$(KO_DIR)/table.sh $(BUILD)/kvm/$(GUEST).order \
		$(if $(KVM_ARMV7_KERNEL),$(BUILD)/kvm-armv7/$(GUEST).order) | tee $(BUILD)/kvm/order.md
	$(Q)tail -n 1 $(BUILD)/kvm/$(GUEST).order
