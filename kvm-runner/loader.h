/*
 * The guest image file: read whole (image_read), then checked and loaded
 * by the board's shared parser (guests/board/image.h: ELF, zImage, raw).
 */
#ifndef KVM_RUNNER_LOADER_H
#define KVM_RUNNER_LOADER_H

#include <stddef.h>
#include <stdint.h>

struct image {
	uint8_t *data;
	size_t size;
};

/*
 * Reads a whole file of at most max bytes. Returns 0, or -1 with a message
 * in err (missing, unreadable, empty, larger than max).
 */
int image_read(const char *path, size_t max, struct image *img, char *err, size_t n);
void image_free(struct image *img);

#endif
