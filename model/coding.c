#include "model/coding.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "util/i18n.h"

/* Free codes with their paths, walked down from the top level. */
#define CODE_PATHS \
	"WITH RECURSIVE path(id, path) AS (" \
	" SELECT id, name FROM code WHERE session_id = ?1 AND type = 'free' AND parent_id IS NULL" \
	" UNION ALL SELECT c.id, p.path || '/' || c.name FROM code c JOIN path p ON c.parent_id = p.id)"

enum status code_create_free(struct db *db, int64_t session_id, const char *name,
	int64_t parent_id, const char *colour, const char *definition, int64_t *id)
{
	int64_t n = 0;
	if (!name || !*name || strchr(name, '/'))
		return db_fail(db, STATUS_INVALID, "%s",
			_("Code: der Name darf weder leer sein noch / enthalten"));
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_query_int(db, &n, "SELECT count(*) FROM session WHERE id = ?1", "i", session_id);
	if (rc == STATUS_OK && !n)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Sitzung %" PRId64 " gibt es nicht"), session_id);
	if (rc == STATUS_OK && parent_id) {
		rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE id = ?1 AND session_id = ?2"
			" AND type = 'free'", "ii", parent_id, session_id);
		if (rc == STATUS_OK && !n)
			rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " ist kein freier Code dieser "
				"Sitzung"), parent_id);
	}
	if (rc == STATUS_OK)
		rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE session_id = ?1 AND"
			" type = 'free' AND parent_id IS ?2 AND name = ?3", "int", session_id, parent_id, name);
	if (rc == STATUS_OK && n)
		rc = db_fail(db, STATUS_CONFLICT, _("Code \"%s\" gibt es an dieser Stelle schon"), name);
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO code(session_id, type, parent_id, name, colour, definition)"
			" VALUES (?1, 'free', ?2, ?3, ?4, ?5)", "intt" "t", session_id, parent_id, name,
			colour, definition);
	if (rc == STATUS_OK)
		*id = db_last_insert_id(db);
	return db_end(db, rc);
}

enum status code_find(struct db *db, int64_t session_id, const char *key, int64_t *id)
{
	char *end;
	long long number = strtoll(key, &end, 10);
	enum status rc;
	if (*key && !*end) {
		rc = db_query_int(db, id, "SELECT id FROM code WHERE id = ?1 AND session_id = ?2", "ii",
			(int64_t)number, session_id);
		if (rc != STATUS_NOT_FOUND)
			return rc;
	}
	struct db_stmt *st = db_prepare(db, CODE_PATHS " SELECT count(*), min(id) FROM ("
		" SELECT id FROM code_label WHERE session_id = ?1 AND name = ?2"
		" UNION SELECT id FROM path WHERE path = ?2)");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_text(st, 2, key);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	int64_t matches = db_column_int(st, 0);
	*id = db_column_int(st, 1);
	db_reset(st);
	if (matches == 1)
		return STATUS_OK;
	if (matches > 1)
		return db_fail(db, STATUS_CONFLICT, _("Code \"%s\" ist nicht eindeutig (%" PRId64
			" Treffer); nennen Sie die Code-Nummer (didat codes)"), key, matches);
	return db_fail(db, STATUS_NOT_FOUND, _("Code \"%s\" gibt es in dieser Sitzung nicht"), key);
}

enum status code_list(struct db *db, int64_t session_id, code_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, CODE_PATHS
		" SELECT l.id, l.type, coalesce(l.item_id, 0), coalesce(l.parent_id, 0), l.name,"
		" coalesce(p.path, ''), coalesce(l.colour, ''),"
		" (SELECT count(*) FROM coding WHERE code_id = l.id)"
		" FROM code_label l LEFT JOIN path p ON p.id = l.id WHERE l.session_id = ?1"
		" ORDER BY CASE l.type WHEN 'unseen' THEN 1 WHEN 'goal' THEN 2 WHEN 'measure' THEN 3"
		" WHEN 'soro' THEN 4 WHEN 'stakeholder' THEN 5 WHEN 'variable' THEN 6 ELSE 7 END,"
		" p.path, l.item_id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct code_info info = {
			.id = db_column_int(st, 0),
			.type = db_column_text(st, 1),
			.item_id = db_column_int(st, 2),
			.parent_id = db_column_int(st, 3),
			.name = db_column_text(st, 4),
			.path = db_column_text(st, 5),
			.colour = db_column_text(st, 6),
			.codings = db_column_int(st, 7),
		};
		if (cb(ctx, &info))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

enum status coder_ensure(struct db *db, const char *name, int64_t *id)
{
	if (!name || !*name)
		return db_fail(db, STATUS_INVALID, "%s", _("Kodierer: der Name darf nicht leer sein"));
	enum status rc = db_query_int(db, id, "SELECT id FROM coder WHERE name = ?1", "t", name);
	if (rc != STATUS_NOT_FOUND)
		return rc;
	rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "INSERT INTO coder(name) VALUES (?1)", "t", name);
	if (rc == STATUS_OK)
		*id = db_last_insert_id(db);
	return db_end(db, rc);
}

static enum status check_coding(struct db *db, const struct coding *c)
{
	int64_t lines = 0, n = 0;
	enum status rc = db_query_int(db, &lines, "SELECT line_count FROM document WHERE id = ?1 AND"
		" session_id = ?2", "ii", c->document_id, c->session_id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("Dokument %" PRId64 " gibt es in Sitzung %" PRId64 " nicht"),
			c->document_id, c->session_id);
	if (rc != STATUS_OK)
		return rc;
	if (c->first_line < 1 || c->last_line < c->first_line || c->last_line > lines)
		return db_fail(db, STATUS_INVALID, _("Zeilen %" PRId64 "–%" PRId64 " liegen außerhalb "
			"von Dokument %" PRId64 " (Zeilen 1–%" PRId64 ")"), c->first_line, c->last_line,
			c->document_id, lines);
	rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE id = ?1 AND session_id = ?2", "ii",
		c->code_id, c->session_id);
	if (rc == STATUS_OK && !n)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " gibt es in Sitzung %" PRId64
			" nicht"), c->code_id, c->session_id);
	return rc;
}

enum status coding_create(struct db *db, struct coding *c)
{
	int64_t coder_id = 0;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = check_coding(db, c);
	if (rc == STATUS_OK)
		rc = coder_ensure(db, c->coder, &coder_id);
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO coding(session_id, document_id, first_line, last_line,"
			" code_id, coder_id, memo) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", "iiiiiit",
			c->session_id, c->document_id, c->first_line, c->last_line, c->code_id, coder_id,
			c->memo && *c->memo ? c->memo : NULL);
	if (rc == STATUS_OK)
		c->id = db_last_insert_id(db);
	return db_end(db, rc);
}

enum status coding_delete(struct db *db, int64_t id)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM coding WHERE id = ?1", "i", id);
	if (rc == STATUS_OK && db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Kodierung %" PRId64 " gibt es nicht"), id);
	return db_end(db, rc);
}
