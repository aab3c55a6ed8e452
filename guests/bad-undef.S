/*
 * A misbehaving guest: runs a permanently undefined instruction (UDF)
 * with no vector table of its own. The CPU takes the Undefined Instruction
 * exception in the guest, to its vector at VBAR (0) + 4, which is outside
 * guest RAM: the VMM sees a Stage-2 instruction abort there and must stop
 * the guest (BOARD_STATUS_FAULT).
 */
#include "memmap.h"
#include "puts.inc"

	.syntax unified
	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	PUTS	msg
	.global	bad_insn
bad_insn:
	udf	#0			@ UNDEFINED in every state and mode
	b	.
msg:	.asciz	"bad-undef: executing UDF #0\n"
