/* Unit tests: kvm-runner's command line (options.h): sizes, values, refusals. */
#include <stdio.h>
#include "memmap.h"
#include "options.h"
#include "unit.h"

/* Runs options_parse on a NULL-ended word list. */
static int parse(struct options *o, const char *const *words)
{
	char *argv[32];
	int argc = 0;

	argv[argc++] = "kvm-runner";
	for (; *words; words++)
		argv[argc++] = (char *)*words;
	argv[argc] = NULL;
	options_default(o);
	return options_parse(argc, argv, o, stdout);
}

static void test_sizes(void)
{
	static const struct {
		const char *s;
		uint32_t want;
	} ok[] = {
		{ "16", 16u << 20 },	   { "16M", 16u << 20 },   { "16m", 16u << 20 },
		{ "016M", 16u << 20 }, /* decimal, not octal */
		{ "1", 1u << 20 },	   { "512M", 512u << 20 }, { "1024K", 1u << 20 },
		{ "262144k", 256u << 20 }, { "256", 256u << 20 },
	};
	static const char *const bad[] = {
		"",
		"M",
		"0",
		"0M",
		"0G",
		"513M",
		"1G",
		"2g",
		"1500K",
		"1023K",
		"0x10M",
		"-16M",
		"+16M",
		" 16M",
		"16MB",
		"16 M",
		"16T",
		"17592186044432M",
		"99999999999999999999999",
		"18446744073709551615K",
	};
	struct options o;

	for (unsigned i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		check(parse(&o, (const char *[]){ "-m", ok[i].s, "g.elf", NULL }) < 0 &&
			      o.mem == ok[i].want,
		      "-m '%s' is %u bytes", ok[i].s, ok[i].want);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check(parse(&o, (const char *[]){ "-m", bad[i], "g.elf", NULL }) ==
			      VMM_STATUS_BADINPUT,
		      "-m '%s' refused", bad[i]);
}

static void test_options(void)
{
	struct options o;
	const char *all[] = { "-m",	  "256",   "-p", "console=ttyAMA0 a=b", "-i",
			      "rd.img",	  "-c",	   "1",	 "--dump-dtb",		"g.dtb",
			      "--strict", "g.elf", NULL };
	const char *longs[] = { "--mem=64M", "--params=x", "--initrd=r", "--cpus=1", "g.elf", NULL };
	const char *late[] = { "g.elf", "-m", "32", NULL }; /* after the image: still read */

	check(parse(&o, (const char *[]){ "g.elf", NULL }) < 0 && o.mem == BOARD_RAM_SIZE &&
		      o.cpus == 1 && !o.params && !o.initrd && !o.dump_dtb && !o.strict,
	      "defaults: 16 MiB, one vCPU");
	check(parse(&o, all) < 0 && o.mem == 256u << 20 &&
		      strcmp(o.params, "console=ttyAMA0 a=b") == 0 &&
		      strcmp(o.initrd, "rd.img") == 0 && o.cpus == 1 &&
		      strcmp(o.dump_dtb, "g.dtb") == 0 && o.strict && strcmp(o.image, "g.elf") == 0,
	      "short options and --dump-dtb, --strict");
	check(parse(&o, longs) < 0 && o.mem == 64u << 20 && strcmp(o.params, "x") == 0 &&
		      strcmp(o.initrd, "r") == 0,
	      "long options with =");
	check(parse(&o, late) < 0 && o.mem == 32u << 20, "options after the image");
	check(parse(&o, (const char *[]){ "g.elf", NULL }) < 0 && !o.input,
	      "stdin unread by default");
	check(parse(&o, (const char *[]){ "--stdin", "g.elf", NULL }) < 0 && o.input,
	      "--stdin: the guest's UART reads stdin");
	check(parse(&o, (const char *[]){ "-c", "8", "g.elf", NULL }) < 0 && o.cpus == 8,
	      "-c 8: eight vCPUs");
	check(parse(&o, (const char *[]){ "-c", "9", "g.elf", NULL }) == VMM_STATUS_BADINPUT,
	      "-c 9 refused");
	check(parse(&o, (const char *[]){ "g.elf", "-p", NULL }) == VMM_STATUS_BADINPUT,
	      "-p without its value");
	check(parse(&o, (const char *[]){ "-y", "g.elf", NULL }) == VMM_STATUS_BADINPUT,
	      "unknown short option");
	check(parse(&o, (const char *[]){ "--frob", "g.elf", NULL }) == VMM_STATUS_BADINPUT,
	      "unknown long option");
	check(parse(&o, (const char *[]){ NULL }) == VMM_STATUS_BADINPUT, "no image");
	check(parse(&o, (const char *[]){ "a.elf", "b.elf", NULL }) == VMM_STATUS_BADINPUT,
	      "two images");
	check(parse(&o, (const char *[]){ "--timeout", "1x", "g.elf", NULL }) ==
		      VMM_STATUS_BADINPUT,
	      "--timeout 1x");
	check(parse(&o, (const char *[]){ "--timeout", "-1", "g.elf", NULL }) ==
		      VMM_STATUS_BADINPUT,
	      "--timeout -1");
	check(parse(&o, (const char *[]){ "--trace-kb", "65536", "g.elf", NULL }) == -1 &&
		      o.trace_kb == 65536,
	      "--trace-kb 65536");
	check(parse(&o, (const char *[]){ "g.elf", NULL }) == -1 && o.trace_kb == 4096,
	      "--trace-kb: 4096 by default");
	check(parse(&o, (const char *[]){ "--trace-kb", "7", "g.elf", NULL }) ==
		      VMM_STATUS_BADINPUT,
	      "--trace-kb 7: under 8 KiB (two pages) refused");
	check(parse(&o, (const char *[]){ "--version", NULL }) == 0, "--version: 0");
	check(parse(&o, (const char *[]){ "g.elf", NULL }) < 0 && o.irqchip == IRQCHIP_KERNEL,
	      "the in-kernel vGIC by default");
	check(parse(&o, (const char *[]){ "--irqchip=user", "g.elf", NULL }) < 0 &&
		      o.irqchip == IRQCHIP_USER,
	      "--irqchip=user");
	check(parse(&o, (const char *[]){ "--irqchip", "kernel", "g.elf", NULL }) < 0 &&
		      o.irqchip == IRQCHIP_KERNEL,
	      "--irqchip kernel");
	check(parse(&o, (const char *[]){ "--irqchip=gicv3", "g.elf", NULL }) ==
		      VMM_STATUS_BADINPUT,
	      "--irqchip=gicv3 refused");
}

static void test_uint(void)
{
	unsigned long v;

	check(parse_uint("10", 1, 86400, &v) == 0 && v == 10, "10");
	check(parse_uint("010", 1, 86400, &v) == 0 && v == 10, "010 is decimal");
	check(parse_uint("0x10", 1, 86400, &v) < 0, "0x10 refused");
	check(parse_uint(" 1", 1, 86400, &v) < 0, "a leading space refused");
	check(parse_uint("+1", 1, 86400, &v) < 0, "a sign refused");
	check(parse_uint("99999999999999999999999", 1, 86400, &v) < 0, "overflow refused");
	check(parse_uint("86401", 1, 86400, &v) < 0, "above the range");
}

int main(void)
{
	test_sizes();
	test_uint();
	test_options();
	return unit_summary();
}
