# Random-instruction guests (docs/reliability.md): tests/stress/randguest.c
# writes them; hyp-random.test runs 200 under the bare hypervisor.

STRESS_DIR	:= $(BUILD)/stress

$(STRESS_DIR)/randguest: tests/stress/randguest.c guests/board/memmap.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $<

TEST_DEPS += $(STRESS_DIR)/randguest $(BUILD)/baremetal-hyp/hyp.elf
