#include "model/hinge.h"

#include <stddef.h>

#include "model/db.h"

static const char hinge_sql[] =
	"WITH RECURSIVE path(id, path) AS ("
	" SELECT id, name FROM code WHERE session_id = ?1 AND type = 'free' AND parent_id IS NULL"
	" UNION ALL SELECT c.id, p.path || '/' || c.name FROM code c JOIN path p ON c.parent_id = p.id)"
	" SELECT g.id, s.title, coalesce(comp.number, ''), l.type, l.id, coalesce(path.path, ''),"
	"  l.name, d.title, d.kind, g.first_line, g.last_line,"
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
	"  CASE l.type WHEN 'unseen' THEN 1 WHEN 'goal' THEN 2 WHEN 'measure' THEN 3"
	"  WHEN 'soro' THEN 4 WHEN 'stakeholder' THEN 5 WHEN 'variable' THEN 6 ELSE 7 END,"
	"  coalesce(path.path, l.name), l.id, d.id, g.first_line, g.last_line, g.id";

enum status hinge_list(struct db *db, int64_t session_id, const struct hinge_filter *filter,
	hinge_cb cb, void *ctx)
{
	static const struct hinge_filter all = { 0, NULL, NULL, 0 };
	if (!filter)
		filter = &all;
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
			.quote = db_column_text(st, 11),
			.coder = db_column_text(st, 12),
			.memo = db_column_text(st, 13),
			.coded_at = db_column_text(st, 14),
		};
		if (cb(ctx, &row))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}
