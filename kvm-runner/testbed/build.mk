# The KVM test bed (docs/testbed.md): Debian's arm64 kernel in
# qemu-system-aarch64 -M virt,virtualization=on, with our init, kvm-runner
# and the guests in its initramfs; results come back over the serial console.
#
#   make run-kvm [GUEST=test]       results in build/kvm/GUEST.*
#   make run-kvm-armv7 KVM_ARMV7_KERNEL=/path/zImage   the same on 32-bit ARM KVM
#   make pl2regs-kvm [GUEST=test]   also build/kvm/GUEST.pl2regs, read live with gdb
#   make pl2regs-kvm-armv7 KVM_ARMV7_KERNEL=...  the same on 32-bit ARM KVM
#   make run-qemu-kvm [GUEST=test]  Debian's QEMU with KVM on GUEST, beside
#                                   kvm-runner, in one boot: build/qemu-kvm/
#
# KVM_QEMU_ARGS adds QEMU arguments (e.g. -icount shift=0); KVM_INIT_OPTS
# init's (--no-count, --limit S, --kallsyms); KVM_RUNNER_OPTS kvm-runner's.

TB_DIR		:= kvm-runner/testbed
TB_BUILD	:= $(BUILD)/testbed
TB_KERNEL	:= $(TB_BUILD)/kernel/vmlinuz
TB_INIT_SRCS	:= $(addprefix $(TB_DIR)/,init.c initargs.c report.c b64.c sctrace.c sysnames.c \
		   ksyms.c iotable.c) kvm-runner/kvm_requests.c guests/board/exitline.c
TB_INIT_DEPS	:= $(TB_INIT_SRCS) $(wildcard $(TB_DIR)/*.h) $(TB_DIR)/build.mk kvm-runner/kvm_abi.h \
		   kvm-runner/kvm_requests.h guests/board/exitline.h guests/board/memmap.h
TB_CFLAGS	:= -static -Os -s -Wall -Wextra -Werror -Ikvm-runner -Iguests/board
KVM_RUNNER_ARM64 ?= $(BUILD)/kvm-runner/kvm-runner-arm64
KVM_RUNNER_ARMHF ?= $(BUILD)/kvm-runner/kvm-runner-armhf
# The limits are a quiet machine's, stretched by the load as the tests' are
# (tests/lib.sh's scaled, which says so on stderr): at load 6 on 2 CPUs the
# KVM run of ldst needed 19 s of --timeout 20 and ended 124. init's --limit
# (initargs.h's default) is stretched with them: it stays above the runner's.
TB_SCALED	= $(shell bash -c '. tests/lib.sh && scaled $(1)')
TB_INIT_LIMIT	:= $(shell sed -n 's/^\#define TESTBED_DEFAULT_LIMIT[[:space:]]*\([0-9]*\).*/\1/p' \
		     $(TB_DIR)/initargs.h)
KVM_TIMEOUT	?= $(call TB_SCALED,120)
KVM_QEMU_ARGS	?=
KVM_INIT_OPTS	?=
KVM_RUNNER_OPTS	?= --timeout $(call TB_SCALED,20)
KVM_ARMV7_KERNEL ?=
TB_INIT_OPTS	= --limit $(call TB_SCALED,$(TB_INIT_LIMIT)) $(KVM_INIT_OPTS)

TB_RUN		= $(TB_DIR)/run-testbed.sh --guest $(GUEST) --timeout $(KVM_TIMEOUT) \
		  --init-opts "$(TB_INIT_OPTS)" --runner-opts "$(KVM_RUNNER_OPTS) $(GUEST_ARGS_$(GUEST))"

$(TB_BUILD)/init-arm64: $(TB_INIT_DEPS)
	@mkdir -p $(@D)
	$(Q)$(ARM64_CC) $(TB_CFLAGS) -o $@ $(TB_INIT_SRCS)

$(TB_BUILD)/init-armhf: $(TB_INIT_DEPS)
	@mkdir -p $(@D)
	$(Q)$(ARMHF_CC) $(TB_CFLAGS) -o $@ $(TB_INIT_SRCS)

# consview: the test bed's console on a terminal (run-testbed.sh --tty), its results left out.
TB_CONSVIEW	:= $(TB_BUILD)/consview
$(TB_CONSVIEW): $(TB_DIR)/consview_main.c $(TB_DIR)/consview.c $(TB_DIR)/consview.h $(TB_DIR)/report.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -I$(TB_DIR) -o $@ $(filter %.c,$^)

# Fetched once from Debian (needs root the first time), never committed.
$(TB_KERNEL):
	$(Q)$(FETCH_LOCK) $(TB_DIR)/fetch-kernel.sh $(@D) >/dev/null

# Debian's arm64 QEMU and its libraries, fetched once (fetch-qemu.sh), never committed.
TB_QEMU_ROOT	:= $(TB_BUILD)/qemu/root
TB_QEMU		:= $(TB_QEMU_ROOT)/usr/bin/qemu-system-aarch64
$(TB_QEMU):
	$(Q)$(FETCH_LOCK) $(TB_DIR)/fetch-qemu.sh $(TB_BUILD)/qemu >/dev/null

# kvm-order (kvm-runner/order/) rides along as /bin/kvm-order (init --order).
$(TB_BUILD)/initramfs-arm64.cpio: $(TB_BUILD)/init-arm64 $(KVM_RUNNER_ARM64) $(GUEST_ELFS) \
		$(KR_BUILD)/kvm-order-arm64 $(TB_DIR)/mkinitramfs.sh
	$(Q)$(TB_DIR)/mkinitramfs.sh --tool $(KR_BUILD)/kvm-order-arm64 $@ \
		$(TB_BUILD)/init-arm64 $(KVM_RUNNER_ARM64) $(GUEST_ELFS)

$(TB_BUILD)/initramfs-armhf.cpio: $(TB_BUILD)/init-armhf $(KVM_RUNNER_ARMHF) $(GUEST_ELFS) \
		$(KR_BUILD)/kvm-order-armhf $(TB_DIR)/mkinitramfs.sh
	$(Q)$(TB_DIR)/mkinitramfs.sh --tool $(KR_BUILD)/kvm-order-armhf $@ \
		$(TB_BUILD)/init-armhf $(KVM_RUNNER_ARMHF) $(GUEST_ELFS)

.PHONY: testbed testbed-armv7 run-kvm run-kvm-armv7 pl2regs-kvm pl2regs-kvm-armv7 run-qemu-kvm
testbed: $(TB_KERNEL) $(TB_BUILD)/initramfs-arm64.cpio $(TB_CONSVIEW)
testbed-armv7: $(TB_BUILD)/initramfs-armhf.cpio

# Exits non-zero when the guest's status is not 0 (run-testbed.sh gives the status itself).
run-kvm: testbed
	$(Q)$(TB_RUN) --arch arm64 --kernel $(TB_KERNEL) \
		--initrd $(TB_BUILD)/initramfs-arm64.cpio --out $(BUILD)/kvm -- $(KVM_QEMU_ARGS)

ifeq ($(KVM_ARMV7_KERNEL),)
run-kvm-armv7 pl2regs-kvm-armv7:
	@echo "$@: skipped: no 32-bit kernel given; set KVM_ARMV7_KERNEL=/path/zImage" \
		"(Linux <= 5.6 with KVM: docs/testbed.md lists the options)"
else
run-kvm-armv7: testbed-armv7
	$(Q)$(TB_RUN) --arch armv7 --kernel $(KVM_ARMV7_KERNEL) \
		--initrd $(TB_BUILD)/initramfs-armhf.cpio --out $(BUILD)/kvm-armv7 -- $(KVM_QEMU_ARGS)

pl2regs-kvm-armv7: testbed-armv7
	$(Q)$(TB_DIR)/pl2regs.sh --arch armv7 --guest $(GUEST) --kernel $(KVM_ARMV7_KERNEL) \
		--timeout $(KVM_TIMEOUT) --init-opts "$(TB_INIT_OPTS)" \
		--runner-opts "$(KVM_RUNNER_OPTS) $(GUEST_ARGS_$(GUEST))" \
		--initrd $(TB_BUILD)/initramfs-armhf.cpio --out $(BUILD)/kvm-armv7
endif

# QEMU's initramfs is built per run (its guest list names GUEST): run-qemu-kvm.sh.
run-qemu-kvm: $(TB_KERNEL) $(TB_QEMU) $(TB_BUILD)/init-arm64 $(KVM_RUNNER_ARM64) \
		$(BUILD)/guests/$(GUEST).elf
	$(Q)$(TB_DIR)/run-qemu-kvm.sh --guest $(GUEST) --kernel $(TB_KERNEL) \
		--init $(TB_BUILD)/init-arm64 --runner $(KVM_RUNNER_ARM64) --qemu-root $(TB_QEMU_ROOT) \
		--timeout $(KVM_TIMEOUT) --runner-opts "$(GUEST_ARGS_$(GUEST))" --out $(BUILD)/qemu-kvm \
		-- $(KVM_QEMU_ARGS)

pl2regs-kvm: testbed
	$(Q)$(TB_DIR)/pl2regs.sh --guest $(GUEST) --kernel $(TB_KERNEL) \
		--timeout $(KVM_TIMEOUT) --init-opts "$(TB_INIT_OPTS)" \
		--runner-opts "$(KVM_RUNNER_OPTS) $(GUEST_ARGS_$(GUEST))" \
		--initrd $(TB_BUILD)/initramfs-arm64.cpio --out $(BUILD)/kvm
