/* The -m SIZE syntax: MiB by default, K/M/G, decimal only, no wrap. */
#include "size_arg.h"
#include "unit.h"

static void ok(const char *s, uint32_t want)
{
	uint32_t v = 0xdeadbeef;

	check(board_size_arg(s, &v) == 0 && v == want, "\"%s\" = 0x%x (got 0x%x)", s,
	      (unsigned)want, (unsigned)v);
}

static void bad(const char *s)
{
	uint32_t v = 0xdeadbeef;

	check(board_size_arg(s, &v) < 0 && v == 0xdeadbeef, "\"%s\" refused, nothing set",
	      s ? s : "(null)");
}

int main(void)
{
	ok("16", 16u << 20);
	ok("016", 16u << 20);	/* decimal, not octal 14 */
	ok("512M", 512u << 20);
	ok("512m", 512u << 20);
	ok("1536K", 1536u << 10);
	ok("1G", 1u << 30);
	ok("3g", 3u << 30);
	ok("4095", 4095u << 20);
	ok("4194303K", 4194303u << 10);
	ok("0", 0);
	bad("4G");		/* 2^32: wraps 32 bits */
	bad("4096");
	bad("4194304K");
	bad("17592186044432M");	/* issue 14's: once wrapped to 16 MiB */
	bad("99999999999999999999999");
	bad("");
	bad(NULL);
	bad("-16");
	bad("+16");
	bad(" 16");
	bad("16 ");
	bad("16MB");
	bad("16T");
	bad("0x10");
	bad("M");
	bad("1.5G");
	return unit_summary();
}
