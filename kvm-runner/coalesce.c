/* Draining the coalesced MMIO ring (see coalesce.h). */
#include "coalesce.h"

int coalesce_drain(struct kvm_coalesced_mmio_ring *ring, uint32_t max, coalesce_fn fn, void *ctx)
{
	/* Acquire: the entries KVM wrote before it moved last are seen whole. */
	uint32_t last = __atomic_load_n(&ring->last, __ATOMIC_ACQUIRE);
	uint32_t i = ring->first;
	int n = 0;

	if (max == 0 || i >= max || last >= max)
		return -1;
	for (; i != last; i = (i + 1) % max, n++) {
		const struct kvm_coalesced_mmio *e = &ring->coalesced_mmio[i];

		fn(ctx, (uint32_t)e->phys_addr, e->len <= 8 ? e->len : 8, e->data);
		/* Release: the slot is read before KVM may reuse it. */
		__atomic_store_n(&ring->first, (i + 1) % max, __ATOMIC_RELEASE);
	}
	return n;
}
