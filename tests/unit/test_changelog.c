/* model/changelog and the change-log triggers of model/schema: every
 * insert, update and delete of user data is logged with table, operation,
 * old and new row, who, session, and one change group per user action. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/changelog.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/session.h"

#define T(kind) item_type(kind)
#define MAXCH 64

struct changes {
	int n;
	struct {
		int64_t id, group, session, row;
		char table[32], op[8], who[32];
		char *old, *new;
	} c[MAXCH];
};

static int collect_change(void *ctx, const struct change *ch)
{
	struct changes *all = ctx;
	if (all->n >= MAXCH)
		return 1;
	ck_assert(ch->at[0] != '\0');
	all->c[all->n].id = ch->id;
	all->c[all->n].group = ch->change_group;
	all->c[all->n].session = ch->session_id;
	all->c[all->n].row = ch->row_id;
	snprintf(all->c[all->n].table, sizeof all->c[0].table, "%s", ch->table);
	snprintf(all->c[all->n].op, sizeof all->c[0].op, "%s", ch->op);
	snprintf(all->c[all->n].who, sizeof all->c[0].who, "%s", ch->who);
	all->c[all->n].old = strdup(ch->old_json);
	all->c[all->n].new = strdup(ch->new_json);
	all->n++;
	return 0;
}

static void changes_free(struct changes *all)
{
	for (int i = 0; i < all->n; i++) {
		free(all->c[i].old);
		free(all->c[i].new);
	}
	all->n = 0;
}

/* The changes of SESSION (0: all) after id SINCE. */
static void changes_since(struct db *db, int64_t session, int64_t since, struct changes *all)
{
	all->n = 0;
	ck_assert_int_eq(changelog_list(db, session, since, collect_change, all), STATUS_OK);
}

static int64_t last_change(struct db *db)
{
	return fixture_int(db, "SELECT coalesce(max(id), 0) FROM changelog");
}

/* The one change in ALL of TABLE with OP (asserts there is exactly one). */
static int find_change(const struct changes *all, const char *table, const char *op)
{
	int found = -1;
	for (int i = 0; i < all->n; i++) {
		if (strcmp(all->c[i].table, table) == 0 && strcmp(all->c[i].op, op) == 0) {
			ck_assert_msg(found < 0, "two %s %s changes", op, table);
			found = i;
		}
	}
	ck_assert_msg(found >= 0, "no %s %s change", op, table);
	return found;
}

static void assert_one_group(const struct changes *all)
{
	ck_assert_int_gt(all->n, 0);
	for (int i = 1; i < all->n; i++)
		ck_assert_int_eq(all->c[i].group, all->c[0].group);
}

START_TEST(test_changelog_session_create)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t first = fixture_session(db, "Erste");
	db_set_user(db, "Moderatorin");
	int64_t since = last_change(db);
	int64_t prev_group = fixture_int(db, "SELECT max(change_group) FROM changelog");
	struct session s = { .title = "KMU „Workshop“", .place = "Köln" };
	ck_assert_int_eq(session_create(db, &s), STATUS_OK);

	struct changes all;
	changes_since(db, 0, since, &all);
	/* the session and its seven actor groups, one action */
	ck_assert_int_eq(all.n, 8);
	assert_one_group(&all);
	ck_assert_int_gt(all.c[0].group, prev_group);
	int si = find_change(&all, "session", "insert");
	ck_assert_int_eq(all.c[si].row, s.id);
	ck_assert_str_eq(all.c[si].old, "");
	ck_assert(fixture_contains(all.c[si].new, "\"title\":\"KMU „Workshop“\""));
	ck_assert(fixture_contains(all.c[si].new, "\"place\":\"Köln\""));
	ck_assert(fixture_contains(all.c[si].new, "\"scale\":3"));
	int actors = 0;
	for (int i = 0; i < all.n; i++) {
		ck_assert_str_eq(all.c[i].who, "Moderatorin");
		ck_assert_int_eq(all.c[i].session, s.id);
		ck_assert_str_eq(all.c[i].op, "insert");
		if (strcmp(all.c[i].table, "actor") == 0) {
			actors++;
			ck_assert_int_eq(fixture_int1(db, "SELECT session_id FROM actor WHERE id = ?1",
				all.c[i].row), s.id);
		}
	}
	ck_assert_int_eq(actors, 7);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM changelog WHERE session_id = ?1", first), 8);
	changes_free(&all);

	/* the session filter */
	changes_since(db, first, 0, &all);
	ck_assert_int_eq(all.n, 8);
	ck_assert_int_eq(all.c[0].session, first);
	ck_assert_str_eq(all.c[0].who, "tester");
	changes_free(&all);
	fixture_close(db, path);
}
END_TEST

/* One item of each kind that is not a session: create, update, delete. */
START_TEST(test_changelog_every_kind)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t g1 = fixture_goal(db, s, "Ziel A", 0), g2 = fixture_goal(db, s, "Ziel B", 0);
	struct component comp = { .session_id = s, .number = 1, .name = "Alt" };
	struct stakeholder st = { .session_id = s, .name = "Alt", .kind = "science" };
	struct actor ac = { .session_id = s, .letter = "H", .name = "Alt" };
	struct unseen un = { .session_id = s, .title = "Alt" };
	struct variable va = { .session_id = s, .name = "Alt" };
	struct goal go = { .session_id = s, .text = "Alt" };
	struct conflict co = { .session_id = s, .goal_a = g1, .goal_b = g2, .description = "Alt" };
	struct measure me = { .session_id = s, .text = "Alt" };
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
		int64_t id;
		struct changes all;
		char json[64];
		db_set_user(db, t->name);

		int64_t since = last_change(db);
		ck_assert_msg(item_create(db, t, items[i].item) == STATUS_OK, "%s: %s", t->name, db_error(db));
		id = *(int64_t *)items[i].item;
		changes_since(db, s, since, &all);
		assert_one_group(&all);
		int k = find_change(&all, t->table, "insert");
		ck_assert_int_eq(all.c[k].row, id);
		ck_assert_str_eq(all.c[k].who, t->name);
		ck_assert_str_eq(all.c[k].old, "");
		snprintf(json, sizeof json, "\"%s\":\"Alt\"", f->column);
		ck_assert_msg(fixture_contains(all.c[k].new, json), "%s: %s", t->name, all.c[k].new);
		/* an item that is a code logs its code in the same action */
		ck_assert_int_eq(all.n, t->is_code ? 2 : 1);
		if (t->is_code)
			find_change(&all, "code", "insert");
		int64_t create_group = all.c[0].group;
		changes_free(&all);

		/* an update that changes nothing logs nothing */
		since = last_change(db);
		ck_assert_int_eq(item_update(db, t, items[i].item), STATUS_OK);
		changes_since(db, 0, since, &all);
		ck_assert_msg(all.n == 0, "%s: an empty update logged %d rows", t->name, all.n);

		/* an update logs old and new */
		int64_t buf[48];
		ck_assert_uint_le(t->size, sizeof buf);
		memcpy(buf, items[i].item, t->size);
		ck_assert_int_eq(item_read(db, t, id, buf), STATUS_OK);
		ck_assert_int_eq(item_parse(db, t, buf, f, "Neu"), STATUS_OK);
		ck_assert_int_eq(item_update(db, t, buf), STATUS_OK);
		item_clear(t, buf);
		changes_since(db, s, since, &all);
		ck_assert_int_eq(all.n, 1);
		ck_assert_str_eq(all.c[0].table, t->table);
		ck_assert_str_eq(all.c[0].op, "update");
		ck_assert_int_eq(all.c[0].row, id);
		ck_assert_int_gt(all.c[0].group, create_group);
		ck_assert(fixture_contains(all.c[0].old, json));
		snprintf(json, sizeof json, "\"%s\":\"Neu\"", f->column);
		ck_assert(fixture_contains(all.c[0].new, json));
		changes_free(&all);

		/* a delete logs the old row */
		since = last_change(db);
		ck_assert_int_eq(item_delete(db, t, id), STATUS_OK);
		changes_since(db, s, since, &all);
		assert_one_group(&all);
		k = find_change(&all, t->table, "delete");
		ck_assert_int_eq(all.c[k].row, id);
		ck_assert_str_eq(all.c[k].new, "");
		ck_assert(fixture_contains(all.c[k].old, json));
		if (t->is_code)
			find_change(&all, "code", "delete");
		changes_free(&all);
	}
	fixture_close(db, path);
}
END_TEST

START_TEST(test_changelog_session_update)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	struct session r;
	ck_assert_int_eq(item_read(db, T(ITEM_SESSION), s, &r), STATUS_OK);
	int64_t since = last_change(db);
	/* only the modification time would change: nothing to log */
	ck_assert_int_eq(item_update(db, T(ITEM_SESSION), &r), STATUS_OK);
	struct changes all;
	changes_since(db, 0, since, &all);
	ck_assert_int_eq(all.n, 0);
	/* a real change */
	free(r.region);
	r.region = strdup("Niedersachsen");
	ck_assert_int_eq(item_update(db, T(ITEM_SESSION), &r), STATUS_OK);
	item_clear(T(ITEM_SESSION), &r);
	changes_since(db, 0, since, &all);
	ck_assert_int_eq(all.n, 1);
	ck_assert_str_eq(all.c[0].table, "session");
	ck_assert_str_eq(all.c[0].op, "update");
	ck_assert_int_eq(all.c[0].session, s);
	ck_assert(fixture_contains(all.c[0].old, "\"region\":null"));
	ck_assert(fixture_contains(all.c[0].new, "\"region\":\"Niedersachsen\""));
	changes_free(&all);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_changelog_delete_cascade)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	static const char *const lines[] = { "eins", "zwei" };
	int64_t s = fixture_session(db, "KMU");
	int64_t u = fixture_unseen(db, s, "Datenverlust", 0);
	int64_t sh = fixture_stakeholder(db, s, "KMU");
	int64_t g = fixture_goal(db, s, "Ziel", 0);
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u, sh), STATUS_OK);
	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, g, u), STATUS_OK);
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha", lines, 2);
	int64_t k = fixture_coding(db, s, d, 1, 2, fixture_item_code(db, "unseen", u), "anna");

	db_set_user(db, "Löscherin");
	int64_t since = last_change(db);
	ck_assert_int_eq(item_delete(db, T(ITEM_UNSEEN), u), STATUS_OK);
	struct changes all;
	changes_since(db, 0, since, &all);
	/* the unseen, its two links, its code and its coding: one action */
	ck_assert_int_eq(all.n, 5);
	assert_one_group(&all);
	int i = find_change(&all, "unseen", "delete");
	ck_assert_int_eq(all.c[i].row, u);
	ck_assert(fixture_contains(all.c[i].old, "\"title\":\"Datenverlust\""));
	find_change(&all, "unseen_stakeholder", "delete");
	find_change(&all, "goal_unseen", "delete");
	find_change(&all, "code", "delete");
	i = find_change(&all, "coding", "delete");
	ck_assert_int_eq(all.c[i].row, k);
	for (i = 0; i < all.n; i++) {
		ck_assert_str_eq(all.c[i].who, "Löscherin");
		ck_assert_str_eq(all.c[i].new, "");
		ck_assert(all.c[i].old[0] == '{');
	}
	changes_free(&all);
	/* "what changed in this session since": all five, links included */
	changes_since(db, s, since, &all);
	ck_assert_msg(all.n == 5, "changelog_list(session) shows %d of the 5 changes", all.n);
	for (i = 0; i < all.n; i++)
		ck_assert_int_eq(all.c[i].session, s);
	changes_free(&all);
	fixture_close(db, path);
}
END_TEST

/* The same for a matrix cell that goes with the variable it starts from. */
START_TEST(test_changelog_delete_cascade_impact)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	struct changes all;
	int64_t a = fixture_variable(db, s, "A"), b = fixture_variable(db, s, "B");
	ck_assert_int_eq(impact_set(db, a, b, 2, NULL), STATUS_OK);
	int64_t since = last_change(db);
	ck_assert_int_eq(item_delete(db, T(ITEM_VARIABLE), a), STATUS_OK);
	changes_since(db, 0, since, &all);
	ck_assert_int_eq(all.n, 3);   /* variable, its code, the cell */
	assert_one_group(&all);
	find_change(&all, "impact", "delete");
	changes_free(&all);
	changes_since(db, s, since, &all);
	ck_assert_msg(all.n == 3, "changelog_list(session) shows %d of the 3 changes", all.n);
	changes_free(&all);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_changelog_refused_logs_nothing)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Andere");
	fixture_component(db, s, 1, "Daten");
	int64_t u = fixture_unseen(db, s, "U", 0);
	int64_t sh_other = fixture_stakeholder(db, other, "Fremd");
	int64_t since = last_change(db);

	struct unseen bad = { .session_id = s, .title = "Zu wahrscheinlich", .likelihood = 6 };
	ck_assert_int_eq(item_create(db, T(ITEM_UNSEEN), &bad), STATUS_INVALID);
	struct component dup = { .session_id = s, .number = 1, .name = "Doppelt" };
	ck_assert_int_eq(item_create(db, T(ITEM_COMPONENT), &dup), STATUS_CONFLICT);
	struct session empty = { .title = "" };
	ck_assert_int_eq(session_create(db, &empty), STATUS_INVALID);
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u, sh_other), STATUS_NOT_FOUND);
	struct unseen r;
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), u, &r), STATUS_OK);
	r.votes = -3;
	ck_assert_int_eq(item_update(db, T(ITEM_UNSEEN), &r), STATUS_INVALID);
	item_clear(T(ITEM_UNSEEN), &r);
	ck_assert_int_eq(item_delete(db, T(ITEM_UNSEEN), 999999), STATUS_NOT_FOUND);
	ck_assert_int_eq(impact_set(db, 1, 2, 1, NULL), STATUS_NOT_FOUND);
	int64_t code = 0;
	ck_assert_int_eq(code_create_free(db, s, "a/b", 0, NULL, NULL, &code), STATUS_INVALID);
	/* a whole action that fails half-way logs nothing of its first half */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	fixture_unseen(db, s, "Erste Hälfte", 0);
	ck_assert_int_eq(db_end(db, item_create(db, T(ITEM_UNSEEN), &bad)), STATUS_INVALID);

	struct changes all;
	changes_since(db, 0, since, &all);
	ck_assert_msg(all.n == 0, "%d changes logged, first: %s %s", all.n,
		all.n ? all.c[0].op : "", all.n ? all.c[0].table : "");
	/* and the next real action gets the next group */
	int64_t group = fixture_int(db, "SELECT max(change_group) FROM changelog");
	fixture_unseen(db, s, "Danach", 0);
	changes_since(db, 0, since, &all);
	ck_assert_int_eq(all.n, 2);
	ck_assert_int_eq(all.c[0].group, group + 1);
	changes_free(&all);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_changelog_groups)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t since = last_change(db);
	/* one action each */
	int64_t a = fixture_variable(db, s, "A");
	int64_t b = fixture_variable(db, s, "B");
	ck_assert_int_eq(impact_set(db, a, b, 2, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(db, a, b, 3, "stärker"), STATUS_OK);
	struct changes all;
	changes_since(db, s, since, &all);
	ck_assert_int_eq(all.n, 6);   /* 2 x (variable + code), impact insert, impact update */
	ck_assert_int_eq(all.c[0].group, all.c[1].group);
	ck_assert_int_lt(all.c[1].group, all.c[2].group);
	ck_assert_int_lt(all.c[3].group, all.c[4].group);
	ck_assert_int_lt(all.c[4].group, all.c[5].group);
	ck_assert_str_eq(all.c[4].table, "impact");
	ck_assert_str_eq(all.c[4].op, "insert");
	ck_assert_int_eq(all.c[4].session, s);
	ck_assert_str_eq(all.c[5].op, "update");
	ck_assert(fixture_contains(all.c[5].old, "\"strength\":2"));
	ck_assert(fixture_contains(all.c[5].new, "\"strength\":3"));
	changes_free(&all);

	/* a transaction the caller holds is one action */
	since = last_change(db);
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	fixture_unseen(db, s, "Eins", 0);
	fixture_unseen(db, s, "Zwei", 0);
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER,
		fixture_unseen(db, s, "Drei", 0), fixture_stakeholder(db, s, "KMU")), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	changes_since(db, s, since, &all);
	ck_assert_int_eq(all.n, 9);
	assert_one_group(&all);
	changes_free(&all);

	/* so is a whole copy of a session */
	since = last_change(db);
	int64_t copy = 0;
	ck_assert_int_eq(session_duplicate(db, s, NULL, &copy), STATUS_OK);
	changes_since(db, copy, since, &all);
	ck_assert_int_gt(all.n, 10);
	assert_one_group(&all);
	changes_free(&all);
	changes_since(db, 0, since, &all);
	assert_one_group(&all);
	changes_free(&all);

	/* since: only what came after */
	int64_t mark = last_change(db);
	changes_since(db, 0, mark, &all);
	ck_assert_int_eq(all.n, 0);
	fixture_unseen(db, s, "Vier", 0);
	changes_since(db, 0, mark, &all);
	ck_assert_int_eq(all.n, 2);
	ck_assert_int_gt(all.c[0].id, mark);
	ck_assert_int_lt(all.c[0].id, all.c[1].id);
	changes_free(&all);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_changelog_default_user)
{
	char path[FIXTURE_PATH_MAX];
	fixture_temp_path(path);
	setenv("DIDAT_CODER", "kodiererin1", 1);
	struct db *db = NULL;
	ck_assert_int_eq(db_open(&db, path, DB_READWRITE), STATUS_OK);
	unsetenv("DIDAT_CODER");
	ck_assert_str_eq(db_user(db), "kodiererin1");
	int64_t s = fixture_session(db, "KMU");
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM changelog WHERE session_id = ?1"
		" AND who = 'kodiererin1'", s), 8);
	fixture_close(db, path);
}
END_TEST

extern Suite *changelog_suite(void);
Suite *changelog_suite(void)
{
	Suite *s = suite_create("changelog");
	TCase *tc = tcase_create("changelog");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, test_changelog_session_create);
	tcase_add_test(tc, test_changelog_every_kind);
	tcase_add_test(tc, test_changelog_session_update);
	tcase_add_test(tc, test_changelog_delete_cascade);
	tcase_add_test(tc, test_changelog_delete_cascade_impact);
	tcase_add_test(tc, test_changelog_refused_logs_nothing);
	tcase_add_test(tc, test_changelog_groups);
	tcase_add_test(tc, test_changelog_default_user);
	suite_add_tcase(s, tc);
	return s;
}
