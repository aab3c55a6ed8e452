# Tests: `make test` builds what the tests need and runs tests/run.sh.
# Every area adds its prerequisites to TEST_DEPS.
TEST_DEPS ?=

test: $(TEST_DEPS)
	$(Q)tests/run.sh
