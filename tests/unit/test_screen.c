/* The screen on a virtual terminal (tui_probe_*): every view's keys are
 * bound once, every step draws at 40x12 and 100x30, a terminal below
 * 40x12 says so, text from the database shows control characters
 * visibly, and the wall (F5) of each step shows its content.  The real terminal is tested in tests/e2e/. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/item.h"
#include "tui/app.h"
#include "tui/hinge_view.h"
#include "tui/matrix.h"
#include "tui/reader.h"
#include "tui/search_view.h"
#include "tui/tui.h"
#include "tui/ui.h"
#include "util/display.h"

extern Suite *screen_suite(void);

static const struct view *const views[] = {
	&browser_view, &question_view, &unseens_view, &model_view, &matrix_view, &goals_view,
	&measures_view, &documents_view, &reader_view, &hinge_view, &search_view, &export_view,
};

/* One key never means two things in a view, and `?` lists every key:
 * with its own help text, or in the help of the same command, or by its
 * name within a documented key's name ("↑ ↓"). */
START_TEST(test_screen_bindings)
{
	for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
		const struct view *view = views[v];
		for (size_t i = 0; i < view->nkeys; i++) {
			const struct binding *a = &view->keys[i];
			bool documented = a->help != NULL;
			for (size_t j = 0; j < view->nkeys; j++) {
				const struct binding *b = &view->keys[j];
				ck_assert_msg(j == i || b->key != a->key || b->command == a->command,
					"%s: key %s bound to two commands", view->title, a->name);
				documented = documented || (b->help && (b->command == a->command ||
					strstr(b->name, a->name)));
			}
			ck_assert_msg(documented, "%s: key %s has no help text", view->title, a->name);
		}
	}
}
END_TEST

/* Runs the probe at LINES x COLS on the demo (with an unrated unseen
 * titled UNRATED when not NULL), presses KEYS, and returns the screen's
 * text (malloc'd). */
static char *screen_of(int lines, int cols, const int *keys, size_t nkeys, const char *unrated)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t session;
	ck_assert_int_eq(demo_create(db, &session), STATUS_OK);
	if (unrated)
		fixture_unseen(db, session, unrated, 0);
	FILE *sink = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(sink);
	struct app *app = tui_probe_open(db, session, lines, cols, sink);
	ck_assert_ptr_nonnull(app);
	for (size_t i = 0; i < nkeys; i++)
		tui_probe_key(app, keys[i]);
	char *text = NULL;
	size_t size = 0;
	FILE *dump = open_memstream(&text, &size);
	ck_assert_ptr_nonnull(dump);
	tui_probe_dump(app, dump);
	fclose(dump);
	tui_probe_close(app);
	fclose(sink);
	fixture_close(db, path);
	return text;
}

static char *screen_after(int lines, int cols, const int *keys, size_t nkeys)
{
	return screen_of(lines, cols, keys, nkeys, NULL);
}

static void assert_screen(int lines, int cols, int key, const char *expected)
{
	char *text = screen_after(lines, cols, &key, 1);
	ck_assert_msg(strstr(text, expected), "%dx%d after key %d: no \"%s\" in\n%s", cols, lines,
		key, expected, text);
	free(text);
}

START_TEST(test_screen_steps_draw)
{
	display_init();
	static const struct { int key; const char *text; } steps[] = {
		{ '1', "Komponenten (6)" }, { '2', "Unseens (10)" }, { '3', "Systemvariablen (9)" },
		{ '4', "Ziele je Komponente (13)" }, { '5', "Maßnahmen (16)" }, { '6', "Dokumente (2)" },
		{ '7', "Export" },
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		assert_screen(30, 100, steps[i].key, steps[i].text);
		assert_screen(12, 40, steps[i].key, steps[i].text);
	}
	/* the step bar keeps a count for every step, even at 40 columns */
	assert_screen(12, 40, '2', " 2 10 ");
	assert_screen(30, 100, '2', "2 Unseens 10");
}
END_TEST

/* With open points beside the counts, the step bar gives up the counts
 * before the names at 80 columns ("2 Unseens !3", not "2 11 !3"); at 40
 * the step keys and their open points, every tab (E too) on the bar. */
START_TEST(test_screen_step_bar_open_points)
{
	display_init();
	static const struct { int lines, cols; const char *shown, *not_shown; } sizes[] = {
		{ 35, 120, " 2 Unseens 11 !3 ", NULL },
		{ 24, 80, " 2 Unseens !3  3 Modell ", " 2 11" },
		{ 12, 40, " 1  2 !3  3  4 !1  5  D  E", " 2 11" },
	};
	static const int key = '2';
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char *text = screen_of(sizes[i].lines, sizes[i].cols, &key, 1, "Noch nicht bewertet");
		char *bar = strndup(text, strcspn(text, "\n"));
		ck_assert_msg(strstr(bar, sizes[i].shown), "%d columns: \"%s\"", sizes[i].cols, bar);
		ck_assert_msg(!sizes[i].not_shown || !strstr(bar, sizes[i].not_shown), "%d columns: \"%s\"",
			sizes[i].cols, bar);
		free(bar);
		free(text);
	}
}
END_TEST

START_TEST(test_screen_too_small)
{
	display_init();
	assert_screen(11, 40, '2', "Terminal zu klein");
	assert_screen(12, 39, '2', "Terminal zu klein");
}
END_TEST

/* An ESC sequence typed or imported into a title shows as ^[ and never
 * reaches the terminal as ESC. */
START_TEST(test_screen_control_characters_visible)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Steuerzeichen");
	fixture_unseen(db, s, "Rot \x1b[31mGEFÄRBT\x1b[0m Ende", 0);
	char *out = NULL;
	size_t out_size = 0;
	FILE *terminal = open_memstream(&out, &out_size);
	struct app *app = tui_probe_open(db, s, 30, 100, terminal);
	ck_assert_ptr_nonnull(app);
	tui_probe_key(app, '2');
	char *text = NULL;
	size_t size = 0;
	FILE *dump = open_memstream(&text, &size);
	tui_probe_dump(app, dump);
	fclose(dump);
	tui_probe_close(app);
	fclose(terminal);
	ck_assert_msg(strstr(text, "Rot ^[[31mGEFÄRBT^[[0m Ende"), "%s", text);
	/* what went to the terminal has ncurses' own escapes, never the title's */
	ck_assert_ptr_null(strstr(out, "\x1b[31mGEF"));
	free(text);
	free(out);
	fixture_close(db, path);
}
END_TEST

/* The screen after KEYS at LINES x COLS holds EXPECTED. */
static void assert_after(int lines, int cols, const int *keys, size_t nkeys, const char *expected)
{
	char *text = screen_after(lines, cols, keys, nkeys);
	ck_assert_msg(strstr(text, expected), "%dx%d: no \"%s\" in\n%s", cols, lines, expected, text);
	free(text);
}

/* The wall (F5) of each step shows the step's content, from 80x24 on and
 * still at the smallest screen. */
START_TEST(test_screen_wall_steps)
{
	display_init();
	static const struct { int key; const char *wide, *small; } steps[] = {
		{ '1', "Innerhalb des Systems:", "Wie können" },
		{ '2', "1. Know-how-Verlust in der Lieferkette", "1. Know-how" },
		{ '3', "Einflussmatrix 9×9 · Skala 0–3", "Einflussmatrix 9×9" },
		{ '4', "⚡ im Konflikt mit:", "Ziele" },
		{ '5', "A (2) KMU allgemein", "Bündel-Tafel" },
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		int keys[] = { steps[i].key, UI_FN(KEY_F(5)) };
		assert_after(24, 80, keys, 2, steps[i].wide);
		assert_after(12, 40, keys, 2, steps[i].small);
	}
	/* the smallest heat map says how many variables it leaves out */
	int matrix[] = { '3', UI_FN(KEY_F(5)), UI_FN(KEY_RIGHT), UI_FN(KEY_DOWN) };
	assert_after(12, 40, matrix, 4, "Variablen mehr, als");
}
END_TEST

/* The chosen unseen goes on top in block letters when the terminal is
 * big enough for them beside the list; else the list stands alone. */
START_TEST(test_screen_wall_block_letters)
{
	display_init();
	int keys[] = { '2', UI_FN(KEY_F(5)) };
	char *big = screen_after(45, 160, keys, 2), *small = screen_after(24, 80, keys, 2);
	/* the vote bars are all █; block letters have half blocks */
	ck_assert_msg(strstr(big, "▀"), "%s", big);
	ck_assert_msg(!strstr(small, "▀"), "%s", small);
	ck_assert_msg(strstr(small, "1. Know-how"), "%s", small);
	free(big);
	free(small);
}
END_TEST

Suite *screen_suite(void)
{
	Suite *s = suite_create("screen");
	TCase *tc = tcase_create("probe");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_screen_bindings);
	tcase_add_test(tc, test_screen_steps_draw);
	tcase_add_test(tc, test_screen_too_small);
	tcase_add_test(tc, test_screen_step_bar_open_points);
	tcase_add_test(tc, test_screen_control_characters_visible);
	tcase_add_test(tc, test_screen_wall_steps);
	tcase_add_test(tc, test_screen_wall_block_letters);
	suite_add_tcase(s, tc);
	return s;
}
