#include "model/undo.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/item.h"
#include "model/schema.h"
#include "model/sqlbuf.h"
#include "model/tables.h"
#include "util/i18n.h"

/* The session's modification time, as the schema writes it. */
#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

enum op { OP_INSERT, OP_UPDATE, OP_DELETE };

/* One row of the change log. */
struct log_row {
	int64_t id, session_id, row_id;
	const struct data_table *table;
	enum op op;
	char *old, *new;        /* JSON objects; NULL where the row was not there */
};

/* The rows of one change group, in log order. */
struct group {
	struct log_row *rows;
	size_t n;
};

#define MAX_COLUMNS 48
#define COLUMN_NAME_MAX 64

/* The columns a JSON state names, each checked against the table. */
struct columns {
	size_t n;
	char name[MAX_COLUMNS][COLUMN_NAME_MAX];
};


const char *undo_table_label(const char *table)
{
	const struct data_table *t = data_table_find(table);
	return t ? _(t->label) : NULL;
}

/* Only such names are put into SQL (quoted) and into JSON paths. */
static bool plain_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n >= COLUMN_NAME_MAX || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static bool is_key(const struct data_table *t, const char *column)
{
	if (!t->key[0])
		return strcmp(column, "id") == 0;
	return strcmp(column, t->key[0]) == 0 || strcmp(column, t->key[1]) == 0;
}

/* "Unseen 7", or for a link "Verknüpfung Ziel–Unseen 4–7", named by
 * IDENT (a state of the row). */
static void row_name(struct db *db, const struct log_row *r, const char *ident, char *buf, size_t size)
{
	if (!r->table->key[0]) {
		snprintf(buf, size, "%s %" PRId64, _(r->table->label), r->row_id);
		return;
	}
	int64_t a = 0, b = 0;
	char path[COLUMN_NAME_MAX + 4];
	snprintf(path, sizeof path, "$.%s", r->table->key[0]);
	db_query_int(db, &a, "SELECT json_extract(?1, ?2)", "tt", ident, path);
	snprintf(path, sizeof path, "$.%s", r->table->key[1]);
	db_query_int(db, &b, "SELECT json_extract(?1, ?2)", "tt", ident, path);
	snprintf(buf, size, "%s %" PRId64 "–%" PRId64, _(r->table->label), a, b);
}

static const char *op_text(enum op op)
{
	switch (op) {
	case OP_INSERT:
		return _("created");
	case OP_UPDATE:
		return _("changed");
	case OP_DELETE:
		break;
	}
	return _("deleted");
}

static void group_free(struct group *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->rows[i].old);
		free(g->rows[i].new);
	}
	free(g->rows);
	g->rows = NULL;
	g->n = 0;
}

/* Takes one row of the log as the statement ST shows it, refusing what
 * undo cannot trust: a table it does not know, a state that is not a
 * JSON object, a row of another session. */
static enum status row_read(struct db *db, struct db_stmt *st, int64_t session_id, struct log_row *r)
{
	static const char *const ops[] = { "insert", "update", "delete" };
	r->id = db_column_int(st, 0);
	r->session_id = db_column_int(st, 1);
	r->row_id = db_column_int(st, 3);
	r->table = data_table_find(db_column_text(st, 2));
	if (!r->table)
		return db_fail(db, STATUS_INVALID, _("Log row %" PRId64 ": unknown table; this "
			"change cannot be taken back"), r->id);
	size_t op = 0;
	while (op < 3 && strcmp(db_column_text(st, 4), ops[op]) != 0)
		op++;
	if (op == 3)
		return db_fail(db, STATUS_INVALID, _("Log row %" PRId64 ": unknown "
			"operation"), r->id);
	r->op = (enum op)op;
	bool want_old = r->op != OP_INSERT, want_new = r->op != OP_DELETE;
	if (want_old != (strcmp(db_column_text(st, 7), "object") == 0)
		|| want_new != (strcmp(db_column_text(st, 8), "object") == 0))
		return db_fail(db, STATUS_INVALID, _("Log row %" PRId64 " (%s %" PRId64 "): the "
			"old or new state is not a valid JSON "
			"object"), r->id, _(r->table->label), r->row_id);
	if (r->session_id != 0 && r->session_id != session_id)
		return db_fail(db, STATUS_INVALID, _("Log row %" PRId64 " (%s %" PRId64 ") "
			"belongs to session %" PRId64 ", not to "
			"%" PRId64), r->id, _(r->table->label), r->row_id,
			r->session_id, session_id);
	r->old = want_old ? db_column_strdup(st, 5) : NULL;
	r->new = want_new ? db_column_strdup(st, 6) : NULL;
	if ((want_old && !r->old) || (want_new && !r->new))
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	return STATUS_OK;
}

static enum status group_load(struct db *db, int64_t number, int64_t session_id, struct group *g)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, coalesce(session_id, 0), tbl, row_id, op, old, new,"
		" CASE WHEN json_valid(old) THEN json_type(old) END,"
		" CASE WHEN json_valid(new) THEN json_type(new) END"
		" FROM changelog WHERE change_group = ?1 ORDER BY id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, number);
	size_t cap = 0;
	enum status rc = STATUS_OK;
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		if (g->n == cap) {
			cap = cap ? cap * 2 : 16;
			struct log_row *rows = realloc(g->rows, cap * sizeof *rows);
			if (!rows) {
				rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
				break;
			}
			g->rows = rows;
		}
		struct log_row *r = &g->rows[g->n++];
		memset(r, 0, sizeof *r);
		if ((rc = row_read(db, st, session_id, r)) != STATUS_OK)
			break;
	}
	if (step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	if (rc == STATUS_OK && g->n == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Change %" PRId64 " is not in the "
			"log"), number);
	return rc;
}

/* The columns that STATE (a JSON object of R's row) names, in the
 * table's order; each must be a column of the table, and the columns
 * that name the row must be there. */
static enum status state_columns(struct db *db, const struct log_row *r, const char *state,
	struct columns *cols)
{
	struct db_stmt *st = db_prepare(db, "SELECT j.key, p.cid IS NOT NULL FROM json_each(?2) j"
		" LEFT JOIN pragma_table_info(?1) p ON p.name = j.key ORDER BY p.cid IS NOT NULL, p.cid");
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, r->table->name);
	db_bind_text(st, 2, state);
	enum status rc = STATUS_OK;
	enum db_step step;
	size_t keys = 0;
	cols->n = 0;
	while ((step = db_step(st)) == DB_ROW) {
		const char *key = db_column_text(st, 0);
		if (!db_column_int(st, 1) || !plain_name(key)) {
			rc = db_fail(db, STATUS_INVALID, _("Log row %" PRId64 ": table %s has no "
				"column "
				"\"%s\""), r->id, plain_name(key) ? key : "?", r->table->name);
			break;
		}
		if (cols->n == MAX_COLUMNS) {
			rc = db_fail(db, STATUS_INVALID, _("Log row %" PRId64 ": too many "
				"columns"), r->id);
			break;
		}
		snprintf(cols->name[cols->n++], COLUMN_NAME_MAX, "%s", key);
		keys += is_key(r->table, key);
	}
	if (step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	if (rc == STATUS_OK && keys != (r->table->key[0] ? 2u : 1u))
		rc = db_fail(db, STATUS_INVALID, _("Log row %" PRId64 ": the state does not name "
			"the row of %s"), r->id, r->table->name);
	return rc;
}

/* The condition that finds R's row: its id (?2), or its two key
 * columns as the JSON state ?3 has them. */
static void sql_add_row(struct sqlbuf *b, const struct data_table *t)
{
	if (!t->key[0])
		sqlbuf_addf(b, "\"id\" = ?2");
	else
		sqlbuf_addf(b, "\"%s\" IS json_extract(?3, '$.%s') AND \"%s\" IS json_extract(?3, '$.%s')",
			t->key[0], t->key[0], t->key[1], t->key[1]);
}

/* Runs B (parameters ?1 STATE, ?2 the row id, ?3 IDENT) and frees it. */
static enum status sql_run(struct db *db, struct sqlbuf *b, int64_t *count, const struct log_row *r,
	const char *state, const char *ident)
{
	enum status rc;
	if (b->failed)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	else if (count)
		rc = db_query_int(db, count, b->text, "tit", state, r->row_id, ident);
	else
		rc = db_exec(db, b->text, "tit", state, r->row_id, ident);
	free(b->text);
	b->text = NULL;
	return rc;
}

/* Whether R's row is now in STATE: no such row for NULL, else a row
 * with all of STATE's values (the modification time aside).  IDENT
 * names the row: STATE itself, or for NULL the state it had. */
static enum status state_is(struct db *db, const struct log_row *r, const char *state,
	const char *ident, bool *is)
{
	struct columns cols = { 0 };
	enum status rc;
	if (state && (rc = state_columns(db, r, state, &cols)) != STATUS_OK)
		return rc;
	struct sqlbuf b = { 0 };
	sqlbuf_addf(&b, "SELECT count(*) FROM \"%s\" WHERE ", r->table->name);
	sql_add_row(&b, r->table);
	for (size_t i = 0; i < cols.n; i++)
		if (strcmp(cols.name[i], "modified") != 0)
			sqlbuf_addf(&b, " AND \"%s\" IS json_extract(?1, '$.%s')", cols.name[i], cols.name[i]);
	int64_t count = 0;
	rc = sql_run(db, &b, &count, r, state, ident);
	*is = state ? count == 1 : count == 0;
	return rc;
}

static enum status conflict(struct db *db, const struct log_row *r, const char *from,
	const char *ident, bool redo)
{
	char name[160];
	bool gone = false;
	enum status rc = from ? state_is(db, r, NULL, ident, &gone) : STATUS_OK;
	if (rc != STATUS_OK)
		return rc;
	row_name(db, r, ident, name, sizeof name);
	const char *what = gone ? _("no longer exists") : _("was changed since");
	if (!from)
		what = r->table->key[0] ? _("exists again by now")
			: _("exists again by now (the number was given anew)");
	return db_fail(db, STATUS_CONFLICT, _("Conflict: %s (table %s) %s; "
		"%s"), name, r->table->name,
		what, redo ? _("nothing redone") : _("nothing undone"));
}

/* Writes the row state TO over FROM (either may be NULL: no row). */
static enum status state_write(struct db *db, const struct log_row *r, const char *from, const char *to)
{
	struct columns cols = { 0 };
	struct sqlbuf b = { 0 };
	enum status rc;
	if (to && (rc = state_columns(db, r, to, &cols)) != STATUS_OK)
		return rc;
	if (!from) {
		sqlbuf_addf(&b, "INSERT INTO \"%s\" (", r->table->name);
		for (size_t i = 0; i < cols.n; i++)
			sqlbuf_addf(&b, "%s\"%s\"", i ? ", " : "", cols.name[i]);
		sqlbuf_addf(&b, ") VALUES (");
		for (size_t i = 0; i < cols.n; i++)
			sqlbuf_addf(&b, "%sjson_extract(?1, '$.%s')", i ? ", " : "", cols.name[i]);
		sqlbuf_addf(&b, ")");
	} else if (!to) {
		sqlbuf_addf(&b, "DELETE FROM \"%s\" WHERE ", r->table->name);
		sql_add_row(&b, r->table);
	} else {
		/* found by its name in FROM; a link's two columns are written
		 * too, since they are all it has */
		bool first = true;
		sqlbuf_addf(&b, "UPDATE \"%s\" SET ", r->table->name);
		for (size_t i = 0; i < cols.n; i++) {
			const char *c = cols.name[i];
			if (strcmp(c, "id") == 0)
				continue;
			if (strcmp(c, "modified") == 0)
				sqlbuf_addf(&b, "%s\"modified\" = %s", first ? "" : ", ", NOW);
			else
				sqlbuf_addf(&b, "%s\"%s\" = json_extract(?1, '$.%s')", first ? "" : ", ", c, c);
			first = false;
		}
		if (first) {
			free(b.text);
			return STATUS_OK;   /* nothing but the row's id */
		}
		sqlbuf_addf(&b, " WHERE ");
		sql_add_row(&b, r->table);
	}
	rc = sql_run(db, &b, NULL, r, to, from ? from : to);
	if (rc == STATUS_OK && db_changes(db) != 1)
		rc = db_fail(db, STATUS_CONFLICT, _("Log row %" PRId64 ": %s %" PRId64 " could "
			"not be written"), r->id, _(r->table->label), r->row_id);
	return rc;
}

/* Brings R's row from state FROM to state TO.  A row already in TO is
 * left alone: a cascade of an earlier step of the same group did it (a
 * deleted unseen takes its links along).  A row in neither is a
 * conflict. */
static enum status step_write(struct db *db, const struct log_row *r, const char *from,
	const char *to, bool redo)
{
	const char *ident_from = from ? from : to, *ident_to = to ? to : from;
	bool is = false;
	enum status rc = state_is(db, r, to, ident_to, &is);
	if (rc != STATUS_OK || is)
		return rc;
	if ((rc = state_is(db, r, from, ident_from, &is)) != STATUS_OK)
		return rc;
	if (!is)
		return conflict(db, r, from, ident_from, redo);
	rc = state_write(db, r, from, to);
	if (rc != STATUS_OK && rc != STATUS_NOMEM) {
		/* a trigger or constraint said no: name the row it was about */
		char msg[512], name[160];
		snprintf(msg, sizeof msg, "%s", db_error(db));
		row_name(db, r, ident_from, name, sizeof name);
		rc = db_fail(db, rc, _("%s (table %s): %s; %s"), name, r->table->name, msg,
			redo ? _("nothing redone") : _("nothing undone"));
	}
	return rc;
}

/* STATE cut down to the columns in which it differs from OTHER, plus
 * the columns that name the row and its modification time: an update is
 * undone column by column, so that a colleague's later change to another
 * field of the same row stays and is no conflict.  Malloc'd. */
static enum status state_narrow(struct db *db, const struct log_row *r, const char *state,
	const char *other, char **out)
{
	struct sqlbuf b = { 0 };
	sqlbuf_addf(&b, "SELECT json_group_object(key, CASE WHEN type IN ('true', 'false')"
		" THEN json(atom) ELSE value END) FROM json_each(?1) WHERE key IN ('id', 'modified'");
	for (size_t i = 0; i < 2 && r->table->key[i]; i++)
		sqlbuf_addf(&b, ", '%s'", r->table->key[i]);
	sqlbuf_addf(&b, ") OR json_extract(?1, '$.\"' || key || '\"')"
		" IS NOT json_extract(?2, '$.\"' || key || '\"')");
	if (b.failed) {
		sqlbuf_free(&b);
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	struct db_stmt *st = db_prepare(db, b.text);
	sqlbuf_free(&b);
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, state);
	db_bind_text(st, 2, other);
	enum status rc = db_step(st) == DB_ROW ? STATUS_OK : db_step_status(st);
	*out = rc == STATUS_OK ? db_column_strdup(st, 0) : NULL;
	db_reset(st);
	if (rc == STATUS_OK && !*out)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	return rc;
}

/* step_write, where an update compares and writes only the columns it
 * changed. */
static enum status step_apply(struct db *db, const struct log_row *r, const char *from,
	const char *to, bool redo)
{
	if (from && to && r->op == OP_UPDATE) {
		/* both states are checked whole before they are cut down */
		struct columns cols;
		char *narrow_from = NULL, *narrow_to = NULL;
		enum status rc = state_columns(db, r, from, &cols);
		if (rc == STATUS_OK)
			rc = state_columns(db, r, to, &cols);
		if (rc == STATUS_OK)
			rc = state_narrow(db, r, from, to, &narrow_from);
		if (rc == STATUS_OK)
			rc = state_narrow(db, r, to, from, &narrow_to);
		if (rc == STATUS_OK)
			rc = step_write(db, r, narrow_from, narrow_to, redo);
		free(narrow_from);
		free(narrow_to);
		return rc;
	}
	return step_write(db, r, from, to, redo);
}

/* Refuses when the undo or redo (change group DONE) changed a row that
 * group TARGET never touched (a link in neither of its states there): a
 * cascade reached past the user action. */
static enum status check_untouched(struct db *db, int64_t done, int64_t target, bool redo)
{
	struct sqlbuf b = { 0 };
	sqlbuf_addf(&b, "WITH k(tbl, k0, k1) AS (VALUES ('', '', '')");
	const struct data_table *t;
	for (size_t i = 0; (t = data_table_at(i)); i++)
		if (t->key[0])
			sqlbuf_addf(&b, ", ('%s', '$.%s', '$.%s')", t->name, t->key[0], t->key[1]);
	sqlbuf_addf(&b, ") SELECT d.id, d.tbl, d.row_id, d.op, coalesce(d.new, d.old) FROM changelog d"
		" LEFT JOIN k ON k.tbl = d.tbl WHERE d.change_group = ?1 AND NOT EXISTS ("
		" SELECT 1 FROM changelog t WHERE t.change_group = ?2 AND t.tbl = d.tbl AND CASE"
		" WHEN k.tbl IS NULL THEN t.row_id = d.row_id"
		" ELSE EXISTS (SELECT 1 FROM (SELECT t.old AS state UNION ALL SELECT t.new) WHERE"
		" json_extract(state, k.k0) IS json_extract(coalesce(d.new, d.old), k.k0)"
		" AND json_extract(state, k.k1) IS json_extract(coalesce(d.new, d.old), k.k1))"
		" END) ORDER BY d.id LIMIT 1");
	if (b.failed) {
		free(b.text);
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	struct db_stmt *st = db_prepare(db, b.text);
	free(b.text);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, done);
	db_bind_int(st, 2, target);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW: {
		struct log_row r = { .id = db_column_int(st, 0), .row_id = db_column_int(st, 2) };
		char name[160], *state = db_column_strdup(st, 4);
		r.table = data_table_find(db_column_text(st, 1));
		if (r.table && state)
			row_name(db, &r, state, name, sizeof name);
		else
			snprintf(name, sizeof name, "%" PRId64, r.row_id);
		free(state);
		rc = db_fail(db, STATUS_CONFLICT, _("Conflict: %s would also change %s (table "
			"%s), which is not part of this change; nothing changed"),
			redo ? _("Redoing") : _("Undoing"), name,
			r.table ? r.table->name : "?");
		break;
	}
	case DB_DONE:
		break;
	case DB_ERROR:
		rc = db_step_status(st);
		break;
	}
	db_reset(st);
	return rc;
}

/* Whose changes an undo or redo takes: WHO's, or with NULL everyone's.
 * A change or step the log has no name for (forged, or older than
 * names) is everyone's. */
static const char *scope_who(struct db *db, enum undo_scope scope)
{
	return scope == UNDO_ANYONE ? NULL : db_user(db);
}

/* The session's last user action of WHO (NULL: of anyone; 0: none), undo
 * and redo steps aside. */
static enum status last_user_group(struct db *db, int64_t session_id, const char *who,
	int64_t *group)
{
	enum status rc = db_query_int(db, group, "SELECT c.change_group FROM changelog c"
		" WHERE c.session_id = ?1 AND (?2 IS NULL OR coalesce(c.who, '') IN ('', ?2)) AND NOT EXISTS"
		" (SELECT 1 FROM undo_step s WHERE s.done_group = c.change_group)"
		" ORDER BY c.id DESC LIMIT 1", "it", session_id, who);
	if (rc == STATUS_NOT_FOUND) {
		*group = 0;
		rc = STATUS_OK;
	}
	return rc;
}

/* The session's last user action of WHO (NULL: of anyone) whose latest
 * step is not an undo.  STATUS_NOT_FOUND with a message when there is
 * none, or when it made or deleted a session or document: undo stops
 * there. */
static enum status undo_target(struct db *db, int64_t session_id, const char *who, int64_t *group)
{
	enum status rc = db_query_int(db, group, "SELECT c.change_group FROM changelog c"
		" WHERE c.session_id = ?1 AND (?2 IS NULL OR coalesce(c.who, '') IN ('', ?2)) AND NOT EXISTS"
		" (SELECT 1 FROM undo_step s WHERE s.done_group = c.change_group)"
		" AND coalesce((SELECT s.kind FROM undo_step s WHERE s.target_group = c.change_group"
		" ORDER BY s.id DESC LIMIT 1), 'redo') = 'redo'"
		" ORDER BY c.id DESC LIMIT 1", "it", session_id, who);
	if (rc == STATUS_NOT_FOUND && who)
		return db_fail(db, rc, _("nothing of %s's to undo (undo SESSION --anyone takes back "
			"anyone's last change)"), who);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, "%s", _("nothing to undo"));
	if (rc != STATUS_OK)
		return rc;
	struct db_stmt *st = db_prepare(db, "SELECT tbl, row_id, op FROM changelog WHERE change_group = ?1"
		" AND tbl IN ('session', 'document') AND op IN ('insert', 'delete') ORDER BY id LIMIT 1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, *group);
	switch (db_step(st)) {
	case DB_ROW: {
		const struct data_table *t = data_table_find(db_column_text(st, 0));
		rc = db_fail(db, STATUS_NOT_FOUND, _("nothing to undo: “%s %" PRId64 " %s” "
			"cannot be taken back"), t ? _(t->label) : "?", db_column_int(st, 1),
			strcmp(db_column_text(st, 2), "insert") == 0 ? _("created") : _("deleted"));
		break;
	}
	case DB_DONE:
		break;
	case DB_ERROR:
		rc = db_step_status(st);
		break;
	}
	db_reset(st);
	return rc;
}

/* The action that WHO (NULL: anyone) undid last, whose undo no user
 * action of theirs followed; STATUS_NOT_FOUND with a message when there
 * is none. */
static enum status redo_target(struct db *db, int64_t session_id, const char *who, int64_t *group)
{
	int64_t last = 0;
	enum status rc = last_user_group(db, session_id, who, &last);
	if (rc == STATUS_OK)
		rc = db_query_int(db, group, "SELECT s.target_group FROM undo_step s"
			" WHERE s.session_id = ?1 AND s.kind = 'undo' AND s.done_group > ?2"
			" AND (?3 IS NULL OR coalesce(s.who, '') IN ('', ?3))"
			" AND s.id = (SELECT max(t.id) FROM undo_step t WHERE t.target_group = s.target_group)"
			" ORDER BY s.id DESC LIMIT 1", "iit", session_id, last, who);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, "%s", _("nothing to redo"));
	return rc;
}

/* "Rückgängig: Unseen 7 geändert", and how many more rows of its kind
 * the action changed. */
static void describe(struct db *db, const struct group *g, bool redo, const char *who,
	char *buf, size_t size)
{
	const struct log_row *r = &g->rows[0];
	char name[160];
	size_t more = 0;
	for (size_t i = 1; i < g->n; i++)
		more += g->rows[i].table == r->table && g->rows[i].op == r->op;
	row_name(db, r, r->new ? r->new : r->old, name, sizeof name);
	int n = snprintf(buf, size, "%s: %s %s", redo ? _("Redone") : _("Undone"), name,
		op_text(r->op));
	if (more && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, _(" (and %zu more)"), more);
	if (*who && strcmp(who, db_user(db)) != 0 && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, _(", a change by %s"), who);
}

/* Who made change group GROUP ("" when the log does not say). */
static enum status group_author(struct db *db, int64_t group, char *buf, size_t size)
{
	char *who = NULL;
	enum status rc = db_query_text(db, &who, "SELECT coalesce(who, '') FROM changelog"
		" WHERE change_group = ?1 ORDER BY id LIMIT 1", group);
	if (rc == STATUS_OK)
		snprintf(buf, size, "%s", who);
	free(who);
	return rc;
}

static enum status run(struct db *db, int64_t session_id, enum undo_scope scope, bool redo,
	struct undo_result *out)
{
	const char *who = scope_who(db, scope);
	struct group g = { 0 };
	int64_t target = 0, done = 0, exists = 0;
	memset(out, 0, sizeof *out);
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_query_int(db, &exists, "SELECT count(*) FROM session WHERE id = ?1", "i", session_id);
	if (rc == STATUS_OK && !exists)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Session %" PRId64 " does not exist; a "
			"deleted session cannot be brought back"), session_id);
	/* A re-inserted link or coding comes before the item it points to
	 * (the log has the parent first): check the references at commit. */
	if (rc == STATUS_OK)
		rc = db_exec(db, "PRAGMA defer_foreign_keys = ON", "");
	if (rc == STATUS_OK)
		rc = redo ? redo_target(db, session_id, who, &target)
		          : undo_target(db, session_id, who, &target);
	if (rc == STATUS_OK)
		rc = group_load(db, target, session_id, &g);
	if (rc == STATUS_OK)
		rc = group_author(db, target, out->who, sizeof out->who);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &done, "SELECT didat_change_group()", "");
	for (size_t i = 0; rc == STATUS_OK && i < g.n; i++) {
		const struct log_row *r = redo ? &g.rows[i] : &g.rows[g.n - 1 - i];
		rc = redo ? step_apply(db, r, r->old, r->new, true) : step_apply(db, r, r->new, r->old, false);
	}
	if (rc == STATUS_OK)
		rc = check_untouched(db, done, target, redo);
	int64_t written = 0;
	if (rc == STATUS_OK)
		rc = db_query_int(db, &written, "SELECT count(*) FROM changelog WHERE change_group = ?1",
			"i", done);
	if (rc == STATUS_OK && written == 0)
		rc = db_fail(db, STATUS_CONFLICT, _("Conflict: change %" PRId64 " is already %s; "
			"nothing changed"), target, redo ? _("redone") : _("taken "
			"back"));
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO undo_step(session_id, kind, target_group, done_group, who)"
			" VALUES (?1, ?2, ?3, ?4, ?5)", "itiit", session_id, redo ? "redo" : "undo", target,
			done, db_user(db));
	if (rc == STATUS_OK) {
		describe(db, &g, redo, out->who, out->description, sizeof out->description);
		/* the item the action was about, for a screen to show it */
		for (size_t i = 0; i < g.n && !out->row_id; i++) {
			const struct item_type *type = item_type_by_name(g.rows[i].table->name);
			if (type && type->kind != ITEM_SESSION) {
				snprintf(out->table, sizeof out->table, "%s", type->name);
				out->row_id = g.rows[i].row_id;
			}
		}
	}
	group_free(&g);
	enum status end = db_end(db, rc);
	if (rc == STATUS_OK && end == STATUS_CONFLICT)
		/* a deferred reference failed at commit */
		end = db_fail(db, end, _("Conflict: a row brought back by change %" PRId64 " "
			"refers to something that no longer exists; %s"), target,
			redo ? _("nothing redone") : _("nothing undone"));
	if (end != STATUS_OK) {
		memset(out, 0, sizeof *out);
		return end;
	}
	out->target_group = target;
	out->done_group = done;
	return STATUS_OK;
}

enum status undo_last(struct db *db, int64_t session_id, enum undo_scope scope,
	struct undo_result *out)
{
	return run(db, session_id, scope, false, out);
}

enum status redo_last(struct db *db, int64_t session_id, enum undo_scope scope,
	struct undo_result *out)
{
	return run(db, session_id, scope, true, out);
}

enum status undo_available(struct db *db, int64_t session_id, enum undo_scope scope,
	bool *can_undo, bool *can_redo)
{
	const char *who = scope_who(db, scope);
	int64_t group = 0;
	*can_undo = *can_redo = false;
	enum status rc = undo_target(db, session_id, who, &group);
	if (rc != STATUS_OK && rc != STATUS_NOT_FOUND)
		return rc;
	*can_undo = rc == STATUS_OK;
	rc = redo_target(db, session_id, who, &group);
	if (rc != STATUS_OK && rc != STATUS_NOT_FOUND)
		return rc;
	*can_redo = rc == STATUS_OK;
	return STATUS_OK;
}
