/* ARM semihosting (QEMU -semihosting): how the run ends, and its arguments. */
#ifndef HYP_SEMIHOST_H
#define HYP_SEMIHOST_H

#include <stddef.h>

/* Ends the QEMU run with this exit status. */
void semihost_exit(int status) __attribute__((noreturn));
/* The command line (-append): 0, or -1 when semihosting gives none. */
int semihost_cmdline(char *buf, size_t n);

/* Writes n bytes to the host file path (created or truncated): 0 or -1. */
int semihost_write_file(const char *path, const void *data, size_t n);
/* The same in steps: a handle (path created or truncated) or -1; 0 or -1. */
int semihost_open(const char *path);
int semihost_write(int handle, const void *data, size_t n);
int semihost_close(int handle);

#endif
