#include "model/changelog.h"

#include "model/db.h"

enum status changelog_list(struct db *db, int64_t session_id, int64_t since, change_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, change_group, at, coalesce(who, ''),"
		" coalesce(session_id, 0), tbl, row_id, op, coalesce(old, ''), coalesce(new, '')"
		" FROM changelog WHERE (?1 = 0 OR session_id = ?1) AND id > ?2 ORDER BY id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_int(st, 2, since);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct change c = {
			.id = db_column_int(st, 0),
			.change_group = db_column_int(st, 1),
			.at = db_column_text(st, 2),
			.who = db_column_text(st, 3),
			.session_id = db_column_int(st, 4),
			.table = db_column_text(st, 5),
			.row_id = db_column_int(st, 6),
			.op = db_column_text(st, 7),
			.old_json = db_column_text(st, 8),
			.new_json = db_column_text(st, 9),
		};
		if (cb(ctx, &c))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}
