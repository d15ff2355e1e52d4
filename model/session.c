#include "model/session.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/guid.h"
#include "model/sqlbuf.h"
#include "model/tables.h"
#include "util/i18n.h"

/* The actor groups of the SME chapter's appendix (DIDAT.md, step 5). */
static const struct { const char *letter, *name; } default_actors[] = {
	{ "A", N_("SMEs in general") },
	{ "B", N_("Managers in SMEs") },
	{ "C", N_("All employees") },
	{ "D", N_("Cooperation partners") },
	{ "E", N_("State institutions") },
	{ "F", N_("IT vendors and service providers") },
	{ "G", N_("Others (associations, chambers, universities, consultancy)") },
};

enum status session_create(struct db *db, struct session *s)
{
	if (s->scale == 0)
		s->scale = 3;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = item_create(db, item_type(ITEM_SESSION), s);
	for (size_t i = 0; rc == STATUS_OK && i < sizeof default_actors / sizeof default_actors[0]; i++)
		rc = db_exec(db, "INSERT INTO actor(session_id, letter, name) VALUES (?1, ?2, ?3)", "itt",
			s->id, default_actors[i].letter, _(default_actors[i].name));
	return db_end(db, rc);
}

enum status session_find(struct db *db, const char *key, int64_t *id)
{
	return item_find(db, item_type(ITEM_SESSION), 0, key, id);
}

#define SUMMARY_SQL \
	"SELECT s.id, s.title, coalesce(s.date, ''), s.modified," \
	" (SELECT count(*) FROM component WHERE session_id = s.id)," \
	" (SELECT count(*) FROM unseen WHERE session_id = s.id)," \
	" (SELECT count(*) FROM goal WHERE session_id = s.id)," \
	" (SELECT count(*) FROM measure WHERE session_id = s.id)," \
	" (SELECT count(*) FROM document WHERE session_id = s.id)," \
	" (SELECT count(*) FROM coding WHERE session_id = s.id)" \
	" FROM session s"

static enum status run_summaries(struct db *db, struct db_stmt *st, session_cb cb, void *ctx)
{
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct session_summary sum = {
			.id = db_column_int(st, 0),
			.title = db_column_text(st, 1),
			.date = db_column_text(st, 2),
			.modified = db_column_text(st, 3),
			.components = db_column_int(st, 4),
			.unseens = db_column_int(st, 5),
			.goals = db_column_int(st, 6),
			.measures = db_column_int(st, 7),
			.documents = db_column_int(st, 8),
			.codings = db_column_int(st, 9),
		};
		if (cb(ctx, &sum))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	(void)db;
	return rc;
}

enum status session_list(struct db *db, session_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, SUMMARY_SQL " ORDER BY s.date DESC, s.id DESC");
	if (!st)
		return STATUS_DB;
	return run_summaries(db, st, cb, ctx);
}

enum status session_summary(struct db *db, int64_t id, session_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, SUMMARY_SQL " WHERE s.id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	return run_summaries(db, st, cb, ctx);
}

/* Every data table (model/tables.h) is copied with its ids shifted by
 * one offset per table, so that every reference in the copy is the
 * original reference plus the offset of the table it points to: one
 * INSERT ... SELECT per table, no id map.  The statements are generated
 * from the live schema (columns and foreign keys), as the change-log
 * triggers are, so that a new kind or column is copied without a line
 * of its own. */
struct copy {
	struct db *db;
	int64_t from, to;
	int64_t off[64];       /* by data table index; 0 for tables without ids */
};

static size_t table_index(const char *name)
{
	const struct data_table *t;
	for (size_t i = 0; (t = data_table_at(i)); i++)
		if (strcmp(t->name, name) == 0)
			return i;
	return SIZE_MAX;
}

/* An offset that moves the session's ids of table T past every id in use. */
static enum status copy_offset(struct copy *c, const struct data_table *t, int64_t *off)
{
	*off = 0;
	if (t->key[0] || t->item == ITEM_SESSION)
		return STATUS_OK;   /* no ids of its own; the session is made anew */
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT coalesce((SELECT max(id) FROM \"%s\"), 0) - coalesce("
		"(SELECT min(R.id) FROM \"%s\" R WHERE %s = ?1), 0) + 1", t->name, t->name, t->session);
	return db_query_int(c->db, off, sql, "i", c->from);
}

/* What column COL of the copied row is: the new session, an id shifted
 * by its table's offset, a code's item shifted by its kind's, or itself. */
static void copy_column(struct copy *c, struct sqlbuf *b, size_t self, const char *col,
	const char *target)
{
	size_t to = target ? table_index(target) : SIZE_MAX;
	if (strcmp(col, "session_id") == 0 || (to != SIZE_MAX && data_table_at(to)->item == ITEM_SESSION)) {
		sqlbuf_addf(b, "?2");
	} else if (strcmp(col, "id") == 0) {
		sqlbuf_addf(b, "R.id + %" PRId64, c->off[self]);
	} else if (strcmp(col, "guid") == 0) {
		/* a copy is a project of its own: its codes and sources get new GUIDs */
		sqlbuf_addf(b, "%s", SQL_NEW_GUID);
	} else if (to != SIZE_MAX) {
		sqlbuf_addf(b, "R.\"%s\" + %" PRId64, col, c->off[to]);
	} else if (strcmp(data_table_at(self)->name, "code") == 0 && strcmp(col, "item_id") == 0) {
		sqlbuf_addf(b, "R.item_id + CASE R.type");
		for (size_t i = 0; code_type_at(i); i++) {
			size_t k = table_index(code_type_at(i));
			if (k != SIZE_MAX)
				sqlbuf_addf(b, " WHEN '%s' THEN %" PRId64, code_type_at(i), c->off[k]);
		}
		sqlbuf_addf(b, " END");
	} else {
		sqlbuf_addf(b, "R.\"%s\"", col);
	}
}

/* INSERT INTO t(...) SELECT ... FROM t R WHERE <its session> = ?1. */
static enum status copy_table(struct copy *c, size_t self)
{
	const struct data_table *t = data_table_at(self);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT c.name, (SELECT f.\"table\" FROM pragma_foreign_key_list('%s')"
		" f WHERE f.\"from\" = c.name) FROM pragma_table_info('%s') c ORDER BY c.cid",
		t->name, t->name);
	struct db_stmt *st = db_prepare(c->db, sql);
	if (!st)
		return STATUS_DB;
	struct sqlbuf cols = { 0 }, values = { 0 };
	enum db_step step;
	for (bool first = true; (step = db_step(st)) == DB_ROW; first = false) {
		const char *col = db_column_text(st, 0);
		sqlbuf_addf(&cols, "%s\"%s\"", first ? "" : ", ", col);
		sqlbuf_addf(&values, "%s", first ? "" : ", ");
		copy_column(c, &values, self, col, db_column_is_null(st, 1) ? NULL
			: db_column_text(st, 1));
	}
	db_reset(st);
	enum status rc = step == DB_DONE ? STATUS_OK : STATUS_DB;
	struct sqlbuf b = { 0 };
	sqlbuf_addf(&b, "INSERT INTO \"%s\"(%s) SELECT %s FROM \"%s\" R WHERE %s = ?1", t->name,
		cols.text, values.text, t->name, t->session);
	if (rc == STATUS_OK && (b.failed || cols.failed || values.failed))
		rc = db_fail(c->db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK)
		rc = db_exec(c->db, b.text, "ii", c->from, c->to);
	sqlbuf_free(&cols);
	sqlbuf_free(&values);
	sqlbuf_free(&b);
	return rc;
}

/* The lines of the copied documents, and their search index. */
static enum status copy_lines(struct copy *c)
{
	int64_t off = c->off[table_index("document")];
	enum status rc = db_exec(c->db, "INSERT INTO line(document_id, number, text, part, printed)"
		" SELECT l.document_id + ?2, l.number, l.text, l.part, l.printed FROM line l"
		" JOIN document d ON d.id = l.document_id WHERE d.session_id = ?1", "ii", c->from, off);
	if (rc == STATUS_OK)
		rc = db_exec(c->db, "INSERT INTO line_fts(rowid, text)"
			" SELECT l.document_id * 4294967296 + l.number, l.text"
			" FROM line l JOIN document d ON d.id = l.document_id WHERE d.session_id = ?1"
			" ORDER BY l.document_id, l.number", "i", c->to);
	return rc;
}

static enum status copy_rows(struct db *db, int64_t from, int64_t to)
{
	struct copy c = { db, from, to, { 0 } };
	const struct data_table *t;
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && (t = data_table_at(i)); i++)
		rc = i < sizeof c.off / sizeof c.off[0] ? copy_offset(&c, t, &c.off[i])
			: db_fail(db, STATUS_INVALID, "too many tables to copy");
	for (size_t i = 0; rc == STATUS_OK && (t = data_table_at(i)); i++)
		if (t->item != ITEM_SESSION)
			rc = copy_table(&c, i);
	if (rc == STATUS_OK)
		rc = copy_lines(&c);
	return rc;
}

enum status session_duplicate(struct db *db, int64_t id, const char *title, int64_t *new_id)
{
	const struct item_type *type = item_type(ITEM_SESSION);
	struct session s;
	enum status rc = db_check_utf8(db, _("Session: title"), title);
	if (rc == STATUS_OK)
		rc = item_read(db, type, id, &s);
	if (rc != STATUS_OK)
		return rc;
	char *new_title;
	if (title) {
		new_title = strdup(title);
	} else {
		size_t n = strlen(s.title) + 32;
		new_title = malloc(n);
		if (new_title)
			snprintf(new_title, n, "%s %s", s.title, _("(copy)"));
	}
	if (!new_title) {
		item_clear(type, &s);
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	free(s.title);
	s.title = new_title;

	rc = db_begin_bulk(db);
	if (rc == STATUS_OK) {
		/* Codes may point to parents copied after them: check at commit. */
		rc = db_exec(db, "PRAGMA defer_foreign_keys = ON", "");
		if (rc == STATUS_OK)
			rc = item_create(db, type, &s);
		if (rc == STATUS_OK)
			rc = copy_rows(db, id, s.id);
		rc = db_end(db, rc);
	}
	if (rc == STATUS_OK)
		*new_id = s.id;
	item_clear(type, &s);
	return rc;
}

enum status session_delete(struct db *db, int64_t id)
{
	return item_delete(db, item_type(ITEM_SESSION), id);
}
