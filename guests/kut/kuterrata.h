/*
 * The errata environment kvm-unit-tests' runner gives a test as its initrd
 * (arch-run.bash env_errata): ERRATA_<commit>=y for each host-kernel fix in
 * the tree's errata.txt that the KVM host's kernel has, =n for the others.
 * Pure C: the host unit tests cover it.
 */
#ifndef KUT_ERRATA_H
#define KUT_ERRATA_H

#include <stddef.h>

/*
 * Writes the lines for errata.txt's text against a kernel version
 * ("6.1.0-56-arm64") into out. Returns 0, or -1 with a reason in err.
 */
int kut_errata(const char *errata_txt, const char *kernel, char *out, size_t size, char *err,
	       size_t errlen);

#endif
