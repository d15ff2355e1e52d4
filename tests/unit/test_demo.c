/* model/demo: the demo session is complete enough for every screen and
 * export, is built in one transaction, and can be built twice. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/analysis.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/document.h"
#include "model/hinge.h"
#include "model/impact.h"
#include "model/item.h"
#include "util/sha256.h"

#define TEMPLATE "/tmp/didat-demo-XXXXXX"

/* A fresh database file; *DB is open read-write. */
static void temp_open(char path[sizeof TEMPLATE], struct db **db)
{
	memcpy(path, TEMPLATE, sizeof TEMPLATE);
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	enum status rc = db_open(db, path, DB_READWRITE);
	ck_assert_msg(rc == STATUS_OK, "db_open: %s", db_error(*db));
}

static void temp_remove(const char *path)
{
	char side[sizeof TEMPLATE + 8];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int64_t demo(struct db *db)
{
	int64_t id = 0;
	enum status rc = demo_create(db, &id);
	ck_assert_msg(rc == STATUS_OK, "demo_create: %s: %s", status_text(rc), db_error(db));
	ck_assert_int_gt(id, 0);
	return id;
}

static int64_t count(struct db *db, enum item_kind kind, int64_t session)
{
	int64_t n = -1;
	ck_assert_int_eq(item_count(db, item_type(kind), session, &n), STATUS_OK);
	return n;
}

static int count_link(void *ctx, int64_t id)
{
	(void)id;
	(*(int *)ctx)++;
	return 0;
}

static int links(struct db *db, enum link_kind kind, int64_t from)
{
	int n = 0;
	ck_assert_int_eq(link_list(db, kind, from, count_link, &n), STATUS_OK);
	return n;
}

START_TEST(test_demo_counts)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	ck_assert_int_ge(count(db, ITEM_COMPONENT, s), 6);
	ck_assert_int_ge(count(db, ITEM_STAKEHOLDER, s), 4);
	ck_assert_int_ge(count(db, ITEM_UNSEEN, s), 8);
	ck_assert_int_ge(count(db, ITEM_VARIABLE, s), 8);
	ck_assert_int_ge(count(db, ITEM_GOAL, s), 6);
	ck_assert_int_ge(count(db, ITEM_CONFLICT, s), 2);
	ck_assert_int_eq(count(db, ITEM_ACTOR, s), 7);
	ck_assert_int_eq(count(db, ITEM_SORO, s), count(db, ITEM_COMPONENT, s));

	struct session sess;
	ck_assert_int_eq(item_read(db, item_type(ITEM_SESSION), s, &sess), STATUS_OK);
	ck_assert_str_eq(sess.title, "DiDaT KMU – Demo-Workshop");
	ck_assert_ptr_nonnull(sess.question);
	ck_assert_ptr_nonnull(sess.inside);
	ck_assert_ptr_nonnull(sess.outside);
	ck_assert_ptr_nonnull(sess.region);
	ck_assert_ptr_nonnull(sess.horizon);
	ck_assert_int_eq(sess.scale, 3);
	item_clear(item_type(ITEM_SESSION), &sess);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* Every unseen: component, rated, voted, with affected groups.  The
 * vulnerabilities differ. */
struct unseen_check {
	struct db *db;
	int n;
	double min_vul, max_vul;
	int64_t min_votes, max_votes;
};

static int check_unseen(void *ctx, const void *item)
{
	struct unseen_check *c = ctx;
	const struct unseen *u = item;
	double v = unseen_vulnerability(u);
	ck_assert_int_ne(u->component_id, 0);
	ck_assert_ptr_nonnull(u->description);
	ck_assert_ptr_nonnull(u->causes);
	ck_assert_double_gt(v, 0.0);
	ck_assert_int_ge(links(c->db, LINK_UNSEEN_STAKEHOLDER, u->id), 1);
	if (c->n++ == 0) {
		c->min_vul = c->max_vul = v;
		c->min_votes = c->max_votes = u->votes;
	}
	c->min_vul = v < c->min_vul ? v : c->min_vul;
	c->max_vul = v > c->max_vul ? v : c->max_vul;
	c->min_votes = u->votes < c->min_votes ? u->votes : c->min_votes;
	c->max_votes = u->votes > c->max_votes ? u->votes : c->max_votes;
	return 0;
}

START_TEST(test_demo_unseens)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	struct unseen_check c = { .db = db };
	ck_assert_int_eq(item_list(db, item_type(ITEM_UNSEEN), s, check_unseen, &c), STATUS_OK);
	ck_assert_int_ge(c.n, 8);
	ck_assert_double_lt(c.min_vul, c.max_vul);
	ck_assert_int_lt(c.min_votes, c.max_votes);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* The matrix is rated in every off-diagonal cell, and the roles come out
 * as worked out by hand in model/demo.c. */
static const struct { const char *name; enum analysis_role role; } expected_roles[] = {
	{ "Digitalkompetenz der Führung", ANALYSIS_ACTIVE },
	{ "Qualifikation der Beschäftigten", ANALYSIS_ACTIVE },
	{ "Datensouveränität", ANALYSIS_REACTIVE },
	{ "IT-Sicherheitsniveau", ANALYSIS_REACTIVE },
	{ "Abhängigkeit von Plattform- und Cloud-Anbietern", ANALYSIS_BUFFERING },
	{ "Kooperation im Produktionsnetzwerk", ANALYSIS_CRITICAL },
	{ "Innovationsfähigkeit", ANALYSIS_CRITICAL },
	{ "Wettbewerbsfähigkeit", ANALYSIS_REACTIVE },
	{ "Staatliche Förderung und Beratung", ANALYSIS_ACTIVE },
};

START_TEST(test_demo_matrix)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	struct impact_matrix m;
	ck_assert_int_eq(impact_matrix_load(db, s, &m), STATUS_OK);
	ck_assert_uint_eq(m.n, (size_t)count(db, ITEM_VARIABLE, s));
	size_t rated = 0, zeros = 0;
	for (size_t i = 0; i < m.n; i++)
		for (size_t j = 0; j < m.n; j++) {
			int cell = m.cells[i * m.n + j];
			if (i == j) {
				ck_assert_int_eq(cell, -1);
				continue;
			}
			ck_assert_int_ge(cell, 0);
			ck_assert_int_le(cell, m.scale);
			rated++;
			zeros += cell == 0;
		}
	ck_assert_uint_eq(rated, m.n * (m.n - 1));
	ck_assert_uint_gt(zeros, 0);

	struct analysis_result res;
	ck_assert_int_eq(analysis_run(m.cells, m.n, NULL, &res), STATUS_OK);
	ck_assert_uint_eq(res.unrated, 0);
	ck_assert_uint_eq(m.n, sizeof expected_roles / sizeof expected_roles[0]);
	int seen[4] = { 0 };
	for (size_t i = 0; i < m.n; i++) {
		ck_assert_str_eq(m.names[i], expected_roles[i].name);
		ck_assert_msg(res.vars[i].role == expected_roles[i].role, "%s: %s", m.names[i],
			analysis_role_name(res.vars[i].role));
		seen[res.vars[i].role]++;
	}
	for (int r = 0; r < 4; r++)
		ck_assert_int_gt(seen[r], 0);
	analysis_free(&res);
	impact_matrix_free(&m);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* Goals answer unseens; measures serve goals, per actor group A-G. */
struct measure_check {
	struct db *db;
	int64_t actors[7];
	int per_actor[7];
};

static int check_measure(void *ctx, const void *item)
{
	struct measure_check *c = ctx;
	const struct measure *m = item;
	ck_assert_int_ge(links(c->db, LINK_MEASURE_GOAL, m->id), 1);
	ck_assert_ptr_nonnull(m->horizon);
	ck_assert_int_ge(m->priority, 1);
	for (int i = 0; i < 7; i++)
		if (m->actor_id == c->actors[i])
			c->per_actor[i]++;
	return 0;
}

static int check_goal(void *ctx, const void *item)
{
	const struct goal *g = item;
	ck_assert_int_ne(g->component_id, 0);
	ck_assert_int_ge(links(ctx, LINK_GOAL_UNSEEN, g->id), 1);
	return 0;
}

START_TEST(test_demo_goals_measures)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	ck_assert_int_eq(item_list(db, item_type(ITEM_GOAL), s, check_goal, db), STATUS_OK);

	struct measure_check c = { .db = db };
	for (int i = 0; i < 7; i++) {
		char letter[2] = { (char)('A' + i), '\0' };
		ck_assert_int_eq(item_find(db, item_type(ITEM_ACTOR), s, letter, &c.actors[i]),
			STATUS_OK);
	}
	ck_assert_int_eq(item_list(db, item_type(ITEM_MEASURE), s, check_measure, &c), STATUS_OK);
	for (int i = 0; i < 7; i++)
		ck_assert_msg(c.per_actor[i] > 0, "no measure for actor %c", 'A' + i);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* One SoRO per component, each linked to unseens, goals and measures. */
struct soro_check {
	struct db *db;
	int64_t components[16];
	int per_component[16];
	int n;
};

static int note_component(void *ctx, const void *item)
{
	struct soro_check *c = ctx;
	ck_assert_int_lt(c->n, 16);
	c->components[c->n++] = ((const struct component *)item)->id;
	return 0;
}

static int check_soro(void *ctx, const void *item)
{
	struct soro_check *c = ctx;
	const struct soro *s = item;
	ck_assert_int_ge(links(c->db, LINK_SORO_UNSEEN, s->id), 1);
	ck_assert_int_ge(links(c->db, LINK_SORO_GOAL, s->id), 1);
	ck_assert_int_ge(links(c->db, LINK_SORO_MEASURE, s->id), 1);
	for (int i = 0; i < c->n; i++)
		if (s->component_id == c->components[i])
			c->per_component[i]++;
	return 0;
}

START_TEST(test_demo_soros)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	struct soro_check c = { .db = db };
	ck_assert_int_eq(item_list(db, item_type(ITEM_COMPONENT), s, note_component, &c),
		STATUS_OK);
	ck_assert_int_ge(c.n, 6);
	ck_assert_int_eq(item_list(db, item_type(ITEM_SORO), s, check_soro, &c), STATUS_OK);
	for (int i = 0; i < c.n; i++)
		ck_assert_int_eq(c.per_component[i], 1);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* Two minutes whose stored SHA-256 is that of their lines as a file. */
struct doc_check {
	struct db *db;
	int n;
};

static int hash_line(void *ctx, int64_t number, const char *text)
{
	(void)number;
	sha256_update(ctx, text, strlen(text));
	sha256_update(ctx, "\n", 1);
	return 0;
}

static int check_document(void *ctx, const struct document *doc, int64_t codings)
{
	struct doc_check *c = ctx;
	struct sha256_ctx sha;
	unsigned char digest[SHA256_SIZE];
	char hex[SHA256_HEX_SIZE];
	c->n++;
	ck_assert_str_eq(doc->kind, "minutes");
	ck_assert_int_ne(doc->component_id, 0);
	ck_assert_int_ge(doc->line_count, 25);
	ck_assert_int_le(doc->line_count, 40);
	ck_assert_int_gt(codings, 0);
	ck_assert_ptr_nonnull(strstr(doc->filename, ".txt"));
	sha256_init(&sha);
	ck_assert_int_eq(document_lines(c->db, doc->id, 1, doc->line_count, hash_line, &sha),
		STATUS_OK);
	sha256_final(&sha, digest);
	sha256_hex(digest, hex);
	ck_assert_str_eq(doc->sha256, hex);
	return 0;
}

START_TEST(test_demo_documents)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	struct doc_check c = { .db = db };
	ck_assert_int_eq(document_list(db, s, check_document, &c), STATUS_OK);
	ck_assert_int_eq(c.n, 2);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* The hinge table: enough codings, of every kind, by two coders, and the
 * line ranges land on the passages they are meant for. */
struct hinge_check {
	int rows, anna, ben, unseen, goal, measure, soro, free;
	int eigentum;
};

static int check_row(void *ctx, const struct hinge_row *row)
{
	struct hinge_check *c = ctx;
	c->rows++;
	ck_assert_str_ne(row->quote, "");
	c->anna += strcmp(row->coder, "anna") == 0;
	c->ben += strcmp(row->coder, "ben") == 0;
	c->unseen += strcmp(row->code_type, "unseen") == 0;
	c->goal += strcmp(row->code_type, "goal") == 0;
	c->measure += strcmp(row->code_type, "measure") == 0;
	c->soro += strcmp(row->code_type, "soro") == 0;
	c->free += strcmp(row->code_type, "free") == 0;
	if (strcmp(row->code_path, "Daten/Eigentum") == 0) {
		c->eigentum++;
		ck_assert_ptr_nonnull(strstr(row->quote, "„Eigentum“"));
	}
	if (strcmp(row->code, "Datenabfluss über vernetzte Maschinen") == 0)
		ck_assert_ptr_nonnull(strstr(row->quote, "Fernwartung"));
	if (strcmp(row->code, "Fehlende IT-Sicherheitsorganisation") == 0)
		ck_assert_ptr_nonnull(strstr(row->quote, "Notfallplan"));
	if (strcmp(row->code_type, "soro") == 0 || strcmp(row->code_type, "goal") == 0)
		ck_assert_str_ne(row->component, "");
	return 0;
}

START_TEST(test_demo_codings)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t s = demo(db);
	struct hinge_check c = { 0 };
	ck_assert_int_eq(hinge_list(db, s, NULL, check_row, &c), STATUS_OK);
	ck_assert_int_ge(c.rows, 10);
	ck_assert_int_gt(c.anna, 0);
	ck_assert_int_gt(c.ben, 0);
	ck_assert_int_gt(c.unseen, 0);
	ck_assert_int_gt(c.goal, 0);
	ck_assert_int_gt(c.measure, 0);
	ck_assert_int_gt(c.soro, 0);
	ck_assert_int_gt(c.free, 0);
	ck_assert_int_eq(c.eigentum, 1);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* The duplicate-document check is per session: a second demo is a second
 * session, with its own documents and a title of its own. */
START_TEST(test_demo_twice)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	int64_t first = demo(db);
	int64_t second = demo(db);
	ck_assert_int_ne(first, second);
	ck_assert_int_eq(count(db, ITEM_SESSION, 0), 2);
	struct doc_check c = { .db = db };
	ck_assert_int_eq(document_list(db, second, check_document, &c), STATUS_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_int_eq(count(db, ITEM_UNSEEN, second), count(db, ITEM_UNSEEN, first));

	struct session a, b;
	ck_assert_int_eq(item_read(db, item_type(ITEM_SESSION), first, &a), STATUS_OK);
	ck_assert_int_eq(item_read(db, item_type(ITEM_SESSION), second, &b), STATUS_OK);
	ck_assert_str_ne(a.title, b.title);
	item_clear(item_type(ITEM_SESSION), &a);
	item_clear(item_type(ITEM_SESSION), &b);
	db_close(db);
	temp_remove(path);
}
END_TEST

/* On a read-only database nothing is made and *session_id is untouched. */
START_TEST(test_demo_readonly)
{
	char path[sizeof TEMPLATE];
	struct db *db;
	temp_open(path, &db);
	db_close(db);
	ck_assert_int_eq(db_open(&db, path, DB_READONLY), STATUS_OK);
	int64_t id = -7;
	ck_assert_int_ne(demo_create(db, &id), STATUS_OK);
	ck_assert_int_eq(id, -7);
	ck_assert_int_eq(count(db, ITEM_SESSION, 0), 0);
	db_close(db);
	temp_remove(path);
}
END_TEST

extern Suite *demo_suite(void);
Suite *demo_suite(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("demo");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_demo_counts);
	tcase_add_test(tc, test_demo_unseens);
	tcase_add_test(tc, test_demo_matrix);
	tcase_add_test(tc, test_demo_goals_measures);
	tcase_add_test(tc, test_demo_soros);
	tcase_add_test(tc, test_demo_documents);
	tcase_add_test(tc, test_demo_codings);
	tcase_add_test(tc, test_demo_twice);
	tcase_add_test(tc, test_demo_readonly);
	suite_add_tcase(s, tc);
	return s;
}
