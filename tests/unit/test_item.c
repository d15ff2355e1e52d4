/* model/item: create, read, update, delete and list every item kind;
 * validation with the field named in the message; item_find;
 * item_parse/item_format; risk and vulnerability; links. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/session.h"

#define T(kind) item_type(kind)

struct ids {
	int64_t v[64];
	int n;
};

/* item_list callback: every item starts with its id. */
static int collect_item(void *ctx, const void *item)
{
	struct ids *ids = ctx;
	if (ids->n < 64)
		ids->v[ids->n++] = *(const int64_t *)item;
	return 0;
}

static int collect_link(void *ctx, int64_t id)
{
	struct ids *ids = ctx;
	if (ids->n < 64)
		ids->v[ids->n++] = id;
	return 0;
}

static struct ids list_items(struct db *db, enum item_kind kind, int64_t session)
{
	struct ids ids = { .n = 0 };
	ck_assert_int_eq(item_list(db, T(kind), session, collect_item, &ids), STATUS_OK);
	return ids;
}

static struct ids list_links(struct db *db, enum link_kind kind, int64_t from)
{
	struct ids ids = { .n = 0 };
	ck_assert_int_eq(link_list(db, kind, from, collect_link, &ids), STATUS_OK);
	return ids;
}

static int64_t count_items(struct db *db, enum item_kind kind, int64_t session)
{
	int64_t n = -1;
	ck_assert_int_eq(item_count(db, T(kind), session, &n), STATUS_OK);
	return n;
}

/* A refusal: STATUS, and the message names FIELD. */
#define ASSERT_REFUSED(db, call, status, field) do { \
		ck_assert_int_eq((call), (status)); \
		ck_assert_msg(fixture_contains(db_error(db), (field)), \
			"message does not name %s: %s", (field), db_error(db)); \
	} while (0)

struct world {
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t s, other;   /* two sessions */
};

static void world_open(struct world *w)
{
	w->db = fixture_open(w->path);
	w->s = fixture_session(w->db, "KMU-Workshop");
	w->other = fixture_session(w->db, "Mobilität");
}

static void world_close(struct world *w)
{
	fixture_close(w->db, w->path);
}

START_TEST(test_item_types)
{
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		const struct item_type *t = item_type((enum item_kind)k);
		ck_assert_ptr_nonnull(t);
		ck_assert_int_eq(t->kind, k);
		ck_assert_ptr_eq(item_type_by_name(t->name), t);
		ck_assert_ptr_nonnull(item_field_by_name(t, t->fields[0].name));
	}
	ck_assert_ptr_null(item_type_by_name("nonsense"));
	ck_assert_ptr_null(item_type(ITEM_KIND_COUNT));
	ck_assert_ptr_null(item_field_by_name(T(ITEM_UNSEEN), "nonsense"));
	ck_assert_ptr_nonnull(item_field_by_name(T(ITEM_UNSEEN), "adaptive_capacity"));
	for (int k = 0; k < LINK_KIND_COUNT; k++)
		ck_assert_int_eq(link_type((enum link_kind)k)->kind, k);
}
END_TEST

START_TEST(test_item_session_crud)
{
	struct world w;
	world_open(&w);
	struct session s = {
		.title = "Vulnerabilitätsraum KMU", .date = "2020-03-05", .place = "Berlin",
		.facilitator = "R. Scholz", .notes = "Notiz", .question = "Wie können KMU sich anpassen?",
		.inside = "Familienunternehmen", .outside = "Konzerne", .region = "DACH",
		.horizon = "2030", .scale = 2,
	};
	ck_assert_int_eq(item_create(w.db, T(ITEM_SESSION), &s), STATUS_OK);
	ck_assert_int_gt(s.id, 0);
	struct session r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_SESSION), s.id, &r), STATUS_OK);
	ck_assert_int_eq(r.id, s.id);
	ck_assert_int_eq(r.session_id, 0);
	ck_assert_str_eq(r.title, s.title);
	ck_assert_str_eq(r.date, "2020-03-05");
	ck_assert_str_eq(r.place, "Berlin");
	ck_assert_str_eq(r.facilitator, "R. Scholz");
	ck_assert_str_eq(r.notes, "Notiz");
	ck_assert_str_eq(r.question, s.question);
	ck_assert_str_eq(r.inside, "Familienunternehmen");
	ck_assert_str_eq(r.outside, "Konzerne");
	ck_assert_str_eq(r.region, "DACH");
	ck_assert_str_eq(r.horizon, "2030");
	ck_assert_int_eq(r.scale, 2);
	ck_assert_ptr_nonnull(r.created);
	ck_assert_ptr_nonnull(r.modified);
	ck_assert_uint_eq(strlen(r.created), 20);   /* 2020-03-05T10:00:00Z */

	free(r.place);
	r.place = strdup("Hamburg");
	r.scale = 3;
	free(r.notes);
	r.notes = NULL;
	ck_assert_int_eq(item_update(w.db, T(ITEM_SESSION), &r), STATUS_OK);
	item_clear(T(ITEM_SESSION), &r);
	ck_assert_ptr_null(r.title);
	ck_assert_int_eq(item_read(w.db, T(ITEM_SESSION), s.id, &r), STATUS_OK);
	ck_assert_str_eq(r.place, "Hamburg");
	ck_assert_int_eq(r.scale, 3);
	ck_assert_ptr_null(r.notes);
	ck_assert_str_eq(r.title, s.title);
	item_clear(T(ITEM_SESSION), &r);

	struct ids ids = list_items(w.db, ITEM_SESSION, 0);
	ck_assert_int_eq(ids.n, 3);
	ck_assert_int_eq(ids.v[2], s.id);
	ck_assert_int_eq(count_items(w.db, ITEM_SESSION, 0), 3);

	ck_assert_int_eq(item_delete(w.db, T(ITEM_SESSION), s.id), STATUS_OK);
	ck_assert_int_eq(item_read(w.db, T(ITEM_SESSION), s.id, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_SESSION), s.id), STATUS_NOT_FOUND);
	ck_assert_int_eq(count_items(w.db, ITEM_SESSION, 0), 2);
	world_close(&w);
}
END_TEST

START_TEST(test_item_component_crud)
{
	struct world w;
	world_open(&w);
	struct component b = { .session_id = w.s, .number = 2, .name = "Plattformen",
		.question = "Wie nutzen KMU Plattformen?" };
	struct component a = { .session_id = w.s, .number = 1, .name = "IoT und Daten" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_COMPONENT), &b), STATUS_OK);
	ck_assert_int_eq(item_create(w.db, T(ITEM_COMPONENT), &a), STATUS_OK);
	struct component r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_COMPONENT), b.id, &r), STATUS_OK);
	ck_assert_int_eq(r.session_id, w.s);
	ck_assert_int_eq(r.number, 2);
	ck_assert_str_eq(r.name, "Plattformen");
	ck_assert_str_eq(r.question, "Wie nutzen KMU Plattformen?");
	item_clear(T(ITEM_COMPONENT), &r);

	/* listed by number, not by creation */
	struct ids ids = list_items(w.db, ITEM_COMPONENT, w.s);
	ck_assert_int_eq(ids.n, 2);
	ck_assert_int_eq(ids.v[0], a.id);
	ck_assert_int_eq(ids.v[1], b.id);
	ck_assert_int_eq(list_items(w.db, ITEM_COMPONENT, w.other).n, 0);

	a.name = "IoT, Daten";
	a.number = 3;
	ck_assert_int_eq(item_update(w.db, T(ITEM_COMPONENT), &a), STATUS_OK);
	ck_assert_int_eq(item_read(w.db, T(ITEM_COMPONENT), a.id, &r), STATUS_OK);
	ck_assert_str_eq(r.name, "IoT, Daten");
	ck_assert_int_eq(r.number, 3);
	ck_assert_ptr_null(r.question);
	item_clear(T(ITEM_COMPONENT), &r);
	ids = list_items(w.db, ITEM_COMPONENT, w.s);
	ck_assert_int_eq(ids.v[0], b.id);

	ck_assert_int_eq(item_delete(w.db, T(ITEM_COMPONENT), b.id), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_COMPONENT, w.s), 1);
	ck_assert_int_eq(item_read(w.db, T(ITEM_COMPONENT), b.id, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_COMPONENT), b.id), STATUS_NOT_FOUND);
	world_close(&w);
}
END_TEST

START_TEST(test_item_stakeholder_crud)
{
	struct world w;
	world_open(&w);
	struct stakeholder st = { .session_id = w.s, .name = "IT-Anbieter", .kind = "business",
		.description = "Anbieter von Cloud-Diensten" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_STAKEHOLDER), &st), STATUS_OK);
	/* a stakeholder group is a code too */
	ck_assert_int_gt(fixture_item_code(w.db, "stakeholder", st.id), 0);
	struct stakeholder r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_STAKEHOLDER), st.id, &r), STATUS_OK);
	ck_assert_str_eq(r.name, "IT-Anbieter");
	ck_assert_str_eq(r.kind, "business");
	ck_assert_str_eq(r.description, "Anbieter von Cloud-Diensten");
	free(r.kind);
	r.kind = strdup("civil_society");
	ck_assert_int_eq(item_update(w.db, T(ITEM_STAKEHOLDER), &r), STATUS_OK);
	item_clear(T(ITEM_STAKEHOLDER), &r);
	ck_assert_int_eq(item_read(w.db, T(ITEM_STAKEHOLDER), st.id, &r), STATUS_OK);
	ck_assert_str_eq(r.kind, "civil_society");
	item_clear(T(ITEM_STAKEHOLDER), &r);
	ck_assert_int_eq(list_items(w.db, ITEM_STAKEHOLDER, w.s).n, 1);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_STAKEHOLDER), st.id), STATUS_OK);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM code WHERE type = 'stakeholder'"
		" AND item_id = ?1", st.id), 0);
	ck_assert_int_eq(count_items(w.db, ITEM_STAKEHOLDER, w.s), 0);
	world_close(&w);
}
END_TEST

/* The kind is optional in the field table (required = false) and the
 * column has DEFAULT 'other': a stakeholder group without a kind must be
 * accepted, and reads back as "other". */
START_TEST(test_item_stakeholder_without_kind)
{
	struct world w;
	world_open(&w);
	struct stakeholder st = { .session_id = w.s, .name = "Verbände" };
	enum status rc = item_create(w.db, T(ITEM_STAKEHOLDER), &st);
	ck_assert_msg(rc == STATUS_OK, "stakeholder without kind refused: %s", db_error(w.db));
	struct stakeholder r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_STAKEHOLDER), st.id, &r), STATUS_OK);
	ck_assert_ptr_nonnull(r.kind);
	ck_assert_str_eq(r.kind, "other");
	/* clearing the kind of an existing group through item_parse("") */
	ck_assert_int_eq(item_parse(w.db, T(ITEM_STAKEHOLDER), &r,
		item_field_by_name(T(ITEM_STAKEHOLDER), "kind"), ""), STATUS_OK);
	rc = item_update(w.db, T(ITEM_STAKEHOLDER), &r);
	ck_assert_msg(rc == STATUS_OK, "clearing the kind refused: %s", db_error(w.db));
	item_clear(T(ITEM_STAKEHOLDER), &r);
	world_close(&w);
}
END_TEST

START_TEST(test_item_actor_crud)
{
	struct world w;
	world_open(&w);
	struct actor a = { .session_id = w.s, .letter = "H", .name = "Presse" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_ACTOR), &a), STATUS_OK);
	struct ids ids = list_items(w.db, ITEM_ACTOR, w.s);
	ck_assert_int_eq(ids.n, 8);
	ck_assert_int_eq(ids.v[7], a.id);
	ck_assert_int_eq(ids.v[0], fixture_actor(w.db, w.s, "A"));
	struct actor r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_ACTOR), a.id, &r), STATUS_OK);
	ck_assert_str_eq(r.letter, "H");
	ck_assert_str_eq(r.name, "Presse");
	free(r.name);
	r.name = strdup("Medien");
	ck_assert_int_eq(item_update(w.db, T(ITEM_ACTOR), &r), STATUS_OK);
	item_clear(T(ITEM_ACTOR), &r);
	ck_assert_int_eq(item_read(w.db, T(ITEM_ACTOR), a.id, &r), STATUS_OK);
	ck_assert_str_eq(r.name, "Medien");
	item_clear(T(ITEM_ACTOR), &r);
	/* actors are not codes */
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM code WHERE session_id = ?1", w.s), 0);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_ACTOR), a.id), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_ACTOR, w.s), 7);
	world_close(&w);
}
END_TEST

START_TEST(test_item_unseen_crud)
{
	struct world w;
	world_open(&w);
	int64_t c = fixture_component(w.db, w.s, 1, "Cloud");
	struct unseen u1 = { .session_id = w.s, .title = "Abhängigkeit vom Cloud-Anbieter",
		.description = "Lock-in", .causes = "Proprietäre Formate", .component_id = c,
		.likelihood = 4, .impact = 5, .capacity = 2, .votes = 7 };
	struct unseen u2 = { .session_id = w.s, .title = "Datenverlust" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_UNSEEN), &u1), STATUS_OK);
	ck_assert_int_eq(item_create(w.db, T(ITEM_UNSEEN), &u2), STATUS_OK);
	/* new unseens go to the end */
	ck_assert_int_eq(u1.position, 1);
	ck_assert_int_eq(u2.position, 2);
	ck_assert_int_gt(fixture_item_code(w.db, "unseen", u1.id), 0);

	struct unseen r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_UNSEEN), u1.id, &r), STATUS_OK);
	ck_assert_int_eq(r.session_id, w.s);
	ck_assert_str_eq(r.title, "Abhängigkeit vom Cloud-Anbieter");
	ck_assert_str_eq(r.description, "Lock-in");
	ck_assert_str_eq(r.causes, "Proprietäre Formate");
	ck_assert_int_eq(r.component_id, c);
	ck_assert_int_eq(r.likelihood, 4);
	ck_assert_int_eq(r.impact, 5);
	ck_assert_int_eq(r.capacity, 2);
	ck_assert_int_eq(r.votes, 7);
	ck_assert_int_eq(r.position, 1);
	item_clear(T(ITEM_UNSEEN), &r);
	ck_assert_int_eq(item_read(w.db, T(ITEM_UNSEEN), u2.id, &r), STATUS_OK);
	ck_assert_int_eq(r.likelihood, 0);
	ck_assert_int_eq(r.component_id, 0);
	ck_assert_ptr_null(r.description);
	item_clear(T(ITEM_UNSEEN), &r);
	/* unrated is NULL in the database, not 0 */
	ck_assert_int_eq(fixture_int1(w.db, "SELECT likelihood IS NULL AND impact IS NULL AND"
		" capacity IS NULL AND component_id IS NULL FROM unseen WHERE id = ?1", u2.id), 1);

	/* reorder: the list follows position */
	struct ids ids = list_items(w.db, ITEM_UNSEEN, w.s);
	ck_assert_int_eq(ids.n, 2);
	ck_assert_int_eq(ids.v[0], u1.id);
	u1.position = 5;
	u1.likelihood = 0;
	u1.component_id = 0;
	ck_assert_int_eq(item_update(w.db, T(ITEM_UNSEEN), &u1), STATUS_OK);
	ids = list_items(w.db, ITEM_UNSEEN, w.s);
	ck_assert_int_eq(ids.v[0], u2.id);
	ck_assert_int_eq(ids.v[1], u1.id);
	ck_assert_int_eq(item_read(w.db, T(ITEM_UNSEEN), u1.id, &r), STATUS_OK);
	ck_assert_int_eq(r.likelihood, 0);
	ck_assert_int_eq(r.component_id, 0);
	ck_assert_int_eq(r.impact, 5);
	item_clear(T(ITEM_UNSEEN), &r);

	ck_assert_int_eq(item_delete(w.db, T(ITEM_UNSEEN), u1.id), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_UNSEEN, w.s), 1);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM code WHERE type = 'unseen'"
		" AND item_id = ?1", u1.id), 0);
	world_close(&w);
}
END_TEST

START_TEST(test_item_variable_crud)
{
	struct world w;
	world_open(&w);
	struct variable v = { .session_id = w.s, .name = "Digitalisierungsgrad", .short_name = "DG",
		.description = "Anteil digitaler Prozesse" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_VARIABLE), &v), STATUS_OK);
	int64_t v2 = fixture_variable(w.db, w.s, "Fachkräfte");
	ck_assert_int_gt(fixture_item_code(w.db, "variable", v.id), 0);
	struct variable r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_VARIABLE), v.id, &r), STATUS_OK);
	ck_assert_str_eq(r.name, "Digitalisierungsgrad");
	ck_assert_str_eq(r.short_name, "DG");
	ck_assert_str_eq(r.description, "Anteil digitaler Prozesse");
	ck_assert_int_eq(r.position, 1);
	free(r.short_name);
	r.short_name = strdup("DIG");
	r.position = 9;
	ck_assert_int_eq(item_update(w.db, T(ITEM_VARIABLE), &r), STATUS_OK);
	item_clear(T(ITEM_VARIABLE), &r);
	ck_assert_int_eq(item_read(w.db, T(ITEM_VARIABLE), v.id, &r), STATUS_OK);
	ck_assert_str_eq(r.short_name, "DIG");
	item_clear(T(ITEM_VARIABLE), &r);
	struct ids ids = list_items(w.db, ITEM_VARIABLE, w.s);
	ck_assert_int_eq(ids.n, 2);
	ck_assert_int_eq(ids.v[0], v2);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_VARIABLE), v.id), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_VARIABLE, w.s), 1);
	world_close(&w);
}
END_TEST

START_TEST(test_item_goal_conflict_crud)
{
	struct world w;
	world_open(&w);
	int64_t c = fixture_component(w.db, w.s, 1, "Cloud");
	struct goal g = { .session_id = w.s, .text = "KMU behalten die Kontrolle über ihre Daten",
		.component_id = c };
	ck_assert_int_eq(item_create(w.db, T(ITEM_GOAL), &g), STATUS_OK);
	int64_t g2 = fixture_goal(w.db, w.s, "Mit Wettbewerbern kooperieren", 0);
	ck_assert_int_gt(fixture_item_code(w.db, "goal", g.id), 0);
	struct goal r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_GOAL), g.id, &r), STATUS_OK);
	ck_assert_str_eq(r.text, g.text);
	ck_assert_int_eq(r.component_id, c);
	r.component_id = 0;
	ck_assert_int_eq(item_update(w.db, T(ITEM_GOAL), &r), STATUS_OK);
	item_clear(T(ITEM_GOAL), &r);
	ck_assert_int_eq(item_read(w.db, T(ITEM_GOAL), g.id, &r), STATUS_OK);
	ck_assert_int_eq(r.component_id, 0);
	item_clear(T(ITEM_GOAL), &r);

	struct conflict k = { .session_id = w.s, .goal_a = g.id, .goal_b = g2,
		.description = "Know-how schützen gegen kooperieren" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_CONFLICT), &k), STATUS_OK);
	struct conflict kr;
	ck_assert_int_eq(item_read(w.db, T(ITEM_CONFLICT), k.id, &kr), STATUS_OK);
	ck_assert_int_eq(kr.goal_a, g.id);
	ck_assert_int_eq(kr.goal_b, g2);
	ck_assert_str_eq(kr.description, k.description);
	kr.goal_a = g2;
	kr.goal_b = g.id;
	ck_assert_int_eq(item_update(w.db, T(ITEM_CONFLICT), &kr), STATUS_OK);
	item_clear(T(ITEM_CONFLICT), &kr);
	ck_assert_int_eq(list_items(w.db, ITEM_CONFLICT, w.s).n, 1);
	/* a goal does not conflict with itself; a conflict needs both goals */
	struct conflict self = { .session_id = w.s, .goal_a = g.id, .goal_b = g.id };
	ck_assert_int_ne(item_create(w.db, T(ITEM_CONFLICT), &self), STATUS_OK);
	struct conflict half = { .session_id = w.s, .goal_a = g.id };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_CONFLICT), &half), STATUS_INVALID, "Ziel B");
	ck_assert_int_eq(count_items(w.db, ITEM_CONFLICT, w.s), 1);
	/* deleting a goal deletes its conflicts */
	ck_assert_int_eq(item_delete(w.db, T(ITEM_GOAL), g2), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_CONFLICT, w.s), 0);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_GOAL), g.id), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_GOAL, w.s), 0);
	world_close(&w);
}
END_TEST

START_TEST(test_item_measure_soro_crud)
{
	struct world w;
	world_open(&w);
	int64_t c = fixture_component(w.db, w.s, 1, "Cloud");
	int64_t actor_b = fixture_actor(w.db, w.s, "B");
	struct measure m = { .session_id = w.s, .text = "Schulungen zur Datensouveränität",
		.actor_id = actor_b, .horizon = "medium", .priority = 2 };
	ck_assert_int_eq(item_create(w.db, T(ITEM_MEASURE), &m), STATUS_OK);
	ck_assert_int_gt(fixture_item_code(w.db, "measure", m.id), 0);
	struct measure r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_MEASURE), m.id, &r), STATUS_OK);
	ck_assert_str_eq(r.text, m.text);
	ck_assert_int_eq(r.actor_id, actor_b);
	ck_assert_str_eq(r.horizon, "medium");
	ck_assert_int_eq(r.priority, 2);
	free(r.horizon);
	r.horizon = NULL;
	r.priority = 0;
	ck_assert_int_eq(item_update(w.db, T(ITEM_MEASURE), &r), STATUS_OK);
	item_clear(T(ITEM_MEASURE), &r);
	ck_assert_int_eq(item_read(w.db, T(ITEM_MEASURE), m.id, &r), STATUS_OK);
	ck_assert_ptr_null(r.horizon);
	ck_assert_int_eq(r.priority, 0);
	item_clear(T(ITEM_MEASURE), &r);
	/* deleting the actor leaves the measure without one */
	ck_assert_int_eq(item_delete(w.db, T(ITEM_ACTOR), actor_b), STATUS_OK);
	ck_assert_int_eq(item_read(w.db, T(ITEM_MEASURE), m.id, &r), STATUS_OK);
	ck_assert_int_eq(r.actor_id, 0);
	item_clear(T(ITEM_MEASURE), &r);

	struct soro so = { .session_id = w.s, .component_id = c,
		.text = "KMU sichern ihre Daten durch offene Formate." };
	ck_assert_int_eq(item_create(w.db, T(ITEM_SORO), &so), STATUS_OK);
	ck_assert_int_gt(fixture_item_code(w.db, "soro", so.id), 0);
	struct soro sr;
	ck_assert_int_eq(item_read(w.db, T(ITEM_SORO), so.id, &sr), STATUS_OK);
	ck_assert_str_eq(sr.text, so.text);
	ck_assert_int_eq(sr.component_id, c);
	item_clear(T(ITEM_SORO), &sr);
	/* deleting the component leaves the SoRO without one */
	ck_assert_int_eq(item_delete(w.db, T(ITEM_COMPONENT), c), STATUS_OK);
	ck_assert_int_eq(item_read(w.db, T(ITEM_SORO), so.id, &sr), STATUS_OK);
	ck_assert_int_eq(sr.component_id, 0);
	item_clear(T(ITEM_SORO), &sr);
	ck_assert_int_eq(list_items(w.db, ITEM_MEASURE, w.s).n, 1);
	ck_assert_int_eq(list_items(w.db, ITEM_SORO, w.s).n, 1);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_MEASURE), m.id), STATUS_OK);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_SORO), so.id), STATUS_OK);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM code WHERE session_id = ?1", w.s), 0);
	world_close(&w);
}
END_TEST

static int stop_after_two(void *ctx, const void *item)
{
	(void)item;
	return ++*(int *)ctx == 2;
}

START_TEST(test_item_list_stops)
{
	struct world w;
	world_open(&w);
	int n = 0;
	/* the callback's non-zero return stops the list and is not an error */
	ck_assert_int_eq(item_list(w.db, T(ITEM_ACTOR), w.s, stop_after_two, &n), STATUS_OK);
	ck_assert_int_eq(n, 2);
	world_close(&w);
}
END_TEST

START_TEST(test_item_unseen_ratings)
{
	struct world w;
	world_open(&w);
	static const char *const names[] = { "Wahrscheinlichkeit", "Auswirkung", "Anpassungsfähigkeit" };
	for (int f = 0; f < 3; f++) {
		for (int64_t v = -1; v <= 6; v++) {
			struct unseen u = { .session_id = w.s, .title = "Bewertet" };
			int64_t *rating = f == 0 ? &u.likelihood : f == 1 ? &u.impact : &u.capacity;
			*rating = v;
			int64_t before = count_items(w.db, ITEM_UNSEEN, w.s);
			if (v >= 0 && v <= 5) {
				ck_assert_msg(item_create(w.db, T(ITEM_UNSEEN), &u) == STATUS_OK,
					"%s = %d refused: %s", names[f], (int)v, db_error(w.db));
				struct unseen r;
				ck_assert_int_eq(item_read(w.db, T(ITEM_UNSEEN), u.id, &r), STATUS_OK);
				int64_t got = f == 0 ? r.likelihood : f == 1 ? r.impact : r.capacity;
				ck_assert_int_eq(got, v);
				item_clear(T(ITEM_UNSEEN), &r);
			} else {
				ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_UNSEEN), &u), STATUS_INVALID,
					names[f]);
				ck_assert_int_eq(count_items(w.db, ITEM_UNSEEN, w.s), before);
			}
		}
	}
	/* votes and priority */
	struct unseen u = { .session_id = w.s, .title = "Punkte", .votes = -1 };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_UNSEEN), &u), STATUS_INVALID, "Punkte");
	struct measure m = { .session_id = w.s, .text = "Dringend", .priority = 6 };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_MEASURE), &m), STATUS_INVALID, "Priorität");

	/* an update to an invalid rating leaves the row alone */
	struct unseen ok = { .session_id = w.s, .title = "Update", .likelihood = 3 };
	ck_assert_int_eq(item_create(w.db, T(ITEM_UNSEEN), &ok), STATUS_OK);
	ok.likelihood = 6;
	ok.title = "Geändert";
	ASSERT_REFUSED(w.db, item_update(w.db, T(ITEM_UNSEEN), &ok), STATUS_INVALID, "Wahrscheinlichkeit");
	struct unseen r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_UNSEEN), ok.id, &r), STATUS_OK);
	ck_assert_int_eq(r.likelihood, 3);
	ck_assert_str_eq(r.title, "Update");
	item_clear(T(ITEM_UNSEEN), &r);
	world_close(&w);
}
END_TEST

struct cell_changes {
	int n;
	int64_t from[8], to[8];
	int strength[8];
};

static void record_cell(void *ctx, int64_t from, int64_t to, int strength)
{
	struct cell_changes *c = ctx;
	ck_assert_int_lt(c->n, 8);
	c->from[c->n] = from;
	c->to[c->n] = to;
	c->strength[c->n++] = strength;
}

/* A screen keeps its loaded matrix current from the change log: the cells
 * changed since, with their value now; a new variable, or another
 * session's changes, tell it what it must know. */
START_TEST(test_item_impact_changes_since)
{
	struct world w;
	world_open(&w);
	int64_t a = fixture_variable(w.db, w.s, "A"), b = fixture_variable(w.db, w.s, "B");
	bool reload = true;
	int64_t mark = 0, last = 0;
	struct cell_changes c = { 0 };
	ck_assert_int_eq(impact_changes_since(w.db, w.s, 0, 3, &reload, &mark, record_cell, &c), STATUS_OK);
	ck_assert(!reload);
	ck_assert_int_gt(mark, 0);
	ck_assert_int_eq(c.n, 0);

	ck_assert_int_eq(impact_set(w.db, a, b, 2, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(w.db, b, a, 1, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(w.db, a, b, 3, NULL), STATUS_OK);
	ck_assert_int_eq(impact_clear(w.db, b, a), STATUS_OK);
	fixture_variable(w.db, w.other, "Anderswo");
	ck_assert_int_eq(impact_changes_since(w.db, w.s, mark, 3, &reload, &last, record_cell, &c), STATUS_OK);
	ck_assert(!reload);
	ck_assert_int_gt(last, mark);
	ck_assert_int_eq(c.n, 2);   /* each cell once, as it is now */
	for (int i = 0; i < 2; i++) {
		if (c.from[i] == a) {
			ck_assert_int_eq(c.to[i], b);
			ck_assert_int_eq(c.strength[i], 3);
		} else {
			ck_assert_int_eq(c.from[i], b);
			ck_assert_int_eq(c.strength[i], -1);
		}
	}
	/* nothing new: nothing called */
	c.n = 0;
	ck_assert_int_eq(impact_changes_since(w.db, w.s, last, 3, &reload, &mark, record_cell, &c), STATUS_OK);
	ck_assert_int_eq(mark, last);
	ck_assert_int_eq(c.n, 0);
	/* a new variable, or another scale, needs the whole matrix again */
	fixture_variable(w.db, w.s, "C");
	ck_assert_int_eq(impact_changes_since(w.db, w.s, last, 3, &reload, &mark, record_cell, &c), STATUS_OK);
	ck_assert(reload);
	ck_assert_int_eq(impact_changes_since(w.db, w.s, mark, 2, &reload, &last, record_cell, &c), STATUS_OK);
	ck_assert(!reload);   /* no change since: nothing to compare */
	ck_assert_int_eq(impact_set(w.db, b, a, 1, NULL), STATUS_OK);
	ck_assert_int_eq(impact_changes_since(w.db, w.s, mark, 2, &reload, &last, record_cell, &c), STATUS_OK);
	ck_assert(reload);
	world_close(&w);
}
END_TEST

START_TEST(test_item_impact_scale)
{
	struct world w;
	world_open(&w);
	int64_t a = fixture_variable(w.db, w.s, "A"), b = fixture_variable(w.db, w.s, "B");
	for (int64_t v = -1; v <= 4; v++) {
		if (v >= 0 && v <= 3) {
			ck_assert_int_eq(impact_set(w.db, a, b, v, NULL), STATUS_OK);
			ck_assert_int_eq(fixture_int1(w.db, "SELECT strength FROM impact WHERE from_id = ?1", a), v);
		} else {
			ASSERT_REFUSED(w.db, impact_set(w.db, b, a, v, NULL), STATUS_INVALID, "0–3");
		}
	}
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM impact WHERE from_id = ?1", b), 0);

	/* a session on the 0-2 scale */
	struct session s2 = { .title = "Scholz & Tietje", .scale = 2 };
	ck_assert_int_eq(session_create(w.db, &s2), STATUS_OK);
	int64_t c = fixture_variable(w.db, s2.id, "C"), d = fixture_variable(w.db, s2.id, "D");
	ASSERT_REFUSED(w.db, impact_set(w.db, c, d, 3, NULL), STATUS_INVALID, "0–2");
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM impact WHERE from_id = ?1", c), 0);
	ck_assert_int_eq(impact_set(w.db, c, d, 2, "stark"), STATUS_OK);
	struct impact_matrix mx;
	ck_assert_int_eq(impact_matrix_load(w.db, s2.id, &mx), STATUS_OK);
	ck_assert_uint_eq(mx.n, 2);
	ck_assert_int_eq(mx.scale, 2);
	ck_assert_int_eq(mx.cells[0 * 2 + 1], 2);
	ck_assert_int_eq(mx.cells[1 * 2 + 0], -1);
	impact_matrix_free(&mx);

	/* the diagonal and other sessions' variables are refused */
	ck_assert_int_eq(impact_set(w.db, c, c, 1, NULL), STATUS_INVALID);
	ck_assert_int_eq(impact_set(w.db, a, c, 1, NULL), STATUS_INVALID);
	ck_assert_int_eq(impact_set(w.db, a, 999999, 1, NULL), STATUS_NOT_FOUND);
	ck_assert_int_eq(impact_clear(w.db, c, d), STATUS_OK);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM impact WHERE from_id = ?1", c), 0);
	/* a scale cannot drop below the ratings already given */
	struct session r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_SESSION), w.s, &r), STATUS_OK);
	r.scale = 2;
	ck_assert_int_ne(item_update(w.db, T(ITEM_SESSION), &r), STATUS_OK);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT scale FROM session WHERE id = ?1", w.s), 3);
	ck_assert_int_eq(impact_set(w.db, a, b, 2, NULL), STATUS_OK);
	ck_assert_int_eq(item_update(w.db, T(ITEM_SESSION), &r), STATUS_OK);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT scale FROM session WHERE id = ?1", w.s), 2);
	item_clear(T(ITEM_SESSION), &r);
	/* a session's scale is 2 or 3 */
	struct session s4 = { .title = "Vier", .scale = 4 };
	ASSERT_REFUSED(w.db, session_create(w.db, &s4), STATUS_INVALID, "Bewertungsskala");
	world_close(&w);
}
END_TEST

START_TEST(test_item_refusals)
{
	struct world w;
	world_open(&w);
	int64_t c1 = fixture_component(w.db, w.s, 1, "Daten");
	int64_t c_other = fixture_component(w.db, w.other, 1, "Verkehr");
	int64_t g_other = fixture_goal(w.db, w.other, "Fremdes Ziel", 0);
	int64_t g = fixture_goal(w.db, w.s, "Eigenes Ziel", 0);
	int64_t unseens = count_items(w.db, ITEM_UNSEEN, w.s);
	int64_t changes = fixture_int(w.db, "SELECT count(*) FROM changelog");

	struct unseen u = { .session_id = w.s, .title = "" };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_UNSEEN), &u), STATUS_INVALID, "Titel");
	u.title = NULL;
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_UNSEEN), &u), STATUS_INVALID, "Titel");
	u.title = "Fremde Komponente";
	u.component_id = c_other;
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_UNSEEN), &u), STATUS_NOT_FOUND, "Komponente");
	u.component_id = 999999;
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_UNSEEN), &u), STATUS_NOT_FOUND, "Komponente");
	ck_assert_int_eq(count_items(w.db, ITEM_UNSEEN, w.s), unseens);

	struct goal gl = { .session_id = w.s, .text = "Ziel", .component_id = c_other };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_GOAL), &gl), STATUS_NOT_FOUND, "Komponente");
	struct soro so = { .session_id = w.s, .text = "SoRO", .component_id = c_other };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_SORO), &so), STATUS_NOT_FOUND, "Komponente");
	struct conflict k = { .session_id = w.s, .goal_a = g, .goal_b = g_other };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_CONFLICT), &k), STATUS_NOT_FOUND, "Ziel B");
	struct measure m = { .session_id = w.s, .text = "Maßnahme",
		.actor_id = fixture_actor(w.db, w.other, "A") };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_MEASURE), &m), STATUS_NOT_FOUND, "Akteursgruppe");
	m.actor_id = 0;
	m.horizon = "soon";
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_MEASURE), &m), STATUS_INVALID, "Zeithorizont");
	ck_assert_int_eq(count_items(w.db, ITEM_MEASURE, w.s), 0);

	struct stakeholder st = { .session_id = w.s, .name = "Anbieter", .kind = "alien" };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_STAKEHOLDER), &st), STATUS_INVALID, "Art");
	st.kind = "business";
	st.name = "";
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_STAKEHOLDER), &st), STATUS_INVALID, "Name");
	ck_assert_int_eq(count_items(w.db, ITEM_STAKEHOLDER, w.s), 0);

	struct component dup = { .session_id = w.s, .number = 1, .name = "Doppelt" };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_COMPONENT), &dup), STATUS_CONFLICT, "Nummer");
	/* no number: the next free one, as the screen and the CLI create them */
	dup.number = 0;
	ck_assert_int_eq(item_create(w.db, T(ITEM_COMPONENT), &dup), STATUS_OK);
	ck_assert_int_eq(dup.number, 2);
	/* the same number in another session is fine */
	dup.number = 2;
	dup.session_id = w.other;
	ck_assert_int_eq(item_create(w.db, T(ITEM_COMPONENT), &dup), STATUS_OK);
	ck_assert_int_eq(count_items(w.db, ITEM_COMPONENT, w.s), 2);

	struct actor a = { .session_id = w.s, .letter = "A", .name = "Noch einmal A" };
	ASSERT_REFUSED(w.db, item_create(w.db, T(ITEM_ACTOR), &a), STATUS_CONFLICT, "Buchstabe");
	ck_assert_int_eq(count_items(w.db, ITEM_ACTOR, w.s), 7);

	struct unseen nowhere = { .session_id = 999999, .title = "Ohne Sitzung" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_UNSEEN), &nowhere), STATUS_NOT_FOUND);

	/* an update into a taken number is refused and changes nothing */
	struct component second = { .session_id = w.s, .number = 3, .name = "Drei" };
	ck_assert_int_eq(item_create(w.db, T(ITEM_COMPONENT), &second), STATUS_OK);
	changes = fixture_int(w.db, "SELECT count(*) FROM changelog");
	second.number = 1;
	ASSERT_REFUSED(w.db, item_update(w.db, T(ITEM_COMPONENT), &second), STATUS_CONFLICT, "Nummer");
	ck_assert_int_eq(fixture_int1(w.db, "SELECT number FROM component WHERE id = ?1", second.id), 3);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT number FROM component WHERE id = ?1", c1), 1);
	second.id = 999999;
	ck_assert_int_eq(item_update(w.db, T(ITEM_COMPONENT), &second), STATUS_NOT_FOUND);
	ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM changelog"), changes);
	world_close(&w);
}
END_TEST

/* item_update validates references against the session the struct
 * claims; the row keeps its own session.  A struct whose session_id
 * differs from the row's must not smuggle in another session's
 * component (item.h: a FIELD_REF is "an item ... in the same session"). */
START_TEST(test_item_update_checks_row_session)
{
	struct world w;
	world_open(&w);
	int64_t u = fixture_unseen(w.db, w.s, "Eigenes Unseen", 0);
	int64_t c_other = fixture_component(w.db, w.other, 1, "Fremd");
	struct unseen r;
	ck_assert_int_eq(item_read(w.db, T(ITEM_UNSEEN), u, &r), STATUS_OK);
	r.session_id = w.other;
	r.component_id = c_other;
	ck_assert_int_ne(item_update(w.db, T(ITEM_UNSEEN), &r), STATUS_OK);
	item_clear(T(ITEM_UNSEEN), &r);
	ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM unseen u JOIN component c"
		" ON c.id = u.component_id WHERE c.session_id <> u.session_id"), 0);
	world_close(&w);
}
END_TEST

START_TEST(test_item_find)
{
	struct world w;
	world_open(&w);
	const struct item_type *ut = T(ITEM_UNSEEN), *ct = T(ITEM_COMPONENT), *at = T(ITEM_ACTOR);
	int64_t c1 = fixture_component(w.db, w.s, 1, "Daten");
	int64_t c2 = fixture_component(w.db, w.s, 2, "Cloud");
	int64_t c_other = fixture_component(w.db, w.other, 2, "Verkehr");
	int64_t u1 = fixture_unseen(w.db, w.s, "Datenverlust", c1);
	int64_t u2 = fixture_unseen(w.db, w.s, "Lock-in", 0);
	int64_t u3 = fixture_unseen(w.db, w.s, "Lock-in", 0);
	int64_t u_other = fixture_unseen(w.db, w.other, "Stau", 0);
	int64_t id = 0;
	char key[32];

	/* components by number, then name */
	ck_assert_int_eq(item_find(w.db, ct, w.s, "2", &id), STATUS_OK);
	ck_assert_int_eq(id, c2);
	ck_assert_int_eq(item_find(w.db, ct, w.other, "2", &id), STATUS_OK);
	ck_assert_int_eq(id, c_other);
	ck_assert_int_eq(item_find(w.db, ct, w.s, "Daten", &id), STATUS_OK);
	ck_assert_int_eq(id, c1);
	ck_assert_int_eq(item_find(w.db, ct, w.s, "7", &id), STATUS_NOT_FOUND);
	/* actors by letter, then name */
	ck_assert_int_eq(item_find(w.db, at, w.s, "C", &id), STATUS_OK);
	ck_assert_int_eq(id, fixture_actor(w.db, w.s, "C"));
	ck_assert_int_ne(id, fixture_actor(w.db, w.other, "C"));
	ck_assert_int_eq(item_find(w.db, at, w.s, "Staatliche Institutionen", &id), STATUS_OK);
	ck_assert_int_eq(id, fixture_actor(w.db, w.s, "E"));
	/* unseens by id, then title */
	snprintf(key, sizeof key, "%lld", (long long)u2);
	ck_assert_int_eq(item_find(w.db, ut, w.s, key, &id), STATUS_OK);
	ck_assert_int_eq(id, u2);
	ck_assert_int_eq(item_find(w.db, ut, w.s, "Datenverlust", &id), STATUS_OK);
	ck_assert_int_eq(id, u1);
	/* an id of another session is not found there */
	snprintf(key, sizeof key, "%lld", (long long)u_other);
	ck_assert_int_eq(item_find(w.db, ut, w.s, key, &id), STATUS_NOT_FOUND);
	ck_assert_int_eq(item_find(w.db, ut, w.other, key, &id), STATUS_OK);
	ck_assert_int_eq(item_find(w.db, ut, w.s, "Stau", &id), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(w.db), "Stau"));
	/* two with one title: ambiguous, and said so */
	ck_assert_int_eq(item_find(w.db, ut, w.s, "Lock-in", &id), STATUS_CONFLICT);
	ck_assert(fixture_contains(db_error(w.db), "Lock-in"));
	ck_assert_int_eq(item_delete(w.db, ut, u2), STATUS_OK);
	ck_assert_int_eq(item_find(w.db, ut, w.s, "Lock-in", &id), STATUS_OK);
	ck_assert_int_eq(id, u3);
	/* sessions by number and title */
	snprintf(key, sizeof key, "%lld", (long long)w.other);
	ck_assert_int_eq(session_find(w.db, key, &id), STATUS_OK);
	ck_assert_int_eq(id, w.other);
	ck_assert_int_eq(session_find(w.db, "KMU-Workshop", &id), STATUS_OK);
	ck_assert_int_eq(id, w.s);
	ck_assert_int_eq(session_find(w.db, "Gibt es nicht", &id), STATUS_NOT_FOUND);
	world_close(&w);
}
END_TEST

/* Parses VALUE into FIELD of ITEM, formats it again and compares. */
static void round_trip(struct db *db, enum item_kind kind, void *item, const char *field,
	const char *value, const char *expect)
{
	const struct item_type *t = T(kind);
	const struct item_field *f = item_field_by_name(t, field);
	char buf[256];
	ck_assert_ptr_nonnull(f);
	ck_assert_msg(item_parse(db, t, item, f, value) == STATUS_OK, "parse %s = \"%s\": %s",
		field, value, db_error(db));
	ck_assert_str_eq(item_format(db, t, item, f, buf, sizeof buf), expect);
}

START_TEST(test_item_parse_format)
{
	struct world w;
	world_open(&w);
	int64_t c2 = fixture_component(w.db, w.s, 2, "Cloud");
	fixture_component(w.db, w.other, 3, "Fremd");
	int64_t g1 = fixture_goal(w.db, w.s, "Ziel eins", 0);
	int64_t g2 = fixture_goal(w.db, w.s, "Ziel zwei", 0);
	const struct item_type *ut = T(ITEM_UNSEEN);
	char key[32], buf[64];

	/* text, with umlauts and quotes; empty clears an optional one */
	struct unseen u = { .session_id = w.s };
	round_trip(w.db, ITEM_UNSEEN, &u, "title", "Abhängigkeit „Cloud“", "Abhängigkeit „Cloud“");
	round_trip(w.db, ITEM_UNSEEN, &u, "description", "Lang", "Lang");
	round_trip(w.db, ITEM_UNSEEN, &u, "description", "", "");
	ck_assert_ptr_null(u.description);
	/* numbers within range; empty unsets; out of range and junk refused */
	round_trip(w.db, ITEM_UNSEEN, &u, "likelihood", "4", "4");
	ck_assert_int_eq(u.likelihood, 4);
	round_trip(w.db, ITEM_UNSEEN, &u, "adaptive_capacity", "5", "5");
	ck_assert_int_eq(u.capacity, 5);
	round_trip(w.db, ITEM_UNSEEN, &u, "impact", "", "");
	ck_assert_int_eq(u.impact, 0);
	round_trip(w.db, ITEM_UNSEEN, &u, "votes", "0", "0");
	round_trip(w.db, ITEM_UNSEEN, &u, "votes", "12", "12");
	const struct item_field *lk = item_field_by_name(ut, "likelihood");
	ASSERT_REFUSED(w.db, item_parse(w.db, ut, &u, lk, "6"), STATUS_INVALID, "Wahrscheinlichkeit");
	ASSERT_REFUSED(w.db, item_parse(w.db, ut, &u, lk, "vier"), STATUS_INVALID, "Wahrscheinlichkeit");
	ASSERT_REFUSED(w.db, item_parse(w.db, ut, &u, lk, "4x"), STATUS_INVALID, "Wahrscheinlichkeit");
	ck_assert_int_eq(u.likelihood, 4);
	/* references by key, written back as the key */
	round_trip(w.db, ITEM_UNSEEN, &u, "component", "2", "2");
	ck_assert_int_eq(u.component_id, c2);
	round_trip(w.db, ITEM_UNSEEN, &u, "component", "Cloud", "2");
	ck_assert_int_eq(item_parse(w.db, ut, &u, item_field_by_name(ut, "component"), "3"),
		STATUS_NOT_FOUND);   /* component 3 is another session's */
	round_trip(w.db, ITEM_UNSEEN, &u, "component", "", "");
	ck_assert_int_eq(u.component_id, 0);
	/* the parsed struct is a valid item */
	ck_assert_int_eq(item_create(w.db, ut, &u), STATUS_OK);
	item_clear(ut, &u);

	struct measure m = { .session_id = w.s };
	round_trip(w.db, ITEM_MEASURE, &m, "text", "Schulungen", "Schulungen");
	round_trip(w.db, ITEM_MEASURE, &m, "actor", "C", "C");
	ck_assert_int_eq(m.actor_id, fixture_actor(w.db, w.s, "C"));
	round_trip(w.db, ITEM_MEASURE, &m, "horizon", "long", "long");
	round_trip(w.db, ITEM_MEASURE, &m, "horizon", "", "");
	ck_assert_ptr_null(m.horizon);
	round_trip(w.db, ITEM_MEASURE, &m, "priority", "1", "1");
	ASSERT_REFUSED(w.db, item_parse(w.db, T(ITEM_MEASURE), &m,
		item_field_by_name(T(ITEM_MEASURE), "priority"), "0"), STATUS_INVALID, "Priorität");
	ck_assert_int_eq(item_create(w.db, T(ITEM_MEASURE), &m), STATUS_OK);
	item_clear(T(ITEM_MEASURE), &m);

	/* a reference without a key column goes by id both ways */
	struct conflict k = { .session_id = w.s };
	snprintf(key, sizeof key, "%lld", (long long)g2);
	round_trip(w.db, ITEM_CONFLICT, &k, "goal_a", key, key);
	ck_assert_int_eq(k.goal_a, g2);
	/* ... and by title when parsed */
	ck_assert_int_eq(item_parse(w.db, T(ITEM_CONFLICT), &k,
		item_field_by_name(T(ITEM_CONFLICT), "goal_b"), "Ziel eins"), STATUS_OK);
	snprintf(key, sizeof key, "%lld", (long long)g1);
	ck_assert_str_eq(item_format(w.db, T(ITEM_CONFLICT), &k,
		item_field_by_name(T(ITEM_CONFLICT), "goal_b"), buf, sizeof buf), key);
	ck_assert_int_eq(k.goal_b, g1);
	item_clear(T(ITEM_CONFLICT), &k);

	struct stakeholder st = { .session_id = w.s };
	round_trip(w.db, ITEM_STAKEHOLDER, &st, "kind", "government", "government");
	item_clear(T(ITEM_STAKEHOLDER), &st);
	struct session s = { .title = NULL };
	round_trip(w.db, ITEM_SESSION, &s, "scale", "2", "2");
	ck_assert_int_eq(item_parse(w.db, T(ITEM_SESSION), &s, item_field_by_name(T(ITEM_SESSION),
		"scale"), "4"), STATUS_INVALID);
	item_clear(T(ITEM_SESSION), &s);
	world_close(&w);
}
END_TEST

/* item.h: item_parse checks "choices against their list". */
START_TEST(test_item_parse_checks_choices)
{
	struct world w;
	world_open(&w);
	struct measure m = { .session_id = w.s, .text = "Text" };
	const struct item_type *mt = T(ITEM_MEASURE);
	ck_assert_int_eq(item_parse(w.db, mt, &m, item_field_by_name(mt, "horizon"), "short"), STATUS_OK);
	ASSERT_REFUSED(w.db, item_parse(w.db, mt, &m, item_field_by_name(mt, "horizon"), "soon"),
		STATUS_INVALID, "Zeithorizont");
	ck_assert_str_eq(m.horizon, "short");
	struct stakeholder st = { .session_id = w.s, .name = "X" };
	const struct item_type *stt = T(ITEM_STAKEHOLDER);
	ASSERT_REFUSED(w.db, item_parse(w.db, stt, &st, item_field_by_name(stt, "kind"), "alien"),
		STATUS_INVALID, "Art");
	free(m.horizon);
	free(st.kind);
	world_close(&w);
}
END_TEST

START_TEST(test_item_risk_vulnerability)
{
	struct unseen u = { .likelihood = 4, .impact = 5, .capacity = 2 };
	ck_assert_int_eq(unseen_risk(&u), 20);
	ck_assert_double_eq_tol(unseen_vulnerability(&u), 16.0, 1e-9);
	u.capacity = 5;
	ck_assert_double_eq_tol(unseen_vulnerability(&u), 4.0, 1e-9);
	u.capacity = 1;
	ck_assert_double_eq_tol(unseen_vulnerability(&u), 20.0, 1e-9);
	u = (struct unseen){ .likelihood = 1, .impact = 1, .capacity = 3 };
	ck_assert_int_eq(unseen_risk(&u), 1);
	ck_assert_double_eq_tol(unseen_vulnerability(&u), 0.6, 1e-9);
	u = (struct unseen){ .likelihood = 5, .impact = 5, .capacity = 1 };
	ck_assert_int_eq(unseen_risk(&u), 25);
	ck_assert_double_eq_tol(unseen_vulnerability(&u), 25.0, 1e-9);
	/* unrated: negative */
	u = (struct unseen){ .likelihood = 0, .impact = 5, .capacity = 2 };
	ck_assert_int_lt(unseen_risk(&u), 0);
	ck_assert(unseen_vulnerability(&u) < 0);
	u = (struct unseen){ .likelihood = 4, .impact = 0, .capacity = 2 };
	ck_assert_int_lt(unseen_risk(&u), 0);
	ck_assert(unseen_vulnerability(&u) < 0);
	u = (struct unseen){ .likelihood = 4, .impact = 5, .capacity = 0 };
	ck_assert_int_eq(unseen_risk(&u), 20);   /* risk needs no capacity */
	ck_assert(unseen_vulnerability(&u) < 0);
}
END_TEST

START_TEST(test_item_links)
{
	struct world w;
	world_open(&w);
	int64_t u1 = fixture_unseen(w.db, w.s, "U1", 0), u2 = fixture_unseen(w.db, w.s, "U2", 0);
	int64_t sh1 = fixture_stakeholder(w.db, w.s, "KMU"), sh2 = fixture_stakeholder(w.db, w.s, "Staat");
	int64_t g1 = fixture_goal(w.db, w.s, "G1", 0), g2 = fixture_goal(w.db, w.s, "G2", 0);
	int64_t m1 = fixture_measure(w.db, w.s, "M1", 0), m2 = fixture_measure(w.db, w.s, "M2", 0);
	int64_t so = fixture_soro(w.db, w.s, "SoRO", 0);
	int64_t u_o = fixture_unseen(w.db, w.other, "U fremd", 0);
	int64_t sh_o = fixture_stakeholder(w.db, w.other, "Fremd");
	int64_t g_o = fixture_goal(w.db, w.other, "G fremd", 0);
	int64_t m_o = fixture_measure(w.db, w.other, "M fremd", 0);
	int64_t so_o = fixture_soro(w.db, w.other, "SoRO fremd", 0);

	struct { enum link_kind kind; int64_t from, a, b, foreign_from, foreign_to; } cases[] = {
		{ LINK_UNSEEN_STAKEHOLDER, u1, sh1, sh2, u_o, sh_o },
		{ LINK_GOAL_UNSEEN, g1, u1, u2, g_o, u_o },
		{ LINK_MEASURE_GOAL, m1, g1, g2, m_o, g_o },
		{ LINK_SORO_UNSEEN, so, u1, u2, so_o, u_o },
		{ LINK_SORO_GOAL, so, g1, g2, so_o, g_o },
		{ LINK_SORO_MEASURE, so, m1, m2, so_o, m_o },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum link_kind k = cases[i].kind;
		const struct link_type *lt = link_type(k);
		int64_t rows = fixture_int(w.db, "SELECT count(*) FROM changelog");
		/* added out of order, listed in id order; twice is once */
		ck_assert_int_eq(link_add(w.db, k, cases[i].from, cases[i].b), STATUS_OK);
		ck_assert_int_eq(link_add(w.db, k, cases[i].from, cases[i].a), STATUS_OK);
		ck_assert_int_eq(link_add(w.db, k, cases[i].from, cases[i].a), STATUS_OK);
		struct ids ids = list_links(w.db, k, cases[i].from);
		ck_assert_msg(ids.n == 2, "%s: %d links", lt->table, ids.n);
		ck_assert_int_eq(ids.v[0], cases[i].a);
		ck_assert_int_eq(ids.v[1], cases[i].b);
		ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM changelog"), rows + 2);
		/* across sessions: refused either way round, nothing written */
		ck_assert_int_eq(link_add(w.db, k, cases[i].from, cases[i].foreign_to), STATUS_NOT_FOUND);
		ck_assert_int_eq(link_add(w.db, k, cases[i].foreign_from, cases[i].a), STATUS_NOT_FOUND);
		ck_assert_int_eq(link_add(w.db, k, cases[i].from, 999999), STATUS_NOT_FOUND);
		ck_assert_int_eq(list_links(w.db, k, cases[i].from).n, 2);
		ck_assert_int_eq(list_links(w.db, k, cases[i].foreign_from).n, 0);
		/* remove one */
		ck_assert_int_eq(link_remove(w.db, k, cases[i].from, cases[i].a), STATUS_OK);
		ids = list_links(w.db, k, cases[i].from);
		ck_assert_int_eq(ids.n, 1);
		ck_assert_int_eq(ids.v[0], cases[i].b);
	}
	/* deleting an item deletes its links, both ways */
	ck_assert_int_eq(item_delete(w.db, T(ITEM_STAKEHOLDER), sh2), STATUS_OK);
	ck_assert_int_eq(list_links(w.db, LINK_UNSEEN_STAKEHOLDER, u1).n, 0);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_GOAL), g1), STATUS_OK);
	ck_assert_int_eq(list_links(w.db, LINK_GOAL_UNSEEN, g1).n, 0);
	ck_assert_int_eq(list_links(w.db, LINK_SORO_GOAL, so).n, 1);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_SORO), so), STATUS_OK);
	ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM soro_unseen") +
		fixture_int(w.db, "SELECT count(*) FROM soro_goal") +
		fixture_int(w.db, "SELECT count(*) FROM soro_measure"), 0);
	ck_assert_int_eq(list_links(w.db, LINK_MEASURE_GOAL, m1).n, 1);
	world_close(&w);
}
END_TEST

START_TEST(test_item_delete_removes_codings)
{
	struct world w;
	world_open(&w);
	static const char *const lines[] = { "eins", "zwei", "drei" };
	int64_t u = fixture_unseen(w.db, w.s, "Unseen", 0);
	int64_t keep = fixture_unseen(w.db, w.s, "Bleibt", 0);
	int64_t doc = fixture_document(w.db, w.s, "Protokoll", 0, "sha-1", lines, 3);
	fixture_coding(w.db, w.s, doc, 1, 2, fixture_item_code(w.db, "unseen", u), "anna");
	fixture_coding(w.db, w.s, doc, 3, 3, fixture_item_code(w.db, "unseen", u), "ben");
	fixture_coding(w.db, w.s, doc, 2, 3, fixture_item_code(w.db, "unseen", keep), "anna");
	ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM coding"), 3);
	ck_assert_int_eq(item_delete(w.db, T(ITEM_UNSEEN), u), STATUS_OK);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM code WHERE type = 'unseen' AND"
		" item_id = ?1", u), 0);
	ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM coding"), 1);
	ck_assert_int_eq(fixture_int1(w.db, "SELECT count(*) FROM coding WHERE code_id = ?1",
		fixture_item_code(w.db, "unseen", keep)), 1);
	/* coders stay: they are shared by all sessions */
	ck_assert_int_eq(fixture_int(w.db, "SELECT count(*) FROM coder"), 2);
	world_close(&w);
}
END_TEST

extern Suite *item_suite(void);
Suite *item_suite(void)
{
	Suite *s = suite_create("item");
	TCase *crud = tcase_create("crud");
	tcase_add_unchecked_fixture(crud, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(crud, test_item_types);
	tcase_add_test(crud, test_item_session_crud);
	tcase_add_test(crud, test_item_component_crud);
	tcase_add_test(crud, test_item_stakeholder_crud);
	tcase_add_test(crud, test_item_stakeholder_without_kind);
	tcase_add_test(crud, test_item_actor_crud);
	tcase_add_test(crud, test_item_unseen_crud);
	tcase_add_test(crud, test_item_variable_crud);
	tcase_add_test(crud, test_item_goal_conflict_crud);
	tcase_add_test(crud, test_item_measure_soro_crud);
	tcase_add_test(crud, test_item_list_stops);
	tcase_add_test(crud, test_item_delete_removes_codings);
	suite_add_tcase(s, crud);
	TCase *valid = tcase_create("validation");
	tcase_add_unchecked_fixture(valid, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(valid, test_item_unseen_ratings);
	tcase_add_test(valid, test_item_impact_scale);
	tcase_add_test(valid, test_item_impact_changes_since);
	tcase_add_test(valid, test_item_refusals);
	tcase_add_test(valid, test_item_update_checks_row_session);
	suite_add_tcase(s, valid);
	TCase *find = tcase_create("find-parse");
	tcase_add_unchecked_fixture(find, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(find, test_item_find);
	tcase_add_test(find, test_item_parse_format);
	tcase_add_test(find, test_item_parse_checks_choices);
	tcase_add_test(find, test_item_risk_vulnerability);
	suite_add_tcase(s, find);
	TCase *links = tcase_create("links");
	tcase_add_unchecked_fixture(links, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(links, test_item_links);
	suite_add_tcase(s, links);
	return s;
}
