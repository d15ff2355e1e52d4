/* model/progress: each check finds what is open and lets go once it is
 * done; the counts per step are the points listed; a second, duplicated
 * session has its own points with its own ids. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/item.h"
#include "model/progress.h"
#include "model/session.h"

/* The points of a session as "step:problem:id" lines, ids as given. */
struct collected {
	char text[8192];
	size_t n;
	int64_t per_step[PROGRESS_STEPS];
};

static int collect(void *ctx, const struct open_point *p)
{
	struct collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof c->text - len, "%d:%s:%s:%lld\n", progress_check_step(p->check),
		progress_check_problem(p->check), item_type(p->kind)->name, (long long)p->id);
	c->n++;
	c->per_step[progress_check_step(p->check)]++;
	return 0;
}

static void points(struct db *db, int64_t s, struct collected *c)
{
	memset(c, 0, sizeof *c);
	ck_assert_int_eq(progress_each(db, s, collect, c), STATUS_OK);
	int64_t counts[PROGRESS_STEPS];
	ck_assert_int_eq(progress_count(db, s, counts), STATUS_OK);
	for (int i = 0; i < PROGRESS_STEPS; i++)
		ck_assert_msg(counts[i] == c->per_step[i], "step %d: counted %lld, listed %lld", i,
			(long long)counts[i], (long long)c->per_step[i]);
}

static bool has(const struct collected *c, int step, const char *problem, const char *kind, int64_t id)
{
	char line[256];
	snprintf(line, sizeof line, "%d:%s:%s:%lld\n", step, problem, kind, (long long)id);
	return strstr(c->text, line) != NULL;
}

static void set(struct db *db, enum item_kind kind, int64_t id, const char *field, const char *value)
{
	const struct item_type *t = item_type(kind);
	ck_assert_msg(item_set_field(db, t, id, item_field_by_name(t, field), value) == STATUS_OK,
		"%s: %s", field, db_error(db));
}

START_TEST(test_progress_each_check_lets_go)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Leer");
	struct collected c;
	points(db, s, &c);
	ck_assert(has(&c, 0, "no guiding question yet", "session", s));
	ck_assert(has(&c, 0, "system boundaries not drawn (inside and outside)", "session", s));
	ck_assert(has(&c, 0, "no component yet", "session", s));
	ck_assert(has(&c, 1, "no unseen yet", "session", s));
	ck_assert(has(&c, 2, "no system variable yet", "session", s));
	ck_assert(has(&c, 2, "no stakeholder group yet", "session", s));
	/* a new session has the actor groups A–G, none with a measure yet */
	int64_t actors = fixture_int1(db, "SELECT count(*) FROM actor WHERE session_id = ?1", s);
	ck_assert_int_gt(actors, 0);
	ck_assert_uint_eq(c.n, 6 + (size_t)actors);

	set(db, ITEM_SESSION, s, "question", "Wie?");
	set(db, ITEM_SESSION, s, "inside", "KMU");
	points(db, s, &c);
	ck_assert(!has(&c, 0, "no guiding question yet", "session", s));
	ck_assert(has(&c, 0, "system boundaries not drawn (inside and outside)", "session", s));
	set(db, ITEM_SESSION, s, "outside", "Konzerne");
	int64_t k = fixture_component(db, s, 4, "Daten");
	int64_t u = fixture_unseen(db, s, "Datenabfluss", 0);
	points(db, s, &c);
	ck_assert_int_eq(c.per_step[0], 0);
	ck_assert(has(&c, 1, "not rated yet (likelihood, impact, adaptive capacity)", "unseen", u));
	ck_assert(has(&c, 1, "no stakeholder group affected", "unseen", u));
	ck_assert(has(&c, 1, "no component", "unseen", u));
	ck_assert(has(&c, 3, "no goal answers this unseen", "unseen", u));
	ck_assert(has(&c, 4, "no SoRO for this component", "component", k));

	set(db, ITEM_UNSEEN, u, "likelihood", "4");
	set(db, ITEM_UNSEEN, u, "impact", "3");
	points(db, s, &c);
	ck_assert(has(&c, 1, "not rated yet (likelihood, impact, adaptive capacity)", "unseen", u));
	set(db, ITEM_UNSEEN, u, "adaptive_capacity", "2");
	set(db, ITEM_UNSEEN, u, "component", "4");
	int64_t sh = fixture_stakeholder(db, s, "Beschäftigte");
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u, sh), STATUS_OK);
	points(db, s, &c);
	ck_assert_int_eq(c.per_step[1], 0);

	int64_t v1 = fixture_variable(db, s, "Größe"), v2 = fixture_variable(db, s, "Macht");
	points(db, s, &c);
	ck_assert(has(&c, 2, "no short name for the matrix", "variable", v1));
	ck_assert(has(&c, 2, "no influence rated in the matrix", "variable", v2));
	set(db, ITEM_VARIABLE, v1, "short", "Gr");
	set(db, ITEM_VARIABLE, v2, "short", "Ma");
	ck_assert_int_eq(db_exec(db, "INSERT INTO impact(from_id, to_id, strength) VALUES (?1, ?2, 0)",
		"ii", v1, v2), STATUS_OK);
	points(db, s, &c);
	ck_assert_int_eq(c.per_step[2], 0);

	int64_t g = fixture_goal(db, s, "Datensouveränität", 0);
	int64_t a = fixture_actor(db, s, "B");
	points(db, s, &c);
	ck_assert(has(&c, 3, "answers no unseen", "goal", g));
	ck_assert(has(&c, 3, "no component", "goal", g));
	ck_assert(has(&c, 4, "no measure serves this goal", "goal", g));
	ck_assert(has(&c, 4, "no measure for this actor group", "actor", a));
	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, g, u), STATUS_OK);
	set(db, ITEM_GOAL, g, "component", "4");
	int64_t m = fixture_measure(db, s, "Datenverträge prüfen", 0);
	points(db, s, &c);
	ck_assert_int_eq(c.per_step[3], 0);
	ck_assert(has(&c, 4, "no actor group", "measure", m));
	ck_assert(has(&c, 4, "serves no goal", "measure", m));
	ck_assert(has(&c, 4, "no priority or no time horizon", "measure", m));
	set(db, ITEM_MEASURE, m, "actor", "B");
	set(db, ITEM_MEASURE, m, "priority", "1");
	set(db, ITEM_MEASURE, m, "horizon", "short");
	ck_assert_int_eq(link_add(db, LINK_MEASURE_GOAL, m, g), STATUS_OK);
	fixture_soro(db, s, "Daten bleiben beim Betrieb", k);
	ck_assert_int_eq(db_exec(db, "DELETE FROM actor WHERE session_id = ?1 AND id <> ?2", "ii", s, a),
		STATUS_OK);
	points(db, s, &c);
	ck_assert_msg(c.n == 0, "still open:\n%s", c.text);
	fixture_close(db, path);
}
END_TEST

/* The demo and its copy: the same points, each with the copy's own ids,
 * and nothing of the one counted in the other. */
START_TEST(test_progress_duplicated_session)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo = 0, copy = 0;
	ck_assert_int_eq(demo_create(db, &demo), STATUS_OK);
	ck_assert_int_eq(session_duplicate(db, demo, "Kopie", &copy), STATUS_OK);
	struct collected a, b;
	points(db, demo, &a);
	points(db, copy, &b);
	ck_assert_uint_eq(a.n, b.n);
	for (int i = 0; i < PROGRESS_STEPS; i++)
		ck_assert_int_eq(a.per_step[i], b.per_step[i]);
	/* an unrated unseen added to the copy is open there only */
	int64_t u = fixture_unseen(db, copy, "Nur in der Kopie", 0);
	points(db, demo, &a);
	points(db, copy, &b);
	ck_assert(has(&b, 1, "not rated yet (likelihood, impact, adaptive capacity)", "unseen", u));
	ck_assert(!has(&a, 1, "not rated yet (likelihood, impact, adaptive capacity)", "unseen", u));
	ck_assert_int_eq(b.per_step[1], a.per_step[1] + 3);
	/* no id of the one session is in the other's points */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM unseen u JOIN unseen v"
		" ON u.id = v.id AND u.session_id <> v.session_id"), 0);
	fixture_close(db, path);
}
END_TEST

extern Suite *progress_suite(void);
Suite *progress_suite(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("progress");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_progress_each_check_lets_go);
	tcase_add_test(tc, test_progress_duplicated_session);
	suite_add_tcase(s, tc);
	return s;
}
