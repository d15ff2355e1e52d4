#include "model/reading.h"

#include <inttypes.h>
#include <string.h>

#include "model/db.h"
#include "util/i18n.h"

static const char passages_sql[] =
	"SELECT g.id, d.id, d.title, d.kind, g.first_line, g.last_line, k.name, coalesce(g.memo, '')"
	" FROM coding g JOIN document d ON d.id = g.document_id JOIN coder k ON k.id = g.coder_id"
	" WHERE g.code_id = ?1 AND (?2 IS NULL OR k.name = ?2)"
	" ORDER BY d.id, g.first_line, g.last_line, g.id";

enum status reading_code_passages(struct db *db, int64_t code_id, const char *coder,
	reading_passage_cb cb, void *ctx)
{
	int64_t found = 0;
	enum status rc = db_query_int(db, &found, "SELECT count(*) FROM code WHERE id = ?1", "i",
		code_id);
	if (rc != STATUS_OK)
		return rc;
	if (!found)
		return db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " does not "
			"exist"), code_id);
	/* coding_code (code_id) narrows the scan to the code's codings */
	struct db_stmt *st = db_prepare(db, passages_sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, code_id);
	db_bind_text(st, 2, coder);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct reading_passage p = {
			.coding_id = db_column_int(st, 0),
			.document_id = db_column_int(st, 1),
			.document = db_column_text(st, 2),
			.document_kind = db_column_text(st, 3),
			.first_line = db_column_int(st, 4),
			.last_line = db_column_int(st, 5),
			.coder = db_column_text(st, 6),
			.memo = db_column_text(st, 7),
		};
		if (cb(ctx, &p))
			break;
	}
	rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

/* line_fts rowids are document_id * 2^32 + line number (model/schema.c),
 * so one document's lines are one rowid range that FTS5 walks in order. */
#define LINE_ROWID(doc, line) ((doc) * INT64_C(4294967296) + (line))

static const char forward_sql[] =
	"SELECT rowid & 4294967295 FROM line_fts WHERE line_fts MATCH ?1"
	" AND rowid > ?2 AND rowid < ?3 ORDER BY rowid LIMIT 1";
static const char backward_sql[] =
	"SELECT rowid & 4294967295 FROM line_fts WHERE line_fts MATCH ?1"
	" AND rowid > ?2 AND rowid < ?3 ORDER BY rowid DESC LIMIT 1";

/* True when the last error came from FTS5 parsing the query. */
static bool query_error(const char *message)
{
	return message && (strstr(message, "fts5:") || strstr(message, "no such column")
		|| strstr(message, "unknown special query") || strstr(message, "syntax error")
		|| strstr(message, "unterminated string"));
}

enum status reading_find_line(struct db *db, int64_t doc_id, const char *query, int64_t from,
	bool backwards, int64_t *line)
{
	if (!query || query[strspn(query, " \t\r\n")] == '\0')
		return db_fail(db, STATUS_INVALID, "%s",
			_("Search query: empty; type a word or \"a phrase\""));
	int64_t lines = 0;
	enum status rc = db_query_int(db, &lines, "SELECT line_count FROM document WHERE id = ?1", "i",
		doc_id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("Document %" PRId64 " does not exist"), doc_id);
	if (rc != STATUS_OK)
		return rc;
	if (from < 0)
		from = 0;
	if (from > lines + 1)
		from = lines + 1;
	struct db_stmt *st = db_prepare(db, backwards ? backward_sql : forward_sql);
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, query);
	db_bind_int(st, 2, backwards ? LINE_ROWID(doc_id, 0) : LINE_ROWID(doc_id, from));
	db_bind_int(st, 3, backwards ? LINE_ROWID(doc_id, from) : LINE_ROWID(doc_id, lines + 1));
	switch (db_step(st)) {
	case DB_ROW:
		*line = db_column_int(st, 0);
		rc = STATUS_OK;
		break;
	case DB_DONE:
		if (backwards)
			rc = db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 ": no match for "
				"“%s” before line %" PRId64), doc_id, query, from);
		else
			rc = db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 ": no match for "
				"“%s” after line %" PRId64), doc_id, query, from);
		break;
	case DB_ERROR:
		if (query_error(db_error(db)))
			return db_fail(db, STATUS_INVALID,
				_("Search query “%s” is malformed: put quotes and brackets in "
					"pairs, special characters such as - : . only inside "
					"\"…\"; allowed are words, \"phrases\", prefix*, AND, "
					"OR, NOT"), query);
		return db_step_status(st);
	}
	db_reset(st);
	return rc;
}
