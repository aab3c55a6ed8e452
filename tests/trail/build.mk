# Host unit tests of the KVM trail reader (kvm-runner/trail/), sanitizers on.
TT_BUILD	:= $(BUILD)/tests/trail

$(TT_BUILD)/unit-trail: tests/trail/trail_test.c kvm-runner/trail/trail.c kvm-runner/trail/merge.c \
		$(wildcard kvm-runner/trail/*.h) tests/unit.h tests/trail/build.mk
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Itests -Ikvm-runner/trail -o $@ $< kvm-runner/trail/trail.c \
		kvm-runner/trail/merge.c

TEST_DEPS += $(TT_BUILD)/unit-trail
