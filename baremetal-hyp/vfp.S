/*
 * FPEXC, the one VFP register the hypervisor touches (ARM DDI 0406C
 * B6.1.8). In a file of its own, as Linux's arch/arm/kvm/hyp/vfp.S: the C
 * is built without an FPU (-mfloat-abi=soft), so only this file may name
 * VFP registers. Hyp mode reaches them only while HCPTR.TCP10/TCP11 are 0.
 */
	.syntax unified
	.arm
	.fpu	vfpv4
	.text

	.global	fpexc_read, fpexc_write
fpexc_read:
	vmrs	r0, fpexc
	bx	lr
fpexc_write:
	vmsr	fpexc, r0
	bx	lr
