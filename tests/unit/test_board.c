/* model/board: a column per actor group in letter order, cards most
 * urgent first, a last column only for measures without a group; a move
 * is one undoable change; a duplicated session's board is its own. */
#include <check.h>
#include <string.h>

#include "fixture.h"
#include "model/board.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/item.h"
#include "model/session.h"
#include "model/undo.h"

static void set(struct db *db, int64_t id, const char *field, const char *value)
{
	const struct item_type *t = item_type(ITEM_MEASURE);
	ck_assert_int_eq(item_set_field(db, t, id, item_field_by_name(t, field), value), STATUS_OK);
}

START_TEST(test_board_columns_and_cards)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Tafel");
	int64_t b = fixture_actor(db, s, "B"), a = fixture_actor(db, s, "A");
	int64_t late = fixture_measure(db, s, "ohne Priorität", b);
	int64_t urgent = fixture_measure(db, s, "dringend", b);
	int64_t second = fixture_measure(db, s, "zweitens", b);
	set(db, urgent, "priority", "1");
	set(db, second, "priority", "2");
	struct board board;
	ck_assert_int_eq(board_load(db, s, &board), STATUS_OK);
	int64_t actors = fixture_int1(db, "SELECT count(*) FROM actor WHERE session_id = ?1", s);
	ck_assert_uint_eq(board.n, (size_t)actors);   /* no column for none: all have a group */
	ck_assert_int_eq(board.columns[0].actor_id, a);
	ck_assert_str_eq(board.columns[0].letter, "A");
	ck_assert_int_eq(board.columns[1].actor_id, b);
	ck_assert_uint_eq(board.columns[1].n, 3);
	ck_assert_int_eq(board.columns[1].ids[0], urgent);
	ck_assert_int_eq(board.columns[1].ids[1], second);
	ck_assert_int_eq(board.columns[1].ids[2], late);
	ck_assert_uint_eq(board_rows(&board), 3);
	board_free(&board);

	/* without a group: a last column of its own */
	ck_assert_int_eq(board_move(db, late, 0), STATUS_OK);
	ck_assert_int_eq(board_load(db, s, &board), STATUS_OK);
	ck_assert_uint_eq(board.n, (size_t)actors + 1);
	ck_assert_int_eq(board.columns[board.n - 1].actor_id, 0);
	ck_assert_ptr_null(board.columns[board.n - 1].letter);
	ck_assert_int_eq(board.columns[board.n - 1].ids[0], late);
	ck_assert_uint_eq(board.columns[1].n, 2);
	board_free(&board);

	/* a move is undone as one change */
	ck_assert_int_eq(board_move(db, urgent, a), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT actor_id FROM measure WHERE id = ?1", urgent), a);
	struct undo_result r;
	ck_assert_int_eq(undo_last(db, s, UNDO_MINE, &r), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT actor_id FROM measure WHERE id = ?1", urgent), b);
	/* a group that is not there is refused, and nothing changes */
	ck_assert_int_ne(board_move(db, urgent, 999999), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT actor_id FROM measure WHERE id = ?1", urgent), b);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_board_duplicated_session)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo = 0, copy = 0;
	ck_assert_int_eq(demo_create(db, &demo), STATUS_OK);
	ck_assert_int_eq(session_duplicate(db, demo, "Kopie", &copy), STATUS_OK);
	struct board one, two;
	ck_assert_int_eq(board_load(db, demo, &one), STATUS_OK);
	ck_assert_int_eq(board_load(db, copy, &two), STATUS_OK);
	ck_assert_uint_eq(one.n, two.n);
	size_t cards = 0;
	for (size_t i = 0; i < two.n; i++) {
		ck_assert_str_eq(one.columns[i].letter, two.columns[i].letter);
		ck_assert_uint_eq(one.columns[i].n, two.columns[i].n);
		ck_assert_int_ne(one.columns[i].actor_id, two.columns[i].actor_id);
		for (size_t j = 0; j < two.columns[i].n; j++)
			ck_assert_int_eq(fixture_int1(db, "SELECT session_id FROM measure WHERE id = ?1",
				two.columns[i].ids[j]), copy);
		cards += two.columns[i].n;
	}
	ck_assert_int_eq((int64_t)cards,
		fixture_int1(db, "SELECT count(*) FROM measure WHERE session_id = ?1", copy));
	board_free(&one);
	board_free(&two);
	fixture_close(db, path);
}
END_TEST

extern Suite *board_suite(void);
Suite *board_suite(void)
{
	Suite *s = suite_create("board");
	TCase *tc = tcase_create("board");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_board_columns_and_cards);
	tcase_add_test(tc, test_board_duplicated_session);
	suite_add_tcase(s, tc);
	return s;
}
