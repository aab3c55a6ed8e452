# kvm-runner's host unit tests (tests/kvm/*_test.c, sanitizers on) and the
# host build of the runner for the bad-input tests (tests/kvm/cli.test).

KT_BUILD	:= $(BUILD)/tests/kvm
KT_CFLAGS	:= $(HOST_CFLAGS) -Itests -Ikvm-runner
KT_BOARD	:= $(HOST_BOARD_LIB)
KT_DEPS		:= $(KR_HDRS) $(BOARD_HDRS) $(KT_BOARD) tests/unit.h tests/kvm/build.mk

$(KT_BUILD)/unit-trace: tests/kvm/trace_test.c tests/kvm/fixture61.h $(KT_DEPS) $(addprefix kvm-runner/, \
		trace_parse.c trap_merge.c traps.c)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< $(addprefix kvm-runner/,trace_parse.c trap_merge.c \
		traps.c) $(KT_BOARD)

$(KT_BUILD)/unit-bpf: tests/kvm/bpf_test.c tests/kvm/fixture61.h $(KT_DEPS) $(addprefix kvm-runner/, \
		bpf_prog.c bpf_rec.c trace_parse.c trap_merge.c traps.c)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< $(addprefix kvm-runner/,bpf_prog.c bpf_rec.c trace_parse.c \
		trap_merge.c traps.c) $(KT_BOARD)

KT_IOCTL_SRCS	:= $(addprefix kvm-runner/,ioctl_trace.c ioctl_names.c kvm_requests.c regdump.c err.c tick.c)

$(KT_BUILD)/unit-ioctl: tests/kvm/ioctl_test.c $(KT_DEPS) $(KT_IOCTL_SRCS) kvm-runner/arm64/arch.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< $(KT_IOCTL_SRCS) kvm-runner/arm64/arch.c $(KT_BOARD)

$(KT_BUILD)/unit-regid-arm: tests/kvm/regid_arm_test.c $(KT_DEPS) $(KT_IOCTL_SRCS) kvm-runner/arm/arch.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< $(KT_IOCTL_SRCS) kvm-runner/arm/arch.c $(KT_BOARD)

$(KT_BUILD)/unit-regid-arm64: tests/kvm/regid_arm64_test.c $(KT_DEPS) $(KT_IOCTL_SRCS) \
		kvm-runner/arm64/arch.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< $(KT_IOCTL_SRCS) kvm-runner/arm64/arch.c $(KT_BOARD)

$(KT_BUILD)/unit-loader: tests/kvm/loader_test.c $(KT_DEPS) kvm-runner/loader.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< kvm-runner/loader.c $(KT_BOARD)

$(KT_BUILD)/unit-coalesce: tests/kvm/coalesce_test.c $(KT_DEPS) kvm-runner/coalesce.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< kvm-runner/coalesce.c $(KT_BOARD)

$(KT_BUILD)/unit-options: tests/kvm/options_test.c $(KT_DEPS) kvm-runner/options.c \
		$(KT_IOCTL_SRCS) kvm-runner/arm64/arch.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(KT_CFLAGS) -o $@ $< kvm-runner/options.c $(KT_IOCTL_SRCS) \
		kvm-runner/arm64/arch.c $(KT_BOARD)

KT_UNITS	:= $(addprefix $(KT_BUILD)/unit-,trace bpf ioctl regid-arm regid-arm64 loader coalesce \
		   options)

TEST_DEPS += $(KT_UNITS) $(KR_BUILD)/kvm-runner-host $(KVM_RUNNERS)
# e2e-refusals.test boots the test bed (its kernel and init: make testbed).
TEST_DEPS += $(filter %/bad-loop.elf,$(GUEST_ELFS))

# The tests' own guests (tests/kvm/*-guest.S), linked like every guest:
# injection caught by the guest's own vectors, a guest stuck on its fault.
KT_GUESTS	:= $(patsubst tests/kvm/%.S,$(KT_BUILD)/%.elf,$(wildcard tests/kvm/*-guest.S))
.SECONDARY: $(KT_GUESTS)
$(KT_BUILD)/%-guest.elf: tests/kvm/%-guest.S $(GUEST_LDS) guests/board/memmap.h
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(BM_CFLAGS) -nostdlib -static -Wl,--build-id=none -T $(GUEST_LDS) -o $@ $<
# linux-guest: linked at RAM base + 0x10000 (as kvm-unit-tests), so the Linux protocol applies.
$(KT_BUILD)/linux-guest.elf: tests/kvm/linux-guest.S guests/board/memmap.h
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(BM_CFLAGS) -nostdlib -static -Wl,--build-id=none -Wl,-Ttext=0x40010000 \
		-Wl,--no-warn-rwx-segments -o $@ $<
TEST_DEPS += $(KT_GUESTS)
