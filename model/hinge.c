#include "model/hinge.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "util/i18n.h"

/* The free codes of session ?1 with their paths ("Daten/Eigentum"). */
#define HINGE_PATHS \
	"WITH RECURSIVE path(id, path) AS (" \
	" SELECT id, name FROM code WHERE session_id = ?1 AND type = 'free' AND parent_id IS NULL" \
	" UNION ALL SELECT c.id, p.path || '/' || c.name FROM code c JOIN path p ON c.parent_id = p.id)"

/* Code types in the order of the method's steps, free codes last. */
#define HINGE_TYPE_ORDER \
	"CASE l.type WHEN 'unseen' THEN 1 WHEN 'goal' THEN 2 WHEN 'measure' THEN 3" \
	" WHEN 'soro' THEN 4 WHEN 'stakeholder' THEN 5 WHEN 'variable' THEN 6 ELSE 7 END"

/* The number printed in front of line LINE of document DOC; 0: none. */
#define PRINTED(doc, line) \
	"coalesce((SELECT printed FROM line WHERE document_id = " doc " AND number = " line "), 0)"

static const struct hinge_filter no_filter = { 0, NULL, NULL, 0 };

static const char hinge_sql[] =
	HINGE_PATHS
	" SELECT g.id, s.title, coalesce(comp.number, ''), l.type, l.id, coalesce(path.path, ''),"
	"  l.name, d.title, d.kind, g.first_line, g.last_line,"
	"  " PRINTED("g.document_id", "g.first_line") ", " PRINTED("g.document_id", "g.last_line") ","
	"  (SELECT group_concat(text, char(10)) FROM (SELECT text FROM line"
	"    WHERE document_id = g.document_id AND number BETWEEN g.first_line AND g.last_line"
	"    ORDER BY number)),"
	"  k.name, coalesce(g.memo, ''), g.created"
	" FROM coding g"
	" JOIN session s ON s.id = g.session_id"
	" JOIN code_label l ON l.id = g.code_id"
	" JOIN document d ON d.id = g.document_id"
	" JOIN coder k ON k.id = g.coder_id"
	" LEFT JOIN component comp ON comp.id = coalesce(l.component_id, d.component_id)"
	" LEFT JOIN path ON path.id = l.id"
	" WHERE g.session_id = ?1"
	"  AND (?2 = 0 OR comp.number = ?2)"
	"  AND (?3 IS NULL OR l.type = ?3)"
	"  AND (?4 IS NULL OR k.name = ?4)"
	"  AND (?5 = 0 OR g.document_id = ?5)"
	" ORDER BY comp.number IS NULL, comp.number,"
	"  " HINGE_TYPE_ORDER ","
	"  coalesce(path.path, l.name), l.id, d.id, g.first_line, g.last_line, g.id";

enum status hinge_list(struct db *db, int64_t session_id, const struct hinge_filter *filter,
	hinge_cb cb, void *ctx)
{
	if (!filter)
		filter = &no_filter;
	struct db_stmt *st = db_prepare(db, hinge_sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_int(st, 2, filter->component);
	db_bind_text(st, 3, filter->type);
	db_bind_text(st, 4, filter->coder);
	db_bind_int(st, 5, filter->document_id);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct hinge_row row = {
			.coding_id = db_column_int(st, 0),
			.session = db_column_text(st, 1),
			.component = db_column_text(st, 2),
			.code_type = db_column_text(st, 3),
			.code_id = db_column_int(st, 4),
			.code_path = db_column_text(st, 5),
			.code = db_column_text(st, 6),
			.document = db_column_text(st, 7),
			.document_kind = db_column_text(st, 8),
			.first_line = db_column_int(st, 9),
			.last_line = db_column_int(st, 10),
			.printed_first = db_column_int(st, 11),
			.printed_last = db_column_int(st, 12),
			.quote = db_column_text(st, 13),
			.coder = db_column_text(st, 14),
			.memo = db_column_text(st, 15),
			.coded_at = db_column_text(st, 16),
		};
		if (cb(ctx, &row))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

/* The chapter table goes in three statements, so that nothing is sorted
 * or held but the passages of one draft code at a time: the draft's
 * passages in order, for each the source codings of its code in order,
 * and the quote of one passage as it is written. */
static const char chapter_draft_sql[] =
	HINGE_PATHS
	" SELECT dr.first_line, dr.last_line, l.id, l.type, coalesce(path.path, l.name, ''),"
	"  " PRINTED("?2", "dr.first_line") ", " PRINTED("?2", "dr.last_line") ", dr.coders"
	" FROM (SELECT first_line, last_line, code_id, (SELECT group_concat(name, ', ') FROM"
	"   (SELECT DISTINCT k.name AS name FROM coding t JOIN coder k ON k.id = t.coder_id"
	"    WHERE t.document_id = ?2 AND t.first_line = c.first_line AND t.last_line = c.last_line"
	"    AND t.code_id = c.code_id ORDER BY k.name)) AS coders"
	"  FROM coding c WHERE document_id = ?2 GROUP BY first_line, last_line, code_id) dr"
	" JOIN code_label l ON l.id = dr.code_id"
	" LEFT JOIN path ON path.id = l.id"
	" WHERE ?3 IS NULL OR l.type = ?3"
	" ORDER BY dr.first_line, dr.last_line,"
	"  " HINGE_TYPE_ORDER ","
	"  coalesce(path.path, l.name), l.id";

static const char chapter_source_sql[] =
	"SELECT g.id, d.id, d.title, d.kind, g.first_line, g.last_line, k.name"
	" FROM coding g"
	" JOIN code_label l ON l.id = g.code_id"
	" JOIN document d ON d.id = g.document_id"
	" JOIN coder k ON k.id = g.coder_id"
	" LEFT JOIN component comp ON comp.id = coalesce(l.component_id, d.component_id)"
	" WHERE g.code_id = ?1 AND g.session_id = ?2 AND g.document_id <> ?3"
	"  AND (?4 = 0 OR comp.number = ?4)"
	"  AND (?5 IS NULL OR k.name = ?5)"
	"  AND (?6 = 0 OR g.document_id = ?6)"
	" ORDER BY d.id, g.first_line, g.last_line, g.id";

static const char quote_sql[] =
	"SELECT group_concat(text, char(10)) FROM (SELECT text FROM line"
	" WHERE document_id = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number)";

/* Steps the quote statement for lines FIRST..LAST of DOC_ID; *QUOTE is
 * valid until db_reset(*ST). */
static enum status quote_open(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	struct db_stmt **st, const char **quote)
{
	*st = db_prepare(db, quote_sql);
	if (!*st)
		return STATUS_DB;
	db_bind_int(*st, 1, doc_id);
	db_bind_int(*st, 2, first);
	db_bind_int(*st, 3, last);
	if (db_step(*st) != DB_ROW)
		return db_step_status(*st);
	*quote = db_column_text(*st, 0);
	return STATUS_OK;
}

enum status hinge_chapter_check(struct db *db, int64_t session_id, int64_t draft_id)
{
	struct db_stmt *st = db_prepare(db, "SELECT kind = 'draft', title, kind FROM document"
		" WHERE id = ?1 AND session_id = ?2");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, draft_id);
	db_bind_int(st, 2, session_id);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW:
		if (!db_column_int(st, 0))
			rc = db_fail(db, STATUS_INVALID, _("Document %" PRId64 " \"%s\" is of kind %s, "
				"not a white-paper draft (draft): the chapter hinge table needs a "
				"draft (didat doc ... --kind draft)"), draft_id, db_column_text(st, 1),
				db_column_text(st, 2));
		break;
	case DB_DONE:
		rc = db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 " does not exist in session %" PRId64), draft_id, session_id);
		break;
	case DB_ERROR:
		return db_step_status(st);
	}
	db_reset(st);
	return rc;
}

/* The source passages of one draft passage P (its lines and code set). */
static enum status chapter_sources(struct db *db, int64_t session_id, int64_t draft_id,
	const struct hinge_filter *filter, struct hinge_pair *p, hinge_pair_cb cb, void *ctx,
	bool *stop)
{
	char *draft_quote = NULL;
	struct db_stmt *st = db_prepare(db, chapter_source_sql), *q = NULL;
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, p->code_id);
	db_bind_int(st, 2, session_id);
	db_bind_int(st, 3, draft_id);
	db_bind_int(st, 4, filter->component);
	db_bind_text(st, 5, filter->coder);
	db_bind_int(st, 6, filter->document_id);
	enum status rc = STATUS_OK;
	enum db_step step = DB_DONE;
	while (!*stop && rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		/* the draft's quote once, and only when a source needs it */
		if (!draft_quote) {
			const char *text = "";
			rc = quote_open(db, draft_id, p->draft_first_line, p->draft_last_line, &q, &text);
			if (rc == STATUS_OK && !(draft_quote = strdup(text)))
				rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
			if (q)
				db_reset(q);
			if (rc != STATUS_OK)
				break;
			p->draft_quote = draft_quote;
		}
		p->source_coding_id = db_column_int(st, 0);
		p->source_document_id = db_column_int(st, 1);
		p->source_document = db_column_text(st, 2);
		p->source_kind = db_column_text(st, 3);
		p->source_first_line = db_column_int(st, 4);
		p->source_last_line = db_column_int(st, 5);
		p->coder = db_column_text(st, 6);
		rc = quote_open(db, p->source_document_id, p->source_first_line, p->source_last_line, &q,
			&p->source_quote);
		if (rc == STATUS_OK && cb(ctx, p))
			*stop = true;
		if (q)
			db_reset(q);
	}
	if (rc == STATUS_OK && !*stop && step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	free(draft_quote);
	p->draft_quote = NULL;
	return rc;
}

enum status hinge_chapter_list(struct db *db, int64_t session_id, int64_t draft_id,
	const struct hinge_filter *filter, hinge_pair_cb cb, void *ctx)
{
	if (!filter)
		filter = &no_filter;
	enum status rc = hinge_chapter_check(db, session_id, draft_id);
	if (rc != STATUS_OK)
		return rc;
	struct db_stmt *st = db_prepare(db, chapter_draft_sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_int(st, 2, draft_id);
	db_bind_text(st, 3, filter->type);
	bool stop = false;
	enum db_step step = DB_DONE;
	while (!stop && rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		struct hinge_pair p = {
			.draft_first_line = db_column_int(st, 0),
			.draft_last_line = db_column_int(st, 1),
			.code_id = db_column_int(st, 2),
			.code_type = db_column_text(st, 3),
			.code = db_column_text(st, 4),
			.draft_printed_first = db_column_int(st, 5),
			.draft_printed_last = db_column_int(st, 6),
			.draft_coder = db_column_text(st, 7),
		};
		rc = chapter_sources(db, session_id, draft_id, filter, &p, cb, ctx, &stop);
	}
	if (rc == STATUS_OK && !stop && step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	return rc;
}
