#include "util/atomic_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/i18n.h"

static bool fail(struct atomic_file *f, enum atomic_stage stage, int error)
{
	if (f->stage == ATOMIC_OK) {
		f->stage = stage;
		f->error = error;
	}
	return false;
}

bool atomic_open(struct atomic_file *f, const char *path)
{
	memset(f, 0, sizeof *f);
	size_t n = strlen(path) + 32;
	f->path = strdup(path);
	f->tmp = malloc(n);
	if (f->path && f->tmp) {
		snprintf(f->tmp, n, "%s.tmp%ld", path, (long)getpid());
		f->fp = fopen(f->tmp, "wb");
	} else {
		errno = ENOMEM;
	}
	if (f->fp)
		return true;
	fail(f, ATOMIC_OPEN, errno);
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	return false;
}

bool atomic_close(struct atomic_file *f, bool keep)
{
	errno = 0;
	if (fflush(f->fp) != 0 || ferror(f->fp))
		keep = fail(f, ATOMIC_WRITE, errno);
	f->bytes = ftell(f->fp);
	errno = 0;
	if (fclose(f->fp) != 0)
		keep = fail(f, ATOMIC_WRITE, errno);
	f->fp = NULL;
	if (keep && rename(f->tmp, f->path) != 0)
		keep = fail(f, ATOMIC_RENAME, errno);
	if (!keep)
		remove(f->tmp);
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	return keep;
}

const char *atomic_failure(const struct atomic_file *f, const char *path, char *buf,
	size_t size)
{
	const char *why = f->error ? strerror(f->error) : _("write error");
	switch (f->stage) {
	case ATOMIC_OPEN: snprintf(buf, size, _("%s: cannot write: %s"), path, why); break;
	case ATOMIC_RENAME: snprintf(buf, size, _("%s: cannot create the file: %s"), path, why); break;
	default: snprintf(buf, size, _("%s: write error: %s"), path, why); break;
	}
	return buf;
}
