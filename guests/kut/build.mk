# run-kut: kvm-unit-tests' arm tests (a tree the user built) under each VMM.
#
#   make run-kut KUT=DIR [VMM=native|hyp|kvm|kvm-armv7] [TESTS="pattern..."]
#                [GROUP=g] [MAX_SMP=n] [TIMEOUT=s]
#
# Without KUT it says it is skipped and make succeeds.
# build/kut/kutplan is the pure part (cfg, plan, verdict, errata), host C
# covered by tests/kut/; guests/kut/run-kut.sh runs the VMMs.

KUT_SRCS	:= $(filter-out guests/kut/kut_main.c,$(wildcard guests/kut/*.c))
KUT_HDRS	:= $(wildcard guests/kut/*.h)
KUTPLAN		:= $(BUILD)/kut/kutplan
VMM		?= native

all: $(KUTPLAN)

$(KUTPLAN): guests/kut/kut_main.c $(KUT_SRCS) $(KUT_HDRS) guests/board/memmap.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Iguests/kut -o $@ guests/kut/kut_main.c $(KUT_SRCS)

# What each VMM needs before its first test.
KUT_NEEDS_native	:=
KUT_NEEDS_hyp		:= $(BUILD)/baremetal-hyp/hyp.elf
KUT_NEEDS_kvm		:= testbed
KUT_NEEDS_kvm-armv7	:= testbed-armv7

.PHONY: run-kut
run-kut: $(KUTPLAN) $(if $(KUT),$(KUT_NEEDS_$(VMM)))
	$(Q)QEMU_ARM=$(QEMU_ARM) QEMU_ARM64=$(QEMU_ARM64) KVM_ARMV7_KERNEL='$(KVM_ARMV7_KERNEL)' \
		guests/kut/run-kut.sh --vmm '$(VMM)' \
		$(if $(TESTS),--only '$(TESTS)') $(if $(GROUP),--group '$(GROUP)') \
		$(if $(MAX_SMP),--max-smp '$(MAX_SMP)') $(if $(TIMEOUT),--timeout '$(TIMEOUT)') \
		$(if $(KUT),'$(KUT)'); rc=$$?; [ $$rc -eq 77 ] || exit $$rc
