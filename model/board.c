/* The bundle board: see board.h. */
#include "model/board.h"

#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/item.h"
#include "util/grow.h"
#include "util/i18n.h"

static enum status nomem(struct db *db)
{
	return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
}

static struct board_column *add_column(struct board *b, size_t *cap)
{
	struct board_column *room = grow(b->columns, b->n, cap, sizeof *b->columns, 8);
	if (!room)
		return NULL;
	b->columns = room;
	struct board_column *c = &b->columns[b->n++];
	memset(c, 0, sizeof *c);
	return c;
}

/* The actor groups in letter order, and a column for measures without
 * one when there are such. */
static enum status load_columns(struct db *db, int64_t session, struct board *b)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, letter, name FROM (SELECT id, letter, name"
		" FROM actor WHERE session_id = ?1 UNION ALL SELECT 0, NULL, NULL WHERE EXISTS"
		" (SELECT 1 FROM measure WHERE session_id = ?1 AND actor_id IS NULL))"
		" ORDER BY id = 0, letter");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session);
	size_t cap = 0;
	enum status rc = STATUS_OK;
	enum db_step step;
	while (rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		struct board_column *c = add_column(b, &cap);
		if (!c) {
			rc = nomem(db);
			break;
		}
		c->actor_id = db_column_int(st, 0);
		if (c->actor_id) {
			c->letter = db_column_strdup(st, 1);
			c->name = db_column_strdup(st, 2);
			if (!c->letter || !c->name)
				rc = nomem(db);
		}
	}
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	return rc;
}

static enum status load_cards(struct db *db, int64_t session, struct board_column *c)
{
	struct db_stmt *st = db_prepare(db, "SELECT id FROM measure WHERE session_id = ?1"
		" AND coalesce(actor_id, 0) = ?2 ORDER BY priority IS NULL, priority, id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session);
	db_bind_int(st, 2, c->actor_id);
	size_t cap = 0;
	enum status rc = STATUS_OK;
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		int64_t *room = grow(c->ids, c->n, &cap, sizeof *c->ids, 16);
		if (!room) {
			rc = nomem(db);
			break;
		}
		c->ids = room;
		c->ids[c->n++] = db_column_int(st, 0);
	}
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	return rc;
}

enum status board_load(struct db *db, int64_t session, struct board *b)
{
	memset(b, 0, sizeof *b);
	enum status rc = load_columns(db, session, b);
	for (size_t i = 0; rc == STATUS_OK && i < b->n; i++)
		rc = load_cards(db, session, &b->columns[i]);
	return rc;
}

void board_free(struct board *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->columns[i].letter);
		free(b->columns[i].name);
		free(b->columns[i].ids);
	}
	free(b->columns);
	memset(b, 0, sizeof *b);
}

size_t board_rows(const struct board *b)
{
	size_t rows = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->columns[i].n > rows)
			rows = b->columns[i].n;
	return rows;
}

enum status board_move(struct db *db, int64_t id, int64_t actor)
{
	const struct item_type *t = item_type(ITEM_MEASURE);
	return item_set_ref_field(db, t, id, item_field_by_name(t, "actor"), actor);
}
