/* Reading a guest image file; the board's image.h checks and loads it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader.h"

int image_read(const char *path, size_t max, struct image *img, char *err, size_t n)
{
	struct stat st;
	/* O_NONBLOCK: a FIFO or device is refused by fstat, not waited on. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	ssize_t got;

	img->data = NULL;
	img->size = 0;
	if (fd < 0)
		return snprintf(err, n, "%s: %s", path, strerror(errno)), -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, n, "%s: not a regular file", path);
		goto out;
	}
	if (st.st_size == 0) {
		snprintf(err, n, "%s: empty image", path);
		goto out;
	}
	if ((uint64_t)st.st_size > max) {
		snprintf(err, n, "%s: image of %lld bytes does not fit in %zu bytes of guest RAM",
			 path, (long long)st.st_size, max);
		goto out;
	}
	img->data = malloc((size_t)st.st_size);
	got = img->data ? read(fd, img->data, (size_t)st.st_size) : -1;
	if (got != st.st_size) {
		snprintf(err, n, "%s: cannot read the image", path);
		image_free(img);
		goto out;
	}
	img->size = (size_t)st.st_size;
	close(fd);
	return 0;
out:
	close(fd);
	return -1;
}

void image_free(struct image *img)
{
	free(img->data);
	img->data = NULL;
	img->size = 0;
}
