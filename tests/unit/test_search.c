/* model/search: FTS5 full-text search over document lines and item texts. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/db.h"
#include "model/document.h"
#include "model/item.h"
#include "model/schema.h"
#include "model/search.h"
#include "model/session.h"

#define MAX_HITS 16

struct hits {
	int n;
	struct {
		enum search_place place;
		int64_t document_id, line, item_id;
		char kind[16], field[16], title[128], text[256];
	} hit[MAX_HITS];
};

static int collect(void *ctx, const struct search_hit *h)
{
	struct hits *r = ctx;
	if (r->n < MAX_HITS) {
		r->hit[r->n].place = h->place;
		r->hit[r->n].document_id = h->document_id;
		r->hit[r->n].line = h->line;
		r->hit[r->n].item_id = h->item_id;
		snprintf(r->hit[r->n].kind, sizeof r->hit[0].kind, "%s", h->kind ? h->kind : "");
		snprintf(r->hit[r->n].field, sizeof r->hit[0].field, "%s", h->field ? h->field : "");
		snprintf(r->hit[r->n].title, sizeof r->hit[0].title, "%s", h->title);
		snprintf(r->hit[r->n].text, sizeof r->hit[0].text, "%s", h->text);
	}
	r->n++;
	return 0;
}

static struct hits search(struct db *db, int64_t session, const char *query)
{
	struct hits r = { 0 };
	enum status rc = search_run_marked(db, session, query, "[", "]", collect, &r);
	ck_assert_msg(rc == STATUS_OK, "search %s: %s", query, db_error(db));
	return r;
}

static const char *const minutes[] = {
	"Protokoll der Untergruppe KMU",
	"Das GEBÄUDE ist alt.",
	"Ein Gebaude ohne Umlaut ist ein Tippfehler.",
	"Die ÄNDERUNG betrifft den Plattformbetreiber.",
	"Wem gehören die Daten der Maschinen?",
	"Die Maschinen gehören dem Betrieb.",
};
#define NLINES ((int64_t)(sizeof minutes / sizeof minutes[0]))

START_TEST(test_search_umlauts_and_case)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t d = fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);

	struct hits r = search(db, s, "Gebäude");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].place, SEARCH_LINE);
	ck_assert_int_eq(r.hit[0].document_id, d);
	ck_assert_int_eq(r.hit[0].line, 2);
	ck_assert_str_eq(r.hit[0].title, "Protokoll UG1");
	ck_assert_str_eq(r.hit[0].text, "Das [GEBÄUDE] ist alt.");

	r = search(db, s, "Gebaude");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].line, 3);

	/* Upper-case umlauts fold to lower case. */
	r = search(db, s, "änderung");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].line, 4);
	ck_assert_str_eq(r.hit[0].text, "Die [ÄNDERUNG] betrifft den Plattformbetreiber.");
	r = search(db, s, "MASCHINEN");
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.hit[0].line, 5);
	ck_assert_int_eq(r.hit[1].line, 6);
	/* No hit is no error. */
	r = search(db, s, "Däten");
	ck_assert_int_eq(r.n, 0);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_search_prefix_and_phrase)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);

	struct hits r = search(db, s, "Plattform*");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].line, 4);
	ck_assert_str_eq(r.hit[0].text, "Die ÄNDERUNG betrifft den [Plattformbetreiber].");
	r = search(db, s, "Plattform");
	ck_assert_int_eq(r.n, 0);

	r = search(db, s, "\"gehören die Daten\"");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].line, 5);
	ck_assert_str_eq(r.hit[0].text, "Wem [gehören die Daten] der Maschinen?");
	/* The same words not as a phrase: both lines with both words. */
	r = search(db, s, "gehören Maschinen");
	ck_assert_int_eq(r.n, 2);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_search_items)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Abfluss von Erfahrungswissen", 0);
	int64_t g = fixture_goal(db, s, "Erfahrungswissen im Betrieb halten", 0);
	fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);

	struct hits r = search(db, s, "Erfahrungswissen");
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.hit[0].place, SEARCH_ITEM);
	ck_assert_str_eq(r.hit[0].kind, "unseen");
	ck_assert_int_eq(r.hit[0].item_id, u);
	ck_assert_str_eq(r.hit[0].field, "title");
	ck_assert_str_eq(r.hit[0].title, "Abfluss von Erfahrungswissen");
	ck_assert_str_eq(r.hit[0].text, "Abfluss von [Erfahrungswissen]");
	ck_assert_str_eq(r.hit[1].kind, "goal");
	ck_assert_int_eq(r.hit[1].item_id, g);

	/* Lines come before items. */
	r = search(db, s, "Betrieb*");
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.hit[0].place, SEARCH_LINE);
	ck_assert_int_eq(r.hit[0].line, 6);
	ck_assert_int_eq(r.hit[1].place, SEARCH_ITEM);
	ck_assert_str_eq(r.hit[1].kind, "goal");

	/* An edit reindexes the item; a delete removes it. */
	struct unseen un = { 0 };
	ck_assert_int_eq(item_read(db, item_type(ITEM_UNSEEN), u, &un), STATUS_OK);
	free(un.description);
	un.description = strdup("Die Alten gehen in Rente.");
	ck_assert_int_eq(item_update(db, item_type(ITEM_UNSEEN), &un), STATUS_OK);
	item_clear(item_type(ITEM_UNSEEN), &un);
	r = search(db, s, "Rente");
	ck_assert_int_eq(r.n, 1);
	ck_assert_str_eq(r.hit[0].field, "description");
	ck_assert_str_eq(r.hit[0].title, "Abfluss von Erfahrungswissen");
	ck_assert_int_eq(item_delete(db, item_type(ITEM_UNSEEN), u), STATUS_OK);
	ck_assert_int_eq(search(db, s, "Rente").n, 0);
	ck_assert_int_eq(search(db, s, "Erfahrungswissen").n, 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_search_document_before_migration)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open_schema(path, 2);
	ck_assert_int_eq(fixture_int(db,
		"SELECT count(*) FROM sqlite_schema WHERE name = 'line_fts'"), 0);
	ck_assert_int_eq(db_exec(db, "INSERT INTO session(id, title) VALUES (1, 'Alt')", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO document(id, session_id, title, sha256, line_count)"
		" VALUES (7, 1, 'Altes Protokoll', 'x', 2)", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO line(document_id, number, text) VALUES"
		" (7, 1, 'Erste Zeile'), (7, 2, 'Die Fernwartung läuft ständig.')", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO unseen(session_id, title) VALUES (1, 'Fernwartung')",
		""), STATUS_OK);
	db_close(db);

	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	struct hits r = search(db, 1, "fernwartung");
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.hit[0].place, SEARCH_LINE);
	ck_assert_int_eq(r.hit[0].document_id, 7);
	ck_assert_int_eq(r.hit[0].line, 2);
	ck_assert_str_eq(r.hit[0].title, "Altes Protokoll");
	ck_assert_str_eq(r.hit[1].kind, "unseen");
	fixture_close(db, path);
}
END_TEST

START_TEST(test_search_document_deleted)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t d1 = fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);
	int64_t d2 = fixture_document(db, s, "Protokoll UG2", 0, "sha-2", minutes, NLINES);
	struct hits r = search(db, s, "Gebäude");
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.hit[0].document_id, d1);
	ck_assert_int_eq(r.hit[1].document_id, d2);
	ck_assert_int_eq(document_delete(db, d1), STATUS_OK);
	r = search(db, s, "Gebäude");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].document_id, d2);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line_fts"), NLINES);
	fixture_close(db, path);
}
END_TEST

/* Lines are indexed when an import finishes and when a session is
 * copied (schema 5): both copies find their own lines, the index holds
 * each line once, and a document still being imported is not found. */
START_TEST(test_search_lines_indexed_at_finish_and_copy)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t d = fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line_fts"), NLINES);
	int64_t copy;
	ck_assert_int_eq(session_duplicate(db, s, NULL, &copy), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line_fts"), 2 * NLINES);
	struct hits r = search(db, copy, "Gebäude");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_ne(r.hit[0].document_id, d);
	r = search(db, s, "Gebäude");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].document_id, d);

	struct document open_doc = { .session_id = s, .title = "Halb", .kind = "minutes", .sha256 = "sha-2" };
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(document_create(db, &open_doc), STATUS_OK);
	ck_assert_int_eq(document_add_line(db, open_doc.id, 1, "Ein Gebäude ohne Ende"), STATUS_OK);
	ck_assert_int_eq(search(db, s, "Gebäude").n, 1);
	ck_assert_int_eq(document_finish(db, open_doc.id, 1), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(search(db, s, "Gebäude").n, 2);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_search_malformed_query)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);
	static const char *const bad[] = { "\"Gebäude", "(Daten", "E-Mail", "Daten AND", "" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct hits r = { 0 };
		enum status rc = search_run(db, s, bad[i], collect, &r);
		ck_assert_msg(rc == STATUS_INVALID, "%s: %d %s", bad[i], rc, db_error(db));
		ck_assert_int_eq(r.n, 0);
		ck_assert_msg(fixture_contains(db_error(db), "Suchanfrage"), "%s", db_error(db));
		ck_assert_msg(!fixture_contains(db_error(db), "SELECT"), "%s", db_error(db));
		if (*bad[i])
			ck_assert_msg(fixture_contains(db_error(db), bad[i]), "%s", db_error(db));
	}
	fixture_close(db, path);
}
END_TEST

START_TEST(test_search_other_session)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s1 = fixture_session(db, "Eins");
	int64_t s2 = fixture_session(db, "Zwei");
	fixture_document(db, s1, "Protokoll UG1", 0, "sha-1", minutes, NLINES);
	fixture_unseen(db, s1, "Gebäude verfallen", 0);
	int64_t u2 = fixture_unseen(db, s2, "Gebäude im Dorf", 0);
	struct hits r = search(db, s2, "Gebäude");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.hit[0].item_id, u2);
	r = search(db, s1, "Gebäude");
	ck_assert_int_eq(r.n, 2);
	fixture_close(db, path);
}
END_TEST

static int stop_at_first(void *ctx, const struct search_hit *h)
{
	collect(ctx, h);
	return 1;
}

START_TEST(test_search_stop)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	fixture_document(db, s, "Protokoll UG1", 0, "sha-1", minutes, NLINES);
	fixture_unseen(db, s, "Maschinen", 0);
	struct hits r = { 0 };
	ck_assert_int_eq(search_run(db, s, "Maschinen", stop_at_first, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 1);
	ck_assert_str_eq(r.hit[0].text, "Wem gehören die Daten der \x01Maschinen\x02?");
	fixture_close(db, path);
}
END_TEST

extern Suite *search_suite(void);
Suite *search_suite(void)
{
	Suite *suite = suite_create("search");
	TCase *tc = tcase_create("fts");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, test_search_umlauts_and_case);
	tcase_add_test(tc, test_search_prefix_and_phrase);
	tcase_add_test(tc, test_search_items);
	tcase_add_test(tc, test_search_document_before_migration);
	tcase_add_test(tc, test_search_document_deleted);
	tcase_add_test(tc, test_search_lines_indexed_at_finish_and_copy);
	tcase_add_test(tc, test_search_malformed_query);
	tcase_add_test(tc, test_search_other_session);
	tcase_add_test(tc, test_search_stop);
	suite_add_tcase(suite, tc);
	return suite;
}
