/* A guest that powers off at once: no STATUS, no exit line. A VMM exits 0 with a note. */
	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	ldr	r0, =0x84000008			@ PSCI SYSTEM_OFF
	hvc	#0
	b	.
