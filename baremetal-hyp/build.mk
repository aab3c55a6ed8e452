# baremetal-hyp: the bare PL2 hypervisor.
#
#   build/baremetal-hyp/hyp.elf        trap log on
#   build/baremetal-hyp/hyp-nolog.elf  trap log off (no record stored): for the benchmark
#   make run-hyp   [GUEST=test]        run GUEST under it (baremetal-hyp/run.sh)
#   make debug-hyp [GUEST=test]        the same, stopped for gdb (-s -S)

HYP_DIR		:= $(BUILD)/baremetal-hyp
HYP_ELF		:= $(HYP_DIR)/hyp.elf
HYP_NOLOG_ELF	:= $(HYP_DIR)/hyp-nolog.elf
HYP_LDS		:= linker/hyp.ld
HYP_BOARD_SRCS	:= $(addprefix guests/board/,board.c board_desc.c uart.c uart_rx.c psci.c hsr.c traplog.c traplog_bin.c \
		     psci_cpus.c a32_decode.c image.c boot.c fdt.c dtb.c size_arg.c exitline.c \
		     vgic_dist.c vgic_lr.c vgic_direct.c)
HYP_SRCS	:= $(wildcard baremetal-hyp/*.c baremetal-hyp/*.S) $(HYP_BOARD_SRCS)
HYP_HDRS	:= $(wildcard baremetal-hyp/*.h guests/board/*.h)
# The first C code runs before the Hyp MMU is on, when all memory is
# Strongly-ordered and an unaligned access faults: the compiler makes none.
# -flto: the trap path crosses files (traps.c, dabt.c, the board's devices);
# link-time inlining takes the calls and argument structs out of it.
HYP_CFLAGS	:= $(BM_CFLAGS) -mno-unaligned-access -fno-common -Ibaremetal-hyp -flto
HYP_LDFLAGS	:= -nostartfiles -static -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
		   -T $(HYP_LDS)
HYP_OBJS_LOG	:= $(patsubst %,$(HYP_DIR)/log/%.o,$(HYP_SRCS))
HYP_OBJS_NOLOG	:= $(patsubst %,$(HYP_DIR)/nolog/%.o,$(HYP_SRCS))

all: $(HYP_ELF) $(HYP_NOLOG_ELF)

$(HYP_DIR)/log/%.o: % $(HYP_HDRS) baremetal-hyp/build.mk
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(HYP_CFLAGS) -DHYP_TRAPLOG=1 -c -o $@ $<

$(HYP_DIR)/nolog/%.o: % $(HYP_HDRS) baremetal-hyp/build.mk
	@mkdir -p $(@D)
	$(Q)$(BM_CC) $(HYP_CFLAGS) -DHYP_TRAPLOG=0 -c -o $@ $<

$(HYP_ELF): $(HYP_OBJS_LOG) $(HYP_LDS)
	$(Q)$(BM_CC) $(HYP_CFLAGS) $(HYP_LDFLAGS) -o $@ $(HYP_OBJS_LOG) -lc -lgcc

$(HYP_NOLOG_ELF): $(HYP_OBJS_NOLOG) $(HYP_LDS)
	$(Q)$(BM_CC) $(HYP_CFLAGS) $(HYP_LDFLAGS) -o $@ $(HYP_OBJS_NOLOG) -lc -lgcc

.PHONY: run-hyp debug-hyp
# The guest's ELF (its entry picks the boot protocol) with the arguments
# guests/build.mk gives it (GUEST_ARGS_x: -m, -p), as natively.
run-hyp: $(HYP_ELF) $(BUILD)/guests/$(GUEST).elf
	$(Q)QEMU_ARM=$(QEMU_ARM) baremetal-hyp/run.sh --hyp $(HYP_ELF) \
		--out $(BUILD)/hyp $(GUEST_ARGS_$(GUEST)) $(BUILD)/guests/$(GUEST).elf

debug-hyp: $(HYP_ELF) $(BUILD)/guests/$(GUEST).elf
	$(Q)QEMU_ARM=$(QEMU_ARM) baremetal-hyp/run.sh --hyp $(HYP_ELF) --debug \
		--out $(BUILD)/hyp $(GUEST_ARGS_$(GUEST)) $(BUILD)/guests/$(GUEST).elf
