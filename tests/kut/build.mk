# Host unit tests of run-kut's pure part (guests/kut/), sanitizers on.

KUT_UNITS	:= $(BUILD)/tests/kut/unit-cfg $(BUILD)/tests/kut/unit-verdict

$(BUILD)/tests/kut/unit-cfg: tests/kut/kut_cfg_test.c $(KUT_SRCS) $(KUT_HDRS) tests/unit.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -Iguests/kut -o $@ $< $(KUT_SRCS)

$(BUILD)/tests/kut/unit-verdict: tests/kut/kut_verdict_test.c $(KUT_SRCS) $(KUT_HDRS) tests/unit.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -Iguests/kut -o $@ $< $(KUT_SRCS)

TEST_DEPS += $(KUT_UNITS) $(KUTPLAN)
