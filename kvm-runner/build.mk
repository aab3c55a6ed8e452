# kvm-runner: the minimal KVM VMM, one static binary per host ABI.
#   build/kvm-runner/kvm-runner-arm64   arm64 KVM, the guest in AArch32
#   build/kvm-runner/kvm-runner-armhf   32-bit ARM KVM (Linux <= 5.6)
#   build/kvm-runner/kvm-runner-host    the arm64 back end built for this
#                                       machine: bad-input tests only
# The generic front end is the same for all; the back end is arm/ or arm64/.

KR_DIR		:= kvm-runner
KR_BUILD	:= $(BUILD)/kvm-runner
KR_GENERIC	:= main.c options.c results.c guest.c vm.c vgic.c run.c inject.c coalesce.c nisv.c loader.c ioctl_trace.c ioctl_names.c kvm_requests.c \
		   regdump.c tracefs.c trace_parse.c trap_merge.c event_merge.c \
		   bpf_src.c bpf_prog.c bpf_rec.c traps.c tick.c err.c vcpu.c input.c
KR_SRCS		:= $(addprefix $(KR_DIR)/,$(KR_GENERIC))
KR_HDRS		:= $(wildcard $(KR_DIR)/*.h $(KR_DIR)/arm/*.h $(KR_DIR)/arm64/*.h)
KR_CFLAGS	:= -std=gnu11 -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE -pthread -Iguests/board \
		   -I$(KR_DIR)
KR_DEPS		:= $(KR_SRCS) $(KR_HDRS) $(BOARD_SRCS) $(BOARD_HDRS) $(KR_DIR)/build.mk

$(KR_BUILD)/kvm-runner-arm64: $(KR_DEPS) $(KR_DIR)/arm64/arch.c
	@mkdir -p $(@D)
	$(Q)$(ARM64_CC) $(KR_CFLAGS) -static -o $@ $(KR_SRCS) $(KR_DIR)/arm64/arch.c $(BOARD_SRCS)

$(KR_BUILD)/kvm-runner-armhf: $(KR_DEPS) $(KR_DIR)/arm/arch.c
	@mkdir -p $(@D)
	$(Q)$(ARMHF_CC) $(KR_CFLAGS) -static -o $@ $(KR_SRCS) $(KR_DIR)/arm/arch.c $(BOARD_SRCS)

$(KR_BUILD)/kvm-runner-host: $(KR_DEPS) $(KR_DIR)/arm64/arch.c $(HOST_BOARD_LIB)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -I$(KR_DIR) -o $@ $(KR_SRCS) $(KR_DIR)/arm64/arch.c \
		$(HOST_BOARD_LIB)

KVM_RUNNERS	:= $(KR_BUILD)/kvm-runner-arm64 $(KR_BUILD)/kvm-runner-armhf

.PHONY: kvm-runner
kvm-runner: $(KVM_RUNNERS)
all: $(KVM_RUNNERS)
