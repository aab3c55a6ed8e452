/* The -m syntax of both VMMs (memsize.h). */
#include <stdio.h>
#include "memmap.h"
#include "memsize.h"

int board_parse_mem(const char *s, uint32_t *bytes, char *err, size_t n)
{
	uint64_t v = 0;
	unsigned shift = 20;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - 9) / 10)
			return snprintf(err, n, "memory size '%s' is too large", s), -1;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (p == s)
		return snprintf(err, n, "bad memory size '%s' (a decimal number, then K, M "
				"or G)", s), -1;
	if (*p == 'K' || *p == 'k')
		shift = 10, p++;
	else if (*p == 'M' || *p == 'm')
		shift = 20, p++;
	else if (*p == 'G' || *p == 'g')
		shift = 30, p++;
	if (*p)
		return snprintf(err, n, "bad memory size '%s' (a decimal number, then K, M "
				"or G)", s), -1;
	if (v > (UINT64_MAX >> shift) || (v << shift) > BOARD_RAM_MAX ||
	    (v << shift) < BOARD_RAM_MIN)
		return snprintf(err, n, "memory size '%s' out of range (%uM..%uM)", s,
				BOARD_RAM_MIN >> 20, BOARD_RAM_MAX >> 20), -1;
	v <<= shift;
	if (v % BOARD_RAM_ALIGN)
		return snprintf(err, n, "memory size '%s' is not a whole number of MiB", s), -1;
	*bytes = (uint32_t)v;
	return 0;
}
