/* The item form (tui/form.c) driven through the probe with queued keys,
 * on a duplicated demo session (ids differ from numbers): a whole unseen,
 * a component made from a picker, and what Esc makes.  Results are read
 * back from the database.  The tmux test tests/e2e/t_form.sh drives the
 * same form in a real terminal. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fixture.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/session.h"
#include "tui/tui.h"
#include "tui/ui.h"
#include "util/display.h"

enum { KEYS_MAX = 512 };

struct script {
	int keys[KEYS_MAX];
	size_t n;
};

static void key(struct script *s, int k)
{
	ck_assert_uint_lt(s->n, KEYS_MAX);
	s->keys[s->n++] = k;
}

/* TEXT typed character by character, as wide characters arrive. */
static void type(struct script *s, const char *text)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t len = strlen(text), used;
	while (len && (used = mbrtowc(&wc, text, len, &st)) > 0 && used <= len) {
		key(s, (int)wc);
		text += used;
		len -= used;
	}
}

static void run(struct db *db, int64_t session, const struct script *s)
{
	FILE *sink = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(sink);
	struct app *app = tui_probe_open(db, session, 35, 120, sink);
	ck_assert_ptr_nonnull(app);
	tui_probe_keys(app, s->keys, s->n);
	tui_probe_close(app);
	fclose(sink);
}

/* A copy of the demo session; *DEMO the original. */
static int64_t copy_of_demo(struct db *db, int64_t *demo)
{
	int64_t copy = 0;
	ck_assert_int_eq(demo_create(db, demo), STATUS_OK);
	ck_assert_int_eq(session_duplicate(db, *demo, "Kopie", &copy), STATUS_OK);
	ck_assert_int_ne(fixture_int1(db, "SELECT count(*) FROM component WHERE session_id = ?1 "
		"AND id <> number", copy), 0);
	return copy;
}

START_TEST(test_form_whole_unseen)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo, copy = copy_of_demo(db, &demo);
	int64_t before = fixture_int1(db, "SELECT count(*) FROM unseen WHERE session_id = ?1", demo);
	struct script s = { .n = 0 };
	key(&s, '2');
	key(&s, 'a');
	type(&s, "Fachkräfte „wandern“ ab");
	key(&s, '\r');            /* the title: made */
	key(&s, '\t');            /* no description */
	type(&s, "Löhne");
	key(&s, '\t');
	type(&s, "Produktionsnetz");   /* opens the component picker */
	key(&s, '\r');
	key(&s, '3');
	key(&s, '4');
	key(&s, '2');
	key(&s, '\t');            /* no votes */
	type(&s, "Famil");
	key(&s, ' ');
	type(&s, "Besch");
	key(&s, ' ');
	key(&s, '\r');            /* the last row: the form closes */
	run(db, copy, &s);

	int64_t u = fixture_int1(db, "SELECT max(id) FROM unseen WHERE session_id = ?1", copy);
	ck_assert_int_eq(fixture_int1(db, "SELECT title = 'Fachkräfte „wandern“ ab' AND causes = "
		"'Löhne' AND likelihood = 3 AND impact = 4 AND capacity = 2 FROM unseen WHERE id = ?1",
		u), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT c.number FROM unseen u JOIN component c ON "
		"c.id = u.component_id AND c.session_id = u.session_id WHERE u.id = ?1", u), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen_stakeholder l JOIN "
		"stakeholder s ON s.id = l.stakeholder_id WHERE l.unseen_id = ?1 AND s.session_id = "
		"(SELECT session_id FROM unseen WHERE id = ?1) AND (s.name LIKE 'Famil%' OR s.name "
		"LIKE 'Besch%')", u), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE session_id = ?1", demo),
		before);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_form_new_component_from_picker)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo, copy = copy_of_demo(db, &demo);
	int64_t next = fixture_int1(db, "SELECT max(number) + 1 FROM component WHERE session_id = ?1",
		copy);
	struct script s = { .n = 0 };
	key(&s, '4');
	key(&s, 'a');
	type(&s, "Ein Ziel mit neuer Komponente");
	key(&s, '\t');            /* a goal is a multi-line text: Tab leaves it */
	type(&s, "Brandneu");     /* matches nothing: "+ new" is chosen */
	key(&s, '\r');
	run(db, copy, &s);

	int64_t g = fixture_int1(db, "SELECT max(id) FROM goal WHERE session_id = ?1", copy);
	ck_assert_int_eq(fixture_int1(db, "SELECT c.number FROM goal g JOIN component c ON c.id = "
		"g.component_id WHERE g.id = ?1 AND c.name = 'Brandneu' AND c.session_id = g.session_id",
		g), next);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM component WHERE name = 'Brandneu' "
		"AND session_id = ?1", demo), 0);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_form_esc_makes_only_what_has_a_title)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo, copy = copy_of_demo(db, &demo);
	int64_t n = fixture_int1(db, "SELECT count(*) FROM measure WHERE session_id = ?1", copy);
	struct script s = { .n = 0 };
	key(&s, '5');
	key(&s, 'a');
	key(&s, UI_ESC);          /* nothing typed: nothing made */
	run(db, copy, &s);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM measure WHERE session_id = ?1", copy),
		n);
	s.n = 0;
	key(&s, '5');
	key(&s, 'a');
	type(&s, "Nur der Text");
	key(&s, UI_ESC);          /* Esc stores the field it leaves */
	run(db, copy, &s);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM measure WHERE session_id = ?1 AND "
		"text = 'Nur der Text'", copy), 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_form_choice_by_typing)
{
	display_init();
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo, copy = copy_of_demo(db, &demo);
	struct script s = { .n = 0 };
	key(&s, '5');
	key(&s, 'a');
	type(&s, "Mit Horizont");
	key(&s, '\t');
	key(&s, '\t');           /* no actor group */
	type(&s, "lang");         /* opens the horizon's list filtered */
	key(&s, '\r');
	key(&s, UI_ESC);
	run(db, copy, &s);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM measure WHERE session_id = ?1 AND "
		"text = 'Mit Horizont' AND horizon = 'long' AND actor_id IS NULL", copy), 1);
	fixture_close(db, path);
}
END_TEST

extern Suite *form_suite(void);
Suite *form_suite(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("form");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_form_whole_unseen);
	tcase_add_test(tc, test_form_new_component_from_picker);
	tcase_add_test(tc, test_form_esc_makes_only_what_has_a_title);
	tcase_add_test(tc, test_form_choice_by_typing);
	suite_add_tcase(s, tc);
	return s;
}
