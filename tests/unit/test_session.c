/* model/session: create with the actor groups, list with counts, deep
 * copy, delete with everything that belongs to a session. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/hinge.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/search.h"
#include "model/session.h"
#include "model/demo.h"
#include "model/tables.h"

#define T(kind) item_type(kind)

/* Every table that holds a session's data, with the SQL that counts the
 * rows of session ?1 in it. */
static const struct { const char *table, *count; } session_tables[] = {
	{ "component", "SELECT count(*) FROM component WHERE session_id = ?1" },
	{ "stakeholder", "SELECT count(*) FROM stakeholder WHERE session_id = ?1" },
	{ "actor", "SELECT count(*) FROM actor WHERE session_id = ?1" },
	{ "unseen", "SELECT count(*) FROM unseen WHERE session_id = ?1" },
	{ "unseen_stakeholder", "SELECT count(*) FROM unseen_stakeholder l JOIN unseen u"
		" ON u.id = l.unseen_id WHERE u.session_id = ?1" },
	{ "variable", "SELECT count(*) FROM variable WHERE session_id = ?1" },
	{ "impact", "SELECT count(*) FROM impact i JOIN variable v ON v.id = i.from_id"
		" WHERE v.session_id = ?1" },
	{ "goal", "SELECT count(*) FROM goal WHERE session_id = ?1" },
	{ "goal_unseen", "SELECT count(*) FROM goal_unseen l JOIN goal g ON g.id = l.goal_id"
		" WHERE g.session_id = ?1" },
	{ "conflict", "SELECT count(*) FROM conflict WHERE session_id = ?1" },
	{ "measure", "SELECT count(*) FROM measure WHERE session_id = ?1" },
	{ "measure_goal", "SELECT count(*) FROM measure_goal l JOIN measure m ON m.id = l.measure_id"
		" WHERE m.session_id = ?1" },
	{ "soro", "SELECT count(*) FROM soro WHERE session_id = ?1" },
	{ "soro_unseen", "SELECT count(*) FROM soro_unseen l JOIN soro s ON s.id = l.soro_id"
		" WHERE s.session_id = ?1" },
	{ "soro_goal", "SELECT count(*) FROM soro_goal l JOIN soro s ON s.id = l.soro_id"
		" WHERE s.session_id = ?1" },
	{ "soro_measure", "SELECT count(*) FROM soro_measure l JOIN soro s ON s.id = l.soro_id"
		" WHERE s.session_id = ?1" },
	{ "document", "SELECT count(*) FROM document WHERE session_id = ?1" },
	{ "line", "SELECT count(*) FROM line l JOIN document d ON d.id = l.document_id"
		" WHERE d.session_id = ?1" },
	{ "code", "SELECT count(*) FROM code WHERE session_id = ?1" },
	{ "free code", "SELECT count(*) FROM code WHERE session_id = ?1 AND type = 'free'" },
	{ "free code with parent", "SELECT count(*) FROM code WHERE session_id = ?1"
		" AND parent_id IS NOT NULL" },
	{ "coding", "SELECT count(*) FROM coding WHERE session_id = ?1" },
	/* references that are set, so that a copy that drops one shows */
	{ "unseen.component", "SELECT count(*) FROM unseen WHERE session_id = ?1"
		" AND component_id IS NOT NULL" },
	{ "goal.component", "SELECT count(*) FROM goal WHERE session_id = ?1"
		" AND component_id IS NOT NULL" },
	{ "soro.component", "SELECT count(*) FROM soro WHERE session_id = ?1"
		" AND component_id IS NOT NULL" },
	{ "measure.actor", "SELECT count(*) FROM measure WHERE session_id = ?1"
		" AND actor_id IS NOT NULL" },
	{ "document.component", "SELECT count(*) FROM document WHERE session_id = ?1"
		" AND component_id IS NOT NULL" },
};
#define NTABLES (sizeof session_tables / sizeof session_tables[0])

/* Whole tables, for what must be gone after a delete. */
static const char *const all_tables[] = {
	"component", "stakeholder", "actor", "unseen", "unseen_stakeholder", "variable", "impact",
	"goal", "goal_unseen", "conflict", "measure", "measure_goal", "soro", "soro_unseen",
	"soro_goal", "soro_measure", "document", "line", "code", "coding",
};
#define NALL (sizeof all_tables / sizeof all_tables[0])

/* References of session ?1 that point into another session (or nowhere):
 * each query must count 0. */
static const char *const bad_refs[] = {
	"SELECT count(*) FROM unseen u LEFT JOIN component c ON c.id = u.component_id"
	" WHERE u.session_id = ?1 AND u.component_id IS NOT NULL AND c.session_id IS NOT ?1",
	"SELECT count(*) FROM goal g LEFT JOIN component c ON c.id = g.component_id"
	" WHERE g.session_id = ?1 AND g.component_id IS NOT NULL AND c.session_id IS NOT ?1",
	"SELECT count(*) FROM soro s LEFT JOIN component c ON c.id = s.component_id"
	" WHERE s.session_id = ?1 AND s.component_id IS NOT NULL AND c.session_id IS NOT ?1",
	"SELECT count(*) FROM document d LEFT JOIN component c ON c.id = d.component_id"
	" WHERE d.session_id = ?1 AND d.component_id IS NOT NULL AND c.session_id IS NOT ?1",
	"SELECT count(*) FROM measure m LEFT JOIN actor a ON a.id = m.actor_id"
	" WHERE m.session_id = ?1 AND m.actor_id IS NOT NULL AND a.session_id IS NOT ?1",
	"SELECT count(*) FROM conflict k JOIN goal a ON a.id = k.goal_a JOIN goal b ON b.id = k.goal_b"
	" WHERE k.session_id = ?1 AND (a.session_id <> ?1 OR b.session_id <> ?1)",
	"SELECT count(*) FROM unseen_stakeholder l JOIN unseen u ON u.id = l.unseen_id"
	" JOIN stakeholder s ON s.id = l.stakeholder_id"
	" WHERE (u.session_id = ?1) <> (s.session_id = ?1)",
	"SELECT count(*) FROM impact i JOIN variable a ON a.id = i.from_id"
	" JOIN variable b ON b.id = i.to_id WHERE (a.session_id = ?1) <> (b.session_id = ?1)",
	"SELECT count(*) FROM goal_unseen l JOIN goal g ON g.id = l.goal_id"
	" JOIN unseen u ON u.id = l.unseen_id WHERE (g.session_id = ?1) <> (u.session_id = ?1)",
	"SELECT count(*) FROM measure_goal l JOIN measure m ON m.id = l.measure_id"
	" JOIN goal g ON g.id = l.goal_id WHERE (m.session_id = ?1) <> (g.session_id = ?1)",
	"SELECT count(*) FROM soro_unseen l JOIN soro s ON s.id = l.soro_id"
	" JOIN unseen u ON u.id = l.unseen_id WHERE (s.session_id = ?1) <> (u.session_id = ?1)",
	"SELECT count(*) FROM soro_goal l JOIN soro s ON s.id = l.soro_id"
	" JOIN goal g ON g.id = l.goal_id WHERE (s.session_id = ?1) <> (g.session_id = ?1)",
	"SELECT count(*) FROM soro_measure l JOIN soro s ON s.id = l.soro_id"
	" JOIN measure m ON m.id = l.measure_id WHERE (s.session_id = ?1) <> (m.session_id = ?1)",
	"SELECT count(*) FROM code c WHERE c.session_id = ?1 AND c.type <> 'free' AND"
	" CASE c.type"
	"  WHEN 'unseen' THEN (SELECT session_id FROM unseen WHERE id = c.item_id)"
	"  WHEN 'goal' THEN (SELECT session_id FROM goal WHERE id = c.item_id)"
	"  WHEN 'measure' THEN (SELECT session_id FROM measure WHERE id = c.item_id)"
	"  WHEN 'soro' THEN (SELECT session_id FROM soro WHERE id = c.item_id)"
	"  WHEN 'stakeholder' THEN (SELECT session_id FROM stakeholder WHERE id = c.item_id)"
	"  WHEN 'variable' THEN (SELECT session_id FROM variable WHERE id = c.item_id)"
	" END IS NOT ?1",
	"SELECT count(*) FROM code c LEFT JOIN code p ON p.id = c.parent_id"
	" WHERE c.session_id = ?1 AND c.parent_id IS NOT NULL AND p.session_id IS NOT ?1",
	"SELECT count(*) FROM coding g LEFT JOIN code c ON c.id = g.code_id"
	" WHERE g.session_id = ?1 AND c.session_id IS NOT ?1",
	"SELECT count(*) FROM coding g LEFT JOIN document d ON d.id = g.document_id"
	" WHERE g.session_id = ?1 AND (d.session_id IS NOT ?1 OR g.last_line > d.line_count)",
	/* every item that is a code has exactly one */
	"SELECT (SELECT count(*) FROM unseen WHERE session_id = ?1) +"
	" (SELECT count(*) FROM goal WHERE session_id = ?1) +"
	" (SELECT count(*) FROM measure WHERE session_id = ?1) +"
	" (SELECT count(*) FROM soro WHERE session_id = ?1) +"
	" (SELECT count(*) FROM stakeholder WHERE session_id = ?1) +"
	" (SELECT count(*) FROM variable WHERE session_id = ?1) -"
	" (SELECT count(*) FROM code WHERE session_id = ?1 AND type <> 'free')",
};

static void table_counts(struct db *db, int64_t session, int64_t counts[NTABLES])
{
	for (size_t i = 0; i < NTABLES; i++)
		counts[i] = fixture_int1(db, session_tables[i].count, session);
}

static void assert_no_bad_refs(struct db *db, int64_t session)
{
	for (size_t i = 0; i < sizeof bad_refs / sizeof bad_refs[0]; i++) {
		int64_t n = fixture_int1(db, bad_refs[i], session);
		ck_assert_msg(n == 0, "session %lld: %lld bad references in: %s", (long long)session,
			(long long)n, bad_refs[i]);
	}
}

/* A session with something in every table. */
struct rich {
	int64_t s, c1, c2, sh1, sh2, u1, u2, u3, v1, v2, v3, g1, g2, m1, m2, so;
	int64_t d1, d2, daten, eigentum, zugang;
};

static void link(struct db *db, enum link_kind kind, int64_t from, int64_t to)
{
	ck_assert_msg(link_add(db, kind, from, to) == STATUS_OK, "link_add: %s", db_error(db));
}

static int64_t free_code(struct db *db, int64_t s, const char *name, int64_t parent)
{
	int64_t id = 0;
	enum status rc = code_create_free(db, s, name, parent, "#c04000", "Definition", &id);
	ck_assert_msg(rc == STATUS_OK, "code_create_free %s: %s", name, db_error(db));
	return id;
}

static struct rich build_rich(struct db *db, const char *title, const char *date, const char *sha)
{
	static const char *const lines1[] = {
		"Die KMU fürchten den Verlust ihrer Daten.",
		"Cloud-Anbieter setzen proprietäre Formate ein.",
		"Wem gehören die Maschinendaten?",
		"„Das ist völlig ungeklärt“, sagte Frau Müller.",
	};
	static const char *const lines2[] = { "Ziel: Datensouveränität.", "Der Staat soll helfen." };
	char sha2[64];
	struct rich r;
	struct session sess = { .title = (char *)title, .date = (char *)date, .place = "Berlin",
		.question = "Wie können KMU sich anpassen?", .scale = 2 };
	ck_assert_int_eq(session_create(db, &sess), STATUS_OK);
	r.s = sess.id;
	r.c1 = fixture_component(db, r.s, 1, "IoT und Daten");
	r.c2 = fixture_component(db, r.s, 2, "Cloud");
	r.sh1 = fixture_stakeholder(db, r.s, "KMU");
	r.sh2 = fixture_stakeholder(db, r.s, "Staat");
	struct unseen u = { .session_id = r.s, .title = "Datenverlust", .component_id = r.c1,
		.likelihood = 4, .impact = 5, .capacity = 2, .votes = 3, .causes = "Ursache" };
	ck_assert_int_eq(item_create(db, T(ITEM_UNSEEN), &u), STATUS_OK);
	r.u1 = u.id;
	r.u2 = fixture_unseen(db, r.s, "Lock-in", r.c2);
	r.u3 = fixture_unseen(db, r.s, "Fachkräftemangel", 0);
	link(db, LINK_UNSEEN_STAKEHOLDER, r.u1, r.sh1);
	link(db, LINK_UNSEEN_STAKEHOLDER, r.u1, r.sh2);
	link(db, LINK_UNSEEN_STAKEHOLDER, r.u2, r.sh1);
	r.v1 = fixture_variable(db, r.s, "Digitalisierungsgrad");
	r.v2 = fixture_variable(db, r.s, "Datensouveränität");
	r.v3 = fixture_variable(db, r.s, "Fachkräfte");
	ck_assert_int_eq(impact_set(db, r.v1, r.v2, 2, "stark"), STATUS_OK);
	ck_assert_int_eq(impact_set(db, r.v2, r.v3, 0, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(db, r.v3, r.v1, 1, NULL), STATUS_OK);
	r.g1 = fixture_goal(db, r.s, "KMU behalten die Kontrolle über ihre Daten", r.c1);
	r.g2 = fixture_goal(db, r.s, "Mit Wettbewerbern kooperieren", r.c2);
	link(db, LINK_GOAL_UNSEEN, r.g1, r.u1);
	link(db, LINK_GOAL_UNSEEN, r.g2, r.u2);
	struct conflict k = { .session_id = r.s, .goal_a = r.g1, .goal_b = r.g2,
		.description = "Schutz gegen Kooperation" };
	ck_assert_int_eq(item_create(db, T(ITEM_CONFLICT), &k), STATUS_OK);
	r.m1 = fixture_measure(db, r.s, "Schulungen", fixture_actor(db, r.s, "B"));
	r.m2 = fixture_measure(db, r.s, "Förderprogramm", fixture_actor(db, r.s, "E"));
	link(db, LINK_MEASURE_GOAL, r.m1, r.g1);
	link(db, LINK_MEASURE_GOAL, r.m2, r.g1);
	link(db, LINK_MEASURE_GOAL, r.m2, r.g2);
	r.so = fixture_soro(db, r.s, "KMU sichern ihre Daten durch offene Formate.", r.c1);
	link(db, LINK_SORO_UNSEEN, r.so, r.u1);
	link(db, LINK_SORO_GOAL, r.so, r.g1);
	link(db, LINK_SORO_MEASURE, r.so, r.m1);
	r.d1 = fixture_document(db, r.s, "Protokoll UG1", r.c1, sha, lines1, 4);
	snprintf(sha2, sizeof sha2, "%s-2", sha);
	r.d2 = fixture_document(db, r.s, "Protokoll UG2", 0, sha2, lines2, 2);
	r.daten = free_code(db, r.s, "Daten", 0);
	r.eigentum = free_code(db, r.s, "Eigentum", r.daten);
	r.zugang = free_code(db, r.s, "Zugang", r.daten);
	free_code(db, r.s, "Vertrauen", 0);
	fixture_coding(db, r.s, r.d1, 1, 2, fixture_item_code(db, "unseen", r.u1), "anna");
	fixture_coding(db, r.s, r.d1, 3, 4, r.eigentum, "ben");
	fixture_coding(db, r.s, r.d2, 1, 1, fixture_item_code(db, "goal", r.g1), "anna");
	fixture_coding(db, r.s, r.d2, 2, 2, fixture_item_code(db, "stakeholder", r.sh2), "ben");
	fixture_coding(db, r.s, r.d1, 2, 2, fixture_item_code(db, "variable", r.v1), "anna");
	fixture_coding(db, r.s, r.d1, 1, 4, fixture_item_code(db, "measure", r.m1), "anna");
	fixture_coding(db, r.s, r.d2, 1, 2, fixture_item_code(db, "soro", r.so), "anna");
	return r;
}

START_TEST(test_session_create)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	static const char *const letters[] = { "A", "B", "C", "D", "E", "F", "G" };
	struct session s = { .title = "KMU" };
	ck_assert_int_eq(session_create(db, &s), STATUS_OK);
	ck_assert_int_gt(s.id, 0);
	ck_assert_int_eq(s.scale, 3);
	struct session r;
	ck_assert_int_eq(item_read(db, T(ITEM_SESSION), s.id, &r), STATUS_OK);
	ck_assert_int_eq(r.scale, 3);
	item_clear(T(ITEM_SESSION), &r);
	for (size_t i = 0; i < 7; i++) {
		struct actor a;
		ck_assert_int_eq(item_read(db, T(ITEM_ACTOR), fixture_actor(db, s.id, letters[i]), &a),
			STATUS_OK);
		ck_assert_str_eq(a.letter, letters[i]);
		ck_assert(a.name[0] != '\0');
		if (i == 0)
			ck_assert_str_eq(a.name, "KMU allgemein");
		if (i == 5)
			ck_assert_str_eq(a.name, "IT-Anbieter und Dienstleister");
		item_clear(T(ITEM_ACTOR), &a);
	}
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM actor WHERE session_id = ?1", s.id), 7);

	struct session two = { .title = "Skala 2", .scale = 2 };
	ck_assert_int_eq(session_create(db, &two), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT scale FROM session WHERE id = ?1", two.id), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM actor WHERE session_id = ?1", two.id), 7);

	/* refused: no actors either */
	struct session bad = { .title = "" };
	ck_assert_int_eq(session_create(db, &bad), STATUS_INVALID);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 2);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM actor"), 14);
	fixture_close(db, path);
}
END_TEST

struct summaries {
	int n;
	struct session_summary v[8];
	char titles[8][64];
};

static int collect_summary(void *ctx, const struct session_summary *sum)
{
	struct summaries *all = ctx;
	if (all->n < 8) {
		all->v[all->n] = *sum;
		snprintf(all->titles[all->n], sizeof all->titles[0], "%s", sum->title);
		all->v[all->n].title = all->titles[all->n];
		all->v[all->n].date = NULL;
		all->v[all->n].modified = NULL;
		all->n++;
	}
	return 0;
}

START_TEST(test_session_list)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	struct rich a = build_rich(db, "Älter", "2020-03-05", "sha-a");
	struct rich b = build_rich(db, "Neuer", "2021-01-10", "sha-b");
	int64_t empty = fixture_session(db, "Ohne Datum");
	fixture_unseen(db, b.s, "Noch eins", 0);

	struct summaries all = { .n = 0 };
	ck_assert_int_eq(session_list(db, collect_summary, &all), STATUS_OK);
	ck_assert_int_eq(all.n, 3);
	/* newest date first, no date last */
	ck_assert_int_eq(all.v[0].id, b.s);
	ck_assert_int_eq(all.v[1].id, a.s);
	ck_assert_int_eq(all.v[2].id, empty);
	ck_assert_str_eq(all.v[0].title, "Neuer");
	ck_assert_int_eq(all.v[0].components, 2);
	ck_assert_int_eq(all.v[0].unseens, 4);
	ck_assert_int_eq(all.v[1].unseens, 3);
	ck_assert_int_eq(all.v[1].goals, 2);
	ck_assert_int_eq(all.v[1].measures, 2);
	ck_assert_int_eq(all.v[1].documents, 2);
	ck_assert_int_eq(all.v[1].codings, 7);
	ck_assert_int_eq(all.v[2].components + all.v[2].unseens + all.v[2].goals +
		all.v[2].measures + all.v[2].documents + all.v[2].codings, 0);

	struct summaries one = { .n = 0 };
	ck_assert_int_eq(session_summary(db, a.s, collect_summary, &one), STATUS_OK);
	ck_assert_int_eq(one.n, 1);
	ck_assert_int_eq(one.v[0].id, a.s);
	ck_assert_int_eq(one.v[0].codings, 7);
	ck_assert_str_eq(one.v[0].title, "Älter");
	fixture_close(db, path);
}
END_TEST

/* Hinge rows as text, to compare a session with its copy. */
struct hinge_text {
	char text[8192];
	size_t len;
};

static int hinge_to_text(void *ctx, const struct hinge_row *row)
{
	struct hinge_text *h = ctx;
	int n = snprintf(h->text + h->len, sizeof h->text - h->len, "%s|%s|%s|%s|%s|%lld-%lld|%s|%s\n",
		row->component, row->code_type, row->code_path, row->code, row->document,
		(long long)row->first_line, (long long)row->last_line, row->quote, row->coder);
	if (n > 0 && (size_t)n < sizeof h->text - h->len)
		h->len += (size_t)n;
	return 0;
}

static void hinge_text(struct db *db, int64_t s, struct hinge_text *h)
{
	h->len = 0;
	h->text[0] = '\0';
	ck_assert_int_eq(hinge_list(db, s, NULL, hinge_to_text, h), STATUS_OK);
}

static void assert_same_matrix(struct db *db, int64_t a, int64_t b)
{
	struct impact_matrix ma, mb;
	ck_assert_int_eq(impact_matrix_load(db, a, &ma), STATUS_OK);
	ck_assert_int_eq(impact_matrix_load(db, b, &mb), STATUS_OK);
	ck_assert_uint_eq(ma.n, mb.n);
	ck_assert_int_eq(ma.scale, mb.scale);
	for (size_t i = 0; i < ma.n; i++) {
		ck_assert_str_eq(ma.names[i], mb.names[i]);
		ck_assert_int_ne(ma.ids[i], mb.ids[i]);
	}
	for (size_t i = 0; i < ma.n * ma.n; i++)
		ck_assert_int_eq(ma.cells[i], mb.cells[i]);
	impact_matrix_free(&ma);
	impact_matrix_free(&mb);
}

static void assert_same_counts(struct db *db, int64_t a, int64_t b)
{
	int64_t ca[NTABLES], cb[NTABLES];
	table_counts(db, a, ca);
	table_counts(db, b, cb);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_msg(ca[i] == cb[i], "%s: %lld rows, copy %lld", session_tables[i].table,
			(long long)ca[i], (long long)cb[i]);
}

static int count_hits(void *ctx, const struct search_hit *hit)
{
	(void)hit;
	(*(int *)ctx)++;
	return 0;
}

/* Hits of QUERY in session S. */
static int search_hits(struct db *db, int64_t s, const char *query)
{
	int n = 0;
	ck_assert_int_eq(search_run(db, s, query, count_hits, &n), STATUS_OK);
	return n;
}

START_TEST(test_session_duplicate)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	struct rich a = build_rich(db, "KMU", "2020-03-05", "sha-a");
	/* another session in between, and more of A after it: the ids of A
	 * are not one block */
	struct rich other = build_rich(db, "Mobilität", "2020-04-01", "sha-o");
	int64_t late = fixture_unseen(db, a.s, "Spät", a.c2);
	link(db, LINK_UNSEEN_STAKEHOLDER, late, a.sh2);
	int64_t late_code = free_code(db, a.s, "Spät", a.zugang);
	fixture_coding(db, a.s, a.d2, 2, 2, late_code, "carla");

	int64_t counts[NTABLES];
	table_counts(db, a.s, counts);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_msg(counts[i] > 0, "the test session has no %s", session_tables[i].table);
	int64_t other_counts[NTABLES];
	table_counts(db, other.s, other_counts);
	struct hinge_text before;
	hinge_text(db, a.s, &before);

	int64_t copy = 0;
	ck_assert_int_eq(session_duplicate(db, a.s, NULL, &copy), STATUS_OK);
	ck_assert_int_gt(copy, 0);
	ck_assert_int_ne(copy, a.s);
	struct session sc;
	ck_assert_int_eq(item_read(db, T(ITEM_SESSION), copy, &sc), STATUS_OK);
	ck_assert_str_eq(sc.title, "KMU (Kopie)");
	ck_assert_str_eq(sc.place, "Berlin");
	ck_assert_str_eq(sc.date, "2020-03-05");
	ck_assert_str_eq(sc.question, "Wie können KMU sich anpassen?");
	ck_assert_int_eq(sc.scale, 2);
	item_clear(T(ITEM_SESSION), &sc);

	/* the same number of rows everywhere, every reference inside */
	assert_same_counts(db, a.s, copy);
	assert_no_bad_refs(db, copy);
	assert_no_bad_refs(db, a.s);
	assert_no_bad_refs(db, other.s);
	int64_t now[NTABLES];
	table_counts(db, other.s, now);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_int_eq(now[i], other_counts[i]);
	assert_same_matrix(db, a.s, copy);

	/* a few values */
	int64_t u = 0, c = 0;
	ck_assert_int_eq(item_find(db, T(ITEM_UNSEEN), copy, "Datenverlust", &u), STATUS_OK);
	ck_assert_int_ne(u, a.u1);
	struct unseen ur;
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), u, &ur), STATUS_OK);
	ck_assert_int_eq(ur.session_id, copy);
	ck_assert_int_eq(ur.likelihood, 4);
	ck_assert_int_eq(ur.impact, 5);
	ck_assert_int_eq(ur.capacity, 2);
	ck_assert_int_eq(ur.votes, 3);
	ck_assert_str_eq(ur.causes, "Ursache");
	ck_assert_int_eq(item_find(db, T(ITEM_COMPONENT), copy, "1", &c), STATUS_OK);
	ck_assert_int_eq(ur.component_id, c);
	ck_assert_int_ne(c, a.c1);
	item_clear(T(ITEM_UNSEEN), &ur);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen_stakeholder WHERE unseen_id = ?1",
		u), 2);
	int64_t code = 0;
	ck_assert_int_eq(code_find(db, copy, "Daten/Zugang/Spät", &code), STATUS_OK);
	ck_assert_int_ne(code, late_code);
	ck_assert_int_eq(fixture_int1(db, "SELECT session_id FROM code WHERE id = ?1", code), copy);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE code_id = ?1", code), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT session_id FROM coding WHERE code_id = ?1", code), copy);

	/* the copy is searchable: its lines and its items */
	ck_assert_int_eq(search_hits(db, copy, "Maschinendaten"), 1);
	ck_assert_int_eq(search_hits(db, copy, "Fachkräftemangel"), 1);
	ck_assert_int_eq(search_hits(db, a.s, "Maschinendaten"), 1);

	/* the hinge table reads the same, quotes included */
	struct hinge_text h;
	hinge_text(db, copy, &h);
	ck_assert_uint_gt(h.len, 0);
	ck_assert_str_eq(h.text, before.text);

	/* editing the copy leaves the original alone */
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), u, &ur), STATUS_OK);
	free(ur.title);
	ur.title = strdup("Datenverlust (geändert)");
	ur.likelihood = 1;
	ck_assert_int_eq(item_update(db, T(ITEM_UNSEEN), &ur), STATUS_OK);
	item_clear(T(ITEM_UNSEEN), &ur);
	int64_t g = 0;
	ck_assert_int_eq(item_find(db, T(ITEM_GOAL), copy, "Mit Wettbewerbern kooperieren", &g), STATUS_OK);
	ck_assert_int_eq(item_delete(db, T(ITEM_GOAL), g), STATUS_OK);
	ck_assert_int_eq(link_remove(db, LINK_UNSEEN_STAKEHOLDER, u, fixture_int1(db,
		"SELECT min(stakeholder_id) FROM unseen_stakeholder WHERE unseen_id = ?1", u)), STATUS_OK);
	fixture_component(db, copy, 3, "Neu in der Kopie");
	ck_assert_int_eq(item_read(db, T(ITEM_UNSEEN), a.u1, &ur), STATUS_OK);
	ck_assert_str_eq(ur.title, "Datenverlust");
	ck_assert_int_eq(ur.likelihood, 4);
	item_clear(T(ITEM_UNSEEN), &ur);
	int64_t after[NTABLES];
	table_counts(db, a.s, after);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_msg(after[i] == counts[i], "%s of the original changed", session_tables[i].table);
	hinge_text(db, a.s, &h);
	ck_assert_str_eq(h.text, before.text);

	/* and deleting the original leaves the copy whole */
	int64_t copy_counts[NTABLES];
	table_counts(db, copy, copy_counts);
	ck_assert_int_eq(session_delete(db, a.s), STATUS_OK);
	table_counts(db, copy, now);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_int_eq(now[i], copy_counts[i]);
	assert_no_bad_refs(db, copy);

	/* a copy of the copy, with a title of its own */
	int64_t copy2 = 0;
	ck_assert_int_eq(session_duplicate(db, copy, "Zweite Kopie", &copy2), STATUS_OK);
	assert_same_counts(db, copy, copy2);
	assert_no_bad_refs(db, copy2);
	ck_assert_int_eq(session_find(db, "Zweite Kopie", &g), STATUS_OK);
	ck_assert_int_eq(g, copy2);

	ck_assert_int_eq(session_duplicate(db, 999999, NULL, &copy2), STATUS_NOT_FOUND);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_session_delete)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	struct rich a = build_rich(db, "KMU", "2020-03-05", "same-sha");
	struct rich b = build_rich(db, "Mobilität", "2020-04-01", "same-sha");
	int64_t b_counts[NTABLES];
	table_counts(db, b.s, b_counts);
	struct hinge_text before;
	hinge_text(db, b.s, &before);
	int64_t coders = fixture_int(db, "SELECT count(*) FROM coder");
	int64_t logged = fixture_int(db, "SELECT count(*) FROM changelog");

	ck_assert_int_eq(session_delete(db, a.s), STATUS_OK);
	struct session r;
	ck_assert_int_eq(item_read(db, T(ITEM_SESSION), a.s, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 1);
	/* nothing of A is left anywhere: every table holds B's rows only */
	for (size_t i = 0; i < NALL; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", all_tables[i]);
		int64_t total = fixture_int(db, sql);
		int64_t of_b = -1;
		for (size_t j = 0; j < NTABLES; j++)
			if (strcmp(session_tables[j].table, all_tables[i]) == 0)
				of_b = b_counts[j];
		ck_assert_msg(total == of_b, "%s: %lld rows left, session B has %lld", all_tables[i],
			(long long)total, (long long)of_b);
	}
	int64_t now[NTABLES];
	table_counts(db, b.s, now);
	for (size_t i = 0; i < NTABLES; i++)
		ck_assert_int_eq(now[i], b_counts[i]);
	assert_no_bad_refs(db, b.s);
	struct hinge_text h;
	hinge_text(db, b.s, &h);
	ck_assert_str_eq(h.text, before.text);
	/* the search index forgets A and still knows B */
	ck_assert_int_eq(search_hits(db, b.s, "Maschinendaten"), 1);
	ck_assert_int_eq(search_hits(db, b.s, "Fachkräftemangel"), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM item_fts WHERE session_id = ?1", a.s), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line_fts"),
		fixture_int(db, "SELECT count(*) FROM line"));
	/* coders are shared; the log outlives what it logs */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coder"), coders);
	ck_assert_int_gt(fixture_int(db, "SELECT count(*) FROM changelog"), logged);
	ck_assert_int_eq(session_delete(db, a.s), STATUS_NOT_FOUND);
	fixture_close(db, path);
}
END_TEST

extern Suite *session_suite(void);
/* The rows of table T that belong to SESSION, found the way the
 * change log finds them. */
static int64_t rows_of(struct db *db, const struct data_table *t, int64_t session)
{
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" R WHERE %s = ?1", t->name, t->session);
	return fixture_int1(db, sql, session);
}

/* Every data table, whatever kinds there are: the copy of the demo (made
 * second, so its ids are not the original's) has as many rows of each as
 * the original, and the original keeps its own. */
START_TEST(test_session_duplicate_copies_every_table)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t demo, copy, again;
	ck_assert_int_eq(demo_create(db, &demo), STATUS_OK);
	ck_assert_int_eq(session_duplicate(db, demo, NULL, &copy), STATUS_OK);
	ck_assert_int_eq(session_duplicate(db, copy, "Zweite", &again), STATUS_OK);
	const struct data_table *t;
	size_t filled = 0;
	for (size_t i = 0; (t = data_table_at(i)); i++) {
		int64_t n = rows_of(db, t, demo);
		filled += n > 0;
		ck_assert_msg(rows_of(db, t, copy) == n && rows_of(db, t, again) == n,
			"%s: %lld rows, copies %lld and %lld", t->name, (long long)n,
			(long long)rows_of(db, t, copy), (long long)rows_of(db, t, again));
	}
	ck_assert_uint_ge(filled, 15);   /* the demo fills nearly every table */
	/* the lines and their search index too */
	const char *lines = "SELECT count(*) FROM line l JOIN document d ON d.id = l.document_id"
		" WHERE d.session_id = ?1";
	ck_assert_int_gt(fixture_int1(db, lines, demo), 0);
	ck_assert_int_eq(fixture_int1(db, lines, again), fixture_int1(db, lines, demo));
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line_fts"),
		fixture_int(db, "SELECT count(*) FROM line"));
	/* no reference of the copy points into the original */
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding k JOIN code c ON c.id = k.code_id"
		" WHERE k.session_id = ?1 AND c.session_id <> ?1", again), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen u JOIN component c"
		" ON c.id = u.component_id WHERE u.session_id = ?1 AND c.session_id <> ?1", again), 0);
	fixture_close(db, path);
}
END_TEST

Suite *session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("session");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_session_create);
	tcase_add_test(tc, test_session_list);
	tcase_add_test(tc, test_session_duplicate);
	tcase_add_test(tc, test_session_duplicate_copies_every_table);
	tcase_add_test(tc, test_session_delete);
	suite_add_tcase(s, tc);
	return s;
}
