#ifndef DIDAT_UTIL_ATOMIC_FILE_H
#define DIDAT_UTIL_ATOMIC_FILE_H

/* A file that appears whole or not at all: written to PATH.tmpPID and
 * renamed over PATH only when every byte reached the disk, so that a
 * failed export never leaves half a file or clobbers the old one. */

#include <stdbool.h>
#include <stdio.h>

enum atomic_stage {
	ATOMIC_OK,
	ATOMIC_OPEN,     /* the temporary file could not be created */
	ATOMIC_WRITE,    /* writing or closing it failed */
	ATOMIC_RENAME,   /* it could not replace PATH */
};

struct atomic_file {
	FILE *fp;
	char *path, *tmp;
	long bytes;              /* what was written, once closed */
	enum atomic_stage stage; /* where it failed */
	int error;               /* the errno of that failure, 0 if none was set */
};

/* Opens the temporary file for PATH.  False (with STAGE and ERROR set)
 * when it cannot be created. */
bool atomic_open(struct atomic_file *f, const char *path);
/* Closes F; with KEEP true renames it over its path, else removes it.
 * True when the file now stands at its path. */
bool atomic_close(struct atomic_file *f, bool keep);
/* Why F failed, naming PATH ("x.csv: write error: No space left on
 * device"), into BUF. */
const char *atomic_failure(const struct atomic_file *f, const char *path, char *buf,
	size_t size);

#endif
