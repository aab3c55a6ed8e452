/*
 * Console: bytes to the real PL011 (identity-mapped as Device by hyp_s1.c,
 * so the UART is at its physical address). Hypervisor lines always begin
 * on a fresh line, so they never glue onto a guest's unfinished line.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "console.h"
#include "hyp.h"
#include "pl011.h" /* the host's UART is a PL011 too */

#define UART_SPIN_MAX 100000 /* never hang on a stuck UART */

static bool at_line_start = true;

static inline volatile uint32_t *uart(unsigned off)
{
	return (volatile uint32_t *)(HOST_UART_BASE + off);
}

void console_putc(char c)
{
	for (int i = 0; i < UART_SPIN_MAX && (*uart(UART_FR) & UART_FR_TXFF); i++)
		;
	*uart(UART_DR) = (uint8_t)c;
	at_line_start = c == '\n';
}

void console_write(const char *s)
{
	while (*s)
		console_putc(*s++);
}

void console_line(const char *prefix, const char *text)
{
	if (!at_line_start)
		console_putc('\n');
	console_write(prefix);
	console_write(text);
	console_putc('\n');
}

void hyp_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!at_line_start)
		console_putc('\n');
	console_write(buf);
}

void console_guest_byte(void *ctx, char c)
{
	(void)ctx;
	console_putc(c);
}
