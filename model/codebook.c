#include "model/codebook.h"

#include <inttypes.h>

#include "model/db.h"
#include "util/i18n.h"

enum status codebook_row_read(struct db *db, int64_t id, codebook_row_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT l.type, coalesce(l.name, ''),"
		" coalesce(l.colour, ''), (SELECT count(*) FROM coding WHERE code_id = l.id)"
		" FROM code_label l WHERE l.id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW: {
		struct codebook_row row = {
			.id = id,
			.type = db_column_text(st, 0),
			.name = db_column_text(st, 1),
			.colour = db_column_text(st, 2),
			.codings = db_column_int(st, 3),
		};
		cb(ctx, &row);
		break;
	}
	case DB_DONE:
		rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " does not exist"), id);
		break;
	case DB_ERROR:
		return db_step_status(st);
	}
	db_reset(st);
	return rc;
}
