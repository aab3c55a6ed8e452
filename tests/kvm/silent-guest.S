/* A guest that powers off at once: no STATUS, no exit line. A VMM exits 0 with a note. */
#include "psci_ids.h"
	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r0, =PSCI_SYSTEM_OFF_FN
	hvc	#0
	b	.
