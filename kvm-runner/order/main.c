/*
 * kvm-order: tries the VMM steps in the orders of cases.c on this host's
 * KVM and prints one Markdown table row per case (docs/kvm-runner.md).
 *
 *   kvm-order [--dev PATH]
 *
 * Exit: 0 every answer is the one the sources give, 1 some differ,
 * 201 bad usage, 202 no usable KVM device.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "arch.h"
#include "memmap.h"
#include "order.h"

/* The answer is the sources' "0", "fd" (a new fd) or errno name. */
static int agrees(const struct order_case *c, const struct order_result *r)
{
	if (r->setup[0])
		return 0;
	if (!strcmp(c->want, "0") || !strcmp(c->want, "fd"))
		return r->ret >= 0;
	return r->ret < 0 && !strcmp(order_errname(r->err), c->want);
}

int main(int argc, char **argv)
{
	const char *dev = "/dev/kvm";
	struct order_result r;
	struct utsname u;
	unsigned ok = 0;
	int fd;

	if (argc == 3 && !strcmp(argv[1], "--dev"))
		dev = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: %s [--dev PATH]\n", argv[0]);
		return VMM_STATUS_BADINPUT;
	}
	fd = open(dev, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "kvm-order: %s: %s (no KVM here)\n", dev, strerror(errno));
		return VMM_STATUS_NOPLATFORM;
	}
	close(fd);
	uname(&u);
	printf("# kvm-order 1 arch=%s kernel=%s cases=%zu\n", arch_name, u.release, order_ncases);
	printf("| # | case | rule | step | answer | sources | agrees | the guest then | kernel "
	       "function |\n");
	printf("|---|---|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < order_ncases; i++) {
		const struct order_case *c = &order_cases[i];
		int a;

		order_run(c, dev, &r);
		a = agrees(c, &r);
		ok += a;
		printf("| %zu | %s | %s | %u %s | %s | %s | %s | %s | %s |\n", i + 1, c->name,
		       c->rule, c->probe + 1, order_step_name(c->steps[c->probe]),
		       r.setup[0] ? "setup failed" : r.answer, c->want, a ? "yes" : "**NO**",
		       r.setup[0] ? r.setup : r.guest, c->func);
		fflush(stdout);
	}
	printf("kvm-order: %u of %zu answers as the sources say\n", ok, order_ncases);
	return ok == order_ncases ? 0 : 1;
}
