#ifndef DIDAT_EXPORTS_EXPORTER_H
#define DIDAT_EXPORTS_EXPORTER_H

/* The export formats, once: a row per format with its name on the
 * command line, its label, its default file name, what it takes and its
 * writer.  `didat export` and the Export step are both driven by this
 * table, so a new format is one writer and one row. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exports/csv_writer.h"
#include "model/agreement.h"
#include "model/hinge.h"
#include "util/atomic_file.h"
#include "util/status.h"

struct db;

enum exporter_flags {
	EXPORT_CSV = 1,      /* takes the CSV options (--sep, --bom, --raw) */
	EXPORT_FILTERS = 2,  /* takes the hinge filters and --chapter */
	EXPORT_PICTURE = 4,  /* Graphviz renders it as SVG or PNG (--svg, --png) */
	EXPORT_DOCUMENT = 8, /* of one document: `didat export NAME SESSION DOC` */
	EXPORT_BINARY = 16,  /* not text: never written to a terminal */
	EXPORT_ENDINGS = 32, /* the file's ending chooses the format: exporter_endings() */
};

/* What to export: the session and the options the format takes. */
struct export_request {
	struct db *db;
	int64_t session;
	struct hinge_filter filter;
	int64_t chapter;     /* a draft document: its chapter hinge table; 0: none */
	int64_t document;    /* EXPORT_DOCUMENT: the document */
	struct csv_options csv;
	const struct agree_options *agree;   /* the agreement's coders...; NULL: all */
	const char *path;    /* the file it ends up in (EXPORT_ENDINGS: its ending chooses
	                      * the format); NULL: standard output */
};

struct exporter {
	const char *name;    /* as `didat export NAME` names it */
	const char *label;   /* for the Export step (a msgid) */
	const char *file;    /* the end of the default file name */
	unsigned flags;
	enum status (*write)(const struct exporter *self, const struct export_request *r, FILE *out);
};

/* Format I in the order the Export step lists them; NULL past the last. */
const struct exporter *exporter_at(size_t i);
size_t exporter_count(void);
/* The format named NAME, or NULL. */
const struct exporter *exporter_find(const char *name);
/* Writes E for R to PATH through a temporary file that is renamed only
 * when all went well.  STATUS_OK when the file stands; otherwise FILE's
 * stage says where writing failed (ATOMIC_OK there: the writer refused,
 * and db_error says why), and no file is left behind. */
enum status export_to_path(const struct exporter *e, const struct export_request *r,
	const char *path, struct atomic_file *file);
/* The file endings E is written as (".svg .html .htm .pdf") when it is
 * EXPORT_ENDINGS; NULL: any.  Static storage. */
const char *exporter_endings(const struct exporter *e);
/* Whether E can be written to PATH: its ending is one of E's endings
 * (case ignored).  Standard output (NULL or "-") always can. */
bool exporter_takes_path(const struct exporter *e, const char *path);
/* The names joined by SEP ("hinge|report|..."), for help and refusals. */
const char *exporter_names(char *buf, size_t size, const char *sep);

#endif
