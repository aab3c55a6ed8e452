/*
 * Unit tests of the console comparison (cdiff.c) on crafted consoles:
 * the line-up (same, changed, missing, extra lines), the table and its
 * errors, and which differences an entry explains.
 */
#include "cdiff.h"
#include "unit.h"
#include <stdlib.h>

static char err[512];

static struct cdiff_lines lines(const char *text)
{
	struct cdiff_lines l;
	FILE *f = fmemopen((void *)text, strlen(text), "r");

	if (cdiff_load(f, "c", &l, err, sizeof(err)) < 0)
		printf("error: %s\n", err);
	fclose(f);
	return l;
}

static int table(const char *text, struct cdiff_table *t)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int rc = cdiff_table_load(f, "t.txt", t, err, sizeof(err));

	fclose(f);
	return rc;
}

/* The marks of the line-up of a and b ("=~<>"), and how many stay unexplained. */
static const char *marks(const char *a, const char *b, const char *tab, const char *side,
			 size_t *left)
{
	static char m[64];
	struct cdiff_lines la = lines(a), lb = lines(b);
	struct cdiff_table t = { 0 };
	struct cdiff d = { 0 };
	size_t i;

	if (tab && table(tab, &t) < 0)
		printf("error: %s\n", err);
	cdiff_diff(&la, &lb, &d, err, sizeof(err));
	*left = cdiff_explain(&t, "g", side, &d);
	for (i = 0; i < d.n && i < sizeof(m) - 1; i++)
		m[i] = "=<>~"[d.row[i].kind];
	m[i] = '\0';
	cdiff_free(&d);
	cdiff_table_free(&t);
	cdiff_lines_free(&la);
	cdiff_lines_free(&lb);
	return m;
}

static void test_lineup(void)
{
	size_t left;

	check_str(marks("a\nb\nc\n", "a\nb\nc\n", NULL, "kvm", &left), "===", "same consoles");
	check_eq(left, 0, "nothing to explain");
	check_str(marks("a\r\nb\n", "a\nb\n", NULL, "kvm", &left), "==", "CR LF is LF");
	check_str(marks("a\nb\nc\n", "a\nB\nc\n", NULL, "kvm", &left),
		  "=<>=", "a changed line, unexplained: both alone");
	check_eq(left, 2, "two unexplained rows without a table");
	check_str(marks("a\nb\nc\n", "a\nc\n", NULL, "kvm", &left), "=<=", "a line missing");
	check_str(marks("a\nc\n", "a\nb\nc\n", NULL, "kvm", &left), "=>=", "an extra line");
	check_str(marks("a\nb\nc\nd\n", "a\nX\nd\nY\n", NULL, "kvm", &left), "=<<>=>",
		  "changed, missing, then extra");
	check_str(marks("", "x\n", NULL, "kvm", &left), ">", "native empty");
}

#define TAB \
	"# console differences\n" \
	"[c15]\n" \
	"guest: g\n" \
	"native: INFO: probe: reads 0x*\n" \
	"kvm*: INFO: probe: UNDEF\n" \
	"cause: KVM injects UNDEF (kvm_inject_undefined)\n" \
	"\n[gone]\n" \
	"native: INFO: only natively\n" \
	"hyp: (absent)\n" \
	"cause: the hypervisor skips it\n" \
	"[extra]\n" \
	"native: (absent)\n" \
	"kvm: INFO: only on kvm\n" \
	"cause: an extra line\n"

static void test_explain(void)
{
	size_t left;

	check_str(marks("a\nINFO: probe: reads 0x0\nz\n", "a\nINFO: probe: UNDEF\nz\n", TAB, "kvm",
			&left),
		  "=~=", "changed probe line");
	check_eq(left, 0, "explained on kvm");
	marks("a\nINFO: probe: reads 0x0\n", "a\nINFO: probe: UNDEF\n", TAB, "kvm-armv7", &left);
	check_eq(left, 0, "kvm* also names kvm-armv7");
	marks("a\nINFO: probe: reads 0x0\n", "a\nINFO: probe: UNDEF\n", TAB, "hyp", &left);
	check_eq(left, 2, "not explained on hyp: no hyp pattern (both lines alone)");
	marks("a\nINFO: probe: reads 0x0\n", "a\nINFO: probe: RAZ\n", TAB, "kvm", &left);
	check_eq(left, 2, "another kvm line is not explained");
	marks("a\nINFO: only natively\nb\n", "a\nb\n", TAB, "hyp", &left);
	check_eq(left, 0, "a line absent on hyp, explained");
	marks("a\nINFO: only natively\nb\n", "a\nb\n", TAB, "kvm", &left);
	check_eq(left, 1, "the same line absent on kvm: not explained");
	marks("a\n", "a\nINFO: only on kvm\n", TAB, "kvm", &left);
	check_eq(left, 0, "an extra kvm line, explained");
	check_str(marks("a\nINFO: probe: reads 0x0\n", "a\nINFO: only on kvm\n", TAB, "kvm", &left),
		  "=<>", "no pair: the native line and the extra one stand alone");
	check_eq(left, 1, "... and the native one is unexplained");
	check_str(marks("a\nINFO: probe: reads 0x0\nINFO: probe: reads 0x1\n",
			"a\nINFO: probe: UNDEF\nINFO: only on kvm\nINFO: probe: UNDEF\n", TAB,
			"kvm", &left),
		  "=~>~", "pairs found past an extra line");
	check_eq(left, 0, "all explained");
}

static void test_table_errors(void)
{
	struct cdiff_table t;

	check(table("[x]\nnative: a\nkvm: b\n", &t) < 0 && strstr(err, "t.txt:1:") &&
		      strstr(err, "cause"),
	      "entry without cause: %s", err);
	check(table("native: a\n", &t) < 0 && strstr(err, "before any [entry]"),
	      "key before an entry: %s", err);
	check(table("[x\n", &t) < 0 && strstr(err, "bad entry name"), "bad name: %s", err);
	check(table("[x]\ncause: c\nnative: a\n", &t) < 0, "no SIDE line: %s", err);
	check(table("[x]\nnative: (absent)\nkvm: (absent)\ncause: c\n", &t) < 0,
	      "absent on both sides: %s", err);
	check(table("[x]\njunk\n", &t) < 0 && strstr(err, "t.txt:2:"), "junk line: %s", err);
	check(table(TAB, &t) == 0 && t.n == 3 && !strcmp(t.e[1].name, "gone") &&
		      t.e[1].sides[0].pat == NULL,
	      "the table loads: %zu entries", t.n);
	cdiff_table_free(&t);
}

int main(void)
{
	test_lineup();
	test_explain();
	test_table_errors();
	return unit_summary();
}
