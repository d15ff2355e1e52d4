/* The codebook screen on a virtual terminal (tui_probe_*): its keys, the
 * list at 40x12 and 100x30, the free codes as a tree in hierarchy order,
 * the frequencies, and item codes refused with the model's message.
 * Dialogs are driven in tests/e2e/t_codebook_screen.sh. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/demo.h"
#include "tui/app.h"
#include "tui/codebook_view.h"
#include "tui/tui.h"
#include "tui/ui.h"
#include "util/display.h"
#include "util/i18n.h"

extern Suite *codebook_view_suite(void);

/* Presses KEYS (0-terminated) on session SESSION of DB at LINES x COLS
 * and returns the screen's text (malloc'd).  The view keeps its place
 * between probes, as between two visits: each test leaves it in the
 * code list. */
static char *probe_screen(struct db *db, int64_t session, int lines, int cols, const int *keys)
{
	FILE *sink = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(sink);
	struct app *app = tui_probe_open(db, session, lines, cols, sink);
	ck_assert_ptr_nonnull(app);
	for (size_t i = 0; keys[i]; i++)
		tui_probe_key(app, keys[i]);
	char *text = NULL;
	size_t size = 0;
	FILE *dump = open_memstream(&text, &size);
	ck_assert_ptr_nonnull(dump);
	tui_probe_dump(app, dump);
	fclose(dump);
	tui_probe_close(app);
	fclose(sink);
	return text;
}

static void assert_has(const char *screen, const char *text)
{
	ck_assert_msg(strstr(screen, text), "no \"%s\" in\n%s", text, screen);
}

/* The row of SCREEN that starts with PREFIX; -1 when none does. */
static int row_of(const char *screen, const char *prefix)
{
	int row = 0;
	for (const char *line = screen; *line; row++) {
		if (strncmp(line, prefix, strlen(prefix)) == 0)
			return row;
		const char *end = strchr(line, '\n');
		if (!end)
			break;
		line = end + 1;
	}
	return -1;
}

/* One key, one command; every key documented (as tests/unit/test_screen.c
 * checks for the other views); `b` opens it from the document list. */
START_TEST(test_codebook_view_bindings)
{
	const struct view *view = &codebook_view;
	for (size_t i = 0; i < view->nkeys; i++) {
		const struct binding *a = &view->keys[i];
		bool documented = a->help != NULL;
		for (size_t j = 0; j < view->nkeys; j++) {
			const struct binding *b = &view->keys[j];
			ck_assert_msg(j == i || b->key != a->key || b->command == a->command,
				"key %s bound to two commands", a->name);
			documented = documented || (b->help && (b->command == a->command ||
				strstr(b->name, a->name)));
		}
		ck_assert_msg(documented, "key %s has no help text", a->name);
	}
	bool opens = false;
	for (size_t i = 0; i < documents_view.nkeys; i++)
		if (documents_view.keys[i].key == 'b')
			opens = documents_view.keys[i].help && strstr(_(documents_view.keys[i].help), "Codebuch");
	ck_assert(opens);
}
END_TEST

START_TEST(test_codebook_view_draws)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t session;
	ck_assert_int_eq(demo_create(db, &session), STATUS_OK);

	char *text = probe_screen(db, session, 30, 100, (const int[]){ '6', 'b', UI_FN(KEY_HOME), 0 });
	assert_has(text, "Codebuch · 65 Codes · 29 Kodierungen");
	assert_has(text, " Unseens (10)");
	/* the first code is selected (headings are not), its texts beside */
	assert_has(text, " Unseen: Datenabfluss über vernetzte");
	assert_has(text, "Der Code eines Eintrags");
	free(text);

	/* the free codes at the end: a tree, the definition below at 40x12 */
	text = probe_screen(db, session, 12, 40, (const int[]){ '6', 'b', UI_FN(KEY_END), 0 });
	assert_has(text, "Codebuch · 65 Codes · 29 Kodierungen");
	assert_has(text, " Freie Codes (3)");
	ck_assert_int_ge(row_of(text, "  ■ Daten "), 0);
	ck_assert_int_eq(row_of(text, "    ■ Eigentum "), row_of(text, "  ■ Daten ") + 1);
	ck_assert_int_eq(row_of(text, "    ■ Zugang "), row_of(text, "  ■ Daten ") + 2);
	assert_has(text, " Frei: Daten/Zugang");
	assert_has(text, " Definition: Wer Daten sehen");
	free(text);

	/* Up from the first free code skips the heading to the last variable */
	text = probe_screen(db, session, 30, 100, (const int[]){ '6', 'b', UI_FN(KEY_END), 'k', 'k',
		'k', 0 });
	assert_has(text, " Variable: Staatliche Förderung und Beratung");
	free(text);
	fixture_close(db, path);
}
END_TEST

/* Paths sort "A" < "A B" < "A/B"; the tree shows A's subtree under A. */
START_TEST(test_codebook_view_tree_order)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Baum");
	int64_t a, ab, b, c;
	ck_assert_int_eq(code_create_free(db, s, "A B", 0, NULL, NULL, &ab), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "A", 0, "red", NULL, &a), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "B", a, NULL, NULL, &b), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "C", b, NULL, "Ganz unten", &c), STATUS_OK);
	char *text = probe_screen(db, s, 30, 100, (const int[]){ '6', 'b', UI_FN(KEY_END), 0 });
	assert_has(text, " Freie Codes (4)");
	int head = row_of(text, " Freie Codes (4)");
	ck_assert_int_eq(row_of(text, "  ■ A  "), head + 1);
	ck_assert_int_eq(row_of(text, "    □ B  "), head + 2);
	ck_assert_int_eq(row_of(text, "      □ C  "), head + 3);
	ck_assert_int_eq(row_of(text, "  □ A B  "), head + 4);
	/* End selects the last row of the tree: "A B" */
	assert_has(text, " Frei: A B");
	free(text);
	/* Up goes through the tree in the order shown */
	text = probe_screen(db, s, 30, 100, (const int[]){ '6', 'b', UI_FN(KEY_END), 'k', 0 });
	assert_has(text, " Frei: A/B/C");
	assert_has(text, "Ganz unten");
	free(text);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_codebook_view_frequencies)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t session;
	ck_assert_int_eq(demo_create(db, &session), STATUS_OK);
	char *text = probe_screen(db, session, 30, 100, (const int[]){ '6', 'b', 'f', 0 });
	assert_has(text, "Kodierungen je Dokument (29)");
	assert_has(text, "Protokoll UG 1");
	free(text);
	/* the mode stays while the view is left and shown again */
	text = probe_screen(db, session, 12, 40, (const int[]){ '6', 'b', 'f', 0 });
	assert_has(text, "Kodierungen je Kodierer (29)");
	ck_assert_int_ge(row_of(text, "  anna "), 0);
	ck_assert_int_eq(row_of(text, "  ben "), row_of(text, "  anna ") + 1);
	assert_has(text, "16  55 %");
	/* code commands wait for the code list */
	free(text);
	text = probe_screen(db, session, 30, 100, (const int[]){ '6', 'b', 'd', 0 });
	assert_has(text, "f wechselt zurück zur Code-Liste");
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code"), 65);
	free(text);
	text = probe_screen(db, session, 30, 100, (const int[]){ '6', 'b', 'f', 0 });
	assert_has(text, "Codebuch · 65 Codes · 29 Kodierungen");
	free(text);
	fixture_close(db, path);
}
END_TEST

/* r, m, M and d on an unseen's code: refused by the model, its message
 * in the status line, nothing changed. */
START_TEST(test_codebook_view_item_codes_refused)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t session;
	ck_assert_int_eq(demo_create(db, &session), STATUS_OK);
	int64_t codes = fixture_int(db, "SELECT count(*) FROM code");
	int64_t codings = fixture_int(db, "SELECT count(*) FROM coding");
	static const int keys[] = { 'r', 'm', 'M', 'd', UI_FN(KEY_DC) };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *text = probe_screen(db, session, 30, 100, (const int[]){ '6', 'b', UI_FN(KEY_HOME),
			keys[i], 0 });
		assert_has(text, "lässt sich nicht");
		free(text);
	}
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code"), codes);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), codings);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code c JOIN unseen u ON u.id = "
		"c.item_id WHERE c.type = 'unseen' AND u.title = 'Datenabfluss über vernetzte Maschinen'"),
		1);
	fixture_close(db, path);
}
END_TEST

Suite *codebook_view_suite(void)
{
	Suite *s = suite_create("codebook_view");
	TCase *tc = tcase_create("probe");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_codebook_view_bindings);
	tcase_add_test(tc, test_codebook_view_draws);
	tcase_add_test(tc, test_codebook_view_tree_order);
	tcase_add_test(tc, test_codebook_view_frequencies);
	tcase_add_test(tc, test_codebook_view_item_codes_refused);
	suite_add_tcase(s, tc);
	return s;
}
