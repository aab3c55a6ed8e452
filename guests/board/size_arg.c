/* The -m SIZE syntax (size_arg.h), shared so every tool reads it alike. */
#include "size_arg.h"

int board_size_arg(const char *s, uint32_t *bytes)
{
	uint64_t v = 0;
	unsigned shift = 20;	/* a bare number is MiB, as kvmtool's -m */

	if (!s || *s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (uint64_t)(*s - '0');
		if (v >= 1ull << 32)
			return -1;
	}
	switch (*s) {
	case '\0': break;
	case 'K': case 'k': shift = 10; s++; break;
	case 'M': case 'm': s++; break;
	case 'G': case 'g': shift = 30; s++; break;
	default: return -1;
	}
	if (*s || v > (0xffffffffull >> shift))
		return -1;
	*bytes = (uint32_t)(v << shift);
	return 0;
}
