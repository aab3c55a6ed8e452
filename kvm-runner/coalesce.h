/*
 * The coalesced MMIO ring (--coalesce-console): writes KVM completed
 * itself, queued without an exit. Draining hands them, oldest first, to
 * the caller and frees their slots. Pure C: the unit test feeds a fake ring.
 */
#ifndef KVM_RUNNER_COALESCE_H
#define KVM_RUNNER_COALESCE_H

#include <stdint.h>
#include "kvm_abi.h"

/* One queued write: its address, size and the bytes written (little-endian). */
typedef void (*coalesce_fn)(void *ctx, uint32_t addr, uint32_t len, const uint8_t *data);

/*
 * Drains ring (max entries): fn for each write from first up to last, then
 * first = last. Returns the number drained, or -1 when an index is out of
 * range (a ring that is not KVM's): nothing is drained then.
 */
int coalesce_drain(struct kvm_coalesced_mmio_ring *ring, uint32_t max, coalesce_fn fn, void *ctx);

#endif
