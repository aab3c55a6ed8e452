# Guests: every guests/NAME.S (one assembly file) and guests/NAME.c (C
# checks on the runtime in guests/lib/: entry, vectors, reports) becomes
# build/guests/NAME.elf, NAME.bin (the raw image) and NAME.lst (the
# disassembly, to find a trap's PC). Linked by linker/guest.ld.S at the RAM
# base (the kit's boot protocol), or, for LINUX_BOOT_GUESTS, at RAM base +
# BOARD_RAW_IMAGE_OFFSET, entered by the Linux protocol (the DTB in r2).
#
#   make run-native GUEST=x   x natively, on plain qemu-system-arm

GUEST_ASM_SRCS	:= $(sort $(wildcard guests/*.S))
GUEST_C_SRCS	:= $(sort $(wildcard guests/*.c))
GUEST_NAMES	:= $(patsubst guests/%.S,%,$(GUEST_ASM_SRCS)) $(patsubst guests/%.c,%,$(GUEST_C_SRCS))
GUEST_ELFS	:= $(GUEST_NAMES:%=$(BUILD)/guests/%.elf)
GUEST_BINS	:= $(GUEST_NAMES:%=$(BUILD)/guests/%.bin)
GUEST_LSTS	:= $(GUEST_NAMES:%=$(BUILD)/guests/%.lst)
LINUX_BOOT_GUESTS := fdt
GUEST_LDS	:= $(BUILD)/guests/guest.ld
GUEST_LINUX_LDS	:= $(BUILD)/guests/guest-linux.ld
GUEST_DEPS	:= $(GUEST_LDS) $(GUEST_LINUX_LDS) $(wildcard guests/*.inc) guests/board/memmap.h
GUEST_LIB_SRCS	:= $(wildcard guests/lib/*.S guests/lib/*.c)
GUEST_LIB_DEPS	:= $(GUEST_LIB_SRCS) $(wildcard guests/lib/*.h)
BM_OBJDUMP	:= $(CROSS_COMPILE)objdump
NATIVE_TIMEOUT	?= 20
guest_lds	= $(if $(filter $(1),$(LINUX_BOOT_GUESTS)),$(GUEST_LINUX_LDS),$(GUEST_LDS))

# What each guest is told, the same natively and under every VMM: the RAM
# size and kernel command line (-m, -p) that the fdt guest checks its DTB
# against (no spaces: the KVM test bed's kernel command line cannot quote
# them). GUEST_ARGS_x is passed to run-native.sh (and the VMMs' runs).
GUEST_ARGS_fdt	:= -m 256 -c 2 -p kit.mem=256M,kit.cpus=2,kit.psci=hvc
GUEST_ARGS_smp	:= -c 2

all: $(GUEST_ELFS) $(GUEST_BINS) $(GUEST_LSTS)

$(GUEST_LDS): linker/guest.ld.S guests/board/memmap.h
	@mkdir -p $(@D)
	$(Q)$(BM_CC) -E -P -undef -x c -Iguests/board -o $@ $<
$(GUEST_LINUX_LDS): linker/guest.ld.S guests/board/memmap.h
	@mkdir -p $(@D)
	$(Q)$(BM_CC) -E -P -undef -x c -Iguests/board -DGUEST_LINUX_BOOT -o $@ $<

# Assembled through the C preprocessor so guests can include memmap.h.
$(BUILD)/guests/%.elf: guests/%.S $(GUEST_DEPS) guests/build.mk
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(BM_CFLAGS) -Iguests -nostdlib -static -Wl,--build-id=none \
		-T $(call guest_lds,$*) -o $@ $<

# C guests: the runtime first (its entry is the image's first byte). The
# vfp guest alone may use the FPU (its own checks enable it first).
GUEST_CFLAGS	= $(BM_CFLAGS) -Iguests -Iguests/lib -fno-builtin -fno-tree-vectorize \
		  $(if $(filter vfp,$*),-mfpu=neon-vfpv4 -mfloat-abi=softfp)
$(BUILD)/guests/%.elf: guests/%.c $(GUEST_LIB_DEPS) $(GUEST_DEPS) guests/build.mk
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(GUEST_CFLAGS) -nostdlib -static -Wl,--build-id=none \
		-T $(call guest_lds,$*) -o $@ $(GUEST_LIB_SRCS) $< -lgcc

$(BUILD)/guests/%.bin: $(BUILD)/guests/%.elf
	$(Q)$(BM_OBJCOPY) -O binary $< $@

$(BUILD)/guests/%.lst: $(BUILD)/guests/%.elf
	$(Q)$(BM_OBJDUMP) -d $< > $@

# The arguments GUEST is run with, for scripts: eval "args=($(make -s guest-args GUEST=x))".
.PHONY: run-native guest-args
guest-args:
	@echo '$(GUEST_ARGS_$(GUEST))'

run-native: $(BUILD)/guests/$(GUEST).elf $(BUILD)/guests/$(GUEST).bin
	$(Q)QEMU_ARM=$(QEMU_ARM) NATIVE_TIMEOUT=$(NATIVE_TIMEOUT) \
		guests/run-native.sh $(GUEST_ARGS_$(GUEST)) $< $(BUILD)/native/$(GUEST).console

# The board's pure C, shared by both VMMs and the host tools.
BOARD_SRCS	:= $(wildcard guests/board/*.c)
BOARD_HDRS	:= $(wildcard guests/board/*.h)
# Compiled once for the host (HOST_CFLAGS, with the sanitizers) into one
# archive that every host tool and unit test links (27 programs, each of
# which compiled every file again before).
HOST_BOARD_LIB	:= $(BUILD)/host/libboard.a
$(BUILD)/host/guests/board/%.o: guests/board/%.c $(BOARD_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -c -o $@ $<
$(HOST_BOARD_LIB): $(BOARD_SRCS:%.c=$(BUILD)/host/%.o)
	$(Q)rm -f $@ && ar rcs $@ $^
