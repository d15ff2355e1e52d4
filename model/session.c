#include "model/session.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
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

/* Tables copied with their ids shifted by one offset each, so that every
 * reference in the copy is the original reference plus the offset of the
 * table it points to: one INSERT ... SELECT per table, no id map. */
enum copy_table { C_COMPONENT, C_STAKEHOLDER, C_ACTOR, C_UNSEEN, C_VARIABLE, C_GOAL,
	C_CONFLICT, C_MEASURE, C_SORO, C_DOCUMENT, C_CODE, C_CODING, C_COUNT };

static const char *const copy_table_names[C_COUNT] = {
	"component", "stakeholder", "actor", "unseen", "variable", "goal",
	"conflict", "measure", "soro", "document", "code", "coding",
};

/* ?1 new session, ?2 old session, ?3.. offsets in enum copy_table order. */
static const char *const copy_sql[] = {
	"INSERT INTO component(id, session_id, number, name, question)"
	" SELECT id + ?3, ?1, number, name, question FROM component WHERE session_id = ?2",
	"INSERT INTO stakeholder(id, session_id, name, kind, description)"
	" SELECT id + ?4, ?1, name, kind, description FROM stakeholder WHERE session_id = ?2",
	"INSERT INTO actor(id, session_id, letter, name)"
	" SELECT id + ?5, ?1, letter, name FROM actor WHERE session_id = ?2",
	"INSERT INTO unseen(id, session_id, position, title, description, causes, component_id,"
	" likelihood, impact, capacity, votes) SELECT id + ?6, ?1, position, title, description,"
	" causes, component_id + ?3, likelihood, impact, capacity, votes FROM unseen WHERE session_id = ?2",
	"INSERT INTO unseen_stakeholder(unseen_id, stakeholder_id)"
	" SELECT l.unseen_id + ?6, l.stakeholder_id + ?4 FROM unseen_stakeholder l"
	" JOIN unseen u ON u.id = l.unseen_id WHERE u.session_id = ?2",
	"INSERT INTO variable(id, session_id, position, name, short, description)"
	" SELECT id + ?7, ?1, position, name, short, description FROM variable WHERE session_id = ?2",
	"INSERT INTO impact(from_id, to_id, strength, note)"
	" SELECT i.from_id + ?7, i.to_id + ?7, i.strength, i.note FROM impact i"
	" JOIN variable v ON v.id = i.from_id WHERE v.session_id = ?2",
	"INSERT INTO goal(id, session_id, component_id, text)"
	" SELECT id + ?8, ?1, component_id + ?3, text FROM goal WHERE session_id = ?2",
	"INSERT INTO goal_unseen(goal_id, unseen_id)"
	" SELECT l.goal_id + ?8, l.unseen_id + ?6 FROM goal_unseen l"
	" JOIN goal g ON g.id = l.goal_id WHERE g.session_id = ?2",
	"INSERT INTO conflict(id, session_id, goal_a, goal_b, description)"
	" SELECT id + ?9, ?1, goal_a + ?8, goal_b + ?8, description FROM conflict WHERE session_id = ?2",
	"INSERT INTO measure(id, session_id, text, actor_id, horizon, priority)"
	" SELECT id + ?10, ?1, text, actor_id + ?5, horizon, priority FROM measure WHERE session_id = ?2",
	"INSERT INTO measure_goal(measure_id, goal_id)"
	" SELECT l.measure_id + ?10, l.goal_id + ?8 FROM measure_goal l"
	" JOIN measure m ON m.id = l.measure_id WHERE m.session_id = ?2",
	"INSERT INTO soro(id, session_id, component_id, text)"
	" SELECT id + ?11, ?1, component_id + ?3, text FROM soro WHERE session_id = ?2",
	"INSERT INTO soro_unseen(soro_id, unseen_id)"
	" SELECT l.soro_id + ?11, l.unseen_id + ?6 FROM soro_unseen l"
	" JOIN soro s ON s.id = l.soro_id WHERE s.session_id = ?2",
	"INSERT INTO soro_goal(soro_id, goal_id)"
	" SELECT l.soro_id + ?11, l.goal_id + ?8 FROM soro_goal l"
	" JOIN soro s ON s.id = l.soro_id WHERE s.session_id = ?2",
	"INSERT INTO soro_measure(soro_id, measure_id)"
	" SELECT l.soro_id + ?11, l.measure_id + ?10 FROM soro_measure l"
	" JOIN soro s ON s.id = l.soro_id WHERE s.session_id = ?2",
	"INSERT INTO document(id, session_id, title, kind, date, component_id, filename, sha256,"
	" line_count, participants, memo, imported) SELECT id + ?12, ?1, title, kind, date,"
	" component_id + ?3, filename, sha256, line_count, participants, memo, imported"
	" FROM document WHERE session_id = ?2",
	"INSERT INTO line(document_id, number, text)"
	" SELECT l.document_id + ?12, l.number, l.text FROM line l"
	" JOIN document d ON d.id = l.document_id WHERE d.session_id = ?2",
	"INSERT INTO line_fts(rowid, text) SELECT l.document_id * 4294967296 + l.number, l.text"
	" FROM line l JOIN document d ON d.id = l.document_id WHERE d.session_id = ?1"
	" ORDER BY l.document_id, l.number",
	"INSERT INTO code(id, session_id, type, item_id, parent_id, name, colour, definition, memo)"
	" SELECT id + ?13, ?1, type, item_id + CASE type WHEN 'unseen' THEN ?6 WHEN 'goal' THEN ?8"
	" WHEN 'measure' THEN ?10 WHEN 'soro' THEN ?11 WHEN 'stakeholder' THEN ?4"
	" WHEN 'variable' THEN ?7 END, parent_id + ?13, name, colour, definition, memo"
	" FROM code WHERE session_id = ?2",
	"INSERT INTO coding(id, session_id, document_id, first_line, last_line, code_id, coder_id,"
	" memo, created) SELECT id + ?14, ?1, document_id + ?12, first_line, last_line,"
	" code_id + ?13, coder_id, memo, created FROM coding WHERE session_id = ?2",
};

/* An offset that moves the session's ids of TABLE past every id in use. */
static enum status copy_offset(struct db *db, const char *table, int64_t session, int64_t *off)
{
	char sql[192];
	snprintf(sql, sizeof sql, "SELECT coalesce((SELECT max(id) FROM \"%s\"), 0) - coalesce("
		"(SELECT min(id) FROM \"%s\" WHERE session_id = ?1), 0) + 1", table, table);
	return db_query_int(db, off, sql, "i", session);
}

static enum status copy_rows(struct db *db, int64_t from, int64_t to)
{
	int64_t off[C_COUNT];
	enum status rc = STATUS_OK;
	for (int t = 0; t < C_COUNT && rc == STATUS_OK; t++)
		rc = copy_offset(db, copy_table_names[t], from, &off[t]);
	for (size_t i = 0; i < sizeof copy_sql / sizeof copy_sql[0] && rc == STATUS_OK; i++) {
		struct db_stmt *st = db_prepare(db, copy_sql[i]);
		if (!st)
			return STATUS_DB;
		db_bind_int(st, 1, to);
		db_bind_int(st, 2, from);
		for (int t = 0; t < C_COUNT; t++)
			db_bind_int(st, t + 3, off[t]);
		enum db_step step = db_step(st);
		db_reset(st);
		if (step != DB_DONE)
			rc = db_step_status(st);
	}
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

	rc = db_begin(db);
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
