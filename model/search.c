#include "model/search.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model/db.h"
#include "model/item.h"
#include "util/i18n.h"

/* item_fts rows (schema 3): rowid = item_id * 64 + kind * 4 + field, the
 * kind an item kind's search number (kinds.def), the field the place of
 * the column in its searched list.  Free codes are kind 8. */
#define CODE_SEARCH 8
#define CODE_SEARCHED "name, definition"

static const char line_sql[] =
	"SELECT f.rowid >> 32, f.rowid & 4294967295, d.title, highlight(line_fts, 0, ?3, ?4)"
	" FROM line_fts f CROSS JOIN document d ON d.id = f.rowid >> 32"
	" WHERE line_fts MATCH ?1 AND d.session_id = ?2 ORDER BY f.rowid";

static const char item_sql[] =
	"SELECT k, id, field, text, CASE k"
#define KIND(e, nm, label, plural, title, key, order, code, search, ...) \
	"  WHEN " #search " THEN (SELECT " title " FROM " #nm " WHERE " #nm ".id = h.id)"
#include "model/kinds.def"
#undef KIND
	"  WHEN 8 THEN (SELECT name FROM code WHERE code.id = h.id) END"
	" FROM (SELECT (f.rowid >> 2) & 15 AS k, f.rowid >> 6 AS id, f.rowid & 3 AS field,"
	"  highlight(item_fts, 0, ?3, ?4) AS text"
	"  FROM item_fts f WHERE item_fts MATCH ?1 AND f.session_id = ?2) h"
	" ORDER BY k, id, field";

/* Word N (from 0) of the comma-separated LIST into BUF; false past the last. */
static bool nth_column(const char *list, int64_t n, char *buf, size_t size)
{
	for (; list && n > 0; n--)
		if ((list = strchr(list, ',')))
			list += strspn(list, ", ");
	if (!list || !*list)
		return false;
	size_t len = strcspn(list, ",");
	snprintf(buf, size, "%.*s", (int)(len < size ? len : size - 1), list);
	return true;
}

/* The kind name and column of an item_fts row of kind K and field FIELD. */
static bool decode_hit(int64_t k, int64_t field, const char **kind, char *column, size_t size)
{
	if (k == CODE_SEARCH) {
		*kind = "code";
		return nth_column(CODE_SEARCHED, field, column, size);
	}
	for (int i = 0; i < ITEM_KIND_COUNT; i++) {
		const struct item_type *t = item_type((enum item_kind)i);
		if (t->search && t->search == k) {
			*kind = t->name;
			return nth_column(t->searched, field, column, size);
		}
	}
	return false;
}

/* True when the last error came from FTS5 parsing the query rather than
 * from the database: a syntax error, an unknown column filter. */
static bool query_error(const char *message)
{
	return message && (strstr(message, "fts5:") || strstr(message, "no such column")
		|| strstr(message, "unknown special query") || strstr(message, "syntax error")
		|| strstr(message, "unterminated string"));
}

static enum status step_failed(struct db *db, struct db_stmt *st, const char *query)
{
	if (query_error(db_error(db)))
		return db_fail(db, STATUS_INVALID,
			_("Search query »%s« is malformed: set quotes and brackets in pairs, "
			  "special characters such as - : . only inside \"…\"; "
			  "allowed are words, \"phrases\", prefix*, AND, OR, NOT"), query);
	return db_step_status(st);
}

static enum status search_lines(struct db *db, int64_t session_id, const char *query,
	const char *open, const char *close, search_cb cb, void *ctx, bool *stopped)
{
	struct db_stmt *st = db_prepare(db, line_sql);
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, query);
	db_bind_int(st, 2, session_id);
	db_bind_text(st, 3, open);
	db_bind_text(st, 4, close);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct search_hit hit = {
			.place = SEARCH_LINE,
			.document_id = db_column_int(st, 0),
			.line = db_column_int(st, 1),
			.title = db_column_text(st, 2),
			.text = db_column_text(st, 3),
		};
		if (cb(ctx, &hit) != 0) {
			*stopped = true;
			break;
		}
	}
	if (step == DB_ERROR)
		return step_failed(db, st, query);
	db_reset(st);
	return STATUS_OK;
}

static enum status search_items(struct db *db, int64_t session_id, const char *query,
	const char *open, const char *close, search_cb cb, void *ctx)
{
	struct db_stmt *st = db_prepare(db, item_sql);
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, query);
	db_bind_int(st, 2, session_id);
	db_bind_text(st, 3, open);
	db_bind_text(st, 4, close);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		const char *kind;
		char column[64];
		if (!decode_hit(db_column_int(st, 0), db_column_int(st, 2), &kind, column, sizeof column))
			continue;  /* not a row that the triggers write */
		struct search_hit hit = {
			.place = SEARCH_ITEM,
			.kind = kind,
			.item_id = db_column_int(st, 1),
			.field = column,
			.text = db_column_text(st, 3),
			.title = db_column_text(st, 4),
		};
		if (cb(ctx, &hit) != 0)
			break;
	}
	if (step == DB_ERROR)
		return step_failed(db, st, query);
	db_reset(st);
	return STATUS_OK;
}

enum status search_run_marked(struct db *db, int64_t session_id, const char *query,
	const char *open, const char *close, search_cb cb, void *ctx)
{
	if (!query || query[strspn(query, " \t\r\n")] == '\0')
		return db_fail(db, STATUS_INVALID, "%s", _("Search query: empty; enter a word or \"a phrase\""));
	bool stopped = false;
	enum status rc = search_lines(db, session_id, query, open ? open : "", close ? close : "",
		cb, ctx, &stopped);
	if (rc == STATUS_OK && !stopped)
		rc = search_items(db, session_id, query, open ? open : "", close ? close : "", cb, ctx);
	return rc;
}

enum status search_run(struct db *db, int64_t session_id, const char *query, search_cb cb,
	void *ctx)
{
	return search_run_marked(db, session_id, query, SEARCH_MARK_OPEN, SEARCH_MARK_CLOSE, cb, ctx);
}
