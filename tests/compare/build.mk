# The comparison (docs/comparison.md): host tools and `make compare`.
#
#   build/compare/traplog   check and diff trap logs
#   build/compare/regcmp    PL2 registers and guest reset state side by side
#   make compare GUEST=x    run x natively, under the bare hypervisor and under
#                           KVM; console check, trap-log diff, registers;
#                           report in build/compare/x.md

CMP_DIR		:= $(BUILD)/compare
# The board's pure C (traplog_parse and the names it uses): one parser only.
CMP_BOARD_SRCS	:= $(wildcard guests/board/*.c)
CMP_TLOG_SRCS	:= tests/compare/tlog_load.c tests/compare/tlog_align.c tests/compare/tlog_class.c \
		   tests/compare/tlog_expect.c tests/compare/tlog_report.c tests/compare/tlog_summary.c \
		   tests/compare/cdiff.c \
		   tests/lineread.c
# The ARMv7 decode tables are the bare hypervisor's: one copy.
CMP_REG_SRCS	:= tests/compare/regbits.c tests/compare/regfile.c \
		   tests/compare/regtable.c baremetal-hyp/regdecode.c tests/lineread.c
CMP_HDRS	:= $(wildcard tests/compare/*.h guests/board/*.h) baremetal-hyp/regdecode.h \
		   tests/lineread.h
CMP_CFLAGS	:= $(HOST_CFLAGS) -Itests -Itests/compare -Ibaremetal-hyp

CMP_TOOLS	:= $(CMP_DIR)/traplog
CMP_UNIT_DIR	:= $(BUILD)/tests/compare
CMP_UNITS	:= $(addprefix $(CMP_UNIT_DIR)/unit-,tlog tlog-summary cdiff lineread)
# regcmp needs the hypervisor's decode tables.
ifneq ($(wildcard baremetal-hyp/regdecode.c),)
CMP_TOOLS	+= $(CMP_DIR)/regcmp
CMP_UNITS	+= $(CMP_UNIT_DIR)/unit-regs
endif

$(CMP_DIR)/traplog: tests/compare/traplog_main.c $(CMP_TLOG_SRCS) $(HOST_BOARD_LIB) $(CMP_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c %.a,$^)

$(CMP_DIR)/regcmp: tests/compare/regcmp_main.c $(CMP_REG_SRCS) $(CMP_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c,$^)

$(CMP_UNIT_DIR)/unit-tlog: tests/compare/tlog_test.c $(CMP_TLOG_SRCS) $(HOST_BOARD_LIB) $(CMP_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c %.a,$^)

$(CMP_UNIT_DIR)/unit-tlog-summary: tests/compare/tlog_summary_test.c $(CMP_TLOG_SRCS) \
		$(HOST_BOARD_LIB) $(CMP_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c %.a,$^)

$(CMP_UNIT_DIR)/unit-lineread: tests/compare/lineread_test.c tests/lineread.c tests/lineread.h tests/unit.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c,$^)

$(CMP_UNIT_DIR)/unit-cdiff: tests/compare/cdiff_test.c tests/compare/cdiff.c tests/compare/cdiff.h tests/unit.h \
		tests/lineread.c tests/lineread.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c,$^)

$(CMP_UNIT_DIR)/unit-regs: tests/compare/regs_test.c $(CMP_REG_SRCS) $(CMP_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(CMP_CFLAGS) -o $@ $(filter %.c,$^)

all: $(CMP_TOOLS)
TEST_DEPS += $(CMP_TOOLS) $(CMP_UNITS)
# e2e.test: a bare-hypervisor run of test.S (the test bed's run is shared).
ifneq ($(wildcard guests/test.S),)
TEST_DEPS += $(BUILD)/guests/test.bin $(BUILD)/baremetal-hyp/hyp.elf
endif

.PHONY: compare compare-tools
compare-tools: $(CMP_TOOLS)

# GUEST=linux: the Linux guest's own comparison (guests/linux/compare.sh).
compare: $(CMP_TOOLS)
	$(Q)$(if $(filter linux,$(GUEST)),BUILD=$(BUILD) guests/linux/compare.sh $(LINUX_COMPARE_OPTS),\
		GUEST=$(GUEST) BUILD=$(BUILD) MAKE="$(MAKE)" tests/compare/compare.sh)

# The same tool without the sanitizers, at -O2: the benchmark's second column.
$(CMP_DIR)/traplog-fast: tests/compare/traplog_main.c $(CMP_TLOG_SRCS) $(CMP_BOARD_SRCS) $(CMP_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(filter-out -fsanitize=% -O1,$(CMP_CFLAGS)) -O2 -o $@ $(filter %.c,$^)

# traplog diff on 10k and 100k-trap logs: time and memory (figures, not a test).
.PHONY: bench-traplog
bench-traplog: $(CMP_DIR)/traplog $(CMP_DIR)/traplog-fast $(BUILD)/guests/test.bin \
		$(BUILD)/baremetal-hyp/hyp.elf
	$(Q)BUILD=$(BUILD) tests/compare/bench-traplog.sh
