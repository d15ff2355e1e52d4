#include "model/document.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/guid.h"
#include "model/item.h"
#include "util/i18n.h"
#include "util/text.h"

static const char *const document_kinds[] = { "minutes", "paper", "draft", "other", NULL };
static const char *const document_kind_labels[] = {
	"Protokoll", "Ergänzungspapier", "Weißbuch-Entwurf", "Sonstiges", NULL
};

bool document_kind_valid(const char *kind)
{
	for (size_t i = 0; document_kinds[i]; i++)
		if (strcmp(document_kinds[i], kind) == 0)
			return true;
	return false;
}

const char *document_kind_at(size_t i)
{
	return i < sizeof document_kinds / sizeof document_kinds[0] ? document_kinds[i] : NULL;
}

const char *document_kind_label(const char *kind)
{
	for (size_t i = 0; kind && document_kinds[i]; i++)
		if (strcmp(document_kinds[i], kind) == 0)
			return _(document_kind_labels[i]);
	return kind ? kind : "";
}

/* Refusals name the document: by its number once it has one, else by
 * its file. */
static enum status check_metadata(struct db *db, const struct document *doc)
{
	char name[128];
	if (doc->id)
		snprintf(name, sizeof name, _("Document %" PRId64), doc->id);
	else
		snprintf(name, sizeof name, "%s", doc->filename ? doc->filename : _("Document"));
	if (!doc->title || !*doc->title)
		return db_fail(db, STATUS_INVALID, _("%s: the title must not be empty"), name);
	if (!doc->kind || !document_kind_valid(doc->kind))
		return db_fail(db, STATUS_INVALID, _("%s: \"%s\" is not a document kind "
			"(minutes, paper, draft, other)"), name, doc->kind ? doc->kind : "");
	if (doc->component_id) {
		int64_t found = 0;
		enum status rc = db_query_int(db, &found, "SELECT count(*) FROM component "
			"WHERE id = ?1 AND session_id = ?2", "ii", doc->component_id, doc->session_id);
		if (rc != STATUS_OK)
			return rc;
		if (!found)
			return db_fail(db, STATUS_NOT_FOUND, _("%s: component %" PRId64 " does "
				"not exist in this session"), name, doc->component_id);
	}
	return STATUS_OK;
}

static enum status create_row(struct db *db, struct document *doc)
{
	int64_t existing = 0;
	enum status rc = check_metadata(db, doc);
	if (rc != STATUS_OK)
		return rc;
	rc = db_query_int(db, &existing, "SELECT id FROM document WHERE session_id = ?1 AND sha256 = ?2",
		"it", doc->session_id, doc->sha256);
	if (rc == STATUS_OK)
		return db_fail(db, STATUS_CONFLICT, _("%s: this file is already imported into "
			"the session as document "
			"%" PRId64), doc->filename ? doc->filename : doc->title, existing);
	if (rc != STATUS_NOT_FOUND)
		return rc;
	rc = db_exec(db, "INSERT INTO document(session_id, title, kind, date, component_id, filename,"
		" sha256, participants, memo, wrap, guid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
		" " SQL_NEW_GUID ")",
		"ittt" "ntttt" "n", doc->session_id, doc->title, doc->kind, doc->date, doc->component_id,
		doc->filename, doc->sha256, doc->participants, doc->memo, doc->wrap);
	if (rc == STATUS_OK)
		doc->id = db_last_insert_id(db);
	if (rc == STATUS_OK && doc->id > DOCUMENT_ID_MAX)
		rc = db_fail(db, STATUS_INVALID, _("%s: document %" PRId64 " would be above the "
			"highest document number the search index holds (%" PRId64 "); nothing "
			"imported"),
			doc->filename ? doc->filename : doc->title, doc->id, DOCUMENT_ID_MAX);
	return rc;
}

enum status document_create(struct db *db, struct document *doc)
{
	/* Nested inside the caller's import, so it shares its change group. */
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, create_row(db, doc));
}

enum status document_add_line(struct db *db, int64_t doc_id, int64_t number, const char *text)
{
	return document_add_piece(db, doc_id, number, text, 0, 0);
}

enum status document_add_piece(struct db *db, int64_t doc_id, int64_t number, const char *text,
	int64_t part, int64_t printed)
{
	if (number < 1 || number > DOCUMENT_LINES_MAX)
		return db_fail(db, STATUS_INVALID, _("Document %" PRId64 ": line %" PRId64 " is "
			"outside 1–%" PRId64 ", the search index holds no more "
			"lines"), doc_id, number,
			DOCUMENT_LINES_MAX);
	return db_exec(db, "INSERT INTO line(document_id, number, text, part, printed)"
		" VALUES (?1, ?2, ?3, ?4, ?5)", "iitin", doc_id, number, text, part, printed);
}

enum status document_finish(struct db *db, int64_t doc_id, int64_t line_count)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "UPDATE document SET line_count = ?2 WHERE id = ?1", "ii", doc_id, line_count);
	/* The search index, in line order: see schema 5 for why here. */
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO line_fts(rowid, text) SELECT document_id * 4294967296 + number,"
			" text FROM line WHERE document_id = ?1 ORDER BY number", "i", doc_id);
	return db_end(db, rc);
}

void document_clear(struct document *doc)
{
	free(doc->title);
	free(doc->kind);
	free(doc->date);
	free(doc->filename);
	free(doc->sha256);
	free(doc->participants);
	free(doc->memo);
	free(doc->imported);
	memset(doc, 0, sizeof *doc);
}

#define DOCUMENT_COLUMNS "d.id, d.session_id, d.title, d.kind, d.date, d.component_id, " \
	"d.filename, d.sha256, d.line_count, d.participants, d.memo, d.imported, " \
	"coalesce(d.wrap, 0)"

static bool read_document(struct db_stmt *st, struct document *doc)
{
	doc->id = db_column_int(st, 0);
	doc->session_id = db_column_int(st, 1);
	doc->title = db_column_strdup(st, 2);
	doc->kind = db_column_strdup(st, 3);
	doc->date = db_column_strdup(st, 4);
	doc->component_id = db_column_int(st, 5);
	doc->filename = db_column_strdup(st, 6);
	doc->sha256 = db_column_strdup(st, 7);
	doc->line_count = db_column_int(st, 8);
	doc->participants = db_column_strdup(st, 9);
	doc->memo = db_column_strdup(st, 10);
	doc->imported = db_column_strdup(st, 11);
	doc->wrap = db_column_int(st, 12);
	return doc->title && doc->kind && doc->sha256 && doc->imported;
}

enum status document_read(struct db *db, int64_t id, struct document *doc)
{
	memset(doc, 0, sizeof *doc);
	struct db_stmt *st = db_prepare(db, "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW:
		if (!read_document(st, doc)) {
			document_clear(doc);
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		}
		break;
	case DB_DONE:
		rc = db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 " does not exist"), id);
		break;
	case DB_ERROR:
		rc = db_step_status(st);
		break;
	}
	db_reset(st);
	return rc;
}

enum status document_update(struct db *db, const struct document *doc)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = check_metadata(db, doc);
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE document SET title = ?2, kind = ?3, date = ?4, component_id = ?5,"
			" participants = ?6, memo = ?7 WHERE id = ?1", "ittt" "ntt", doc->id, doc->title,
			doc->kind, doc->date, doc->component_id, doc->participants, doc->memo);
	if (rc == STATUS_OK && db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 " does not "
			"exist"), doc->id);
	return db_end(db, rc);
}

enum status document_delete(struct db *db, int64_t id)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM document WHERE id = ?1", "i", id);
	if (rc == STATUS_OK && db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 " does not exist"), id);
	return db_end(db, rc);
}

enum status document_count_codings(struct db *db, int64_t id, int64_t *codings)
{
	return db_query_int(db, codings, "SELECT count(*) FROM coding WHERE document_id = ?1", "i",
		id);
}

enum status document_find(struct db *db, int64_t session_id, const char *key, int64_t *id)
{
	char *end;
	long long number = strtoll(key, &end, 10);
	enum status rc;
	if (*key && !*end) {
		rc = db_query_int(db, id, "SELECT id FROM document WHERE id = ?1 AND session_id = ?2",
			"ii", (int64_t)number, session_id);
		if (rc != STATUS_NOT_FOUND)
			return rc;
	}
	int64_t matches = 0;
	rc = db_query_int(db, &matches, "SELECT count(*) FROM document WHERE session_id = ?1 AND"
		" (title = ?2 OR filename = ?2)", "it", session_id, key);
	if (rc != STATUS_OK)
		return rc;
	if (matches > 1)
		return db_fail(db, STATUS_CONFLICT, _("Document \"%s\" is ambiguous; give its "
			"number"), key);
	if (matches == 0)
		return db_fail(db, STATUS_NOT_FOUND, _("Document \"%s\" does not exist in this "
			"session"),
			key);
	return db_query_int(db, id, "SELECT id FROM document WHERE session_id = ?1 AND"
		" (title = ?2 OR filename = ?2)", "it", session_id, key);
}

enum status document_list(struct db *db, int64_t session_id, document_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT " DOCUMENT_COLUMNS ", (SELECT count(*) FROM "
		"coding c WHERE c.document_id = d.id) FROM document d WHERE session_id = ?1 ORDER BY id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	enum status rc = STATUS_OK;
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct document doc;
		bool ok = read_document(st, &doc);
		int stop = ok ? cb(ctx, &doc, db_column_int(st, 13)) : 1;
		document_clear(&doc);
		if (!ok)
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		if (stop)
			break;
	}
	if (step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	return rc;
}

enum status document_printed_max(struct db *db, int64_t doc_id, int64_t *max)
{
	return db_query_int(db, max, "SELECT coalesce(max(printed), 0) FROM line"
		" WHERE document_id = ?1", "i", doc_id);
}

/* document_lines() over document_lines_full(). */
struct plain_lines {
	line_cb cb;
	void *ctx;
};

static int plain_line(void *ctx, const struct doc_line *line)
{
	const struct plain_lines *p = ctx;
	return p->cb(p->ctx, line->number, line->text);
}

enum status document_lines(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	line_cb cb, void *ctx)
{
	struct plain_lines p = { cb, ctx };
	return document_lines_full(db, doc_id, first, last, plain_line, &p);
}

enum status document_lines_full(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	doc_line_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT number, text, part, coalesce(printed, 0) FROM line"
		" WHERE document_id = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, doc_id);
	db_bind_int(st, 2, first);
	db_bind_int(st, 3, last);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct doc_line line = { db_column_int(st, 0), db_column_text(st, 1),
			db_column_int(st, 2), db_column_int(st, 3) };
		if (cb(ctx, &line))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

struct appender {
	char *buf;
	size_t size, len;
};

static int append_line(void *ctx, int64_t number, const char *text)
{
	struct appender *a = ctx;
	const char *sep = a->len ? "\n" : "";
	(void)number;
	if (a->len + 1 >= a->size)
		return 1;
	int n = snprintf(a->buf + a->len, a->size - a->len, "%s%s", sep, text);
	if (n >= 0 && a->len + (size_t)n < a->size) {
		a->len += (size_t)n;
		return 0;
	}
	/* cut off where the buffer ends, but not inside a character */
	size_t seplen = strlen(sep), room = n < 0 ? 0 : a->size - 1 - a->len;
	if (room > seplen)
		room = seplen + text_cut_boundary(text, room - seplen);
	a->len += room;
	a->buf[a->len] = '\0';
	return 1;
}

enum status document_append_lines(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	char *buf, size_t size)
{
	struct appender a = { buf, size, strlen(buf) };
	return document_lines(db, doc_id, first, last, append_line, &a);
}

/* Replaces *TO by a copy of FROM (NULL stays NULL); false without memory. */
static bool copy_text(char **to, const char *from)
{
	char *copy = from ? strdup(from) : NULL;
	if (from && !copy)
		return false;
	free(*to);
	*to = copy;
	return true;
}

enum status document_update_fields(struct db *db, int64_t id, const struct document *from,
	unsigned fields)
{
	struct document now;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = document_read(db, id, &now);
	if (rc != STATUS_OK)
		return db_end(db, rc);
	if (fields & DOC_COMPONENT)
		now.component_id = from->component_id;
	bool ok = (!(fields & DOC_TITLE) || copy_text(&now.title, from->title)) &&
		(!(fields & DOC_KIND) || copy_text(&now.kind, from->kind)) &&
		(!(fields & DOC_DATE) || copy_text(&now.date, from->date)) &&
		(!(fields & DOC_PARTICIPANTS) || copy_text(&now.participants, from->participants)) &&
		(!(fields & DOC_MEMO) || copy_text(&now.memo, from->memo));
	if (rc == STATUS_OK && !ok)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK)
		rc = document_update(db, &now);
	document_clear(&now);
	return db_end(db, rc);
}
