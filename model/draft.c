#include "model/draft.h"

#include <inttypes.h>

#include "model/db.h"
#include "util/i18n.h"

enum status draft_save(struct db *db, int64_t session_id, const char *target, const char *original,
	const char *text)
{
	if (!target || !*target || !text)
		return db_fail(db, STATUS_INVALID, "%s", _("Draft: target and text must not be missing"));
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	int64_t found = 1;
	if (session_id)
		rc = db_query_int(db, &found, "SELECT count(*) FROM session WHERE id = ?1", "i", session_id);
	if (rc == STATUS_OK && !found)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Draft for %s: session %" PRId64 " does not exist"),
			target, session_id);
	if (rc == STATUS_OK)
		rc = db_exec(db, "DELETE FROM draft WHERE coalesce(session_id, 0) = ?1 AND target = ?2", "it",
			session_id, target);
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO draft(session_id, target, original, text) VALUES (?1, ?2, ?3, ?4)",
			"ntt" "t", session_id, target, original, text);
	return db_end(db, rc);
}

enum status draft_list(struct db *db, draft_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, coalesce(session_id, 0), target,"
		" coalesce(original, ''), text, saved_at,"
		" strftime('%Y-%m-%d %H:%M', saved_at, 'localtime') FROM draft ORDER BY saved_at DESC, id DESC");
	if (!st)
		return STATUS_DB;
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct draft d = {
			.id = db_column_int(st, 0),
			.session_id = db_column_int(st, 1),
			.target = db_column_text(st, 2),
			.original = db_column_text(st, 3),
			.text = db_column_text(st, 4),
			.saved_at = db_column_text(st, 5),
			.saved_local = db_column_text(st, 6),
		};
		if (cb(ctx, &d))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

enum status draft_delete(struct db *db, int64_t id)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM draft WHERE id = ?1", "i", id);
	if (rc == STATUS_OK && db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Draft %" PRId64 " does not exist"), id);
	return db_end(db, rc);
}

enum status draft_forget(struct db *db, int64_t session_id, const char *target)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM draft WHERE coalesce(session_id, 0) = ?1 AND target = ?2", "it",
		session_id, target);
	return db_end(db, rc);
}
