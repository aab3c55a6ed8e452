# The kit's guests that prove the real board (issue 8): fdt, vfp,
# exceptions, ldst. Their consoles (tests/guests/NAME.console, from native
# runs) are what every VMM must print, but for the differences that
# tests/compare/console-differences.txt explains.
BOARD_GUESTS	:= fdt vfp exceptions ldst
TEST_DEPS += $(foreach g,$(BOARD_GUESTS),$(BUILD)/guests/$(g).elf $(BUILD)/guests/$(g).bin)
TEST_DEPS += $(BUILD)/compare/traplog $(BUILD)/baremetal-hyp/hyp.elf
