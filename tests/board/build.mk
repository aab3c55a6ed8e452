# Host unit tests of the board's pure C (guests/board/): NAME_test.c builds
# build/tests/board/unit-NAME, run by tests/board/unit-NAME.test ('_' in
# NAME as '-', the kit's one scheme). Sanitizers on (HOST_CFLAGS).

BOARD_UNIT_NAMES := hsr board psci traplog traplog_bin a32_decode fdt dtb boot image size_arg exitline \
		    vgic_dist vgic_lr vgic_direct uart_rx zimage_entry
BOARD_UNITS	:= $(foreach n,$(BOARD_UNIT_NAMES),$(BUILD)/tests/board/unit-$(subst _,-,$(n)))

define board_unit
$(BUILD)/tests/board/unit-$(subst _,-,$(1)): tests/board/$(1)_test.c $(HOST_BOARD_LIB) $(BOARD_HDRS) \
		tests/unit.h tests/board/dts_read.h
	@mkdir -p $$(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -o $$@ $$< $(HOST_BOARD_LIB)
endef
$(foreach n,$(BOARD_UNIT_NAMES),$(eval $(call board_unit,$(n))))

# mkdtb: the board's DTB for given -m/-c/-p/-i, for tests and docs (dtc reads it).
MKDTB		:= $(BUILD)/board/mkdtb
all: $(MKDTB)

$(MKDTB): tests/board/mkdtb.c $(HOST_BOARD_LIB) $(BOARD_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(HOST_BOARD_LIB)

# tlogbin: the text of the bare hypervisor's binary trap log (run.sh --drain).
TLOGBIN		:= $(BUILD)/board/tlogbin
all: $(TLOGBIN)

$(TLOGBIN): tests/board/tlogbin.c $(HOST_BOARD_LIB) $(BOARD_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(HOST_BOARD_LIB)

# kentry: a zImage's kernel entry on the board (compare.sh's milestone).
KENTRY		:= $(BUILD)/board/kentry
all: $(KENTRY)

$(KENTRY): tests/board/kentry.c $(BOARD_SRCS) $(BOARD_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(BOARD_SRCS)

TEST_DEPS += $(KENTRY) $(TLOGBIN) $(MKDTB) $(BUILD)/guests/fdt.bin $(BOARD_UNITS) $(BUILD)/guests/test.elf $(BUILD)/guests/bad-loop.elf
