# The benchmark (issue 5, docs/performance.md): trap round trips in instructions.
#
#   build/bench/benchtab   the table from the bench guest's consoles
#   make bench             guests/bench.S natively, under the bare hypervisor
#                          (log off and on), under KVM in the arm64 test bed
#                          and, with KVM_ARMV7_KERNEL, under 32-bit KVM; all
#                          with -icount shift=0. Writes build/bench/bench.{md,csv}.

BENCH_DIR	:= $(BUILD)/bench
BENCH_SRCS	:= tests/bench/benchtab_parse.c tests/bench/benchtab_table.c tests/lineread.c
BENCH_HDRS	:= tests/bench/benchtab.h tests/unit.h tests/lineread.h
BENCH_CFLAGS	:= $(HOST_CFLAGS) -Itests -Itests/bench

$(BENCH_DIR)/benchtab: tests/bench/benchtab_main.c $(BENCH_SRCS) $(BENCH_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(BENCH_CFLAGS) -o $@ $(filter %.c,$^)

$(BUILD)/tests/bench/unit-benchtab: tests/bench/benchtab_test.c $(BENCH_SRCS) $(BENCH_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(BENCH_CFLAGS) -o $@ $(filter %.c,$^)

all: $(BENCH_DIR)/benchtab
BENCH_RUN_DEPS	:= $(BENCH_DIR)/benchtab $(BUILD)/guests/bench.elf $(BUILD)/guests/bench.bin \
		   $(BENCH_DIR)/kvmloop-arm64 $(BENCH_DIR)/kvmloop-armhf $(TB_BUILD)/init-arm64 \
		   $(TB_BUILD)/init-armhf $(KVM_RUNNER_ARM64) $(KVM_RUNNER_ARMHF) \
		   $(HYP_ELF) $(HYP_NOLOG_ELF) $(BUILD)/tests/kvm/mmio-loop-guest.elf
# quick-kvm.test also needs the test bed, which tests/testbed adds.
TEST_DEPS += $(BENCH_RUN_DEPS) $(BUILD)/tests/bench/unit-benchtab

.PHONY: bench
bench: $(BENCH_RUN_DEPS)
	$(Q)BUILD=$(BUILD) QEMU_ARM=$(QEMU_ARM) tests/bench/bench.sh

# The bare KVM_RUN loop kvm-runner's MMIO round trip is held against, for
# either host; run-vmm.sh puts it in the bench's initramfs beside kvm-runner
# (init --runner kvmloop), so that one boot runs every KVM column.
KVMLOOP_DEPS	:= tests/bench/kvmloop.c guests/board/memmap.h kvm-runner/kvm_abi.h
KVMLOOP_CFLAGS	:= -static -O2 -Wall -Wextra -Werror -Iguests/board -Ikvm-runner
$(BENCH_DIR)/kvmloop-arm64: $(KVMLOOP_DEPS) kvm-runner/arm64/kvm_arch_abi.h
	@mkdir -p $(@D)
	$(Q)$(ARM64_CC) $(KVMLOOP_CFLAGS) -Ikvm-runner/arm64 -o $@ $<

$(BENCH_DIR)/kvmloop-armhf: $(KVMLOOP_DEPS) kvm-runner/arm/kvm_arch_abi.h
	@mkdir -p $(@D)
	$(Q)$(ARMHF_CC) $(KVMLOOP_CFLAGS) -Ikvm-runner/arm -o $@ $<

all: $(BENCH_DIR)/kvmloop-arm64 $(BENCH_DIR)/kvmloop-armhf

# The Linux guest's cost (docs/linux-profile.md): native, the bare hypervisor
# counting instructions with the PMU, KVM in the test bed. Not in make test.
.PHONY: bench-linux
bench-linux: $(BUILD)/compare/traplog $(HYP_ELF) testbed $(LINUX_DEB)/vmlinuz $(LINUX_INITRAMFS)
	$(Q)BUILD=$(BUILD) QEMU_ARM=$(QEMU_ARM) tests/bench/linux.sh $(BENCH_LINUX_OPTS)
