/* model/draft: what an open editor held when the program was stopped. */
#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/db.h"
#include "model/draft.h"
#include "model/session.h"

#define MAX_DRAFTS 8

struct drafts {
	int n;
	struct {
		int64_t id, session_id;
		char target[64], original[64], text[256], saved_at[32];
	} d[MAX_DRAFTS];
};

static int collect(void *ctx, const struct draft *d)
{
	struct drafts *all = ctx;
	ck_assert_int_lt(all->n, MAX_DRAFTS);
	all->d[all->n].id = d->id;
	all->d[all->n].session_id = d->session_id;
	snprintf(all->d[all->n].target, sizeof all->d[0].target, "%s", d->target);
	snprintf(all->d[all->n].original, sizeof all->d[0].original, "%s", d->original);
	snprintf(all->d[all->n].text, sizeof all->d[0].text, "%s", d->text);
	snprintf(all->d[all->n].saved_at, sizeof all->d[0].saved_at, "%s", d->saved_at);
	all->n++;
	return 0;
}

static int stop_first(void *ctx, const struct draft *d)
{
	(void)d;
	(*(int *)ctx)++;
	return 1;
}

static struct drafts list(struct db *db)
{
	struct drafts all = { 0 };
	ck_assert_int_eq(draft_list(db, collect, &all), STATUS_OK);
	return all;
}

static void save_ok(struct db *db, int64_t session, const char *target, const char *original,
	const char *text)
{
	enum status rc = draft_save(db, session, target, original, text);
	ck_assert_msg(rc == STATUS_OK, "draft_save %s: %s", target, db_error(db));
}

START_TEST(test_draft_save_list)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	ck_assert_int_eq(list(db).n, 0);
	save_ok(db, s, "unseen:7:description", "Alt", "Neu getippt: „Daten“ – ß\nzweite Zeile");
	save_ok(db, 0, "search", NULL, "Plattform*");
	struct drafts all = list(db);
	ck_assert_int_eq(all.n, 2);
	/* newest first */
	ck_assert_str_eq(all.d[0].target, "search");
	ck_assert_int_eq(all.d[0].session_id, 0);
	ck_assert_str_eq(all.d[0].original, "");
	ck_assert_str_eq(all.d[0].text, "Plattform*");
	ck_assert_str_eq(all.d[1].target, "unseen:7:description");
	ck_assert_int_eq(all.d[1].session_id, s);
	ck_assert_str_eq(all.d[1].original, "Alt");
	ck_assert_str_eq(all.d[1].text, "Neu getippt: „Daten“ – ß\nzweite Zeile");
	ck_assert_int_eq(strlen(all.d[1].saved_at), 24);   /* 2026-03-05T10:11:12.345Z */
	ck_assert_int_eq(all.d[1].saved_at[23], 'Z');
	ck_assert(strcmp(all.d[0].saved_at, all.d[1].saved_at) >= 0);
	/* a non-zero return stops the list */
	int calls = 0;
	ck_assert_int_eq(draft_list(db, stop_first, &calls), STATUS_OK);
	ck_assert_int_eq(calls, 1);
	fixture_close(db, path);
}
END_TEST

/* A second save of the same target replaces the first; the same target
 * in another session is another draft. */
START_TEST(test_draft_replace)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s1 = fixture_session(db, "Eins"), s2 = fixture_session(db, "Zwei");
	save_ok(db, s1, "session:question", "Frage?", "Erster Stand");
	save_ok(db, s2, "session:question", "Andere?", "Anderer Stand");
	save_ok(db, 0, "note", NULL, "ohne Sitzung");
	save_ok(db, 0, "note", NULL, "ohne Sitzung, neuer");
	save_ok(db, s1, "session:question", "Frage?", "Zweiter Stand");
	struct drafts all = list(db);
	ck_assert_int_eq(all.n, 3);
	ck_assert_int_eq(all.d[0].session_id, s1);
	ck_assert_str_eq(all.d[0].text, "Zweiter Stand");
	ck_assert_str_eq(all.d[1].text, "ohne Sitzung, neuer");
	ck_assert_int_eq(all.d[2].session_id, s2);
	ck_assert_str_eq(all.d[2].text, "Anderer Stand");
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM draft WHERE target = 'session:question'"), 2);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_draft_delete)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	save_ok(db, s, "goal:3:text", "A", "B");
	save_ok(db, s, "goal:4:text", "C", "D");
	struct drafts all = list(db);
	ck_assert_int_eq(all.n, 2);
	ck_assert_int_eq(draft_delete(db, all.d[1].id), STATUS_OK);
	all = list(db);
	ck_assert_int_eq(all.n, 1);
	ck_assert_str_eq(all.d[0].target, "goal:4:text");
	ck_assert_int_eq(draft_delete(db, 999), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "Entwurf 999"));
	ck_assert_int_eq(list(db).n, 1);
	/* a deleted session takes its drafts along */
	ck_assert_int_eq(session_delete(db, s), STATUS_OK);
	ck_assert_int_eq(list(db).n, 0);
	fixture_close(db, path);
}
END_TEST

/* A draft is no change of the session: not logged, not modified. */
START_TEST(test_draft_not_a_change)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	ck_assert_int_eq(db_exec(db, "UPDATE session SET modified = '2000-01-01T00:00:00Z'", ""), STATUS_OK);
	int64_t log = fixture_int(db, "SELECT count(*) FROM changelog");
	save_ok(db, s, "unseen:1:title", "A", "B");
	save_ok(db, s, "unseen:1:title", "A", "C");
	ck_assert_int_eq(draft_delete(db, list(db).d[0].id), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), log);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM session WHERE id = ?1"
		" AND modified = '2000-01-01T00:00:00Z'", s), 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_draft_refused)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	save_ok(db, s, "unseen:1:title", "A", "B");
	ck_assert_int_eq(draft_save(db, s, "", "A", "B"), STATUS_INVALID);
	ck_assert_int_eq(draft_save(db, s, NULL, "A", "B"), STATUS_INVALID);
	ck_assert_int_eq(draft_save(db, s, "x", "A", NULL), STATUS_INVALID);
	ck_assert_int_eq(draft_save(db, 77, "unseen:1:title", "A", "neu"), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "Sitzung 77"));
	struct drafts all = list(db);
	ck_assert_int_eq(all.n, 1);
	ck_assert_str_eq(all.d[0].text, "B");
	fixture_close(db, path);
}
END_TEST

/* Drafts are there on the next start. */
START_TEST(test_draft_reopen)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	save_ok(db, s, "measure:2:text", "Vorher", "Halb getippt");
	db_close(db);
	db = fixture_reopen(path);
	struct drafts all = list(db);
	ck_assert_int_eq(all.n, 1);
	ck_assert_str_eq(all.d[0].text, "Halb getippt");
	ck_assert_str_eq(all.d[0].original, "Vorher");
	ck_assert_int_eq(all.d[0].session_id, s);
	fixture_close(db, path);
}
END_TEST

extern Suite *draft_suite(void);
Suite *draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, test_draft_save_list);
	tcase_add_test(tc, test_draft_replace);
	tcase_add_test(tc, test_draft_delete);
	tcase_add_test(tc, test_draft_not_a_change);
	tcase_add_test(tc, test_draft_refused);
	tcase_add_test(tc, test_draft_reopen);
	suite_add_tcase(s, tc);
	return s;
}
