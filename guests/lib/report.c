/*
 * Console, reports and exit for the C guests, in kvm-unit-tests' format
 * (docs/guest-abi.md, "Reading the guests' output").
 */
#include "guest.h"

#define UART_DR (BOARD_UART_BASE + 0x000)

static const char *prefix = "";
static unsigned tests, failures, skipped;

static void putc(char c)
{
	*(volatile uint8_t *)UART_DR = (uint8_t)c; /* one strb: one trap */
}

void puts(const char *s)
{
	while (*s)
		putc(*s++);
}

static void putnum(uint32_t v, unsigned base, unsigned width)
{
	char buf[12];
	unsigned n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n < width && n < sizeof(buf))
		buf[n++] = '0';
	while (n)
		putc(buf[--n]);
}

/* %s %c %u %d %x, with a zero-padded width for %x and %u ("%08x"). */
void vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		unsigned width = 0;
		int32_t d;

		if (*fmt != '%') {
			putc(*fmt);
			continue;
		}
		while (*++fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned)(*fmt - '0');
		switch (*fmt) {
		case 's':
			puts(va_arg(ap, const char *));
			break;
		case 'c':
			putc((char)va_arg(ap, int));
			break;
		case 'u':
			putnum(va_arg(ap, uint32_t), 10, width);
			break;
		case 'x':
			putnum(va_arg(ap, uint32_t), 16, width);
			break;
		case 'd':
			d = va_arg(ap, int32_t);
			if (d < 0)
				putc('-');
			putnum(d < 0 ? -(uint32_t)d : (uint32_t)d, 10, width);
			break;
		case '%':
			putc('%');
			break;
		default:
			putc('?');
			break; /* a format this printf lacks */
		}
		if (!*fmt)
			break;
	}
}

void printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void report_prefix(const char *p)
{
	prefix = p;
}

static void line(const char *kind, const char *fmt, va_list ap)
{
	printf("%s: %s%s", kind, prefix, *prefix ? ": " : "");
	vprintf(fmt, ap);
	putc('\n');
}

bool report(bool pass, const char *fmt, ...)
{
	va_list ap;

	tests++;
	failures += !pass;
	va_start(ap, fmt);
	line(pass ? "PASS" : "FAIL", fmt, ap);
	va_end(ap);
	return pass;
}

void report_skip(const char *fmt, ...)
{
	va_list ap;

	tests++;
	skipped++;
	va_start(ap, fmt);
	line("SKIP", fmt, ap);
	va_end(ap);
}

void report_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line("INFO", fmt, ap);
	va_end(ap);
}

int report_summary(void)
{
	printf("SUMMARY: %u tests, %u unexpected failures", tests, failures);
	if (skipped)
		printf(", %u skipped", skipped);
	putc('\n');
	return failures > STATUS_MAX ? STATUS_MAX : (int)failures;
}

uint32_t psci_hvc(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	register uint32_t r0 asm("r0") = fn;
	register uint32_t r1 asm("r1") = a1;
	register uint32_t r2 asm("r2") = a2;
	register uint32_t r3 asm("r3") = a3;

	asm volatile("hvc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
	return r0;
}

/* STATUS (the VMMs), the EXIT line (natively, where STATUS is not seen), SYSTEM_OFF. */
void exit(int status)
{
	if (status < 0 || status > STATUS_MAX)
		status = STATUS_MAX;
	printf("EXIT: STATUS=%d\n", status);
	writel(BOARD_STATUS_ADDR, (uint32_t)status);
	psci_hvc(PSCI_SYSTEM_OFF, 0, 0, 0);
	puts("FAIL: SYSTEM_OFF returned\n");
	for (;;)
		; /* the VMM's watchdog ends this */
}
