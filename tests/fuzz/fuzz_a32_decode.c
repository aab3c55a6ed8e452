/*
 * The A32 load/store decoder (guests/board/a32_decode.c): any word with any
 * registers. What it returns must be what the header promises: 1..16
 * accesses of 1, 2 or 4 bytes to r0..r14, a name, and a text for every error.
 */
#include "a32_decode.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	uint32_t insn = fuzz_u32(&in, 4), regs[16];
	struct a32_insn out;
	enum a32_error e;

	for (int r = 0; r < 16; r++)
		regs[r] = fuzz_u32(&in, 4);
	e = a32_decode(insn, regs, &out);
	fuzz_assert(a32_error_text(e) != NULL);
	if (e != A32_OK)
		return 0;
	fuzz_assert(out.name && out.name[0]);
	fuzz_assert(out.count >= 1 && out.count <= A32_MAX_ACCESSES);
	for (unsigned k = 0; k < out.count; k++) {
		const struct a32_access *a = &out.access[k];

		fuzz_assert(a->size == 1 || a->size == 2 || a->size == 4);
		fuzz_assert(a->reg <= 14);
		fuzz_assert(!a->sign_extend || (a->load && a->size < 4));
	}
	fuzz_assert(!out.writeback || out.rn <= 14);	/* A32_ERR_PC otherwise */
	return 0;
}
