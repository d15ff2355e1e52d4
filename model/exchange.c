/* The rows of an exchange: see exchange.h. */
#include "model/exchange.h"

#include "model/db.h"

enum status exchange_free_codes(struct db *db, int64_t session, exchange_code_cb cb, void *ctx)
{
	/* char(1) sorts before every character of a name: "Daten" and its
	 * children come before "Daten neu" */
	struct db_stmt *st = db_prepare(db, "WITH RECURSIVE t(id, key, depth) AS ("
		" SELECT id, name, 1 FROM code WHERE session_id = ?1 AND type = 'free'"
		"  AND parent_id IS NULL"
		" UNION ALL SELECT c.id, t.key || char(1) || c.name, t.depth + 1 FROM code c"
		"  JOIN t ON c.parent_id = t.id)"
		" SELECT c.guid, c.name, coalesce(c.colour, ''), coalesce(c.definition, ''),"
		"  coalesce(c.memo, ''), t.depth FROM t JOIN code c ON c.id = t.id ORDER BY t.key");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct exchange_code c = { db_column_text(st, 0), db_column_text(st, 1),
			db_column_text(st, 2), db_column_text(st, 3), db_column_text(st, 4),
			db_column_int(st, 5) };
		if (cb(ctx, &c))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

/* CB for each row of SQL (bound ?1 = ID): its two texts. */
static enum status each_pair(struct db *db, const char *sql, int64_t id,
	int (*cb)(void *ctx, const char *a, const char *b), void *ctx)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW)
		if (cb(ctx, db_column_text(st, 0), db_column_text(st, 1)))
			break;
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

enum status exchange_users(struct db *db, int64_t session, exchange_user_cb cb, void *ctx)
{
	return each_pair(db, "SELECT guid, name FROM coder WHERE id IN"
		" (SELECT coder_id FROM coding WHERE session_id = ?1) ORDER BY name", session, cb, ctx);
}

enum status exchange_selections(struct db *db, int64_t doc, exchange_selection_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT g.guid, k.guid, c.guid, g.created,"
		" coalesce(g.memo, ''), g.first_line, g.last_line FROM coding g"
		" JOIN coder k ON k.id = g.coder_id JOIN code c ON c.id = g.code_id"
		" WHERE g.document_id = ?1 ORDER BY g.first_line, g.last_line, g.id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, doc);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct exchange_selection s = { db_column_text(st, 0), db_column_text(st, 1),
			db_column_text(st, 2), db_column_text(st, 3), db_column_text(st, 4),
			db_column_int(st, 5), db_column_int(st, 6) };
		if (cb(ctx, &s))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

enum status exchange_memos(struct db *db, int64_t session, exchange_memo_cb cb, void *ctx)
{
	return each_pair(db,
		"SELECT guid, memo FROM code WHERE session_id = ?1 AND coalesce(memo, '') <> ''"
		" UNION ALL SELECT guid, memo FROM document WHERE session_id = ?1"
		"  AND coalesce(memo, '') <> ''"
		" UNION ALL SELECT guid, memo FROM coding WHERE session_id = ?1"
		"  AND coalesce(memo, '') <> ''", session, cb, ctx);
}

enum status exchange_document_guid(struct db *db, int64_t doc, char **guid)
{
	return db_query_text(db, guid, "SELECT guid FROM document WHERE id = ?1", doc);
}

enum status exchange_set_guid(struct db *db, enum exchange_row row, int64_t id, const char *guid)
{
	static const char *const sql[] = {
		[EXCHANGE_CODE] = "UPDATE code SET guid = ?2 WHERE id = ?1",
		[EXCHANGE_DOCUMENT] = "UPDATE document SET guid = ?2 WHERE id = ?1",
		[EXCHANGE_CODER] = "UPDATE coder SET guid = ?2 WHERE id = ?1 AND NOT EXISTS"
			" (SELECT 1 FROM coding WHERE coder_id = ?1)",
	};
	/* a coding takes its GUID with it (struct coding), a session has none */
	if (row >= sizeof sql / sizeof sql[0] || !sql[row])
		return db_fail(db, STATUS_INVALID, "exchange_set_guid: row kind %d", (int)row);
	return db_exec(db, sql[row], "it", id, guid);
}

enum status exchange_add_note(struct db *db, enum exchange_row row, int64_t id, const char *text)
{
	static const char *const sql[] = {
		[EXCHANGE_CODE] = "UPDATE code SET memo = ?2 WHERE id = ?1",
		[EXCHANGE_DOCUMENT] = "UPDATE document SET memo = ?2 WHERE id = ?1",
		[EXCHANGE_CODING] = "UPDATE coding SET memo = CASE WHEN coalesce(memo, '') = '' THEN ?2"
			" ELSE ?2 || char(10) || char(10) || memo END WHERE id = ?1",
		[EXCHANGE_CODER] = NULL,
		[EXCHANGE_SESSION] = "UPDATE session SET notes = CASE WHEN coalesce(notes, '') = '' THEN"
			" ?2 ELSE notes || char(10) || char(10) || ?2 END WHERE id = ?1",
	};
	if (!sql[row])   /* a programming error: a coder has no memo */
		return db_fail(db, STATUS_INVALID, "exchange_add_note: row kind %d", (int)row);
	return db_exec(db, sql[row], "it", id, text);
}

enum status exchange_add_mark(struct db *db, int64_t id, const char *mark)
{
	return db_exec(db, "UPDATE coding SET memo = CASE WHEN coalesce(memo, '') = '' THEN ?2"
		" ELSE memo || char(10) || char(10) || ?2 END WHERE id = ?1", "it", id, mark);
}
