/* The use cases both front ends call (model/item.c, exports/doc_import.c):
 * each one transaction, refusals leave the data as it was, and what
 * another terminal saved meanwhile stays.  Run on a session that is not
 * the first one, so that no id equals a small number by chance. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/doc_import.h"
#include "model/db.h"
#include "model/document.h"
#include "model/item.h"
#include "tests/unit/fixture.h"

extern Suite *use_cases_suite(void);

/* A second session with two components and two unseens in it. */
static int64_t second_session(struct db *db, int64_t *u1, int64_t *u2)
{
	int64_t first = fixture_session(db, "Erste");
	fixture_unseen(db, first, "Dort", 0);
	int64_t s = fixture_session(db, "Zweite");
	int64_t c = fixture_component(db, s, 1, "Daten");
	*u1 = fixture_unseen(db, s, "Abhängigkeit", c);
	*u2 = fixture_unseen(db, s, "Überwachung", c);
	return s;
}

static int64_t unseen_int(struct db *db, const char *column, int64_t id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT %s FROM unseen WHERE id = ?1", column);
	return fixture_int1(db, sql, id);
}

START_TEST(set_field_parses_checks_and_keeps_the_rest)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2;
	second_session(db, &u1, &u2);
	const struct item_type *t = item_type(ITEM_UNSEEN);
	const struct item_field *likelihood = item_field_by_name(t, "likelihood");
	ck_assert_int_eq(item_set_field(db, t, u1, likelihood, "4"), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "likelihood", u1), 4);
	/* out of range: refused with the field named, the value as it was */
	ck_assert_int_eq(item_set_field(db, t, u1, likelihood, "9"), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "9"));
	ck_assert_int_eq(unseen_int(db, "likelihood", u1), 4);
	/* another field saved in between stays */
	ck_assert_int_eq(item_set_field(db, t, u1, item_field_by_name(t, "impact"), "2"), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "likelihood", u1), 4);
	ck_assert_int_eq(unseen_int(db, "impact", u1), 2);
	/* a reference by id must be in the item's session */
	const struct item_field *component = item_field_by_name(t, "component");
	ck_assert_int_eq(item_set_ref_field(db, t, u1, component, 0), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "coalesce(component_id, 0)", u1), 0);
	int64_t daten = fixture_int(db, "SELECT id FROM component WHERE name = 'Daten'");
	int64_t other = fixture_component(db, fixture_session(db, "Dritte"), 1, "Fremd");
	ck_assert_int_ne(item_set_ref_field(db, t, u1, component, other), STATUS_OK);
	ck_assert_int_eq(item_set_ref_field(db, t, u1, component, daten), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "component_id", u1), daten);
	/* an item that is gone */
	ck_assert_int_eq(item_set_field(db, t, u2 + 1000, likelihood, "3"), STATUS_NOT_FOUND);
	fixture_close(db, path);
}
END_TEST

START_TEST(votes_add_up_and_never_go_below_zero)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2, votes = -1;
	second_session(db, &u1, &u2);
	ck_assert_int_eq(unseen_vote(db, u1, 1, &votes), STATUS_OK);
	ck_assert_int_eq(unseen_vote(db, u1, 1, &votes), STATUS_OK);
	ck_assert_int_eq(votes, 2);
	ck_assert_int_eq(unseen_vote(db, u1, -1, &votes), STATUS_OK);
	ck_assert_int_eq(votes, 1);
	ck_assert_int_eq(unseen_vote(db, u2, -1, &votes), STATUS_OK);
	ck_assert_int_eq(votes, 0);
	ck_assert_int_eq(unseen_int(db, "votes", u1), 1);
	ck_assert_int_eq(unseen_int(db, "votes", u2), 0);
	fixture_close(db, path);
}
END_TEST

START_TEST(swapping_positions_moves_even_equal_ones)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2;
	second_session(db, &u1, &u2);
	const struct item_type *t = item_type(ITEM_UNSEEN);
	int64_t p1 = unseen_int(db, "position", u1), p2 = unseen_int(db, "position", u2);
	ck_assert_int_lt(p1, p2);
	ck_assert_int_eq(item_swap_positions(db, t, u1, u2, 1), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "position", u1), p2);
	ck_assert_int_eq(unseen_int(db, "position", u2), p1);
	/* equal positions (an import may leave them so) still move */
	ck_assert_int_eq(item_set_field(db, t, u1, item_field_by_name(t, "position"), "5"),
		STATUS_OK);
	ck_assert_int_eq(item_set_field(db, t, u2, item_field_by_name(t, "position"), "5"),
		STATUS_OK);
	ck_assert_int_eq(item_swap_positions(db, t, u1, u2, 1), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "position", u1), 6);
	ck_assert_int_eq(unseen_int(db, "position", u2), 5);
	/* a kind without positions is refused, a missing item changes nothing */
	ck_assert_int_eq(item_swap_positions(db, item_type(ITEM_GOAL), 1, 2, 1), STATUS_INVALID);
	ck_assert_int_ne(item_swap_positions(db, t, u1, u2 + 1000, 1), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "position", u1), 6);
	fixture_close(db, path);
}
END_TEST

START_TEST(link_change_writes_only_the_difference)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2;
	int64_t s = second_session(db, &u1, &u2);
	int64_t g[3] = { fixture_stakeholder(db, s, "Hochschulen"), fixture_stakeholder(db, s, "KMU"),
		fixture_stakeholder(db, s, "Bürger") };
	const char *count = "SELECT count(*) FROM unseen_stakeholder WHERE unseen_id = ?1";
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u1, g[0]), STATUS_OK);
	/* the list opened with g0 ticked; meanwhile another terminal links g2 */
	bool was[3] = { true, false, false }, now[3] = { false, true, false };
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u1, g[2]), STATUS_OK);
	ck_assert_int_eq(link_change(db, LINK_UNSEEN_STAKEHOLDER, u1, g, was, now, 3), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, count, u1), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen_stakeholder WHERE unseen_id = ?1"
		" AND stakeholder_id IN (SELECT id FROM stakeholder WHERE name IN ('KMU', 'Bürger'))", u1),
		2);
	/* a candidate of another session: refused, nothing of the change made */
	int64_t foreign[2] = { g[0], fixture_stakeholder(db, fixture_session(db, "Dritte"), "X") };
	bool none[2] = { false, false }, both[2] = { true, true };
	ck_assert_int_ne(link_change(db, LINK_UNSEEN_STAKEHOLDER, u1, foreign, none, both, 2),
		STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, count, u1), 2);
	fixture_close(db, path);
}
END_TEST

START_TEST(importing_files_is_all_or_none)
{
	char path[FIXTURE_PATH_MAX], good[FIXTURE_PATH_MAX], bad[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2;
	int64_t s = second_session(db, &u1, &u2);
	fixture_temp_path(good);
	fixture_temp_path(bad);
	fixture_write_file(good, "Straße\nzwei\n", 13);
	fixture_write_file(bad, "%PDF-1.4\n\0\0", 11);
	char *paths[2] = { good, bad };
	struct doc_import_result r[2];
	memset(r, 0, sizeof r);
	struct doc_import_options opt = { 0 };
	ck_assert_int_ne(doc_import_files(db, s, paths, 2, &opt, r), STATUS_OK);
	ck_assert_msg(fixture_contains(db_error(db), bad) && fixture_contains(db_error(db), "2"),
		"%s", db_error(db));
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM document"), 0);
	ck_assert_int_eq(doc_import_files(db, s, paths, 1, &opt, r), STATUS_OK);
	ck_assert_int_eq(r[0].lines, 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM document WHERE session_id = ?1", s), 1);
	remove(good);
	remove(bad);
	fixture_close(db, path);
}
END_TEST

START_TEST(add_and_edit_are_all_or_nothing)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2, id = 0;
	int64_t s = second_session(db, &u1, &u2);
	fixture_stakeholder(db, s, "Hochschulen");
	const struct item_type *t = item_type(ITEM_UNSEEN);
	const struct item_field *likelihood = item_field_by_name(t, "likelihood");
	const struct link_type *groups = link_type(LINK_UNSEEN_STAKEHOLDER);
	const char *count = "SELECT count(*) FROM unseen WHERE session_id = ?1";
	size_t bad = 99;
	/* the second value is out of range: nothing is created, and it is named */
	struct item_value wrong[] = { { NULL, groups, "Hochschulen" }, { likelihood, NULL, "7" } };
	ck_assert_int_eq(item_add(db, t, s, "Lock-in", wrong, 2, &id, &bad), STATUS_INVALID);
	ck_assert_uint_eq(bad, 1);
	ck_assert_int_eq(fixture_int1(db, count, s), 2);
	/* a link to a group that is not in the session: refused, nothing created */
	struct item_value stranger[] = { { likelihood, NULL, "3" }, { NULL, groups, "Niemand" } };
	ck_assert_int_ne(item_add(db, t, s, "Lock-in", stranger, 2, &id, &bad), STATUS_OK);
	ck_assert_uint_eq(bad, 1);
	ck_assert_int_eq(fixture_int1(db, count, s), 2);
	/* an empty title is the item's own refusal */
	ck_assert_int_ne(item_add(db, t, s, "", NULL, 0, &id, &bad), STATUS_OK);
	ck_assert_uint_eq(bad, 0);
	struct item_value right[] = { { likelihood, NULL, "3" }, { NULL, groups, "Hochschulen" } };
	ck_assert_int_eq(item_add(db, t, s, "Lock-in", right, 2, &id, &bad), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "likelihood", id), 3);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen_stakeholder WHERE unseen_id = ?1",
		id), 1);
	/* edit: two fields, the second refused; the first is not written either */
	struct item_value edit[] = { { item_field_by_name(t, "impact"), NULL, "4" },
		{ likelihood, NULL, "0" } };
	ck_assert_int_eq(item_edit(db, t, id, edit, 2, &bad), STATUS_INVALID);
	ck_assert_uint_eq(bad, 1);
	ck_assert_int_eq(unseen_int(db, "impact", id), 0);
	edit[1].value = "5";
	ck_assert_int_eq(item_edit(db, t, id, edit, 2, &bad), STATUS_OK);
	ck_assert_int_eq(unseen_int(db, "impact", id), 4);
	ck_assert_int_eq(unseen_int(db, "likelihood", id), 5);
	fixture_close(db, path);
}
END_TEST

START_TEST(document_fields_keep_what_others_saved)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t u1, u2;
	int64_t s = second_session(db, &u1, &u2);
	static const char *const lines[] = { "eins", "zwei" };
	int64_t doc = fixture_document(db, s, "Protokoll", 0, "sha-x", lines, 2);
	struct document mine, theirs;
	ck_assert_int_eq(document_read(db, doc, &mine), STATUS_OK);
	ck_assert_int_eq(document_read(db, doc, &theirs), STATUS_OK);
	/* another terminal saves the date while this one edits the title */
	free(theirs.date);
	theirs.date = strdup("2026-12-07");
	ck_assert_int_eq(document_update_fields(db, doc, &theirs, DOC_DATE), STATUS_OK);
	free(mine.title);
	mine.title = strdup("Protokoll „Werkstatt“");
	ck_assert_int_eq(document_update_fields(db, doc, &mine, DOC_TITLE), STATUS_OK);
	struct document now;
	ck_assert_int_eq(document_read(db, doc, &now), STATUS_OK);
	ck_assert_str_eq(now.title, "Protokoll „Werkstatt“");
	ck_assert_str_eq(now.date, "2026-12-07");
	document_clear(&now);
	/* a kind that is none: refused, the document as it was */
	free(mine.kind);
	mine.kind = strdup("memo");
	ck_assert_int_eq(document_update_fields(db, doc, &mine, DOC_KIND | DOC_TITLE), STATUS_INVALID);
	ck_assert_int_eq(document_read(db, doc, &now), STATUS_OK);
	ck_assert_str_ne(now.kind, "memo");
	document_clear(&now);
	document_clear(&mine);
	document_clear(&theirs);
	fixture_close(db, path);
}
END_TEST

Suite *use_cases_suite(void)
{
	Suite *s = suite_create("use_cases");
	TCase *tc = tcase_create("one transaction each");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, set_field_parses_checks_and_keeps_the_rest);
	tcase_add_test(tc, votes_add_up_and_never_go_below_zero);
	tcase_add_test(tc, swapping_positions_moves_even_equal_ones);
	tcase_add_test(tc, link_change_writes_only_the_difference);
	tcase_add_test(tc, importing_files_is_all_or_none);
	tcase_add_test(tc, add_and_edit_are_all_or_nothing);
	tcase_add_test(tc, document_fields_keep_what_others_saved);
	suite_add_tcase(s, tc);
	return s;
}
