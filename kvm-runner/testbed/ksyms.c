/* The host kernel's KVM symbols, filtered from /proc/kallsyms (ksyms.h). */
#include "ksyms.h"

#include <string.h>

/* Name parts of KVM's entry points, exit handlers and EL2 code. */
static const char *const wanted[] = {
	"kvm",		"handle_exit",	    "handle_trap",	  "io_mem_abort", "__guest_enter",
	"__guest_exit", "__activate_traps", "__deactivate_traps", "psci",
};

bool ksyms_wanted(const char *line)
{
	const char *name = strchr(line, ' ');
	size_t i;

	if (!name || !(name = strchr(name + 1, ' ')))
		return false; /* not "ADDR TYPE NAME" */
	for (i = 0; i < sizeof(wanted) / sizeof(wanted[0]); i++)
		if (strstr(name + 1, wanted[i]))
			return true;
	return false;
}

unsigned ksyms_filter(FILE *in, FILE *out)
{
	char line[512];
	unsigned n = 0;

	while (fgets(line, sizeof(line), in))
		if (ksyms_wanted(line)) {
			fputs(line, out);
			n++;
		}
	return n;
}
