# The ARMv7 virtualization comparison kit.
#
#   make setup        install the Debian packages the kit needs (as root)
#   make compare      the demo: test.S natively, under the bare hypervisor and
#                     under KVM, then the trap-log diff and the PL2 registers
#   make test         every test; the last line is "N passed, N failed, N skipped"
#   make run-hyp      the bare hypervisor on GUEST (default: test)
#   make debug-hyp    the same, stopped for gdb (-s -S)
#   make run-kvm      kvm-runner on GUEST inside the arm64 KVM test bed
#   make run-qemu-kvm Debian's QEMU with KVM on GUEST there, beside kvm-runner
#   make kvm-order    the VMM steps in orders that keep and break their rules
#   make kvm-trail    the guest under gdb, breakpoints on KVM's functions
#   make bench        trap round-trip costs, in instructions
#   make fuzz         the libFuzzer targets, FUZZ_SECONDS (300) each
#   make format       every C file through clang-format (.clang-format)
#
# Conventions as in the kernel: CROSS_COMPILE for the bare-metal compiler,
# V=1 to see every command.

GUEST		?= test
BUILD		:= build
CROSS_COMPILE	?= arm-none-eabi-
ARMHF_CC	?= arm-linux-gnueabihf-gcc
ARM64_CC	?= aarch64-linux-gnu-gcc
HOSTCC		?= gcc
QEMU_ARM	?= qemu-system-arm
QEMU_ARM64	?= qemu-system-aarch64

# The fetch scripts run apt-get (update, download): one at a time under -j.
FETCH_LOCK	= mkdir -p $(BUILD) && flock $(BUILD)/.fetch.lock

ifeq ($(V),1)
Q :=
else
Q := @
endif

BM_CC		:= $(CROSS_COMPILE)gcc
BM_OBJCOPY	:= $(CROSS_COMPILE)objcopy
BM_CFLAGS	:= -march=armv7ve -marm -mfloat-abi=soft -ffreestanding -O2 -g \
		   -Wall -Wextra -Werror -Iguests/board
HOST_CFLAGS	:= -std=c11 -O1 -g -Wall -Wextra -Werror -D_GNU_SOURCE \
		   -fsanitize=address,undefined -fno-omit-frame-pointer -Iguests/board

# Debian packages the kit uses; `make setup` installs the missing ones.
DEB_PACKAGES	:= make gcc gcc-arm-none-eabi libnewlib-arm-none-eabi \
		   qemu-system-arm gdb-multiarch gcc-arm-linux-gnueabihf \
		   gcc-aarch64-linux-gnu libc6-dev-armhf-cross \
		   libc6-dev-arm64-cross cpio clang libclang-rt-14-dev clang-format device-tree-compiler

.PHONY: all setup test clean
all:

# Each part of the kit adds its rules in its own build.mk.
include guests/build.mk baremetal-hyp/build.mk kvm-runner/build.mk
include $(sort $(wildcard guests/*/build.mk kvm-runner/*/build.mk tests/*/build.mk))
include tests/build.mk

setup:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "setup: installing:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "setup: every package is installed"; fi

# Register tables clang-format cannot keep aligned sit between
# /* clang-format off */ and /* clang-format on */; tests/style/format.test
# checks every C file.
.PHONY: format
format:
	$(Q)git ls-files '*.c' '*.h' | xargs clang-format -i --style=file

clean:
	rm -rf $(BUILD)
