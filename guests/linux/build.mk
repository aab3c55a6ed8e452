# The Linux guest (docs/linux.md): Debian's armhf kernel and busybox, fetched
# at run time into build/linux/debian (never committed), with the kit's
# /init (guests/linux/init) in an initramfs built from them.
#
#   make run-linux [VMM=native|hyp|kvm|kvm-armv7] [LINUX_ZIMAGE=F] [LINUX_INITRD=F]
#                  [LINUX_PARAMS="..."] [LINUX_TIMEOUT=S] [LINUX_QEMU_ARGS="..."]
#   make compare GUEST=linux [LINUX_COMPARE_OPTS="--no-icount"]   the three runs side by side
# Results in build/linux/VMM/linux.*; a shell on the console when stdin is a
# terminal, else the command list and an exit status.

LINUX_BUILD	:= $(BUILD)/linux
LINUX_DEB	:= $(LINUX_BUILD)/debian
LINUX_INITRAMFS	:= $(LINUX_BUILD)/initrd.cpio.gz
VMM		?= native
LINUX_ZIMAGE	?=
LINUX_INITRD	?=
LINUX_PARAMS	?=
LINUX_TIMEOUT	?= 300
LINUX_QEMU_ARGS	?=
LINUX_COMPARE_OPTS ?=

# Fetched once from Debian (needs root the first time).
$(LINUX_DEB)/vmlinuz $(LINUX_DEB)/busybox &:
	$(Q)$(FETCH_LOCK) guests/linux/fetch.sh $(LINUX_DEB) >/dev/null

$(LINUX_INITRAMFS): guests/linux/init guests/linux/mkinitrd.sh $(LINUX_DEB)/busybox
	$(Q)guests/linux/mkinitrd.sh $@ guests/linux/init $(LINUX_DEB)/busybox

linux_vmm_deps = $(if $(filter hyp,$(1)),$(HYP_ELF) $(BUILD)/board/tlogbin,$(if $(filter kvm,$(1)),testbed,$(if \
		 $(filter kvm-armv7,$(1)),testbed-armv7)))

# 32-bit KVM needs the user's host kernel: said before anything is built.
ifeq ($(filter run-linux,$(MAKECMDGOALS))$(VMM)$(KVM_ARMV7_KERNEL),run-linuxkvm-armv7)
$(error run-linux: VMM=kvm-armv7 needs KVM_ARMV7_KERNEL=/path/zImage, a 32-bit ARM host kernel with KVM (Linux 5.6 or older, docs/linux.md))
endif

.PHONY: run-linux
run-linux: $(if $(LINUX_ZIMAGE),,$(LINUX_DEB)/vmlinuz) $(if $(LINUX_INITRD),,$(LINUX_INITRAMFS)) \
		$(call linux_vmm_deps,$(VMM))
	$(Q)QEMU_ARM=$(QEMU_ARM) KVM_ARMV7_KERNEL=$(KVM_ARMV7_KERNEL) guests/linux/run-linux.sh \
		--vmm $(VMM) --out $(LINUX_BUILD) --timeout $(LINUX_TIMEOUT) \
		$(if $(LINUX_ZIMAGE),--zimage $(LINUX_ZIMAGE)) $(if $(LINUX_INITRD),--initrd $(LINUX_INITRD)) \
		$(if $(LINUX_PARAMS),--params "$(LINUX_PARAMS)") \
		$(if $(LINUX_QEMU_ARGS),--qemu "$(LINUX_QEMU_ARGS)")

ifeq ($(GUEST),linux)
compare: $(HYP_ELF) $(BUILD)/board/tlogbin $(BUILD)/board/kentry testbed $(LINUX_DEB)/vmlinuz \
	$(LINUX_INITRAMFS)
endif
