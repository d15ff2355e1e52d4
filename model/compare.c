/* Two coders in one document: see compare.h. */
#include "model/compare.h"

#include <stdlib.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/guid.h"
#include "util/i18n.h"

/* Per code, how many codings of each coder are open at the sweep's line. */
struct slot {
	int64_t code;          /* 0: free slot */
	int open[2];
};

struct sweep {
	struct slot *slots;
	size_t cap, used;
	int64_t differing;     /* codes one coder has open and the other not */
};

static bool differs(const struct slot *s)
{
	return (s->open[0] > 0) != (s->open[1] > 0);
}

static struct slot *slot_find(struct sweep *w, int64_t code)
{
	size_t mask = w->cap - 1, i = (size_t)((uint64_t)code * 0x9E3779B97F4A7C15u) & mask;
	while (w->slots[i].code && w->slots[i].code != code)
		i = (i + 1) & mask;
	return &w->slots[i];
}

/* The slot of CODE, made on first use; NULL when memory is short. */
static struct slot *slot_of(struct sweep *w, int64_t code)
{
	if ((w->used + 1) * 2 > w->cap) {
		struct sweep bigger = { calloc(w->cap ? w->cap * 2 : 64, sizeof *w->slots),
			w->cap ? w->cap * 2 : 64, 0, w->differing };
		if (!bigger.slots)
			return NULL;
		for (size_t i = 0; i < w->cap; i++)
			if (w->slots[i].code) {
				*slot_find(&bigger, w->slots[i].code) = w->slots[i];
				bigger.used++;
			}
		free(w->slots);
		*w = bigger;
	}
	struct slot *s = slot_find(w, code);
	if (!s->code) {
		s->code = code;
		w->used++;
	}
	return s;
}

/* The document's codings of the two coders as events: a coding of side
 * (0: A, 1: B) opens at its first line and closes after its last. */
enum status compare_next_difference(struct db *db, const struct compare *c, int64_t from,
	bool backwards, int64_t *line)
{
	struct db_stmt *st = db_prepare(db, "SELECT at, side, code, delta FROM ("
		"SELECT g.first_line AS at, k.name = ?3 AS side, g.code_id AS code, 1 AS delta"
		" FROM coding g JOIN coder k ON k.id = g.coder_id"
		" WHERE g.document_id = ?1 AND k.name IN (?2, ?3) AND (?4 = 0 OR g.code_id = ?4)"
		" UNION ALL SELECT g.last_line + 1, k.name = ?3, g.code_id, -1"
		" FROM coding g JOIN coder k ON k.id = g.coder_id"
		" WHERE g.document_id = ?1 AND k.name IN (?2, ?3) AND (?4 = 0 OR g.code_id = ?4))"
		" ORDER BY at");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, c->doc);
	db_bind_text(st, 2, c->a);
	db_bind_text(st, 3, c->b);
	db_bind_int(st, 4, c->code);
	struct sweep w = { 0 };
	enum status rc = STATUS_OK;
	int64_t at = 0, found = 0;
	bool toggled = false, done = false;
	enum db_step step;
	while (!done && (step = db_step(st)) == DB_ROW) {
		int64_t next = db_column_int(st, 0);
		/* a line where the set of differing codes changed, and some differ */
		if (next != at && toggled && w.differing) {
			if (!backwards && at > from)
				found = at, done = true;
			else if (backwards && at < from)
				found = at;
		}
		if (next != at)
			toggled = false;
		at = next;
		if (done || (backwards && at >= from))
			break;
		struct slot *s = slot_of(&w, db_column_int(st, 2));
		if (!s) {
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
			break;
		}
		bool before = differs(s);
		s->open[db_column_int(st, 1) ? 1 : 0] += (int)db_column_int(st, 3);
		if (differs(s) != before) {
			w.differing += before ? -1 : 1;
			toggled = true;
		}
	}
	/* the last group: after it every coding has closed, so nothing differs */
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	free(w.slots);
	if (rc != STATUS_OK)
		return rc;
	if (!found)
		return db_fail(db, STATUS_NOT_FOUND, "%s", backwards
			? _("No difference between the two coders before this line")
			: _("No difference between the two coders after this line"));
	*line = found;
	return STATUS_OK;
}

/* The codings of coder ?2 with code ?4 (0: any) on line ?3 of document ?1
 * that coder ?5 lacks: ?5 has no coding with the same code on the line. */
#define UNMATCHED \
	" FROM coding o JOIN coder ko ON ko.id = o.coder_id" \
	" WHERE o.document_id = ?1 AND ko.name = ?2 AND o.first_line <= ?3 AND o.last_line >= ?3" \
	" AND (?4 = 0 OR o.code_id = ?4) AND NOT EXISTS (SELECT 1 FROM coding t" \
	"  JOIN coder kt ON kt.id = t.coder_id WHERE t.document_id = o.document_id AND kt.name = ?5" \
	"  AND t.code_id = o.code_id AND t.first_line <= ?3 AND t.last_line >= ?3)"

static const char *other_of(const struct compare *c, const char *coder)
{
	return strcmp(coder, c->a) == 0 ? c->b : c->a;
}

enum status compare_take_over(struct db *db, const struct compare *c, int64_t line,
	const char *taker, int64_t *made)
{
	int64_t taker_id = 0;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = coder_ensure(db, taker, &taker_id);
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO coding(session_id, document_id, first_line, last_line,"
			" code_id, coder_id, guid) SELECT o.session_id, o.document_id, o.first_line,"
			" o.last_line, o.code_id, ?6, " SQL_NEW_GUID UNMATCHED, "itiiti", c->doc, other_of(c, taker), line, c->code,
			taker, taker_id);
	*made = rc == STATUS_OK ? db_changes(db) : 0;
	return db_end(db, rc);
}

enum status compare_drop_own(struct db *db, const struct compare *c, int64_t line,
	const char *dropper, int64_t *dropped)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM coding WHERE id IN (SELECT o.id" UNMATCHED ")", "itiit",
		c->doc, dropper, line, c->code, other_of(c, dropper));
	*dropped = rc == STATUS_OK ? db_changes(db) : 0;
	return db_end(db, rc);
}
