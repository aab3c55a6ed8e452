/*
 * regcmp: register dumps side by side (docs/comparison.md).
 *
 *   regcmp pl2 [--md] [--all] [--names A,B[,C]] A.regs B.pl2regs [C.pl2regs]
 *   regcmp guest [--md] [--names A,B] A.regs B.regs
 *   regcmp get FILE NAME[.FIELD]
 *
 * Exit: 0 ok, 1 a register missing (pl2) or not found (get), 2 usage or
 * bad input.
 */
#include "regtable.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: regcmp pl2 [--md] [--all] [--names A,B[,C]] A.regs B.regs [C.regs]\n"
	"       regcmp guest [--md] [--names A,B] A.regs B.regs\n"
	"       regcmp get FILE NAME[.FIELD]\n"
	"  pl2    HCR HSTR HCPTR HDCR VTCR VTTBR HSCTLR HVBAR of A against B (and C;\n"
	"         B, C may use the AArch64 names HCR_EL2 ...), decoded field by field;\n"
	"         then GICH_HCR GICH_VTR GICH_VMCR GICH_LRn CNTHCTL CNTVOFF where a\n"
	"         dump holds them\n"
	"  guest  the guest registers both dumps name, value by value\n"
	"  get    one register, or one field of it, in hex\n"
	"  --all  also list the fields that are zero on both sides\n";

static char names[96];

/* --names A,B[,C]: the column titles, as many as there are dumps. */
static int parse_names(const char *arg, struct regtable_opts *o)
{
	char *p = names, *comma;
	unsigned n = 0;

	snprintf(names, sizeof(names), "%s", arg);
	for (; p && n < REGTABLE_MAX_SIDES; n++, p = comma) {
		comma = strchr(p, ',');
		if (comma)
			*comma++ = 0;
		o->name[n] = p;
	}
	return n >= 2 && !p ? 0 : -1;
}

static int parse_opts(int argc, char **argv, struct regtable_opts *o)
{
	static const struct option opts[] = {
		{ "md", no_argument, NULL, 'm' },
		{ "all", no_argument, NULL, 'a' },
		{ "names", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->name[0] = "A";
	o->name[1] = "B";
	o->name[2] = "C";
	optind = 2;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': o->md = true; break;
		case 'a': o->all = true; break;
		case 'n':
			if (parse_names(optarg, o) < 0)
				return -1;
			break;
		case 'h': fputs(usage, stdout); exit(0);
		default: return -1;
		}
	}
	return 0;
}

static int cmd_get(int argc, char **argv)
{
	struct regfile f;
	char err[300], reg[64], *dot;
	const struct regval *v;
	const struct reg_field *fl = NULL;
	int rc = 1;

	if (argc != 4 || strlen(argv[3]) >= sizeof(reg)) {
		fputs(usage, stderr);
		return 2;
	}
	strcpy(reg, argv[3]);
	dot = strchr(reg, '.');
	if (dot)
		*dot++ = 0;
	if (regfile_load(argv[2], &f, err, sizeof(err)) < 0) {
		fprintf(stderr, "regcmp: %s\n", err);
		return 2;
	}
	v = regfile_get(&f, reg);
	if (v && dot)
		fl = regbits_field(regbits_find(v->name), dot);
	if (!v || (dot && !fl))
		fprintf(stderr, "regcmp: %s: no %s%s%s\n", argv[2], reg, dot ? "." : "",
			dot ? dot : "");
	else {
		printf("0x%llx\n",
		       (unsigned long long)(fl ? regbits_get(fl->shift, fl->width, v->v) : v->v));
		rc = 0;
	}
	regfile_free(&f);
	return rc;
}

static int cmd_compare(int argc, char **argv, bool pl2)
{
	struct regtable_opts o;
	struct regfile f[REGTABLE_MAX_SIDES];
	char err[300];
	unsigned n, loaded = 0;
	int rc = 2;

	if (parse_opts(argc, argv, &o) < 0 || argc - optind < 2 ||
	    argc - optind > (pl2 ? REGTABLE_MAX_SIDES : 2)) {
		fputs(usage, stderr);
		return 2;
	}
	n = (unsigned)(argc - optind);
	memset(f, 0, sizeof(f));
	for (; loaded < n; loaded++)
		if (regfile_load(argv[optind + loaded], &f[loaded], err, sizeof(err)) < 0) {
			fprintf(stderr, "regcmp: %s\n", err);
			goto out;
		}
	if (pl2) {
		unsigned missing = regtable_pl2(stdout, f, n, &o);

		regtable_gic(stdout, f, n, &o);

		if (missing)
			fprintf(stderr, "regcmp: %u PL2 register%s missing from a dump\n", missing,
				missing == 1 ? "" : "s");
		rc = missing ? 1 : 0;
	} else {
		regtable_guest(stdout, &f[0], &f[1], &o);
		rc = 0;
	}
out:
	for (unsigned i = 0; i < n; i++)
		regfile_free(&f[i]);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "get"))
		return cmd_get(argc, argv);
	if (!strcmp(argv[1], "pl2") || !strcmp(argv[1], "guest"))
		return cmd_compare(argc, argv, !strcmp(argv[1], "pl2"));
	fprintf(stderr, "regcmp: unknown command \"%s\" (pl2, guest, get)\n", argv[1]);
	return 2;
}
