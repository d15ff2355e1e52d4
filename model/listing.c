#include "model/listing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "util/i18n.h"

/* Runs ST (bound already) and collects the first column as ids. */
static enum status collect_ids(struct db *db, struct db_stmt *st, int64_t **ids, size_t *n)
{
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			int64_t *grown = realloc(*ids, cap * sizeof **ids);
			if (!grown) {
				db_reset(st);
				free(*ids);
				*ids = NULL;
				*n = 0;
				return db_fail(db, STATUS_NOMEM, "%s", _("not enough memory for the list"));
			}
			*ids = grown;
		}
		(*ids)[(*n)++] = db_column_int(st, 0);
	}
	db_reset(st);
	if (step == DB_ERROR) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_step_status(st);
	}
	return STATUS_OK;
}

/* The same formula as unseen_vulnerability(), unrated last. */
#define VULNERABLE_FIRST \
	"CASE WHEN likelihood IS NULL OR impact IS NULL OR capacity IS NULL THEN 1 ELSE 0 END," \
	" likelihood * impact * (6 - capacity) DESC"

static const char *order_sql(const struct listing_query *q, const struct item_type *type)
{
	switch (q->order) {
	case LISTING_VOTES:
		return "votes DESC, position, id";
	case LISTING_VULNERABILITY:
		return VULNERABLE_FIRST ", position, id";
	case LISTING_RANKED:
		return "votes DESC, " VULNERABLE_FIRST ", position, id";
	case LISTING_COMPONENT:
		return "(SELECT number FROM component c WHERE c.id = component_id) IS NULL,"
		       " (SELECT number FROM component c WHERE c.id = component_id), id";
	case LISTING_ACTOR:
		return "(SELECT letter FROM actor a WHERE a.id = actor_id) IS NULL,"
		       " (SELECT letter FROM actor a WHERE a.id = actor_id), priority IS NULL, priority, id";
	case LISTING_DEFAULT:
		break;
	}
	return type->order;
}

enum status listing_ids(struct db *db, const struct listing_query *q, int64_t **ids, size_t *n)
{
	const struct item_type *type = item_type(q->kind);
	bool by_component = q->component_id > 0 && item_field_by_name(type, "component");
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE session_id = ?1%s ORDER BY %s",
		type->table, by_component ? " AND component_id = ?2" : "", order_sql(q, type));
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, q->session_id);
	if (by_component)
		db_bind_int(st, 2, q->component_id);
	return collect_ids(db, st, ids, n);
}

/* TEXT as an FTS5 prefix phrase: "text"* with quotes doubled. */
static char *fts_prefix(const char *text)
{
	size_t len = strlen(text);
	char *q = malloc(2 * len + 4);
	if (!q)
		return NULL;
	char *p = q;
	*p++ = '"';
	for (; *text; text++) {
		if (*text == '"')
			*p++ = '"';
		*p++ = *text;
	}
	*p++ = '"';
	*p++ = '*';
	*p = '\0';
	return q;
}

enum status listing_sessions(struct db *db, const char *text, int64_t **ids, size_t *n)
{
	if (!text || !*text) {
		struct db_stmt *st = db_prepare(db, "SELECT id FROM session ORDER BY date DESC, id DESC");
		return st ? collect_ids(db, st, ids, n) : STATUS_DB;
	}
	char *fts = fts_prefix(text);
	if (!fts)
		return db_fail(db, STATUS_NOMEM, "%s", _("not enough memory for the search"));
	struct db_stmt *st = db_prepare(db,
		"SELECT id FROM session WHERE didat_contains(title, ?1)"
		" OR id IN (SELECT session_id FROM item_fts WHERE item_fts MATCH ?2)"
		" OR id IN (SELECT session_id FROM document WHERE id IN"
		"           (SELECT rowid >> 32 FROM line_fts WHERE line_fts MATCH ?2))"
		" ORDER BY date DESC, id DESC");
	enum status rc = STATUS_DB;
	if (st) {
		db_bind_text(st, 1, text);
		db_bind_text(st, 2, fts);
		rc = collect_ids(db, st, ids, n);
	}
	free(fts);
	return rc;
}
