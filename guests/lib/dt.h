/*
 * The fdt guest's device-tree reader (Devicetree Specification v0.4,
 * ch. 5) and its bootargs parser. Pure C, no hardware: the guest runs it
 * on the DTB it got in r2, tests/guests/dt_test.c on the host on the
 * board's DTB and on broken blobs.
 */
#ifndef GUEST_DT_H
#define GUEST_DT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedu

struct fdt_header { /* big-endian words */
	uint32_t magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap;
	uint32_t version, last_comp_version, boot_cpuid_phys, size_dt_strings, size_dt_struct;
};

/* What dt_walk found. */
struct dt_facts {
	uint32_t addr_cells, size_cells; /* the root's */
	uint64_t mem_base, mem_size;
	bool have_memory;
	unsigned cpus;		 /* /cpus/cpu@N nodes */
	const char *psci_method; /* NULL: none */
	const char *bootargs;	 /* NULL: none */
	uint64_t uart_base;	 /* its reg's address */
	bool have_uart;		 /* a node compatible with arm,pl011, with reg */
};

uint32_t dt_be32(const void *p);
/* The header is sane: magic, version 16/17, blocks inside totalsize <= max. */
bool dt_header_ok(const void *dtb, size_t max);
/* Walks the structure block (header checked first); false on a malformed one. */
bool dt_walk(const void *dtb, size_t max, struct dt_facts *f);

/* The value of "key=" in cmdline (separated by spaces or commas), or NULL. */
const char *dt_arg(const char *cmdline, const char *key, char *buf, size_t n);
uint64_t dt_size_arg(const char *s);  /* "256M", "1G" -> bytes; 0 if not that */
uint32_t dt_count_arg(const char *s); /* "1" -> 1; ~0 if not a plain number */

#endif
