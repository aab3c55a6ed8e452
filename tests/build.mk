# Tests: `make test` builds what the tests need and runs tests/run.sh.
# Every area adds its prerequisites to TEST_DEPS.
TEST_DEPS ?=

# `make test` builds them two at a time (the machine's 2 cores) unless make
# was given its own -j; run.sh then runs the tests TEST_JOBS (2) at a time.
ifneq ($(filter test,$(MAKECMDGOALS)),)
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j2
endif
endif

test: $(TEST_DEPS)
	$(Q)tests/run.sh
