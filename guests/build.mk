# Guests: every guests/NAME.S becomes build/guests/NAME.elf (linked at the
# board's RAM base by linker/guest.ld), NAME.bin (the raw image a VMM loads)
# and NAME.lst (the disassembly, to find a trap's PC).
#
#   make run-native GUEST=x   x.elf on plain qemu-system-arm, no hypervisor

GUEST_SRCS	:= $(sort $(wildcard guests/*.S))
GUEST_NAMES	:= $(patsubst guests/%.S,%,$(GUEST_SRCS))
GUEST_ELFS	:= $(GUEST_NAMES:%=$(BUILD)/guests/%.elf)
GUEST_BINS	:= $(GUEST_NAMES:%=$(BUILD)/guests/%.bin)
GUEST_LSTS	:= $(GUEST_NAMES:%=$(BUILD)/guests/%.lst)
GUEST_LDS	:= linker/guest.ld
GUEST_DEPS	:= $(GUEST_LDS) $(wildcard guests/*.inc) guests/board/memmap.h
BM_OBJDUMP	:= $(CROSS_COMPILE)objdump
NATIVE_TIMEOUT	?= 20

all: $(GUEST_ELFS) $(GUEST_BINS) $(GUEST_LSTS)

# Assembled through the C preprocessor so guests can include memmap.h.
$(BUILD)/guests/%.elf: guests/%.S $(GUEST_DEPS) guests/build.mk
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(BM_CFLAGS) -Iguests -nostdlib -static -Wl,--build-id=none \
		-T $(GUEST_LDS) -o $@ $<

$(BUILD)/guests/%.bin: $(BUILD)/guests/%.elf
	$(Q)$(BM_OBJCOPY) -O binary $< $@

$(BUILD)/guests/%.lst: $(BUILD)/guests/%.elf
	$(Q)$(BM_OBJDUMP) -d $< > $@

.PHONY: run-native
run-native: $(BUILD)/guests/$(GUEST).elf
	$(Q)QEMU_ARM=$(QEMU_ARM) NATIVE_TIMEOUT=$(NATIVE_TIMEOUT) \
		guests/run-native.sh $< $(BUILD)/native/$(GUEST).console

# The board's pure C, shared by both VMMs and the host tools.
BOARD_SRCS	:= $(wildcard guests/board/*.c)
BOARD_HDRS	:= $(wildcard guests/board/*.h)
