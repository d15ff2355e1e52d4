/* Two coders in one document (model/compare.c): where they differ, and
 * taking over or dropping a coding on one line, each undone as one. */
#include <check.h>
#include <stdlib.h>

#include "model/coding.h"
#include "model/compare.h"
#include "model/db.h"
#include "model/undo.h"
#include "tests/unit/fixture.h"

extern Suite *compare_suite(void);

struct scene {
	struct db *db;
	int64_t s, doc, x, y, z;
};

static int64_t free_code(struct db *db, int64_t s, const char *name)
{
	int64_t id;
	ck_assert_int_eq(code_create_free(db, s, name, 0, NULL, NULL, &id), STATUS_OK);
	return id;
}

/* Anna: X 1-10, Y 20-25; Ben: X 5-10, Y 20-25, Z 28, in the second
 * session.  They differ on 1-4 (X) and 28 (Z). */
static void scene_make(struct scene *sc, char *path)
{
	sc->db = fixture_open(path);
	int64_t first = fixture_session(sc->db, "Erste");
	free_code(sc->db, first, "Fremd");
	sc->s = fixture_session(sc->db, "Zweite");
	const char *lines[30];
	for (int i = 0; i < 30; i++)
		lines[i] = "Zeile";
	sc->doc = fixture_document(sc->db, sc->s, "Protokoll", 0, "p", lines, 30);
	sc->x = free_code(sc->db, sc->s, "X");
	sc->y = free_code(sc->db, sc->s, "Y");
	sc->z = free_code(sc->db, sc->s, "Z");
	fixture_coding(sc->db, sc->s, sc->doc, 1, 10, sc->x, "Anna");
	fixture_coding(sc->db, sc->s, sc->doc, 20, 25, sc->y, "Anna");
	fixture_coding(sc->db, sc->s, sc->doc, 5, 10, sc->x, "Ben");
	fixture_coding(sc->db, sc->s, sc->doc, 20, 25, sc->y, "Ben");
	fixture_coding(sc->db, sc->s, sc->doc, 28, 28, sc->z, "Ben");
}

static int64_t next(struct scene *sc, int64_t code, int64_t from, bool backwards)
{
	struct compare c = { sc->doc, "Anna", "Ben", code };
	int64_t line = 0;
	enum status rc = compare_next_difference(sc->db, &c, from, backwards, &line);
	ck_assert(rc == STATUS_OK || rc == STATUS_NOT_FOUND);
	return rc == STATUS_OK ? line : 0;
}

START_TEST(next_difference_forwards_and_back)
{
	char path[FIXTURE_PATH_MAX];
	struct scene sc;
	scene_make(&sc, path);
	ck_assert_int_eq(next(&sc, 0, 0, false), 1);
	/* 5-10 and 20-25 agree: the next difference is Z on 28 */
	ck_assert_int_eq(next(&sc, 0, 1, false), 28);
	ck_assert_int_eq(next(&sc, 0, 3, false), 28);
	ck_assert_int_eq(next(&sc, 0, 28, false), 0);
	ck_assert_int_eq(next(&sc, 0, 28, true), 1);
	ck_assert_int_eq(next(&sc, 0, 1, true), 0);
	ck_assert_int_eq(next(&sc, 0, 31, true), 28);
	/* only code X: 1-4 alone */
	ck_assert_int_eq(next(&sc, sc.x, 0, false), 1);
	ck_assert_int_eq(next(&sc, sc.x, 1, false), 0);
	ck_assert_int_eq(next(&sc, sc.y, 0, false), 0);
	fixture_close(sc.db, path);
}
END_TEST

START_TEST(take_over_and_drop_are_one_change_each)
{
	char path[FIXTURE_PATH_MAX];
	struct scene sc;
	scene_make(&sc, path);
	struct compare c = { sc.doc, "Anna", "Ben", 0 };
	int64_t made = 0, dropped = 0;
	/* Ben takes over Anna's X 1-10 on line 3 */
	ck_assert_int_eq(compare_take_over(sc.db, &c, 3, "Ben", &made), STATUS_OK);
	ck_assert_int_eq(made, 1);
	ck_assert_int_eq(fixture_int1(sc.db, "SELECT count(*) FROM coding g JOIN coder k ON"
		" k.id = g.coder_id WHERE k.name = 'Ben' AND first_line = 1 AND last_line = 10"
		" AND code_id = ?1", sc.x), 1);
	ck_assert_int_eq(next(&sc, 0, 0, false), 28);
	/* nothing left to take on line 3; nothing to drop on 22, both have Y */
	ck_assert_int_eq(compare_take_over(sc.db, &c, 3, "Ben", &made), STATUS_OK);
	ck_assert_int_eq(made, 0);
	ck_assert_int_eq(compare_drop_own(sc.db, &c, 22, "Anna", &dropped), STATUS_OK);
	ck_assert_int_eq(dropped, 0);
	/* Ben drops his Z on 28: no difference left */
	ck_assert_int_eq(compare_drop_own(sc.db, &c, 28, "Ben", &dropped), STATUS_OK);
	ck_assert_int_eq(dropped, 1);
	ck_assert_int_eq(next(&sc, 0, 0, false), 0);
	/* u takes back the drop, then the take-over */
	struct undo_result u;
	ck_assert_int_eq(undo_last(sc.db, sc.s, UNDO_MINE, &u), STATUS_OK);
	ck_assert_int_eq(next(&sc, 0, 0, false), 28);
	ck_assert_int_eq(undo_last(sc.db, sc.s, UNDO_MINE, &u), STATUS_OK);
	ck_assert_int_eq(next(&sc, 0, 0, false), 1);
	ck_assert_int_eq(fixture_int1(sc.db, "SELECT count(*) FROM coding WHERE session_id = ?1",
		sc.s), 5);
	fixture_close(sc.db, path);
}
END_TEST

Suite *compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("compare");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, next_difference_forwards_and_back);
	tcase_add_test(tc, take_over_and_drop_are_one_change_each);
	suite_add_tcase(s, tc);
	return s;
}
