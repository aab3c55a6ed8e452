/*
 * Host unit tests of the test bed init's pure parts: base64, the command
 * line, the result markers, and the ptrace syscall counter (which works on
 * the host as in the VM).
 *
 *   unit-testbed                 the tests
 *   unit-testbed --emit NAME F   prints file F between markers, as init does
 *   unit-testbed --umask N       makes N umask calls (a known syscall count)
 *   unit-testbed --ioctl N       makes N TCGETS calls on /dev/null (each fails)
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "b64.h"
#include "consview.h"
#include "initargs.h"
#include "iotable.h"
#include "ksyms.h"
#include "kvm_abi.h"
#include "kvm_requests.h"
#include "report.h"
#include "sctrace.h"
#include "unit.h"

static const char *self;

static void test_b64(void)
{
	/* RFC 4648 section 10 */
	static const char *const vec[][2] = {
		{ "", "" },
		{ "f", "Zg==" },
		{ "fo", "Zm8=" },
		{ "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" },
		{ "foobar", "Zm9vYmFy" },
	};
	static const unsigned char bin[] = { 0x00, 0xff, 0xfe, 0x80, 0x7f };
	char out[16];
	size_t i;

	for (i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		b64_encode((const unsigned char *)vec[i][0], strlen(vec[i][0]), out);
		check_str(out, vec[i][1], "b64 RFC 4648 vector");
		check_eq(b64_len(strlen(vec[i][0])), strlen(vec[i][1]), "b64_len");
	}
	b64_encode(bin, sizeof(bin), out);
	check_str(out, "AP/+gH8=", "b64 of bytes with the high bit set");
}

static void test_cmdline(void)
{
	char buf[256], *argv[8];
	int argc;

	strcpy(buf, "console=ttyAMA0 nokaslr quiet -- --no-count test --timeout 5\n");
	argc = cmdline_split(buf, argv, 8);
	check_eq(argc, 5, "cmdline: words after -- and argv[0]");
	check_str(argv[0], "init", "cmdline: argv[0]");
	check_str(argv[1], "--no-count", "cmdline: first word after --");
	check_str(argv[4], "5", "cmdline: last word, newline dropped");
	strcpy(buf, "console=ttyAMA0 nokaslr quiet");
	check_eq(cmdline_split(buf, argv, 8), 1, "cmdline: no -- gives only argv[0]");
	strcpy(buf, "x -- a b c d e f g h");
	check((cmdline_split(buf, argv, 8)) == -1, "cmdline: too many words is an error");
}

static int parse(struct init_args *a, char *err, const char *words)
{
	static char buf[512];
	char *argv[TESTBED_MAX_ARGS + 1];
	int argc;

	snprintf(buf, sizeof(buf), "k -- %s", words);
	argc = cmdline_split(buf, argv, TESTBED_MAX_ARGS);
	err[0] = '\0';
	return argc < 0 ? -1 : init_args_parse(argc, argv, a, err, 160);
}

static void test_init_args(void)
{
	static const char *const want[] = {
		TESTBED_RUNNER,	 "--timeout",	"5",	  "--traplog", "/out/traplog",
		"--ioctl-trace", "/out/ioctls", "--regs", "/out/regs", "/guests/test.elf",
	};
	struct init_args a;
	char err[160];
	size_t i;

	check_eq(parse(&a, err, "test --timeout 5"), 0, "args: guest and runner options");
	check(a.count_syscalls && a.limit_s == TESTBED_DEFAULT_LIMIT, "args: defaults");
	check_eq(a.argc, sizeof(want) / sizeof(want[0]), "args: runner argc");
	for (i = 0; i < sizeof(want) / sizeof(want[0]) && i < (size_t)a.argc; i++)
		check_str(a.argv[i], want[i], "args: runner argv word");
	check(a.argv[a.argc] == NULL, "args: argv ends with NULL");
	check_eq(parse(&a, err, "--no-count --limit 7 bench"), 0, "args: init options");
	check(!a.count_syscalls && a.limit_s == 7 && !a.kallsyms, "args: --no-count --limit 7");
	check_str(a.guest_path, "/guests/bench.elf", "args: guest path");
	check_eq(parse(&a, err, "--kallsyms test"), 0, "args: --kallsyms");
	check(a.kallsyms && a.count_syscalls, "args: --kallsyms set, counting kept");
	check(!a.order, "args: no --order, no kvm-order");
	check_eq(parse(&a, err, "--order --kallsyms test --timeout 5"), 0, "args: --order");
	check(a.order && a.kallsyms && a.argc == 10 && strcmp(a.argv[1], "--timeout") == 0,
	      "args: --order set, the runner's options untouched");
	check_eq(parse(&a, err, "--no-traplog --no-regs test"), 0, "args: --no-traplog --no-regs");
	check(a.argc == 4 && strcmp(a.argv[1], "--ioctl-trace") == 0 &&
		      strcmp(a.argv[3], "/guests/test.elf") == 0,
	      "args: only --ioctl-trace left");
	check((parse(&a, err, "--no-stdout test")) == -1, "args: --no-NAME of no result");
	check((parse(&a, err, "")) == -1, "args: no guest");
	check(strstr(err, "no guest") != NULL, "args: no guest says so (%s)", err);
	check((parse(&a, err, "../etc/x")) == -1, "args: a path is not a guest name");
	check((parse(&a, err, "a/b")) == -1, "args: slash in guest name");
	check((parse(&a, err, "--limit 0 test")) == -1, "args: --limit 0");
	check((parse(&a, err, "--limit 5x test")) == -1, "args: --limit 5x");
	check((parse(&a, err, "--frobnicate test")) == -1, "args: unknown init option");
	check(strstr(err, "--frobnicate") != NULL, "args: unknown option named (%s)", err);
	check(parse(&a, err,
		    "t 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25") == -1,
	      "args: too many runner options");
	check_eq(parse(&a, err, "rand-7.bin --timeout 5"), 0, "args: a raw image");
	check_str(a.guest_path, "/guests/rand-7.bin", "args: a .bin guest keeps its name");
	check_eq(parse(&a, err, "--runner kvmloop --no-traplog bench --timeout 5"), 0,
		 "args: --runner");
	check(a.argc == 8 && strcmp(a.argv[0], "/bin/kvmloop") == 0 &&
		      strcmp(a.argv[1], "--timeout") == 0 &&
		      strcmp(a.argv[7], "/guests/bench.elf") == 0,
	      "args: /bin/NAME in kvm-runner's place, the same words");
	check((parse(&a, err, "--runner ../x test")) == -1, "args: --runner takes a name only");
	check((parse(&a, err, "--runner kvmloop --qemu test")) == -1, "args: --runner and --qemu");
	check_eq(parse(&a, err, "--console-only test"), 0, "args: --console-only");
	check(a.console_only && a.argc == 8, "args: --console-only set, the result options kept");
	check_str(a.stdin_path, "", "args: no --stdin: the runner inherits init's");
	check_eq(parse(&a, err, "--stdin line.in test --stdin"), 0, "args: --stdin NAME");
	check_str(a.stdin_path, "/guests/line.in", "args: --stdin names a file in /guests");
	check(a.argc == 9 && strcmp(a.argv[1], "--stdin") == 0,
	      "args: the runner's own --stdin after GUEST stays the runner's");
	check((parse(&a, err, "--stdin ../etc/passwd test")) == -1,
	      "args: --stdin takes a name only");
	check(!a.tty, "args: no --tty");
	check_eq(parse(&a, err, "--tty linux --stdin"), 0, "args: --tty");
	check(a.tty && a.stdin_path[0] == '\0' && a.argc == 9,
	      "args: --tty: the console is the runner's stdin");
	check((parse(&a, err, "--tty --stdin line.in test")) == -1 && strstr(err, "--tty"),
	      "args: --tty and --stdin NAME: one stdin only (%s)", err);
}

/* What consview shows of in, fed in pieces of k bytes; *done afterwards. */
static const char *shown(const char *in, size_t k, bool *done)
{
	static char out[512];
	char buf[sizeof(out)];
	struct consview v = { 0 };
	size_t n = strlen(in), len = 0;

	for (size_t i = 0; i < n; i += k) {
		size_t m = n - i < k ? n - i : k, got = consview_feed(&v, in + i, m, buf);

		memcpy(out + len, buf, got);
		len += got;
	}
	out[len] = '\0';
	*done = v.done;
	return out;
}

static void test_consview(void)
{
	static const size_t pieces[] = { 1, 2, 3, 7, 100 };
	bool done;

	for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		size_t k = pieces[i];

		check_str(shown("boot\r\n~ # ", k, &done), "boot\r\n~ # ",
			  "consview: a prompt with no newline shows whole");
		check(!done, "consview: no results yet (pieces of %zu)", k);
		check_str(shown("a\r\n==== BEGIN console size=3 ====\r\nYWJj\r\n", k, &done),
			  "a\r\n", "consview: nothing from the first result line on");
		check(done, "consview: the results began (pieces of %zu)", k);
		check_str(shown("x ==== y\n", k, &done), "x ==== y\n",
			  "consview: the mark inside a line is text");
		check_str(shown("\n=== x\n==== ", k, &done), "\n=== x\n",
			  "consview: a shorter prefix is text, the full one cuts");
		check(done, "consview: cut at the full mark (pieces of %zu)", k);
		check_str(shown("==x\n====y", k, &done), "==x\n====y",
			  "consview: held prefixes come out once they are text");
		check(!done, "consview: '====y' is no result line (pieces of %zu)", k);
		check_str(shown("==== STATUS 0 ====\n", k, &done), "",
			  "consview: a result line first: nothing shown");
	}
}

static void test_qemu_args(void)
{
	struct init_args a;
	char err[160];
	int i, nic = -1;

	check_eq(parse(&a, err, "--qemu test -m 256"), 0, "qemu: --qemu parsed");
	check(a.qemu && a.count_syscalls, "qemu: set, counting kept");
	check_str(a.argv[0], TESTBED_QEMU, "qemu: QEMU runs, not kvm-runner");
	for (i = 0; i < a.argc; i++) {
		check(strcmp(a.argv[i], "--traplog") != 0 && strcmp(a.argv[i], "--regs") != 0,
		      "qemu: no runner result option (%s)", a.argv[i]);
		if (strcmp(a.argv[i], "-nic") == 0)
			nic = i;
	}
	check(nic > 0 && strcmp(a.argv[nic + 1], "none") == 0, "qemu: -nic none");
	check(a.argc >= 4 && strcmp(a.argv[a.argc - 4], "-m") == 0 &&
		      strcmp(a.argv[a.argc - 3], "256") == 0,
	      "qemu: the run's options after the fixed ones");
	check(a.argc >= 2 && strcmp(a.argv[a.argc - 2], "-kernel") == 0 &&
		      strcmp(a.argv[a.argc - 1], "/guests/test.elf") == 0,
	      "qemu: -kernel GUEST last");
	check(a.argv[a.argc] == NULL && a.argc <= TESTBED_ARGV_MAX, "qemu: argv ends, %d words",
	      a.argc);
	check(strstr(a.argv[4], "aarch64=off") != NULL, "qemu: an AArch32 vCPU (%s)", a.argv[4]);
}

static void test_iotable(void)
{
	static const char *const links[][2] = {
		{ "/dev/kvm", "sys" },
		{ "anon_inode:kvm-vm", "vm" },
		{ "anon_inode:kvm-vcpu:0", "vcpu0" },
		{ "anon_inode:kvm-vcpu:12", "vcpu12" },
		{ "anon_inode:kvm-vcpu:", "other" },
		{ "anon_inode:kvm-vcpu:1x", "other" },
		{ "anon_inode:kvm-arm-vgic-v2", "vgic" },
		{ "anon_inode:kvm-arm-vgic-v3", "vgic" },
		{ "anon_inode:kvm-vfio", "dev" },
		{ "/dev/null", "other" },
		{ "pipe:[1234]", "other" },
	};
	static struct iotable t;
	char role[IOTABLE_LABEL], buf[24], *text = NULL;
	size_t len = 0;
	FILE *f;
	bool ok;

	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		iotable_fd_role(links[i][0], role, sizeof(role));
		check(strcmp(role, links[i][1]) == 0, "iotable: the role of %s is %s (%s)",
		      links[i][0], links[i][1], role);
	}
	iotable_fd_role(NULL, role, sizeof(role));
	check_str(role, "other", "iotable: an unreadable link");

	check_str(kvm_request_name(KVM_RUN, false), "KVM_RUN", "requests: KVM_RUN");
	check_str(kvm_request_name(KVM_GET_ONE_REG, false), "KVM_GET_ONE_REG",
		  "requests: 0xab on a vCPU fd");
	check_str(kvm_request_name(KVM_GET_ONE_REG, true), "KVM_ARM_SET_DEVICE_ADDR",
		  "requests: 0xab on a VM fd");
	check_str(kvm_request_name(0xc00caee0ul, true), "KVM_CREATE_DEVICE",
		  "requests: KVM_CREATE_DEVICE by its number");
	check_str(kvm_request_name(0x4018aee1ul, false), "KVM_SET_DEVICE_ATTR",
		  "requests: KVM_SET_DEVICE_ATTR by its number");
	check(kvm_request_name(0x1234, false) == NULL, "requests: unknown");

	iotable_add(&t, "vcpu0", KVM_RUN);
	iotable_add(&t, "other", 0x5401);
	iotable_add(&t, "vm", KVM_GET_ONE_REG)->errors++;
	iotable_add(&t, "sys", KVM_CREATE_VM);
	iotable_add(&t, "vcpu0", KVM_RUN);
	iotable_add(&t, "vgic", 0x1234);
	check_eq(t.n, 5, "iotable: one row per fd and request");
	check_eq(t.total, 6, "iotable: every call in the total");
	check_str(iotable_req_name(&t.row[5 - 1], buf, sizeof(buf)), "0x00001234",
		  "iotable: an unknown request by number");
	f = open_memstream(&text, &len);
	iotable_write(f, &t);
	fclose(f);
	ok = strstr(text, "sys      KVM_CREATE_VM") <
			strstr(text, "vm       KVM_ARM_SET_DEVICE_ADDR") &&
		strstr(text, "vm ") <
			strstr(text, "vcpu0    KVM_RUN                            2 0") &&
		strstr(text, "vcpu0") < strstr(text, "vgic     0x00001234") &&
		strstr(text, "vgic") < strstr(text, "other    TCGETS");
	check(ok, "iotable: rows by role, counted%s%s", ok ? "" : ":\n", ok ? "" : text);
	check(strstr(text, "KVM_ARM_SET_DEVICE_ADDR            1 1") != NULL,
	      "iotable: errors counted");
	check(strstr(text, "\ntotal 6\n") != NULL, "iotable: the total line");
	free(text);
	memset(&t, 0, sizeof(t));
	for (unsigned long r = 0; r < IOTABLE_ROWS + 10; r++)
		iotable_add(&t, "vm", r);
	check(t.n == IOTABLE_ROWS && t.total == IOTABLE_ROWS + 10 &&
		      t.row[IOTABLE_ROWS - 1].calls == 11,
	      "iotable: rows past the table go to one overflow row");
}

static void test_words(void)
{
	char buf[128], *w[8];

	strcpy(buf, "a -p \"console=ttyAMA0 quiet\" x\"y z\"w  ");
	check_eq(words_split(buf, w, 8), 4, "words: quotes keep blanks");
	check_str(w[2], "console=ttyAMA0 quiet", "words: the quoted word, quotes gone");
	check_str(w[3], "xy zw", "words: quotes inside a word");
	strcpy(buf, "a \"b c");
	check(words_split(buf, w, 8) == -1, "words: a quote left open");
	strcpy(buf, "1 2 3");
	check(words_split(buf, w, 2) == -1, "words: too many");
	strcpy(buf, "   ");
	check_eq(words_split(buf, w, 8), 0, "words: none");
	strcpy(buf, "k -- test -p \"a b\"");
	check_eq(cmdline_split(buf, w, 8), 4, "cmdline: a quoted runner option");
	check_str(w[3], "a b", "cmdline: -p's value in one word");
}

static void test_list(void)
{
	static const char *const want[] = {
		TESTBED_RUNNER,
		"-m",
		"256",
		"-p",
		"a b",
		"--traplog",
		"/out/big/traplog",
		"--regs",
		"/out/big/regs",
		"/guests/test.elf",
	};
	char line[256], run[TESTBED_NAME_MAX], err[160];
	struct init_args a;

	strcpy(line, "big --no-ioctls --limit 9 test -m 256 -p \"a b\"  # a comment\n");
	check_eq(list_line_parse(line, run, sizeof(run), &a, err, sizeof(err)), 0, "list: a run");
	check_str(run, "big", "list: the run's name");
	check(a.limit_s == 9 && a.count_syscalls, "list: its init options");
	check_eq(a.argc, sizeof(want) / sizeof(want[0]), "list: runner argc");
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]) && i < (size_t)a.argc; i++)
		check_str(a.argv[i], want[i], "list: runner argv word");
	strcpy(line, "   # only a comment\n");
	check_eq(list_line_parse(line, run, sizeof(run), &a, err, sizeof(err)), 1, "list: comment");
	strcpy(line, "\n");
	check_eq(list_line_parse(line, run, sizeof(run), &a, err, sizeof(err)), 1, "list: blank");
	strcpy(line, "../x test\n");
	check(list_line_parse(line, run, sizeof(run), &a, err, sizeof(err)) < 0 &&
		      strstr(err, "bad run name"),
	      "list: a path as the run's name (%s)", err);
	strcpy(line, "r\n");
	check(list_line_parse(line, run, sizeof(run), &a, err, sizeof(err)) < 0 &&
		      strstr(err, "no guest"),
	      "list: a run without a guest (%s)", err);
	strcpy(line, "r --list x\n");
	check(list_line_parse(line, run, sizeof(run), &a, err, sizeof(err)) < 0,
	      "list: --list inside a list (%s)", err);
	check_eq(parse(&a, err, "--list runs"), 0, "args: --list NAME");
	check_str(a.list, "runs", "args: the list's name");
	check(parse(&a, err, "--list runs test") < 0, "args: --list with a guest (%s)", err);
	check(parse(&a, err, "--list ../x") < 0, "args: --list of a path (%s)", err);
}

static void test_report(void)
{
	char *text = NULL;
	size_t len = 0;
	unsigned char big[100];
	FILE *f = open_memstream(&text, &len);

	report_buf(f, "x", (const unsigned char *)"foo", 3);
	report_file(f, "gone", "/nonexistent/file");
	report_status(f, 7);
	fclose(f);
	check_str(text,
		  "==== BEGIN x size=3 ====\nZm9v\n==== END x ====\n"
		  "==== MISSING gone (No such file or directory) ====\n==== STATUS 7 ====\n",
		  "report: markers, base64, missing file, status");
	free(text);
	memset(big, 'a', sizeof(big));
	f = open_memstream(&text, &len);
	report_buf(f, "big", big, sizeof(big));
	fclose(f);
	check(strstr(text, "\nYWFh") && strchr(text, '\n')[77] == '\n',
	      "report: 76-character lines");
	free(text);
}

static void test_ksyms(void)
{
	static char lines[] = "1 T kvm_a\n2 T foo\n3 t io_mem_abort\n";
	char *text = NULL;
	size_t len = 0;
	FILE *in, *out;

	check(ksyms_wanted("ffff800008a1b2c0 T kvm_arch_vcpu_ioctl_run\n"),
	      "ksyms: kvm_ entry point");
	check(ksyms_wanted("ffff800009000800 t __kvm_nvhe___kvm_hyp_host_vector\n"),
	      "ksyms: nVHE EL2 symbol");
	check(ksyms_wanted("ffff8000080a0000 t handle_exit\n"), "ksyms: handle_exit");
	check(!ksyms_wanted("ffff800008010000 T do_sys_open\n"), "ksyms: unrelated symbol");
	check(!ksyms_wanted("kvm\n"), "ksyms: not a kallsyms line");
	check(!ksyms_wanted("ffff800008010000 T\n"), "ksyms: no name");
	in = fmemopen(lines, strlen(lines), "r");
	out = open_memstream(&text, &len);
	check_eq(ksyms_filter(in, out), 2, "ksyms: two of three lines kept");
	fclose(in);
	fclose(out);
	check_str(text, "1 T kvm_a\n3 t io_mem_abort\n", "ksyms: the kept lines, unchanged");
	free(text);
}

static struct sctrace st;

static struct iotable io;

static int run(const char *const *argv, bool count, unsigned limit)
{
	struct sctrace_opts o = { .count = count, .limit_s = limit, .io = &io };

	memset(&io, 0, sizeof(io));

	if (sctrace_run((char *const *)argv, &o, &st) < 0)
		return -1;
	return sctrace_exit_code(st.status);
}

static void test_sctrace(void)
{
	const char *umask7[] = { self, "--umask", "7", NULL };
	const char *umask17[] = { self, "--umask", "17", NULL };
	unsigned long total7;
	const char *exit7[] = { "/bin/sh", "-c", "exit 7", NULL };
	const char *nothere[] = { "/nonexistent/prog", NULL };
	const char *sleeper[] = { "/bin/sleep", "10", NULL };

	check_eq(run(umask7, true, 10), 0, "sctrace: traced program's exit status");
	check_eq(st.count[SYS_umask], 7, "sctrace: exactly 7 umask calls counted");
	check_eq(st.count[SYS_execve], 1, "sctrace: one execve");
	check(st.total > 10 && st.wall_ns > 0, "sctrace: total %lu, wall %lld ns", st.total,
	      st.wall_ns);
	total7 = st.total;
	run(umask17, true, 10);
	check_eq(st.total - total7, 10, "sctrace: 10 more umask calls, 10 more syscalls in all");
	check_eq(run(umask7, false, 10), 0, "sctrace: untraced run");
	check_eq(st.total, 0, "sctrace: nothing counted untraced");
	check_eq(run(exit7, true, 10), 7, "sctrace: exit code through sh");
	check_eq(run(nothere, true, 10), 127, "sctrace: exec failure gives 127");
	check_eq(run(sleeper, true, 1), 128 + SIGKILL, "sctrace: killed at the limit");
	check(st.timed_out, "sctrace: timed_out set");
	check_str(sysname(SYS_ioctl), "ioctl", "sysname: ioctl");
	{
		const char *ioctl5[] = { self, "--ioctl", "5", NULL };
		unsigned k;

		check_eq(run(ioctl5, true, 10), 0, "sctrace: the ioctl program");
		for (k = 0; k < io.n && io.row[k].req != 0x5401; k++)
			;
		check(k < io.n && strcmp(io.row[k].fd, "other") == 0 && io.row[k].calls == 5 &&
			      io.row[k].errors == 5,
		      "sctrace: 5 TCGETS on /dev/null decoded, 5 errors");
		check_eq(io.total, st.count[SYS_ioctl],
			 "sctrace: the table's total is the ioctl count");
	}
	check(sysname(100000) == NULL, "sysname: unknown number");
	{
		/* --tty's copy: the program writes into a pipe that sctrace closes on its side. */
		const char *echo[] = { "/bin/sh", "-c", "echo through-the-pipe", NULL };
		int p[2];
		char buf[64] = "";
		ssize_t n = -1;

		if (pipe(p) == 0) {
			struct sctrace_opts o = { .limit_s = 10, .stdout_fd = p[1] };

			check_eq(sctrace_run((char *const *)echo, &o, &st), 0,
				 "sctrace: stdout_fd run");
			n = read(p[0], buf, sizeof(buf) - 1);
			check(n == 17 && memcmp(buf, "through-the-pipe\n", 17) == 0,
			      "sctrace: stdout_fd gets the program's output (%zd bytes)", n);
			check(read(p[0], buf, 1) == 0,
			      "sctrace: EOF once the program ends (fd closed)");
			close(p[0]);
		}
	}
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 4 && strcmp(argv[1], "--emit") == 0) {
		report_file(stdout, argv[2], argv[3]);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--ioctl") == 0) {
		struct termios {
			char room[128];
		} tio;
		int fd = open("/dev/null", O_RDONLY);

		for (int i = atoi(argv[2]); i > 0; i--)
			ioctl(fd, 0x5401 /* TCGETS */, &tio);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--umask") == 0) {
		for (int i = atoi(argv[2]); i > 0; i--)
			syscall(SYS_umask, 022);
		return 0;
	}
	test_b64();
	test_cmdline();
	test_init_args();
	test_words();
	test_list();
	test_report();
	test_ksyms();
	test_consview();
	/* LeakSanitizer cannot run under ptrace: the traced copy of this binary. */
	setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
	test_qemu_args();
	test_iotable();
	test_sctrace();
	return unit_summary();
}
