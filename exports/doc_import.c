#include "exports/doc_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/document.h"
#include "util/i18n.h"
#include "util/text.h"

struct line_sink {
	struct db *db;
	int64_t doc_id;
	enum status rc;
};

static int store_line(void *ctx, size_t lineno, const char *utf8, size_t len)
{
	struct line_sink *sink = ctx;
	(void)len;
	sink->rc = document_add_line(sink->db, sink->doc_id, (int64_t)lineno, utf8);
	return sink->rc != STATUS_OK;
}

/* "folder/Protokoll 3.txt" -> "Protokoll 3" (malloc'd). */
static char *title_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *title = strdup(base);
	char *dot = title ? strrchr(title, '.') : NULL;
	if (dot && dot != title)
		*dot = '\0';
	return title;
}

enum status doc_import_file(struct db *db, int64_t session_id, const char *path,
	const struct doc_import_options *opt, struct doc_import_result *result)
{
	struct text_info info;
	char err[512] = "";
	enum status rc = text_scan_file(path, &info, err, sizeof err);
	if (rc != STATUS_OK)
		return db_fail(db, rc, "%s", err);

	const char *base = strrchr(path, '/');
	char *title = opt->title ? strdup(opt->title) : title_from_path(path);
	if (!title)
		return db_fail(db, STATUS_NOMEM, "%s", _("kein Speicher"));
	struct document doc = {
		.session_id = session_id,
		.title = title,
		.kind = (char *)(opt->kind ? opt->kind : "minutes"),
		.date = (char *)opt->date,
		.component_id = opt->component_id,
		.filename = (char *)(base ? base + 1 : path),
		.sha256 = info.sha256,
		.participants = (char *)opt->participants,
	};
	rc = document_create(db, &doc);
	free(title);
	if (rc != STATUS_OK)
		return rc;

	struct line_sink sink = { db, doc.id, STATUS_OK };
	rc = text_read_lines(path, info.encoding, store_line, &sink, err, sizeof err);
	if (sink.rc != STATUS_OK) {
		snprintf(err, sizeof err, "%s", db_error(db));
		return db_fail(db, sink.rc, "%s: %s", path, err);
	}
	if (rc != STATUS_OK)
		return db_fail(db, rc, "%s", err);
	rc = document_finish(db, doc.id, (int64_t)info.lines);
	if (rc != STATUS_OK)
		return rc;
	result->id = doc.id;
	result->lines = (int64_t)info.lines;
	result->converted = info.encoding == TEXT_CP1252;
	result->first_bad_line = (int64_t)info.bad_utf8_line;
	return STATUS_OK;
}
