/*
 * kvm-trail-report: a KVM trail (trail.h) in numbers, checked against the
 * same run's trap log and ioctl trace, and merged into both.
 *
 *   kvm-trail-report TRAIL [--traplog F] [--ioctls F] [--merged DIR/PREFIX]
 *
 * --merged writes PREFIX.traplog-kvm and PREFIX.ioctls-kvm. Exit: 0 the
 * counts agree (or nothing to check against), 1 a traced count differs
 * (a stop was missed), 2 bad usage or input.
 */
#include <stdio.h>
#include <string.h>

#include "merge.h"
#include "trail.h"

static FILE *open_or_say(const char *path, const char *mode)
{
	FILE *f = path ? fopen(path, mode) : NULL;

	if (path && !f)
		fprintf(stderr, "kvm-trail-report: %s: cannot open\n", path);
	return f;
}

static int merged(const char *prefix, const char *ext, FILE *in, const struct trail *t,
		  void (*fn)(FILE *, const struct trail *, FILE *))
{
	char path[512];
	FILE *out;

	snprintf(path, sizeof(path), "%s.%s", prefix, ext);
	out = open_or_say(path, "w");
	if (!out)
		return -1;
	fn(in, t, out);
	fclose(out);
	printf("merged: %s\n", path);
	return 0;
}

int main(int argc, char **argv)
{
	const char *trail = NULL, *traplog = NULL, *ioctls = NULL, *prefix = NULL;
	FILE *ft = NULL, *fl = NULL, *fi = NULL;
	struct trail t;
	char err[300];
	int rc = 2;

	for (int i = 1; i < argc; i++) {
		const char **opt = !strcmp(argv[i], "--traplog")  ? &traplog
				   : !strcmp(argv[i], "--ioctls") ? &ioctls
				   : !strcmp(argv[i], "--merged") ? &prefix
								  : NULL;

		if (opt && i + 1 < argc)
			*opt = argv[++i];
		else if (!opt && argv[i][0] != '-' && !trail)
			trail = argv[i];
		else {
			fprintf(stderr, "usage: kvm-trail-report TRAIL [--traplog F] [--ioctls F] "
					"[--merged PREFIX]\n");
			return 2;
		}
	}
	if (!trail) {
		fprintf(stderr, "usage: kvm-trail-report TRAIL [--traplog F] [--ioctls F] "
				"[--merged PREFIX]\n");
		return 2;
	}
	ft = open_or_say(trail, "r");
	if (!ft || (traplog && !(fl = open_or_say(traplog, "r"))) ||
	    (ioctls && !(fi = open_or_say(ioctls, "r"))))
		goto out;
	if (trail_read(ft, trail, &t, err, sizeof(err)) < 0) {
		fprintf(stderr, "kvm-trail-report: %s\n", err);
		goto out;
	}
	printf("# KVM trail %s%s%s\n\n", trail, t.arch[0] ? ", host " : "", t.arch);
	trail_report(stdout, &t);
	rc = 0;
	if (fl) {
		printf("\nAgainst the trap log %s:\n\n", traplog);
		rc |= merge_check_traplog(fl, &t, stdout) ? 1 : 0;
	}
	if (fi) {
		printf("\n");
		rc |= merge_check_ioctls(fi, &t, stdout) ? 1 : 0;
	}
	if (prefix && ((fl && merged(prefix, "traplog-kvm", fl, &t, merge_traplog) < 0) ||
		       (fi && merged(prefix, "ioctls-kvm", fi, &t, merge_ioctls) < 0)))
		rc = 2;
	trail_free(&t);
out:
	for (FILE **f = (FILE *[]){ft, fl, fi}, **e = f + 3; f < e; f++)
		if (*f)
			fclose(*f);
	return rc;
}
