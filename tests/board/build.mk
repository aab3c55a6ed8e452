# Host unit tests of the board's pure C (guests/board/): one binary per
# unit, each run by tests/board/NAME.test. Sanitizers on (HOST_CFLAGS).

BOARD_UNIT_NAMES := hsr board psci traplog a32_decode fdt dtb boot image size_arg exitline
BOARD_UNITS	:= $(BOARD_UNIT_NAMES:%=$(BUILD)/tests/board/unit-%)

$(BUILD)/tests/board/unit-%: tests/board/%_test.c $(BOARD_SRCS) $(BOARD_HDRS) tests/unit.h \
			      tests/board/dts_read.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -o $@ $< $(BOARD_SRCS)

# mkdtb: the board's DTB for given -m/-c/-p/-i, for tests and docs (dtc reads it).
MKDTB		:= $(BUILD)/board/mkdtb
all: $(MKDTB)

$(MKDTB): tests/board/mkdtb.c $(BOARD_SRCS) $(BOARD_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(BOARD_SRCS)

TEST_DEPS += $(MKDTB) $(BUILD)/guests/fdt.bin $(BOARD_UNITS) $(BUILD)/guests/test.elf $(BUILD)/guests/bad-loop.elf
