#ifndef DIDAT_EXPORTS_IMPORTER_H
#define DIDAT_EXPORTS_IMPORTER_H

/* The tables `didat import-csv` and the Export step's import read, once:
 * a row per table with its name on the command line, its label, what its
 * count counts and its reader.  A new importer is one reader and one row. */

#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

struct importer {
	const char *name;    /* as `didat import-csv SESSION NAME FILE` names it */
	const char *label;   /* for the screen (a msgid) */
	/* "%s: %lld rows imported" in its singular and plural (msgids) */
	const char *done_one, *done_many;
	/* Reads PATH into the session in one transaction; *COUNT what it read. */
	enum status (*read)(const struct importer *self, struct db *db, int64_t session,
		const char *path, int64_t *count);
};

/* Importer I in the order the screen lists them; NULL past the last. */
const struct importer *importer_at(size_t i);
size_t importer_count(void);
/* The importer named NAME, or NULL. */
const struct importer *importer_find(const char *name);
/* IM's "%s: %lld rows imported" for COUNT, in the reader's language. */
const char *importer_done(const struct importer *im, int64_t count);
/* The names joined by SEP ("unseens|goals|..."), for help and refusals. */
const char *importer_names(char *buf, size_t size, const char *sep);

#endif
