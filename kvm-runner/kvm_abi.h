/*
 * The KVM userspace ABI the runner uses, generic part: ioctl numbers,
 * struct kvm_run and the small argument structs. Written from the facts
 * (Linux include/uapi/linux/kvm.h, identical on 32-bit ARM and arm64 for
 * what is used here) so that the runner builds the same on every host,
 * including one whose C library ships no KVM header (Debian's armhf).
 * The architecture part is in arm/ or arm64/ (kvm_arch_abi.h).
 */
#ifndef KVM_RUNNER_KVM_ABI_H
#define KVM_RUNNER_KVM_ABI_H

#include <stdint.h>
#include <sys/ioctl.h> /* _IO, _IOR, _IOW, _IOWR (asm-generic encoding) */

#define KVMIO		0xAE
#define KVM_API_VERSION 12

/* On /dev/kvm (sys fd) */
/* clang-format off */
#define KVM_GET_API_VERSION	_IO(KVMIO, 0x00)
#define KVM_CREATE_VM		_IO(KVMIO, 0x01)
#define KVM_CHECK_EXTENSION	_IO(KVMIO, 0x03)	/* also on the VM fd */
#define KVM_GET_VCPU_MMAP_SIZE	_IO(KVMIO, 0x04)
/* clang-format on */

struct kvm_userspace_memory_region {
	uint32_t slot;
	uint32_t flags;
	uint64_t guest_phys_addr;
	uint64_t memory_size;
	uint64_t userspace_addr;
};

struct kvm_irq_level {
	uint32_t irq; /* ARM: type, vcpu and number fields below */
	uint32_t level;
};

struct kvm_enable_cap {
	uint32_t cap;
	uint32_t flags;
	uint64_t args[4];
	uint8_t pad[64];
};

struct kvm_one_reg {
	uint64_t id;
	uint64_t addr; /* user address of the value */
};

struct kvm_reg_list {
	uint64_t n; /* in: room in reg[]; out: registers there are */
	uint64_t reg[];
};

struct kvm_vcpu_init {
	uint32_t target;
	uint32_t features[7];
};

/*
 * Coalesced MMIO: writes into a registered zone are completed by KVM and
 * queued in a ring (no exit) until userspace drains it. The ring is the page
 * KVM_CHECK_EXTENSION(KVM_CAP_COALESCED_MMIO) pages into the vCPU's mmap;
 * KVM advances last, userspace first; one slot always stays free.
 */
struct kvm_coalesced_mmio_zone {
	uint64_t addr;
	uint32_t size;
	uint32_t pad; /* pio: 0 for MMIO */
};

struct kvm_coalesced_mmio {
	uint64_t phys_addr;
	uint32_t len;
	uint32_t pad; /* pio */
	uint8_t data[8];
};

struct kvm_coalesced_mmio_ring {
	uint32_t first, last;
	struct kvm_coalesced_mmio coalesced_mmio[];
};

/* Entries of a ring of one page of page_size bytes. */
#define KVM_COALESCED_MMIO_MAX(page_size) \
	(((page_size) - sizeof(struct kvm_coalesced_mmio_ring)) / sizeof(struct kvm_coalesced_mmio))

/* On the VM fd */
#define KVM_CREATE_VCPU		    _IO(KVMIO, 0x41)
#define KVM_SET_USER_MEMORY_REGION  _IOW(KVMIO, 0x46, struct kvm_userspace_memory_region)
#define KVM_IRQ_LINE		    _IOW(KVMIO, 0x61, struct kvm_irq_level)
#define KVM_REGISTER_COALESCED_MMIO _IOW(KVMIO, 0x67, struct kvm_coalesced_mmio_zone)
#define KVM_ENABLE_CAP		    _IOW(KVMIO, 0xa3, struct kvm_enable_cap)
#define KVM_ARM_PREFERRED_TARGET    _IOR(KVMIO, 0xaf, struct kvm_vcpu_init)

struct kvm_mp_state {
	uint32_t mp_state;
};
#define KVM_MP_STATE_STOPPED 5 /* powered off (PSCI CPU_OFF) */

/* On the vCPU fd */
#define KVM_RUN		 _IO(KVMIO, 0x80)
#define KVM_GET_MP_STATE _IOR(KVMIO, 0x98, struct kvm_mp_state)
#define KVM_GET_ONE_REG	 _IOW(KVMIO, 0xab, struct kvm_one_reg)
#define KVM_SET_ONE_REG	 _IOW(KVMIO, 0xac, struct kvm_one_reg)

/* ARM's vCPU events (the same layout on arm and arm64): 64 bytes. */
struct kvm_vcpu_events {
	struct {
		uint8_t serror_pending;
		uint8_t serror_has_esr;
		uint8_t ext_dabt_pending; /* KVM_CAP_ARM_INJECT_EXT_DABT */
		uint8_t pad[5];
		uint64_t serror_esr;
	} exception;
	uint32_t reserved[12];
};
_Static_assert(sizeof(struct kvm_vcpu_events) == 64, "kvm_vcpu_events layout");
#define KVM_SET_VCPU_EVENTS _IOW(KVMIO, 0xa0, struct kvm_vcpu_events)
#define KVM_ARM_VCPU_INIT   _IOW(KVMIO, 0xae, struct kvm_vcpu_init)
#define KVM_GET_REG_LIST    _IOWR(KVMIO, 0xb0, struct kvm_reg_list)

/* Capabilities (KVM_CHECK_EXTENSION) */
/* clang-format off */
#define KVM_CAP_IRQCHIP			0
#define KVM_CAP_USER_MEMORY		3
#define KVM_CAP_COALESCED_MMIO		15	/* answer: the ring's page offset */
#define KVM_CAP_SYNC_MMU		16
#define KVM_CAP_ONE_REG			70
#define KVM_CAP_ARM_PSCI		87
#define KVM_CAP_DEVICE_CTRL		89	/* KVM_CREATE_DEVICE */
#define KVM_CAP_ARM_EL1_32BIT		93
#define KVM_CAP_ARM_PSCI_0_2		102
#define KVM_CAP_IMMEDIATE_EXIT		136
#define KVM_CAP_ARM_USER_IRQ		144
#define KVM_CAP_ARM_IRQ_LINE_LAYOUT_2	174	/* Linux 5.4: vcpu index bits 31-28 */
#define KVM_CAP_ARM_NISV_TO_USER	177
#define KVM_CAP_ARM_INJECT_EXT_DABT	178	/* Linux 5.5: not on the 5.4 reference host */
/* clang-format on */

/* Exit reasons (kvm_run.exit_reason) */
#define KVM_EXIT_UNKNOWN	0
#define KVM_EXIT_EXCEPTION	1
#define KVM_EXIT_IO		2
#define KVM_EXIT_HYPERCALL	3
#define KVM_EXIT_DEBUG		4
#define KVM_EXIT_HLT		5
#define KVM_EXIT_MMIO		6
#define KVM_EXIT_SHUTDOWN	8
#define KVM_EXIT_FAIL_ENTRY	9
#define KVM_EXIT_INTR		10
#define KVM_EXIT_INTERNAL_ERROR 17
#define KVM_EXIT_SYSTEM_EVENT	24
#define KVM_EXIT_ARM_NISV	28

/* kvm_run.system_event.type */
#define KVM_SYSTEM_EVENT_SHUTDOWN 1
#define KVM_SYSTEM_EVENT_RESET	  2
#define KVM_SYSTEM_EVENT_CRASH	  3

/* ARM: kvm_run.s.regs.device_irq_level bits (KVM_CAP_ARM_USER_IRQ) */
#define KVM_ARM_DEV_EL1_VTIMER (1u << 0)
#define KVM_ARM_DEV_EL1_PTIMER (1u << 1)
#define KVM_ARM_DEV_PMU	       (1u << 2)

/*
 * ARM: KVM_IRQ_LINE's irq field, the same on Linux 5.4+ (32-bit) and 6.1
 * (arm64 uapi asm/kvm.h): bits 31-28 vcpu index high (with
 * KVM_CAP_ARM_IRQ_LINE_LAYOUT_2), 27-24 type, 23-16 vcpu index, 15-0 the
 * number: for TYPE_CPU the line (IRQ/FIQ), for SPI and PPI the GIC INTID
 * itself (an SPI's 32 + n), not the SPI's index.
 */
/* clang-format off */
#define KVM_ARM_IRQ_VCPU2_SHIFT	28
#define KVM_ARM_IRQ_TYPE_SHIFT	24
#define KVM_ARM_IRQ_VCPU_SHIFT	16
#define KVM_ARM_IRQ_NUM_MASK	0xffffu
#define KVM_ARM_IRQ_TYPE_CPU	0	/* a line of the CPU itself: no irqchip */
#define KVM_ARM_IRQ_TYPE_SPI	1	/* an SPI of the in-kernel vGIC */
#define KVM_ARM_IRQ_TYPE_PPI	2	/* a PPI of one vCPU */
#define KVM_ARM_IRQ_CPU_IRQ	0
#define KVM_ARM_IRQ_CPU_FIQ	1
/* clang-format on */

/* KVM_IRQ_LINE's irq for an SPI: INTID intid (32..), routed by the vGIC. */
#define KVM_ARM_IRQ_SPI(intid) \
	((uint32_t)KVM_ARM_IRQ_TYPE_SPI << KVM_ARM_IRQ_TYPE_SHIFT | ((intid)&KVM_ARM_IRQ_NUM_MASK))

/*
 * Devices (KVM_CREATE_DEVICE on the VM fd gives a device fd; its attributes
 * through KVM_{SET,GET,HAS}_DEVICE_ATTR on that fd, or on the vCPU fd for
 * the vCPU's own: the timer's PPIs). Linux include/uapi/linux/kvm.h.
 */
struct kvm_create_device {
	uint32_t type;	/* in: KVM_DEV_TYPE_* */
	uint32_t fd;	/* out: the device fd */
	uint32_t flags; /* in: KVM_CREATE_DEVICE_TEST asks only whether it could */
};

struct kvm_device_attr {
	uint32_t flags; /* 0 */
	uint32_t group; /* KVM_DEV_ARM_VGIC_GRP_* ... */
	uint64_t attr;	/* which one in the group */
	uint64_t addr;	/* user address of the value (u64 or u32, per group) */
};

/* clang-format off */
#define KVM_CREATE_DEVICE	_IOWR(KVMIO, 0xe0, struct kvm_create_device)
#define KVM_SET_DEVICE_ATTR	_IOW(KVMIO, 0xe1, struct kvm_device_attr)
#define KVM_GET_DEVICE_ATTR	_IOW(KVMIO, 0xe2, struct kvm_device_attr)
#define KVM_HAS_DEVICE_ATTR	_IOW(KVMIO, 0xe3, struct kvm_device_attr)
#define KVM_CREATE_DEVICE_TEST	1
#define KVM_DEV_TYPE_ARM_VGIC_V2 5	/* enum kvm_device_type */
/* clang-format on */

/*
 * The GICv2 device's attributes (arm and arm64 uapi asm/kvm.h, identical).
 * GRP_ADDR: a u64 guest physical address, 4 KiB aligned; the distributor
 * frame is KVM_VGIC_V2_DIST_SIZE, the CPU interface frame (KVM maps the
 * host's GICV there) KVM_VGIC_V2_CPU_SIZE. GRP_NR_IRQS: a u32, 64..1024,
 * a multiple of 32 (SGIs + PPIs + SPIs). GRP_CTRL/CTRL_INIT: no value.
 */
/* clang-format off */
#define KVM_DEV_ARM_VGIC_GRP_ADDR	0
#define KVM_DEV_ARM_VGIC_GRP_NR_IRQS	3
#define KVM_DEV_ARM_VGIC_GRP_CTRL	4
#define KVM_VGIC_V2_ADDR_TYPE_DIST	0
#define KVM_VGIC_V2_ADDR_TYPE_CPU	1
#define KVM_DEV_ARM_VGIC_CTRL_INIT	0
#define KVM_VGIC_V2_DIST_SIZE		0x1000
#define KVM_VGIC_V2_CPU_SIZE		0x2000
/* On the vCPU fd: the timers' PPIs (INTIDs 16..31), before the first KVM_RUN. */
#define KVM_ARM_VCPU_TIMER_CTRL		1
#define KVM_ARM_VCPU_TIMER_IRQ_VTIMER	0
#define KVM_ARM_VCPU_TIMER_IRQ_PTIMER	1
/* clang-format on */

/* Register ids (KVM_{GET,SET}_ONE_REG): arch, size and arch-specific bits */
#define KVM_REG_ARCH_MASK	 0xff00000000000000ull
#define KVM_REG_ARM		 0x4000000000000000ull
#define KVM_REG_ARM64		 0x6000000000000000ull
#define KVM_REG_SIZE_SHIFT	 52
#define KVM_REG_SIZE_MASK	 0x00f0000000000000ull
#define KVM_REG_SIZE_U32	 0x0020000000000000ull
#define KVM_REG_SIZE_U64	 0x0030000000000000ull
#define KVM_REG_SIZE_U128	 0x0040000000000000ull
#define KVM_REG_ARM_COPROC_SHIFT 16
#define KVM_REG_ARM_COPROC_MASK	 0x000000000fff0000ull
#define KVM_REG_ARM_CORE	 (0x0010ull << KVM_REG_ARM_COPROC_SHIFT)
#define KVM_REG_ARM_DEMUX	 (0x0011ull << KVM_REG_ARM_COPROC_SHIFT)
#define KVM_REG_ARM_FW		 (0x0014ull << KVM_REG_ARM_COPROC_SHIFT)

static inline unsigned kvm_reg_size(uint64_t id)
{
	return 1u << ((id & KVM_REG_SIZE_MASK) >> KVM_REG_SIZE_SHIFT);
}

/* The shared vCPU page, mmapped from the vCPU fd. Offsets in comments. */
struct kvm_run {
	uint8_t request_interrupt_window; /* 0 */
	uint8_t immediate_exit;		  /* 1 */
	uint8_t padding1[6];
	uint32_t exit_reason; /* 8 */
	uint8_t ready_for_interrupt_injection;
	uint8_t if_flag;
	uint16_t flags;
	uint64_t cr8;	    /* 16: x86 only */
	uint64_t apic_base; /* 24: x86 only */
	union {		    /* 32 */
		struct {
			uint64_t hardware_exit_reason;
		} hw;
		struct {
			uint64_t hardware_entry_failure_reason;
			uint32_t cpu;
		} fail_entry;
		struct {
			uint64_t phys_addr;
			uint8_t data[8];
			uint32_t len;
			uint8_t is_write;
		} mmio;
		struct {
			uint32_t suberror;
			uint32_t ndata;
			uint64_t data[16];
		} internal;
		struct {
			uint32_t type;
			uint32_t ndata; /* 6.x; padding before */
			uint64_t flags; /* data[0] on 6.x */
		} system_event;
		struct {
			uint64_t esr_iss;
			uint64_t fault_ipa;
		} arm_nisv;
		char padding[256];
	};
	uint64_t kvm_valid_regs; /* 288 */
	uint64_t kvm_dirty_regs; /* 296 */
	union {			 /* 304 */
		struct {
			uint64_t device_irq_level; /* ARM's kvm_sync_regs */
		} regs;
		char padding[2048];
	} s;
};

_Static_assert(__builtin_offsetof(struct kvm_run, exit_reason) == 8, "kvm_run layout");
_Static_assert(__builtin_offsetof(struct kvm_run, mmio) == 32, "kvm_run layout");
_Static_assert(__builtin_offsetof(struct kvm_run, s) == 304, "kvm_run layout");
_Static_assert(sizeof(struct kvm_enable_cap) == 104, "kvm_enable_cap layout");
_Static_assert(sizeof(struct kvm_create_device) == 12, "kvm_create_device layout");
_Static_assert(sizeof(struct kvm_device_attr) == 24, "kvm_device_attr layout");

#endif
