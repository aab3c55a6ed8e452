/* Host unit tests of benchtab: console parsing, cells, ratios, targets. */
#include "benchtab.h"
#include "unit.h"

#include <stdlib.h>

/* Lines as a real run of guests/bench.S under the bare hypervisor prints them. */
static const char *const good_console = "hyp: HCR 0x... (register dump)\n"
					"BENCH: cntfrq=62500000 expect=62500000 ok\r\n"
					"BENCH: cal insns=131074 ticks=8192 expect=8192 ok\n"
					"BENCH: row=empty n=64 windows=7 ticks=16 insns=4\n"
					"BENCH: row=hvc n=64 windows=7 ticks=120 insns=27\n"
					"BENCH: row=hvc-wa1 n=64 windows=7 ticks=124 insns=28\n"
					"BENCH: row=mmio-store n=64 windows=7 ticks=180 insns=42\n"
					"BENCH: row=mmio-load n=64 windows=7 ticks=176 insns=41\n"
					"BENCH: row=cp15-read n=64 windows=7 ticks=150 insns=37\n"
					"BENCH: row=smc skipped=undef\n"
					"SPREAD: row=empty min=16 max=17\n"
					"BENCH: row=irq-latency skipped=noirq\n"
					"BENCH: row=irq-eoi skipped=noirq\n"
					"trap: 0001 0x12 HVC ...\n"
					"EXIT: STATUS=0\n";

static int read_str(struct bench_run *run, const char *text, char *err, size_t n)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int rc = bench_read(run, f, err, n);
	fclose(f);
	return rc;
}

static void test_parse_good(void)
{
	struct bench_run run = { .name = "hyp-nolog" };
	char err[200] = "";

	check(read_str(&run, good_console, err, sizeof(err)) == 0, "good console parses (%s)", err);
	check(bench_complete(&run), "good console is complete");
	check(run.cntfrq_ok && run.cal_ok, "calibration ok");
	check_eq(run.cell[BENCH_HVC].insns, 27, "hvc insns");
	check_eq(run.cell[BENCH_MMIO_LD].ticks, 176, "mmio-load ticks");
	check(run.cell[BENCH_SMC].skipped, "smc skipped");
	check(run.cell[BENCH_IRQ_LATENCY].skipped && run.cell[BENCH_IRQ_EOI].skipped,
	      "interrupt rows skipped: no interrupt delivered");
	check(!run.cell[BENCH_HVC].skipped, "hvc not skipped");
}

static void test_parse_bad(void)
{
	struct bench_run run = { 0 };
	char err[200] = "";

	check(read_str(&run, "x\nBENCH: row=bogus n=1 ticks=1 insns=1\n", err, sizeof(err)) < 0,
	      "unknown row rejected");
	check(strstr(err, "line 2") != NULL, "error names the line (%s)", err);
	memset(&run, 0, sizeof(run));
	check(read_str(&run, "BENCH: row=hvc n=64 ticks=12\n", err, sizeof(err)) < 0,
	      "row without insns rejected");
	memset(&run, 0, sizeof(run));
	check(read_str(&run, "BENCH: cal insns=1 ticks=2 expect=3\n", err, sizeof(err)) < 0,
	      "cal without verdict rejected");
	memset(&run, 0, sizeof(run));
	check(read_str(&run, "BENCH: cal insns=1 ticks=2 expect=3 off\n", err, sizeof(err)) == 0 &&
		      !run.cal_ok,
	      "cal off read as off");
	memset(&run, 0, sizeof(run));
	check(read_str(&run, "BENCH: FAIL: unexpected exception\n", err, sizeof(err)) < 0,
	      "guest failure is an error");
	memset(&run, 0, sizeof(run));
	read_str(&run, "BENCH: row=hvc n=64 windows=7 ticks=120 insns=27\n", err, sizeof(err));
	check(!bench_complete(&run), "a run without calibration is incomplete");
	memset(&run, 0, sizeof(run));
	check(read_str(&run, "BENCH: row=cp15-read n=64 windows=7 ticks=1 insns=-2\n", err,
		       sizeof(err)) == 0 &&
		      run.cell[BENCH_CP15].insns == -2,
	      "negative insns read");
}

/* The table and targets into a string. */
static char *render(const struct bench_run *runs, int n, enum bench_fmt fmt, bool targets)
{
	static char buf[8192];
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	if (targets)
		bench_targets(f, fmt, runs, n);
	else
		bench_table(f, fmt, runs, n, 0);
	fclose(f);
	return buf;
}

static void test_table(void)
{
	struct bench_run runs[3] = { { .name = "hyp-nolog" },
				     { .name = "hyp" },
				     { .name = "kvm" } };
	char err[200];

	read_str(&runs[0], good_console, err, sizeof(err));
	read_str(&runs[1], good_console, err, sizeof(err));
	runs[1].cell[BENCH_HVC].insns = 81; /* 3 x 27: the log costs too much */
	/* runs[2] absent: its column is "-" */
	char *csv = render(runs, 3, BENCH_CSV, false);
	check(strstr(csv, "row,hyp-nolog,hyp,kvm,hyp/hyp-nolog,kvm/hyp-nolog\n") != NULL,
	      "csv header");
	check(strstr(csv, "\nhvc,27,81,-,3.00,\n") != NULL, "csv hvc row with ratio");
	check(strstr(csv, "\nsmc,skip,skip,-,,\n") != NULL, "csv smc skipped");
	char *md = render(runs, 3, BENCH_MD, false);
	check(strstr(md, "| HVC PSCI_VERSION | 27 | 81 | - | 3.0x | - |") != NULL, "md hvc row");
	check(strstr(md, "|---|---:|---:|---:|---:|---:|\n") != NULL, "md rule");
	char *t = render(runs, 3, BENCH_TEXT, true);
	check(strstr(t, "target: hyp-nolog HVC PSCI_VERSION <= 30: 27: met") != NULL,
	      "hvc target met");
	check(strstr(t,
		     "target: hyp (log on) HVC PSCI_VERSION <= 1.3 x hyp-nolog: 81 vs 27 (3.00x): "
		     "missed") != NULL,
	      "log target missed");
	check(strstr(t, "SMC <= 1.3 x hyp-nolog: no figure: not measured") != NULL,
	      "skipped row not measured");
	check(strstr(t,
		     "kvm-arm64 MMIO store (STATUS) <= 1.10 x kvm-loop: no figure: not "
		     "measured") != NULL,
	      "loop target not measured without the runs");
	runs[0].cell[BENCH_CP15].insns = 46;
	t = render(runs, 3, BENCH_TEXT, true);
	check(strstr(t, "CP15 read (ACTLR) <= 45: 46: missed") != NULL, "cp15 target missed");
}

/* kvm-runner against the bare loop: 10 % is met, 11 % is not. */
static void test_loop_target(void)
{
	struct bench_run runs[2] = { { .name = "kvm-arm64" }, { .name = "kvm-loop" } };
	char err[200];

	read_str(&runs[0], good_console, err, sizeof(err));
	read_str(&runs[1], good_console, err, sizeof(err));
	runs[0].cell[BENCH_MMIO_ST].insns = 1100;
	runs[1].cell[BENCH_MMIO_ST].insns = 1000;
	runs[0].cell[BENCH_MMIO_LD].insns = 1110;
	runs[1].cell[BENCH_MMIO_LD].insns = 1000;
	char *t = render(runs, 2, BENCH_TEXT, true);
	check(strstr(t, "kvm-arm64 MMIO store (STATUS) <= 1.10 x kvm-loop: 1100 vs 1000 (1.10x): met") !=
		      NULL,
	      "10 %% over the loop is met");
	check(strstr(t,
		     "kvm-arm64 MMIO load (UART FR) <= 1.10 x kvm-loop: 1110 vs 1000 (1.11x): "
		     "missed") != NULL,
	      "11 %% over the loop is missed");
	check(strstr(t,
		     "kvm-armv7 MMIO store (STATUS) <= 1.10 x kvm-armv7-loop: no figure: not run "
		     "here") != NULL,
	      "an absent 32-bit column: not run here");
}

/* The bare hypervisor's interrupt against 3 times its HVC. */
static void test_irq_target(void)
{
	struct bench_run runs[1] = { { .name = "hyp-nolog" } };
	char err[200];

	read_str(&runs[0], good_console, err, sizeof(err));
	runs[0].cell[BENCH_HVC].insns = 30;
	runs[0].cell[BENCH_IRQ_LATENCY].skipped = false; /* the console's: skipped=noirq */
	runs[0].cell[BENCH_IRQ_LATENCY].insns = 90;
	char *t = render(runs, 1, BENCH_TEXT, true);
	check(strstr(t,
		     "hyp-nolog IRQ: timer to handler (+-16) <= 3 x hyp-nolog HVC PSCI_VERSION: "
		     "90 vs 30 (3.0x): met") != NULL,
	      "3 x the HVC is met (%s)", t);
	runs[0].cell[BENCH_IRQ_LATENCY].insns = 96;
	t = render(runs, 1, BENCH_TEXT, true);
	check(strstr(t, "(3.2x): missed") != NULL, "96 against 30 is missed");
	runs[0].cell[BENCH_IRQ_LATENCY].skipped = true;
	t = render(runs, 1, BENCH_TEXT, true);
	check(strstr(t, "3 x hyp-nolog HVC PSCI_VERSION: no figure: not measured") != NULL,
	      "no interrupt row: not measured");
}

int main(void)
{
	test_parse_good();
	test_parse_bad();
	test_table();
	test_loop_target();
	test_irq_target();
	return unit_summary();
}
