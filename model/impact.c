#include "model/impact.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "util/i18n.h"

/* Both variables of one session and distinct; the session's scale. */
static enum status check_cell(struct db *db, int64_t from, int64_t to, int64_t *scale)
{
	struct db_stmt *st = db_prepare(db, "SELECT a.session_id, b.session_id, s.scale FROM variable a"
		" JOIN session s ON s.id = a.session_id, variable b WHERE a.id = ?1 AND b.id = ?2");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	enum db_step step = db_step(st);
	if (step == DB_ERROR)
		return db_step_status(st);
	bool found = step == DB_ROW;
	bool same = found && db_column_int(st, 0) == db_column_int(st, 1);
	*scale = found ? db_column_int(st, 2) : 3;
	db_reset(st);
	if (!found)
		return db_fail(db, STATUS_NOT_FOUND, _("Variable %" PRId64 " or %" PRId64
			" does not exist"), from, to);
	if (!same)
		return db_fail(db, STATUS_INVALID, _("Variables %" PRId64 " and %" PRId64
			" belong to different sessions"), from, to);
	if (from == to)
		return db_fail(db, STATUS_INVALID, _("Variable %" PRId64 " does not act on itself:"
			" the diagonal of the impact matrix stays empty"), from);
	return STATUS_OK;
}

enum status impact_set(struct db *db, int64_t from, int64_t to, int64_t strength, const char *note)
{
	int64_t scale = 3;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = check_cell(db, from, to, &scale);
	if (rc == STATUS_OK && (strength < 0 || strength > scale))
		rc = db_fail(db, STATUS_INVALID, _("Strength %" PRId64 " is outside this session's scale 0–%"
			PRId64), strength, scale);
	if (rc == STATUS_OK) {
		char what[96];
		snprintf(what, sizeof what, _("Impact %" PRId64 "–%" PRId64 ": note"), from, to);
		rc = db_check_utf8(db, what, note);
	}
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO impact(from_id, to_id, strength, note) VALUES (?1, ?2, ?3, ?4)"
			" ON CONFLICT(from_id, to_id) DO UPDATE SET strength = excluded.strength,"
			" note = coalesce(excluded.note, note)", "iiit", from, to, strength, note);
	return db_end(db, rc);
}

enum status impact_clear(struct db *db, int64_t from, int64_t to)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, db_exec(db, "DELETE FROM impact WHERE from_id = ?1 AND to_id = ?2", "ii",
		from, to));
}

void impact_matrix_free(struct impact_matrix *m)
{
	for (size_t i = 0; m->names && i < m->n; i++)
		free(m->names[i]);
	free(m->names);
	free(m->ids);
	free(m->cells);
	memset(m, 0, sizeof *m);
}

static enum status load_variables(struct db *db, int64_t session_id, struct impact_matrix *m)
{
	int64_t count = 0, scale = 3;
	enum status rc = db_query_int(db, &count, "SELECT count(*) FROM variable WHERE session_id = ?1",
		"i", session_id);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &scale, "SELECT scale FROM session WHERE id = ?1", "i", session_id);
	if (rc != STATUS_OK)
		return rc;
	if (count > IMPACT_MAX_VARIABLES)
		return db_fail(db, STATUS_INVALID, _("more than %d variables: the matrix is too large"),
			IMPACT_MAX_VARIABLES);
	m->scale = (int)scale;
	size_t n = (size_t)count;
	m->ids = calloc(n ? n : 1, sizeof *m->ids);
	m->names = calloc(n ? n : 1, sizeof *m->names);
	m->cells = malloc((n ? n * n : 1) * sizeof *m->cells);
	if (!m->ids || !m->names || !m->cells)
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	for (size_t i = 0; i < n * n; i++)
		m->cells[i] = -1;

	struct db_stmt *st = db_prepare(db, "SELECT id, name FROM variable WHERE session_id = ?1"
		" ORDER BY position, id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	enum db_step step;
	while (m->n < n && (step = db_step(st)) == DB_ROW) {
		m->ids[m->n] = db_column_int(st, 0);
		m->names[m->n] = db_column_strdup(st, 1);
		if (!m->names[m->n++]) {
			db_reset(st);
			return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		}
	}
	db_reset(st);
	return m->n == n ? STATUS_OK : db_step_status(st);
}

/* Maps variable ids to their places in the matrix, by binary search. */
struct place {
	int64_t id;
	size_t idx;
};

static int compare_place(const void *a, const void *b)
{
	const struct place *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static long find_place(const struct place *places, size_t n, int64_t id)
{
	struct place key = { id, 0 };
	const struct place *p = bsearch(&key, places, n, sizeof *places, compare_place);
	return p ? (long)p->idx : -1;
}

enum status impact_matrix_load(struct db *db, int64_t session_id, struct impact_matrix *m)
{
	memset(m, 0, sizeof *m);
	enum status rc = load_variables(db, session_id, m);
	if (rc != STATUS_OK) {
		impact_matrix_free(m);
		return rc;
	}
	/* One pass over the session's cells; ids are placed in C.  (Numbering
	 * the variables in SQL and joining twice made SQLite pair every
	 * variable with every other: 20 ms for 200 variables.) */
	struct place *places = malloc((m->n ? m->n : 1) * sizeof *places);
	if (!places) {
		impact_matrix_free(m);
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < m->n; i++)
		places[i] = (struct place){ m->ids[i], i };
	qsort(places, m->n, sizeof *places, compare_place);
	struct db_stmt *st = db_prepare(db, "SELECT i.from_id, i.to_id, i.strength FROM impact i"
		" JOIN variable v ON v.id = i.from_id WHERE v.session_id = ?1");
	if (!st) {
		free(places);
		impact_matrix_free(m);
		return STATUS_DB;
	}
	db_bind_int(st, 1, session_id);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		long row = find_place(places, m->n, db_column_int(st, 0));
		long col = find_place(places, m->n, db_column_int(st, 1));
		if (row >= 0 && col >= 0)
			m->cells[(size_t)row * m->n + (size_t)col] = (int)db_column_int(st, 2);
	}
	db_reset(st);
	free(places);
	if (step == DB_ERROR) {
		impact_matrix_free(m);
		return db_step_status(st);
	}
	return STATUS_OK;
}

enum status impact_changes_since(struct db *db, int64_t session_id, int64_t since, int scale,
	bool *reload, int64_t *last, impact_cell_cb cb, void *ctx)
{
	int64_t variables = 0, now_scale = scale;
	*reload = false;
	enum status rc = db_query_int(db, last, "SELECT coalesce(max(id), 0) FROM changelog"
		" WHERE session_id = ?1", "i", session_id);
	if (rc != STATUS_OK || since == 0 || *last == since)
		return rc;
	rc = db_query_int(db, &variables, "SELECT count(*) FROM changelog WHERE session_id = ?1"
		" AND id > ?2 AND tbl = 'variable'", "ii", session_id, since);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &now_scale, "SELECT scale FROM session WHERE id = ?1", "i", session_id);
	if (rc != STATUS_OK || variables > 0 || now_scale != scale) {
		*reload = true;
		return rc;
	}
	struct db_stmt *st = db_prepare(db, "SELECT DISTINCT json_extract(coalesce(c.new, c.old), '$.from_id'),"
		" json_extract(coalesce(c.new, c.old), '$.to_id'),"
		" (SELECT strength FROM impact i WHERE i.from_id = json_extract(coalesce(c.new, c.old), '$.from_id')"
		"  AND i.to_id = json_extract(coalesce(c.new, c.old), '$.to_id'))"
		" FROM changelog c WHERE c.session_id = ?1 AND c.id > ?2 AND c.tbl = 'impact'");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_int(st, 2, since);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW)
		cb(ctx, db_column_int(st, 0), db_column_int(st, 1),
			db_column_is_null(st, 2) ? -1 : (int)db_column_int(st, 2));
	rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}
