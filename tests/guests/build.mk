# The kit's guests that prove the real board (issue 8): fdt, vfp,
# exceptions, ldst. Their consoles (tests/guests/NAME.console, from native
# runs) are what every VMM must print, but for the differences that
# tests/compare/console-differences.txt explains.
BOARD_GUESTS	:= fdt vfp exceptions ldst irq
TEST_DEPS += $(foreach g,$(BOARD_GUESTS),$(BUILD)/guests/$(g).elf $(BUILD)/guests/$(g).bin)
TEST_DEPS += $(BUILD)/compare/traplog $(BUILD)/baremetal-hyp/hyp.elf

# The fdt guest's DTB reader on the host, against the board's DTB writer.
$(BUILD)/tests/guests/unit-dt: tests/guests/dt_test.c guests/lib/dt.c guests/lib/dt.h \
		$(HOST_BOARD_LIB) $(BOARD_HDRS) tests/unit.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -Iguests/lib -o $@ $< guests/lib/dt.c $(HOST_BOARD_LIB)
TEST_DEPS += $(BUILD)/tests/guests/unit-dt
