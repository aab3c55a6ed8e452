# tests/hyp: the bare hypervisor's host unit tests and what its e2e tests run.
HYP_TEST_DIR	:= $(BUILD)/tests/hyp
HYP_UNITS	:= $(HYP_TEST_DIR)/unit-stage2 $(HYP_TEST_DIR)/unit-regdecode \
		   $(HYP_TEST_DIR)/unit-hyp-s1 $(HYP_TEST_DIR)/unit-psr $(HYP_TEST_DIR)/unit-inject

$(HYP_TEST_DIR)/unit-stage2: tests/hyp/stage2_test.c baremetal-hyp/stage2.c baremetal-hyp/stage2.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ibaremetal-hyp -o $@ tests/hyp/stage2_test.c baremetal-hyp/stage2.c

$(HYP_TEST_DIR)/unit-regdecode: tests/hyp/regdecode_test.c baremetal-hyp/regdecode.c baremetal-hyp/regdecode.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ibaremetal-hyp -o $@ tests/hyp/regdecode_test.c baremetal-hyp/regdecode.c

$(HYP_TEST_DIR)/unit-hyp-s1: tests/hyp/hyp_s1_test.c baremetal-hyp/hyp_s1.c baremetal-hyp/stage2.c baremetal-hyp/hyp_s1.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ibaremetal-hyp -o $@ tests/hyp/hyp_s1_test.c baremetal-hyp/hyp_s1.c baremetal-hyp/stage2.c

$(HYP_TEST_DIR)/unit-psr: tests/hyp/psr_test.c baremetal-hyp/psr.c baremetal-hyp/psr.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ibaremetal-hyp -o $@ tests/hyp/psr_test.c baremetal-hyp/psr.c

$(HYP_TEST_DIR)/unit-inject: tests/hyp/inject_test.c baremetal-hyp/inject.c baremetal-hyp/inject.h guests/board/traplog.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ibaremetal-hyp -o $@ tests/hyp/inject_test.c baremetal-hyp/inject.c

# The tests' own guests (tests/hyp/*-guest.S), linked like every guest.
HYP_TEST_GUESTS	:= $(patsubst tests/hyp/%.S,$(HYP_TEST_DIR)/%,$(wildcard tests/hyp/*-guest.S))

# Kept after the build (not make's intermediates, whose removal would print
# after the test runner's closing line).
.SECONDARY: $(HYP_TEST_GUESTS:%=%.elf)
# linux-guest is linked at 0x40010000, as kvm-unit-tests: the Linux protocol.
$(HYP_TEST_DIR)/linux-guest.elf: HYP_GUEST_LDFLAGS := -Wl,--section-start=.text=0x40010000
$(HYP_TEST_DIR)/%-guest.elf: tests/hyp/%-guest.S $(GUEST_LDS) guests/board/memmap.h tests/hyp/report.inc tests/hyp/irq.inc
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(BM_CFLAGS) -nostdlib -static -Wl,--build-id=none -T $(GUEST_LDS) \
		$(HYP_GUEST_LDFLAGS) -o $@ $<
$(HYP_TEST_DIR)/%-guest.bin: $(HYP_TEST_DIR)/%-guest.elf
	$(Q)$(BM_OBJCOPY) -O binary $< $@
$(HYP_TEST_DIR)/%-guest.lst: $(HYP_TEST_DIR)/%-guest.elf
	$(Q)$(BM_OBJDUMP) -d $< > $@

TEST_DEPS += $(HYP_TEST_GUESTS:%=%.elf) $(HYP_TEST_GUESTS:%=%.bin) $(HYP_TEST_GUESTS:%=%.lst)
TEST_DEPS += $(HYP_UNITS) $(HYP_ELF) $(HYP_NOLOG_ELF) \
	$(filter $(BUILD)/guests/test.bin $(BUILD)/guests/bad-%.bin,$(GUEST_BINS)) \
	$(filter $(BUILD)/guests/test.lst $(BUILD)/guests/bad-%.lst,$(GUEST_LSTS))
