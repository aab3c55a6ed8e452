# libFuzzer targets of the shared decoders and writers (docs/reliability.md).
#
#   build/fuzz/fuzz-NAME   one per tests/fuzz/fuzz_NAME.c, clang's libFuzzer
#                          with ASan and UBSan
#   make fuzz              every target for FUZZ_SECONDS (default 300) each;
#                          make test runs each for 20 s (tests/fuzz/NAME.test)
#
# Needs clang and its fuzzer runtime (Debian: clang, libclang-rt-14-dev);
# without them the targets are not built and the tests skip saying so.

FUZZ_DIR	:= $(BUILD)/fuzz
FUZZ_CC		?= clang
FUZZ_SECONDS	?= 300
FUZZ_RT		:= $(wildcard /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a)
FUZZ_HAVE	:= $(if $(FUZZ_RT),$(shell command -v $(FUZZ_CC) 2>/dev/null))
FUZZ_CFLAGS	:= -std=c11 -g -O1 -Wall -Wextra -Werror -D_GNU_SOURCE \
		   -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		   -Iguests/board -Itests/fuzz
FUZZ_NAMES	:= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS	:= $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz-%)

# The board code and fdt_check.c compiled once for all targets, with the
# same instrumentation (fuzzer-no-link: coverage without libFuzzer's main).
FUZZ_LIB	:= $(FUZZ_DIR)/libboard.a
FUZZ_OBJ_CFLAGS	:= $(patsubst -fsanitize=fuzzer%,-fsanitize=fuzzer-no-link%,$(FUZZ_CFLAGS))
$(FUZZ_DIR)/obj/%.o: %.c $(BOARD_HDRS) $(wildcard tests/fuzz/*.h)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_OBJ_CFLAGS) -c -o $@ $<
$(FUZZ_LIB): $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,tests/fuzz/fdt_check.c $(BOARD_SRCS))
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_DIR)/fuzz-%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_LIB) $(BOARD_HDRS)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_LIB)

ifneq ($(FUZZ_HAVE),)
TEST_DEPS += $(FUZZ_BINS)
endif

.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	$(Q)for n in $(FUZZ_NAMES); do \
		FUZZ_DIR=$(FUZZ_DIR) tests/fuzz/run.sh $$n $(FUZZ_SECONDS) || exit 1; done
