/* Host unit tests: the register dump's decode tables (baremetal-hyp/regdecode.c). */
#include "../unit.h"
#include "regdecode.h"

static const char *line(const char *reg, uint64_t v)
{
	static char buf[400];
	const struct reg_desc *d = regdecode_find(reg);

	if (!d)
		return "(no such register)";
	regdecode_line(buf, sizeof(buf), d, v);
	return buf;
}

int main(void)
{
	char small[12];

	check_str(line("HCR", 0x0078663b),
		  "HCR = 0x0078663b  VM SWIO FMO IMO AMO FB BSU=1 TWI TWE TSC TIDCP TAC TSW",
		  "HCR, the hypervisor's value");
	check_str(line("HCR", 0x0478663b),
		  "HCR = 0x0478663b  VM SWIO FMO IMO AMO FB BSU=1 TWI TWE TSC TIDCP TAC TSW TVM",
		  "HCR, Linux 5.6 KVM's value");
	check_str(line("HCR", 1u << 28 | 1), "HCR = 0x10000001  VM BSU=0 bit28",
		  "HCR, an unnamed bit");
	check_str(line("HSTR", 0x8006), "HSTR = 0x00008006  T1 T2 T15", "HSTR");
	check_str(line("HCPTR", 0x00100c00), "HCPTR = 0x00100c00  TCP10 TCP11 TTA", "HCPTR");
	check_str(line("HDCR", 0xe66), "HDCR = 0x00000e66  HPMN=0x6 TPMCR TPM TDA TDOSA TDRA",
		  "HDCR");
	check_str(line("HSCTLR", 0x30c5181a), "HSCTLR = 0x30c5181a  A I",
		  "HSCTLR: RES1 bits not shown");
	check_str(line("HSCTLR", 0x70c5181a), "HSCTLR = 0x70c5181a  A I TE", "HSCTLR.TE");
	check_str(line("VTCR", 0x80003540), "VTCR = 0x80003540  T0SZ=0 SL0=1 IRGN0=1 ORGN0=1 SH0=3",
		  "VTCR");
	check_str(line("VTTBR", 0x0001000040031000ull),
		  "VTTBR = 0x0001000040031000  BADDR=0x40031000 VMID=0x1", "VTTBR, 64-bit");
	check_str(line("HVBAR", 0x40002180), "HVBAR = 0x40002180", "HVBAR: an address, no fields");
	check_str(line("CPSR", 0x1d3), "CPSR = 0x000001d3  M=0x13 F I A GE=0", "guest CPSR");
	check(regdecode_find("NOPE") == NULL, "unknown register name");
	check_eq(regdecode_line(small, sizeof(small), regdecode_find("HCR"), 0x0078663b),
		 strlen("HCR = 0x0078663b  VM SWIO FMO IMO AMO FB BSU=1 TWI TWE TSC TIDCP TAC TSW"),
		 "a short buffer: the full length returned");
	check_str(small, "HCR = 0x007", "a short buffer: cut and terminated");
	return unit_summary();
}
