/* The hypervisor's console: QEMU virt's real PL011, and line output. */
#ifndef HYP_CONSOLE_H
#define HYP_CONSOLE_H

void console_putc(char c);
void console_write(const char *s);
/* One line of the hypervisor's own, started on a fresh line. */
void console_line(const char *prefix, const char *text);
/* printf to the console; lines the caller formats (prefix included). */
void hyp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The guest's console byte (the board's UART DR). */
void console_guest_byte(void *ctx, char c);

#endif
