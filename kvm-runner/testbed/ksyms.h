/*
 * The host kernel's KVM symbols for gdb (docs/debugging.md): Debian ships no
 * System.map, so with init's --kallsyms the test bed sends back the lines of
 * /proc/kallsyms (kptr_restrict = 0, nokaslr: the same addresses every boot)
 * whose names matter for breakpoints in KVM.
 */
#ifndef TESTBED_KSYMS_H
#define TESTBED_KSYMS_H

#include <stdbool.h>
#include <stdio.h>

/* Whether a /proc/kallsyms line ("ADDR TYPE NAME [module]") is worth sending. */
bool ksyms_wanted(const char *line);

/* Copies the wanted lines of in to out; returns how many. */
unsigned ksyms_filter(FILE *in, FILE *out);

#endif
