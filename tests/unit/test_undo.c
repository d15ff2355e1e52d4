/* model/undo: undo and redo of a session's user actions through the
 * change log, per session and across restarts; conflicts change nothing. */
#include <check.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/matrix_csv.h"
#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/schema.h"
#include "model/search.h"
#include "model/session.h"
#include "model/undo.h"
#include "util/i18n.h"

#define T(kind) item_type(kind)

/* A growing text for snapshots. */
struct text {
	char *s;
	size_t len, cap;
};

static void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		ck_assert_ptr_nonnull(t->s);
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

static void text_rows(struct db *db, struct text *t, const char *sql)
{
	struct db_stmt *st = db_prepare(db, sql);
	ck_assert_msg(st != NULL, "%s: %s", sql, db_error(db));
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		for (int c = 0; c < db_column_count(st); c++) {
			if (strcmp(db_column_name(st, c), "modified") == 0)
				continue;
			text_add(t, db_column_name(st, c));
			text_add(t, db_column_is_null(st, c) ? "=NULL" : "=");
			text_add(t, db_column_text(st, c));
			text_add(t, "|");
		}
		text_add(t, "\n");
	}
	ck_assert_msg(step == DB_DONE, "%s: %s", sql, db_error(db));
	db_reset(st);
}

/* Every row of every logged table and of the item search index, the
 * sessions' modification times aside: equal snapshots, equal data.
 * Links are ordered by their columns, not by rowid (a link that comes
 * back may get a new one).  Malloc'd. */
static char *snapshot(struct db *db)
{
	struct text t = { 0 };
	text_add(&t, "");
	for (size_t i = 0; schema_logged_table(i); i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY 1, 2", schema_logged_table(i));
		text_add(&t, schema_logged_table(i));
		text_add(&t, ":\n");
		text_rows(db, &t, sql);
	}
	text_add(&t, "item_fts:\n");
	text_rows(db, &t, "SELECT rowid, text, session_id FROM item_fts ORDER BY rowid");
	return t.s;
}

static void assert_snapshot(struct db *db, const char *want, const char *what)
{
	char *now = snapshot(db);
	if (strcmp(now, want) != 0) {
		/* show where they part */
		size_t i = 0;
		while (now[i] && now[i] == want[i])
			i++;
		size_t from = i > 120 ? i - 120 : 0;
		ck_abort_msg("%s: data differ at byte %zu:\n now: %.240s\nwant: %.240s", what, i,
			now + from, want + from);
	}
	free(now);
}

static void undo_ok(struct db *db, int64_t session, const char *want)
{
	struct undo_result r;
	enum status rc = undo_last(db, session, UNDO_MINE, &r);
	ck_assert_msg(rc == STATUS_OK, "undo_last(%" PRId64 "): %s", session, db_error(db));
	ck_assert_int_gt(r.target_group, 0);
	ck_assert_int_gt(r.done_group, r.target_group);
	if (want)
		ck_assert_str_eq(r.description, want);
	else
		ck_assert_msg(strncmp(r.description, "Rückgängig: ", 13) == 0, "%s", r.description);
}

static void redo_ok(struct db *db, int64_t session, const char *want)
{
	struct undo_result r;
	enum status rc = redo_last(db, session, UNDO_MINE, &r);
	ck_assert_msg(rc == STATUS_OK, "redo_last(%" PRId64 "): %s", session, db_error(db));
	if (want)
		ck_assert_str_eq(r.description, want);
	else
		ck_assert_msg(strncmp(r.description, "Wiederhergestellt: ", 19) == 0, "%s", r.description);
}

/* The undo or redo is refused with STATUS and a message that has NEEDLE,
 * and changes nothing at all: not the data, not the log, not the steps. */
static void refused(struct db *db, int64_t session, bool redo, enum status status, const char *needle)
{
	char *before = snapshot(db);
	int64_t log = fixture_int(db, "SELECT count(*) FROM changelog");
	int64_t steps = fixture_int(db, "SELECT count(*) FROM undo_step");
	struct undo_result r;
	enum status rc = redo ? redo_last(db, session, UNDO_MINE, &r) : undo_last(db, session, UNDO_MINE, &r);
	ck_assert_msg(rc == status, "%s gave %d (%s), expected %d", redo ? "redo" : "undo", rc,
		db_error(db), status);
	ck_assert_msg(fixture_contains(db_error(db), needle), "message \"%s\" lacks \"%s\"",
		db_error(db), needle);
	ck_assert_str_eq(r.description, "");
	assert_snapshot(db, before, "a refused step changed data");
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), log);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM undo_step"), steps);
	free(before);
}

static void available(struct db *db, int64_t session, bool want_undo, bool want_redo)
{
	bool u = !want_undo, r = !want_redo;
	ck_assert_int_eq(undo_available(db, session, UNDO_MINE, &u, &r), STATUS_OK);
	ck_assert_msg(u == want_undo && r == want_redo, "undo_available: undo %d redo %d, expected %d %d",
		u, r, want_undo, want_redo);
}

static int count_item_hit(void *ctx, const struct search_hit *hit)
{
	if (hit->place == SEARCH_ITEM)
		(*(int *)ctx)++;
	return 0;
}

static int item_hits(struct db *db, int64_t session, const char *query)
{
	int n = 0;
	ck_assert_int_eq(search_run(db, session, query, count_item_hit, &n), STATUS_OK);
	return n;
}

/* Create, update and delete of every kind of item: each undone gives
 * back the data before it, each redone the data after it. */
START_TEST(test_undo_items)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t g1 = fixture_goal(db, s, "Ziel A", 0), g2 = fixture_goal(db, s, "Ziel B", 0);
	struct component comp = { .session_id = s, .number = 1, .name = "Alt", .question = "Wem?" };
	struct stakeholder st = { .session_id = s, .name = "Alt", .kind = "science" };
	struct actor ac = { .session_id = s, .letter = "H", .name = "Alt" };
	struct unseen un = { .session_id = s, .title = "Alt", .description = "Lang", .likelihood = 4,
		.votes = 3 };
	struct variable va = { .session_id = s, .name = "Alt", .short_name = "A" };
	struct goal go = { .session_id = s, .text = "Alt" };
	struct conflict co = { .session_id = s, .goal_a = g1, .goal_b = g2, .description = "Alt" };
	struct measure me = { .session_id = s, .text = "Alt", .horizon = "short", .priority = 2 };
	struct soro so = { .session_id = s, .text = "Alt" };
	struct { enum item_kind kind; void *item; const char *field; } items[] = {
		{ ITEM_COMPONENT, &comp, "name" }, { ITEM_STAKEHOLDER, &st, "name" },
		{ ITEM_ACTOR, &ac, "name" }, { ITEM_UNSEEN, &un, "title" },
		{ ITEM_VARIABLE, &va, "name" }, { ITEM_GOAL, &go, "text" },
		{ ITEM_CONFLICT, &co, "description" }, { ITEM_MEASURE, &me, "text" },
		{ ITEM_SORO, &so, "text" },
	};
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		const struct item_type *t = T(items[i].kind);
		const struct item_field *f = item_field_by_name(t, items[i].field);
		char want[128], sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" WHERE id = ?1", t->table);

		/* create */
		char *before = snapshot(db);
		ck_assert_msg(item_create(db, t, items[i].item) == STATUS_OK, "%s: %s", t->name, db_error(db));
		int64_t id = *(int64_t *)items[i].item;
		char *created = snapshot(db);
		snprintf(want, sizeof want, "Rückgängig: %s %" PRId64 " angelegt", _(t->label), id);
		undo_ok(db, s, want);
		ck_assert_int_eq(fixture_int1(db, sql, id), 0);
		assert_snapshot(db, before, t->name);
		snprintf(want, sizeof want, "Wiederhergestellt: %s %" PRId64 " angelegt", _(t->label), id);
		redo_ok(db, s, want);
		ck_assert_int_eq(fixture_int1(db, sql, id), 1);
		assert_snapshot(db, created, t->name);

		/* update */
		int64_t buf[48];
		ck_assert_uint_le(t->size, sizeof buf);
		ck_assert_int_eq(item_read(db, t, id, buf), STATUS_OK);
		ck_assert_int_eq(item_parse(db, t, buf, f, "Neu"), STATUS_OK);
		ck_assert_int_eq(item_update(db, t, buf), STATUS_OK);
		item_clear(t, buf);
		char *updated = snapshot(db);
		snprintf(want, sizeof want, "Rückgängig: %s %" PRId64 " geändert", _(t->label), id);
		undo_ok(db, s, want);
		assert_snapshot(db, created, t->name);
		redo_ok(db, s, NULL);
		assert_snapshot(db, updated, t->name);

		/* delete */
		ck_assert_int_eq(item_delete(db, t, id), STATUS_OK);
		char *deleted = snapshot(db);
		snprintf(want, sizeof want, "Rückgängig: %s %" PRId64 " gelöscht", _(t->label), id);
		undo_ok(db, s, want);
		ck_assert_int_eq(fixture_int1(db, sql, id), 1);
		assert_snapshot(db, updated, t->name);
		redo_ok(db, s, NULL);
		assert_snapshot(db, deleted, t->name);
		ck_assert_int_eq(fixture_int1(db, sql, id), 0);
		free(before);
		free(created);
		free(updated);
		free(deleted);
	}
	fixture_close(db, path);
}
END_TEST

/* The session's own fields; its modification time moves on. */
START_TEST(test_undo_session_fields)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	struct session r;
	ck_assert_int_eq(item_read(db, T(ITEM_SESSION), s, &r), STATUS_OK);
	free(r.region);
	r.region = strdup("Niedersachsen");
	r.scale = 2;
	ck_assert_int_eq(item_update(db, T(ITEM_SESSION), &r), STATUS_OK);
	item_clear(T(ITEM_SESSION), &r);
	ck_assert_int_eq(db_exec(db, "UPDATE session SET modified = '2000-01-01T00:00:00Z'", ""), STATUS_OK);
	char want[64];
	snprintf(want, sizeof want, "Rückgängig: Sitzung %" PRId64 " geändert", s);
	undo_ok(db, s, want);
	ck_assert_int_eq(fixture_int1(db, "SELECT region IS NULL AND scale = 3 FROM session WHERE id = ?1",
		s), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT modified > '2001' FROM session WHERE id = ?1", s), 1);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT region = 'Niedersachsen' AND scale = 2 FROM session"
		" WHERE id = ?1", s), 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_undo_link)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Datenabfluss", 0);
	int64_t g = fixture_goal(db, s, "Kontrolle", 0);
	char *before = snapshot(db);
	const char *sql = "SELECT count(*) FROM goal_unseen WHERE goal_id = ?1";

	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, g, u), STATUS_OK);
	char want[128];
	snprintf(want, sizeof want, "Rückgängig: Verknüpfung Ziel–Unseen %" PRId64 "–%" PRId64
		" angelegt", g, u);
	undo_ok(db, s, want);
	ck_assert_int_eq(fixture_int1(db, sql, g), 0);
	assert_snapshot(db, before, "link added, undone");
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, sql, g), 1);

	/* removed, and back */
	char *linked = snapshot(db);
	ck_assert_int_eq(link_remove(db, LINK_GOAL_UNSEEN, g, u), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, sql, g), 0);
	undo_ok(db, s, NULL);
	assert_snapshot(db, linked, "link removed, undone");
	/* a link of another session took the removed link's rowid meanwhile:
	 * no conflict, a link is named by what it links */
	ck_assert_int_eq(link_remove(db, LINK_GOAL_UNSEEN, g, u), STATUS_OK);
	int64_t other = fixture_session(db, "Andere");
	int64_t ou = fixture_unseen(db, other, "Fremd", 0), og = fixture_goal(db, other, "Fremd", 0);
	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, og, ou), STATUS_OK);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, sql, g), 1);
	ck_assert_int_eq(fixture_int1(db, sql, og), 1);
	free(before);
	free(linked);
	fixture_close(db, path);
}
END_TEST

/* A link whose row was changed in place (by another program: didat
 * removes and adds links) names itself by its two columns: undo moves
 * it back, redo forth, and a link named by nothing else is written at
 * all (it was taken for an empty change, and its SQL leaked). */
START_TEST(test_undo_link_changed_in_place)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Datenabfluss", 0);
	int64_t a = fixture_stakeholder(db, s, "KMU-Leitungen");
	int64_t b = fixture_stakeholder(db, s, "Beschäftigte");
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u, a), STATUS_OK);
	char *before = snapshot(db);
	const char *sql = "SELECT stakeholder_id FROM unseen_stakeholder WHERE unseen_id = ?1";

	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE unseen_stakeholder SET stakeholder_id = ?2"
		" WHERE unseen_id = ?1", "ii", u, b), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	char *after = snapshot(db);
	char want[128];
	snprintf(want, sizeof want, "Rückgängig: Verknüpfung Unseen–Stakeholdergruppe %" PRId64 "–%"
		PRId64 " geändert", u, b);
	undo_ok(db, s, want);
	ck_assert_int_eq(fixture_int1(db, sql, u), a);
	assert_snapshot(db, before, "link changed in place, undone");
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, sql, u), b);
	assert_snapshot(db, after, "link changed in place, redone");
	free(before);
	free(after);
	fixture_close(db, path);
}
END_TEST

/* ACTION's result and the state before it, each exactly: undone, redone,
 * undone again (the codebook and document actions below). */
static void undo_redo_exact(struct db *db, int64_t s, const char *before, const char *what)
{
	char *after = snapshot(db);
	undo_ok(db, s, NULL);
	assert_snapshot(db, before, what);
	redo_ok(db, s, NULL);
	assert_snapshot(db, after, what);
	undo_ok(db, s, NULL);
	assert_snapshot(db, before, what);
	free(after);
}

/* The actions of the codebook, the coding and document commands and an
 * import are one change group each, however many tables they touch: a
 * merge moves codings and children, drops a duplicate and appends its
 * memo, deletes the code; a delete takes a subtree with its codings. */
START_TEST(test_undo_codebook_documents_import)
{
	static const char *const lines[] = { "eins", "zwei", "drei", "vier" };
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t c = fixture_component(db, s, 1, "Daten");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-u", lines, 4);
	int64_t into = 0, from = 0, child = 0;
	ck_assert_int_eq(code_create_free(db, s, "Datenschutz", 0, NULL, NULL, &into), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Privatsphäre", 0, "red", "alt", &from), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Alltag", from, NULL, NULL, &child), STATUS_OK);
	fixture_coding(db, s, d, 1, 2, into, "anna");
	int64_t twin = fixture_coding(db, s, d, 1, 2, from, "anna");
	int64_t own = fixture_coding(db, s, d, 3, 3, from, "ben");
	fixture_coding(db, s, d, 4, 4, child, "ben");
	ck_assert_int_eq(db_exec(db, "UPDATE coding SET memo = 'Zwilling' WHERE id = ?1", "i", twin),
		STATUS_OK);

	char *before = snapshot(db);
	int64_t groups = fixture_int(db, "SELECT count(DISTINCT change_group) FROM changelog");
	struct code_merge_result r;
	ck_assert_int_eq(code_merge(db, from, into, &r), STATUS_OK);
	ck_assert_int_eq(r.duplicates + r.moved + r.children, 3);
	ck_assert_int_eq(fixture_int(db, "SELECT count(DISTINCT change_group) FROM changelog"),
		groups + 1);
	undo_redo_exact(db, s, before, "merge");
	free(before);

	before = snapshot(db);
	ck_assert_int_eq(code_delete(db, from, NULL, NULL), STATUS_OK);
	undo_redo_exact(db, s, before, "delete with subtree");
	free(before);

	before = snapshot(db);
	struct coding k;
	ck_assert_int_eq(coding_read(db, own, &k), STATUS_OK);
	k.first_line = 2;
	k.code_id = into;
	ck_assert_int_eq(coding_update(db, &k), STATUS_OK);
	coding_clear(&k);
	undo_redo_exact(db, s, before, "coding changed");
	free(before);

	before = snapshot(db);
	struct document doc;
	ck_assert_int_eq(document_read(db, d, &doc), STATUS_OK);
	free(doc.kind);
	doc.kind = strdup("draft");
	free(doc.memo);
	doc.memo = strdup("Fassung vom Mai");
	doc.component_id = c;
	ck_assert_int_eq(document_update(db, &doc), STATUS_OK);
	document_clear(&doc);
	undo_redo_exact(db, s, before, "document metadata");
	free(before);

	/* a matrix read from a file: its variables and cells in one group */
	static const char matrix[] = ",X,Y\nX,,2\nY,1,\n";
	fixture_temp_path(csv);
	fixture_write_file(csv, matrix, sizeof matrix - 1);
	before = snapshot(db);
	ck_assert_int_eq(matrix_csv_import(db, s, csv, &(int64_t){ 0 }), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM impact"), 2);
	undo_redo_exact(db, s, before, "import-csv matrix");
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM variable"), 0);
	free(before);
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

/* A copy is an action of the new session only: the copy's undo stops at
 * its creation, the original's stack goes on as before. */
START_TEST(test_undo_after_duplicate)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Datenabfluss", 0);
	int64_t copy = 0;
	ck_assert_int_eq(session_duplicate(db, s, "Kopie", &copy), STATUS_OK);
	char want[96];
	snprintf(want, sizeof want, "„Sitzung %" PRId64 " angelegt“", copy);
	refused(db, copy, false, STATUS_NOT_FOUND, want);
	snprintf(want, sizeof want, "Rückgängig: Unseen %" PRId64 " angelegt", u);
	undo_ok(db, s, want);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE session_id = ?1", copy), 1);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE session_id = ?1", s), 1);
	fixture_close(db, path);
}
END_TEST

/* A matrix cell: rated, re-rated, made unrated again. */
START_TEST(test_undo_impact)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t a = fixture_variable(db, s, "A"), b = fixture_variable(db, s, "B");
	const char *cell = "SELECT coalesce((SELECT strength * 10 + (note IS NOT NULL) FROM impact"
		" WHERE from_id = ?1), -1)";

	ck_assert_int_eq(impact_set(db, a, b, 2, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(db, a, b, 3, "stärker"), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, cell, a), 31);
	char want[96];
	snprintf(want, sizeof want, "Rückgängig: Einfluss %" PRId64 "–%" PRId64 " geändert", a, b);
	undo_ok(db, s, want);
	ck_assert_int_eq(fixture_int1(db, cell, a), 20);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, cell, a), -1);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, cell, a), 20);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, cell, a), 31);
	ck_assert_int_eq(impact_clear(db, a, b), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, cell, a), -1);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, cell, a), 31);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM impact WHERE note = 'stärker'"), 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_undo_coding)
{
	static const char *const lines[] = { "eins", "zwei", "drei" };
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Datenabfluss", 0);
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha", lines, 3);
	char *before = snapshot(db);
	int64_t k = fixture_coding(db, s, d, 2, 3, fixture_item_code(db, "unseen", u), "anna");
	char *coded = snapshot(db);
	char want[64];
	snprintf(want, sizeof want, "Rückgängig: Kodierung %" PRId64 " angelegt", k);
	undo_ok(db, s, want);
	assert_snapshot(db, before, "coding undone");
	redo_ok(db, s, NULL);
	assert_snapshot(db, coded, "coding redone");
	ck_assert_int_eq(coding_delete(db, k), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE id = ?1", k), 0);
	undo_ok(db, s, NULL);
	assert_snapshot(db, coded, "deleted coding undone");
	ck_assert_int_eq(fixture_int1(db, "SELECT first_line * 10 + last_line FROM coding WHERE id = ?1",
		k), 23);
	free(before);
	free(coded);
	fixture_close(db, path);
}
END_TEST

/* Deleting an unseen takes its links, its code and its codings along in
 * one action; undo brings all of it back, search included. */
START_TEST(test_undo_delete_cascade)
{
	static const char *const lines[] = { "eins", "zwei", "drei" };
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Maschinendatenabfluss", 0);
	int64_t sh1 = fixture_stakeholder(db, s, "KMU"), sh2 = fixture_stakeholder(db, s, "Staat");
	int64_t g = fixture_goal(db, s, "Kontrolle", 0);
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u, sh1), STATUS_OK);
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u, sh2), STATUS_OK);
	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, g, u), STATUS_OK);
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha", lines, 3);
	int64_t code = fixture_item_code(db, "unseen", u);
	int64_t k1 = fixture_coding(db, s, d, 1, 1, code, "anna");
	int64_t k2 = fixture_coding(db, s, d, 2, 3, code, "ben");
	ck_assert_int_eq(item_hits(db, s, "Maschinendatenabfluss"), 1);
	char *before = snapshot(db);

	ck_assert_int_eq(item_delete(db, T(ITEM_UNSEEN), u), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE code_id = ?1", code), 0);
	ck_assert_int_eq(item_hits(db, s, "Maschinendatenabfluss"), 0);
	char *deleted = snapshot(db);

	char want[64];
	snprintf(want, sizeof want, "Rückgängig: Unseen %" PRId64 " gelöscht", u);
	undo_ok(db, s, want);
	assert_snapshot(db, before, "the unseen came back whole");
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen_stakeholder WHERE unseen_id = ?1", u), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM goal_unseen WHERE unseen_id = ?1", u), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT item_id FROM code WHERE id = ?1 AND type = 'unseen'",
		code), u);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE code_id = ?1", code), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE id = ?1", k1), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE id = ?1", k2), 1);
	ck_assert_int_eq(item_hits(db, s, "Maschinendatenabfluss"), 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);

	/* redo deletes it all again, undo brings it back again */
	redo_ok(db, s, NULL);
	assert_snapshot(db, deleted, "redone delete");
	ck_assert_int_eq(item_hits(db, s, "Maschinendatenabfluss"), 0);
	undo_ok(db, s, NULL);
	assert_snapshot(db, before, "undone again");
	ck_assert_int_eq(item_hits(db, s, "Maschinendatenabfluss"), 1);
	free(before);
	free(deleted);
	fixture_close(db, path);
}
END_TEST

/* The same for a variable whose matrix cells go with it, and a
 * component whose items only lose their reference to it. */
START_TEST(test_undo_delete_cascade_matrix_and_component)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t c = fixture_component(db, s, 1, "Daten");
	int64_t u = fixture_unseen(db, s, "U", c);
	int64_t a = fixture_variable(db, s, "A"), b = fixture_variable(db, s, "B");
	ck_assert_int_eq(impact_set(db, a, b, 2, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(db, b, a, 1, "schwach"), STATUS_OK);
	char *before = snapshot(db);
	ck_assert_int_eq(item_delete(db, T(ITEM_VARIABLE), a), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM impact"), 0);
	ck_assert_int_eq(item_delete(db, T(ITEM_COMPONENT), c), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT component_id IS NULL FROM unseen WHERE id = ?1", u), 1);
	char *deleted = snapshot(db);
	undo_ok(db, s, NULL);
	undo_ok(db, s, NULL);
	assert_snapshot(db, before, "variable and component back");
	redo_ok(db, s, NULL);
	redo_ok(db, s, NULL);
	assert_snapshot(db, deleted, "both deleted again");
	free(before);
	free(deleted);
	fixture_close(db, path);
}
END_TEST

/* Several undos go back in order, redos forward in order; the stack
 * ends at the creation of the session. */
START_TEST(test_undo_several_and_redo)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	available(db, s, false, false);
	refused(db, s, false, STATUS_NOT_FOUND, "nichts rückgängig zu machen");
	refused(db, s, true, STATUS_NOT_FOUND, "nichts wiederherzustellen");
	char *states[4];
	states[0] = snapshot(db);
	int64_t u = fixture_unseen(db, s, "Eins", 0);
	states[1] = snapshot(db);
	struct unseen r;
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), u, &r), STATUS_OK);
	r.votes = 5;
	ck_assert_int_eq(item_update(db, T(ITEM_UNSEEN), &r), STATUS_OK);
	states[2] = snapshot(db);
	r.votes = 9;
	ck_assert_int_eq(item_update(db, T(ITEM_UNSEEN), &r), STATUS_OK);
	item_clear(T(ITEM_UNSEEN), &r);
	states[3] = snapshot(db);
	available(db, s, true, false);

	for (int i = 3; i > 0; i--) {
		undo_ok(db, s, NULL);
		assert_snapshot(db, states[i - 1], "undo in order");
		available(db, s, i > 1, true);
	}
	refused(db, s, false, STATUS_NOT_FOUND, "Sitzung");
	for (int i = 1; i <= 3; i++) {
		redo_ok(db, s, NULL);
		assert_snapshot(db, states[i], "redo in order");
		available(db, s, true, i < 3);
	}
	refused(db, s, true, STATUS_NOT_FOUND, "nichts wiederherzustellen");
	/* undo after redo takes back what was redone */
	undo_ok(db, s, NULL);
	assert_snapshot(db, states[2], "undo after redo");
	/* the undo steps themselves are in the log */
	ck_assert_int_eq(fixture_int1(db, "SELECT count(DISTINCT change_group) FROM changelog"
		" WHERE session_id = ?1 AND change_group IN (SELECT done_group FROM undo_step)", s), 7);
	for (int i = 0; i < 4; i++)
		free(states[i]);
	fixture_close(db, path);
}
END_TEST

/* A new change after an undo ends what can be redone. */
START_TEST(test_undo_new_change_clears_redo)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t a = fixture_unseen(db, s, "A", 0);
	int64_t b = fixture_unseen(db, s, "B", 0);
	undo_ok(db, s, NULL);          /* B is gone */
	available(db, s, true, true);
	int64_t c = fixture_unseen(db, s, "C", 0);
	available(db, s, true, false);
	refused(db, s, true, STATUS_NOT_FOUND, "nichts wiederherzustellen");
	/* undo now takes C, then A: B stays undone */
	undo_ok(db, s, NULL);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM unseen"), 0);
	/* redo brings back A and C, never B */
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", a), 1);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", c), 1);
	refused(db, s, true, STATUS_NOT_FOUND, "nichts wiederherzustellen");
	/* C took B's freed id: the undone B stays undone all the same */
	ck_assert_int_eq(c, b);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM unseen WHERE title = 'B'"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM unseen WHERE title IN ('A', 'C')"), 2);
	available(db, s, true, false);
	fixture_close(db, path);
}
END_TEST

/* The stacks live in the database: they survive closing it. */
START_TEST(test_undo_across_reopen)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Vorher", 0);
	struct unseen r;
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), u, &r), STATUS_OK);
	free(r.title);
	r.title = strdup("Nachher");
	ck_assert_int_eq(item_update(db, T(ITEM_UNSEEN), &r), STATUS_OK);
	item_clear(T(ITEM_UNSEEN), &r);
	db_close(db);

	db = fixture_reopen(path);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT title = 'Vorher' FROM unseen WHERE id = ?1", u), 1);
	db_close(db);

	db = fixture_reopen(path);
	available(db, s, true, true);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT title = 'Nachher' FROM unseen WHERE id = ?1", u), 1);
	undo_ok(db, s, NULL);
	undo_ok(db, s, NULL);
	db_close(db);

	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u), 0);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT title = 'Vorher' FROM unseen WHERE id = ?1", u), 1);
	fixture_close(db, path);
}
END_TEST

/* What other sessions do meanwhile: a freed id taken again is a
 * conflict, and the refusal changes nothing. */
START_TEST(test_undo_conflict_id_taken)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Andere");
	int64_t c = fixture_component(db, s, 1, "Plattformen");
	ck_assert_int_eq(item_delete(db, T(ITEM_COMPONENT), c), STATUS_OK);
	/* SQLite hands the highest id out again */
	ck_assert_int_eq(fixture_component(db, other, 1, "Cloud"), c);
	char want[96];
	snprintf(want, sizeof want, "Komponente %" PRId64 " (Tabelle component) gibt es inzwischen wieder", c);
	refused(db, s, false, STATUS_CONFLICT, want);
	ck_assert(fixture_contains(db_error(db), "nichts rückgängig gemacht"));

	/* and for redo: undone creation, id taken elsewhere */
	int64_t v = fixture_variable(db, s, "Führung");
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_variable(db, other, "Fremd"), v);
	snprintf(want, sizeof want, "Variable %" PRId64 " (Tabelle variable)", v);
	refused(db, s, true, STATUS_CONFLICT, want);
	ck_assert(fixture_contains(db_error(db), "nichts wiederhergestellt"));
	ck_assert_int_eq(fixture_int1(db, "SELECT session_id FROM variable WHERE id = ?1", v), other);
	fixture_close(db, path);
}
END_TEST

/* Changes the session's stack does not know (made by another program,
 * here logged under another session): a row that differs, a row that
 * is gone, and a cascade that would reach past the action. */
START_TEST(test_undo_conflict_changed_since)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Andere");
	int64_t u = fixture_unseen(db, s, "Alt", 0);
	struct unseen r;
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), u, &r), STATUS_OK);
	free(r.title);
	r.title = strdup("Neu");
	ck_assert_int_eq(item_update(db, T(ITEM_UNSEEN), &r), STATUS_OK);
	item_clear(T(ITEM_UNSEEN), &r);

	/* a later change to another column is no conflict: it stays */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE unseen SET votes = 4 WHERE id = ?1", "i", u), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE changelog SET session_id = ?1 WHERE change_group ="
		" didat_change_group()", "i", other), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT title = 'Alt' AND votes = 4 FROM unseen WHERE id = ?1",
		u), 1);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT title = 'Neu' AND votes = 4 FROM unseen WHERE id = ?1",
		u), 1);

	/* a later change to the same column is */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE unseen SET title = 'Anders' WHERE id = ?1", "i", u),
		STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE changelog SET session_id = ?1 WHERE change_group ="
		" didat_change_group()", "i", other), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	char want[96];
	snprintf(want, sizeof want, "Konflikt: Unseen %" PRId64 " (Tabelle unseen) wurde seither geändert", u);
	refused(db, s, false, STATUS_CONFLICT, want);
	available(db, s, true, false);

	/* gone */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "DELETE FROM unseen WHERE id = ?1", "i", u), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE changelog SET session_id = ?1 WHERE change_group ="
		" didat_change_group()", "i", other), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	snprintf(want, sizeof want, "Unseen %" PRId64 " (Tabelle unseen) gibt es nicht mehr", u);
	refused(db, s, false, STATUS_CONFLICT, want);

	/* a cell that the stack does not know hangs on a new variable:
	 * undoing the variable would delete it too */
	int64_t b = fixture_variable(db, s, "B");
	int64_t a = fixture_variable(db, s, "A");
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO impact(from_id, to_id, strength) VALUES (?1, ?2, 1)",
		"ii", a, b), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "UPDATE changelog SET session_id = ?1 WHERE change_group ="
		" didat_change_group()", "i", other), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	snprintf(want, sizeof want, "Einfluss %" PRId64 "–%" PRId64 " (Tabelle impact)", a, b);
	refused(db, s, false, STATUS_CONFLICT, want);
	ck_assert(fixture_contains(db_error(db), "nicht zu dieser Änderung gehört"));
	fixture_close(db, path);
}
END_TEST

/* Undo in one session never touches another, whatever the order of the
 * actions; the other session's modification time stays too. */
/* Two people on one session: each undo takes back the person's own last
 * change, never the colleague's; --anyone takes the session's last, and
 * says whose it was.  Redo is per person too. */
START_TEST(test_undo_per_person)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Werkstatt");
	db_set_user(db, "anna");
	int64_t ua = fixture_unseen(db, s, "Annas Unseen", 0);
	db_set_user(db, "ben");
	int64_t ub = fixture_unseen(db, s, "Bens Unseen", 0);
	db_set_user(db, "anna");
	ck_assert_int_eq(item_set_field(db, item_type(ITEM_UNSEEN), ua,
		item_field_by_name(item_type(ITEM_UNSEEN), "causes"), "Zeitdruck"), STATUS_OK);
	db_set_user(db, "ben");
	ck_assert_int_eq(item_set_field(db, item_type(ITEM_UNSEEN), ub,
		item_field_by_name(item_type(ITEM_UNSEEN), "causes"), "Überlastung"), STATUS_OK);

	/* anna's undo passes over ben's last change to her own */
	db_set_user(db, "anna");
	struct undo_result r;
	ck_assert_int_eq(undo_last(db, s, UNDO_MINE, &r), STATUS_OK);
	ck_assert_str_eq(r.who, "anna");
	ck_assert_msg(!fixture_contains(r.description, "anna"), "%s", r.description);
	ck_assert_int_eq(fixture_int1(db, "SELECT causes IS NULL FROM unseen WHERE id = ?1", ua), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT causes = 'Überlastung' FROM unseen WHERE id = ?1", ub), 1);
	ck_assert_int_eq(undo_last(db, s, UNDO_MINE, &r), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", ua), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", ub), 1);
	/* nothing more of hers; the message says how to reach anyone's */
	refused(db, s, false, STATUS_NOT_FOUND, "anna");
	refused(db, s, false, STATUS_NOT_FOUND, "--anyone");
	/* ben's redo has nothing: anna's undos are hers to redo */
	db_set_user(db, "ben");
	refused(db, s, true, STATUS_NOT_FOUND, "");
	/* anna's redo brings her unseen back, not ben's anything */
	db_set_user(db, "anna");
	redo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", ua), 1);
	/* --anyone takes ben's change, the session's last, and names him */
	ck_assert_int_eq(undo_last(db, s, UNDO_ANYONE, &r), STATUS_OK);
	ck_assert_str_eq(r.who, "ben");
	ck_assert_msg(fixture_contains(r.description, "ben"), "%s", r.description);
	ck_assert_int_eq(fixture_int1(db, "SELECT causes IS NULL FROM unseen WHERE id = ?1", ub), 1);
	/* the steps say who took them */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM undo_step WHERE who = 'anna'"), 4);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM undo_step WHERE who IS NOT 'anna'"), 0);
	/* ben still undoes his own creation, passing over anna's redo */
	db_set_user(db, "ben");
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", ub), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", ua), 1);
	db_close(db);
}
END_TEST

START_TEST(test_undo_session_isolation)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s1 = fixture_session(db, "Eins"), s2 = fixture_session(db, "Zwei");
	int64_t u1 = fixture_unseen(db, s1, "U1", 0);
	int64_t u2 = fixture_unseen(db, s2, "U2", 0);
	char *start = snapshot(db);
	int64_t sh1 = fixture_stakeholder(db, s1, "Gruppe 1");        /* S1: A */
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u2,
		fixture_stakeholder(db, s2, "Gruppe 2")), STATUS_OK);      /* S2: two actions */
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u1, sh1), STATUS_OK);   /* S1: C */
	ck_assert_int_eq(db_exec(db, "UPDATE session SET modified = '2000-01-01T00:00:00Z' WHERE id = ?1",
		"i", s2), STATUS_OK);
	char *s2_done = NULL;

	undo_ok(db, s1, NULL);
	undo_ok(db, s1, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM stakeholder WHERE session_id = ?1", s1), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM stakeholder WHERE session_id = ?1", s2), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen_stakeholder WHERE unseen_id = ?1", u2), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM session WHERE id = ?1"
		" AND modified = '2000-01-01T00:00:00Z'", s2), 1);
	s2_done = snapshot(db);
	/* S1's next undo reaches its own earlier action, not S2's */
	undo_ok(db, s1, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u1), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u2), 1);
	redo_ok(db, s1, NULL);
	assert_snapshot(db, s2_done, "S1 undo and redo");
	/* S2 has its own stack: its two actions, then its unseen */
	available(db, s2, true, false);
	undo_ok(db, s2, NULL);
	undo_ok(db, s2, NULL);
	assert_snapshot(db, start, "both sessions back at the start");
	/* S1's redo stack is S1's: S2's undos left it alone */
	available(db, s1, true, true);
	redo_ok(db, s1, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM stakeholder WHERE id = ?1", sh1), 1);
	free(start);
	free(s2_done);
	fixture_close(db, path);
}
END_TEST

/* What undo does not take back: a deleted session, the creation of a
 * session, an imported document. */
START_TEST(test_undo_not_undoable)
{
	static const char *const lines[] = { "eins" };
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), gone = fixture_session(db, "Weg");
	fixture_unseen(db, gone, "U", 0);
	ck_assert_int_eq(session_delete(db, gone), STATUS_OK);
	refused(db, gone, false, STATUS_NOT_FOUND, "gelöschte Sitzung");
	refused(db, gone, true, STATUS_NOT_FOUND, "gelöschte Sitzung");
	available(db, gone, false, false);

	char want[96];
	snprintf(want, sizeof want, "„Sitzung %" PRId64 " angelegt“ lässt sich nicht zurücknehmen", s);
	refused(db, s, false, STATUS_NOT_FOUND, want);
	int64_t u = fixture_unseen(db, s, "Vor dem Import", 0);
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha", lines, 1);
	snprintf(want, sizeof want, "„Dokument %" PRId64 " angelegt“", d);
	refused(db, s, false, STATUS_NOT_FOUND, want);
	available(db, s, false, false);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u), 1);
	fixture_close(db, path);
}
END_TEST

/* A log row is not trusted into SQL: a table or a column that is not
 * the schema's is refused, and nothing is run. */
START_TEST(test_undo_bad_log_rows)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Alt", 0);
	const char *forge = "INSERT INTO changelog(change_group, session_id, tbl, row_id, op, old, new)"
		" VALUES ((SELECT max(change_group) + 1 FROM changelog), ?1, ?2, ?3, 'update', ?4, ?5)";

	ck_assert_int_eq(db_exec(db, forge, "itit" "t", s, "unseen", u,
		"{\"id\":1,\"title\\\" = 'x'; DROP TABLE unseen; --\":1}", "{\"id\":1}"), STATUS_OK);
	refused(db, s, false, STATUS_INVALID, "gibt es in Tabelle unseen nicht");
	ck_assert_int_eq(db_exec(db, "DELETE FROM changelog WHERE id = (SELECT max(id) FROM changelog)", ""),
		STATUS_OK);

	ck_assert_int_eq(db_exec(db, forge, "itit" "t", s, "sqlite_schema", u, "{\"id\":1}", "{\"id\":2}"),
		STATUS_OK);
	refused(db, s, false, STATUS_INVALID, "unbekannte Tabelle");
	ck_assert_int_eq(db_exec(db, "DELETE FROM changelog WHERE id = (SELECT max(id) FROM changelog)", ""),
		STATUS_OK);

	ck_assert_int_eq(db_exec(db, forge, "itit" "t", s, "unseen", u, "{\"id\":1", "{\"id\":1}"),
		STATUS_OK);
	refused(db, s, false, STATUS_INVALID, "kein gültiges JSON-Objekt");
	ck_assert_int_eq(db_exec(db, "DELETE FROM changelog WHERE id = (SELECT max(id) FROM changelog)", ""),
		STATUS_OK);

	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u), 1);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u), 0);
	fixture_close(db, path);
}
END_TEST

/* Actions logged at schema 3 are undone after the migration to 4. */
START_TEST(test_undo_migrated_from_3)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open_schema(path, 3);
	int64_t s = fixture_old_session(db, "Alt");
	int64_t u = fixture_old_unseen(db, s, "Vor der Migration");
	db_close(db);
	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	undo_ok(db, s, NULL);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u), 0);
	redo_ok(db, s, NULL);
	ck_assert_int_eq(item_hits(db, s, "Migration"), 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_undo_tables_known)
{
	for (size_t i = 0; schema_logged_table(i); i++)
		ck_assert_msg(undo_table_label(schema_logged_table(i)) != NULL, "undo does not know %s",
			schema_logged_table(i));
	ck_assert_str_eq(undo_table_label("unseen"), "Unseen");
	ck_assert_ptr_null(undo_table_label("changelog"));
	ck_assert_ptr_null(undo_table_label("line"));
	ck_assert_ptr_null(undo_table_label("draft"));
}
END_TEST

/* A read-only database: nothing can be undone, and it says so. */
START_TEST(test_undo_readonly)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	fixture_unseen(db, s, "U", 0);
	db_close(db);
	ck_assert_int_eq(db_open(&db, path, DB_READONLY), STATUS_OK);
	db_set_user(db, "tester");
	available(db, s, true, false);
	struct undo_result r;
	ck_assert_int_eq(undo_last(db, s, UNDO_MINE, &r), STATUS_READONLY);
	db_close(db);
	fixture_remove(path);
}
END_TEST

extern Suite *undo_suite(void);
Suite *undo_suite(void)
{
	Suite *s = suite_create("undo");
	TCase *tc = tcase_create("undo");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_undo_items);
	tcase_add_test(tc, test_undo_session_fields);
	tcase_add_test(tc, test_undo_link);
	tcase_add_test(tc, test_undo_link_changed_in_place);
	tcase_add_test(tc, test_undo_codebook_documents_import);
	tcase_add_test(tc, test_undo_after_duplicate);
	tcase_add_test(tc, test_undo_impact);
	tcase_add_test(tc, test_undo_coding);
	tcase_add_test(tc, test_undo_delete_cascade);
	tcase_add_test(tc, test_undo_delete_cascade_matrix_and_component);
	tcase_add_test(tc, test_undo_several_and_redo);
	tcase_add_test(tc, test_undo_new_change_clears_redo);
	tcase_add_test(tc, test_undo_across_reopen);
	tcase_add_test(tc, test_undo_conflict_id_taken);
	tcase_add_test(tc, test_undo_conflict_changed_since);
	tcase_add_test(tc, test_undo_session_isolation);
	tcase_add_test(tc, test_undo_per_person);
	tcase_add_test(tc, test_undo_not_undoable);
	tcase_add_test(tc, test_undo_bad_log_rows);
	tcase_add_test(tc, test_undo_migrated_from_3);
	tcase_add_test(tc, test_undo_tables_known);
	tcase_add_test(tc, test_undo_readonly);
	suite_add_tcase(s, tc);
	return s;
}
