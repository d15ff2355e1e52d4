/* model/db and model/schema: opening, refusing what is not ours,
 * read-only and locked files, nested transactions, migrations.  Every
 * test works on its own temp file. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/schema.h"
#include "model/search.h"
#include "model/session.h"

static int64_t journal_is_wal(struct db *db)
{
	return fixture_int(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode");
}

START_TEST(test_db_open_creates_schema)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	ck_assert(!db_is_readonly(db));
	ck_assert_str_eq(db_path(db), path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(fixture_int(db, "PRAGMA application_id"), SCHEMA_APPLICATION_ID);
	ck_assert_int_eq(journal_is_wal(db), 1);
	ck_assert_int_eq(fixture_int(db, "PRAGMA foreign_keys"), 1);
	/* every table of the domain and the change log are there */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND"
		" name IN ('session', 'component', 'stakeholder', 'actor', 'unseen',"
		" 'unseen_stakeholder', 'variable', 'impact', 'goal', 'goal_unseen', 'conflict',"
		" 'measure', 'measure_goal', 'soro', 'soro_unseen', 'soro_goal', 'soro_measure',"
		" 'document', 'line', 'code', 'coder', 'coding', 'changelog')"), 23);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM pragma_table_info('session')"
		" WHERE name = 'scale'"), 1);
	/* foreign keys really act: a component of no session is refused */
	ck_assert_int_eq(db_exec(db, "INSERT INTO component(session_id, number, name)"
		" VALUES (4711, 1, 'x')", ""), STATUS_CONFLICT);
	db_close(db);

	/* and it is all on disk, as another program sees it */
	struct fixture_raw *raw = fixture_raw_open(path);
	ck_assert_int_eq(fixture_raw_exec(raw, "SELECT 1 FROM session"), 0);
	fixture_raw_close(raw);
	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA application_id"), SCHEMA_APPLICATION_ID);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_db_reopen_is_noop)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Workshop KMU");
	int64_t objects = fixture_int(db, "SELECT count(*) FROM sqlite_schema");
	int64_t changes = fixture_int(db, "SELECT count(*) FROM changelog");
	db_close(db);

	size_t len = 0;
	char *before = fixture_read_file(path, &len);
	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM sqlite_schema"), objects);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), changes);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM actor WHERE session_id = ?1", s), 7);
	ck_assert_int_eq(fixture_int(db, "PRAGMA foreign_keys"), 1);
	db_close(db);
	ck_assert_msg(fixture_file_equals(path, before, len), "reopening wrote to the file");
	free(before);
	fixture_remove(path);
}
END_TEST

/* db_open must refuse PATH with STATUS, leave its bytes alone and leave
 * no journal files behind. */
static void assert_refused(const char *path, enum db_mode mode, enum status status,
	const char *bytes, size_t len, char *msg, size_t msg_size)
{
	struct db *db = NULL;
	ck_assert_int_eq(db_open(&db, path, mode), status);
	ck_assert_ptr_nonnull(db);
	ck_assert(fixture_contains(db_error(db), path));
	if (msg)
		snprintf(msg, msg_size, "%s", db_error(db));
	db_close(db);
	ck_assert_msg(fixture_file_equals(path, bytes, len), "a refused file was changed");
	char name[FIXTURE_PATH_MAX + 8];
	snprintf(name, sizeof name, "%s-wal", path);
	ck_assert_msg(!fixture_file_exists(name), "a refused file got a WAL");
	snprintf(name, sizeof name, "%s-journal", path);
	ck_assert_msg(!fixture_file_exists(name), "a refused file got a journal");
}

START_TEST(test_db_refuses_text_file)
{
	char path[FIXTURE_PATH_MAX];
	fixture_temp_path(path);
	const char *shortline = "Protokoll der Sitzung vom 3. März\n";
	fixture_write_file(path, shortline, strlen(shortline));
	assert_refused(path, DB_READWRITE, STATUS_BAD_FILE, shortline, strlen(shortline), NULL, 0);
	assert_refused(path, DB_READONLY, STATUS_BAD_FILE, shortline, strlen(shortline), NULL, 0);

	/* a longer text, several pages of it */
	size_t len = 20000;
	char *text = malloc(len);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
	fixture_write_file(path, text, len);
	assert_refused(path, DB_READWRITE, STATUS_BAD_FILE, text, len, NULL, 0);
	free(text);
	fixture_remove(path);
}
END_TEST

START_TEST(test_db_refuses_foreign_sqlite)
{
	char path[FIXTURE_PATH_MAX];
	fixture_temp_path(path);
	struct fixture_raw *raw = fixture_raw_open(path);
	ck_assert_int_eq(fixture_raw_exec(raw, "CREATE TABLE contacts(name TEXT, phone TEXT);"
		" INSERT INTO contacts VALUES ('Anna', '0511 123');"), 0);
	fixture_raw_close(raw);
	size_t len = 0;
	char *bytes = fixture_read_file(path, &len);
	ck_assert_uint_gt(len, 0);
	assert_refused(path, DB_READWRITE, STATUS_BAD_FILE, bytes, len, NULL, 0);
	assert_refused(path, DB_READONLY, STATUS_BAD_FILE, bytes, len, NULL, 0);
	free(bytes);

	/* another program's database with its own user_version (1: ours
	 * would migrate it) */
	raw = fixture_raw_open(path);
	ck_assert_int_eq(fixture_raw_exec(raw, "PRAGMA user_version = 1; PRAGMA application_id = 7;"), 0);
	fixture_raw_close(raw);
	bytes = fixture_read_file(path, &len);
	assert_refused(path, DB_READWRITE, STATUS_BAD_FILE, bytes, len, NULL, 0);
	free(bytes);
	fixture_remove(path);
}
END_TEST

/* db.h: "a file that is not a didat database ... refused without a
 * single write".  A SQLite file that carries another program's
 * application_id is not ours, even while it has no tables yet. */
START_TEST(test_db_refuses_foreign_empty_sqlite)
{
	char path[FIXTURE_PATH_MAX];
	fixture_temp_path(path);
	struct fixture_raw *raw = fixture_raw_open(path);
	ck_assert_int_eq(fixture_raw_exec(raw, "PRAGMA application_id = 7;"), 0);
	fixture_raw_close(raw);
	size_t len = 0;
	char *bytes = fixture_read_file(path, &len);
	ck_assert_uint_gt(len, 0);
	assert_refused(path, DB_READWRITE, STATUS_BAD_FILE, bytes, len, NULL, 0);
	free(bytes);
	fixture_remove(path);
}
END_TEST

START_TEST(test_db_refuses_newer_schema)
{
	char path[FIXTURE_PATH_MAX], sql[256], msg[1024], want[64];
	fixture_temp_path(path);
	struct fixture_raw *raw = fixture_raw_open(path);
	snprintf(sql, sizeof sql, "CREATE TABLE session(id INTEGER PRIMARY KEY, title TEXT);"
		" CREATE TABLE future(x); PRAGMA application_id = %d; PRAGMA user_version = %d;",
		SCHEMA_APPLICATION_ID, SCHEMA_VERSION + 1);
	ck_assert_int_eq(fixture_raw_exec(raw, sql), 0);
	fixture_raw_close(raw);
	size_t len = 0;
	char *bytes = fixture_read_file(path, &len);
	assert_refused(path, DB_READWRITE, STATUS_BAD_FILE, bytes, len, msg, sizeof msg);
	/* the message names both versions (after the path, which may hold digits) */
	const char *rest = strstr(msg, path) + strlen(path);
	snprintf(want, sizeof want, "%d", SCHEMA_VERSION + 1);
	ck_assert_msg(fixture_contains(rest, want), "no version %s in: %s", want, msg);
	snprintf(want, sizeof want, "%d", SCHEMA_VERSION);
	ck_assert_msg(fixture_contains(rest, want), "no version %s in: %s", want, msg);
	assert_refused(path, DB_READONLY, STATUS_BAD_FILE, bytes, len, NULL, 0);
	free(bytes);
	fixture_remove(path);
}
END_TEST

/* A database with one session and one component, closed. */
static int64_t make_small_db(char *path)
{
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Workshop Landwirtschaft");
	fixture_component(db, s, 1, "Daten");
	db_close(db);
	return s;
}

static int count_cb(void *ctx, const void *item)
{
	(void)item;
	(*(int *)ctx)++;
	return 0;
}

static void check_read_only(struct db *db, int64_t s)
{
	ck_assert(db_is_readonly(db));
	/* reads work */
	struct session sess;
	ck_assert_int_eq(item_read(db, item_type(ITEM_SESSION), s, &sess), STATUS_OK);
	ck_assert_str_eq(sess.title, "Workshop Landwirtschaft");
	item_clear(item_type(ITEM_SESSION), &sess);
	int n = 0;
	ck_assert_int_eq(item_list(db, item_type(ITEM_ACTOR), s, count_cb, &n), STATUS_OK);
	ck_assert_int_eq(n, 7);
	/* writes are refused */
	struct component c = { .session_id = s, .number = 2, .name = "Cloud" };
	ck_assert_int_eq(item_create(db, item_type(ITEM_COMPONENT), &c), STATUS_READONLY);
	ck_assert(db_error(db)[0] != '\0');
	struct session t = { .title = "Neu" };
	ck_assert_int_eq(session_create(db, &t), STATUS_READONLY);
	ck_assert_int_eq(db_require_writable(db), STATUS_READONLY);
	ck_assert_int_eq(item_delete(db, item_type(ITEM_SESSION), s), STATUS_READONLY);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM component"), 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 1);
}

START_TEST(test_db_readonly_mode)
{
	char path[FIXTURE_PATH_MAX];
	int64_t s = make_small_db(path);
	size_t len = 0;
	char *bytes = fixture_read_file(path, &len);
	struct db *db = NULL;
	ck_assert_int_eq(db_open(&db, path, DB_READONLY), STATUS_OK);
	check_read_only(db, s);
	db_close(db);
	ck_assert_msg(fixture_file_equals(path, bytes, len), "a read-only database was changed");
	free(bytes);

	/* a missing file is not created in read-only mode */
	fixture_remove(path);
	db = NULL;
	ck_assert_int_ne(db_open(&db, path, DB_READONLY), STATUS_OK);
	db_close(db);
	ck_assert(!fixture_file_exists(path));
}
END_TEST

START_TEST(test_db_readonly_file)
{
	if (geteuid() == 0) {
		/* root may write to a 0444 file: access(W_OK) succeeds, so
		 * db_open rightly opens it writable; nothing to test. */
		return;
	}
	char path[FIXTURE_PATH_MAX];
	int64_t s = make_small_db(path);
	ck_assert_int_eq(chmod(path, 0444), 0);
	struct db *db = NULL;
	ck_assert_int_eq(db_open(&db, path, DB_READWRITE), STATUS_OK);
	check_read_only(db, s);
	db_close(db);
	fixture_remove(path);
}
END_TEST

START_TEST(test_db_readonly_old_schema)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open_schema(path, 1);
	db_close(db);
	size_t len = 0;
	char *bytes = fixture_read_file(path, &len);
	db = NULL;
	ck_assert_int_eq(db_open(&db, path, DB_READONLY), STATUS_READONLY);
	db_close(db);
	ck_assert(fixture_file_equals(path, bytes, len));
	free(bytes);
	fixture_remove(path);
}
END_TEST

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

START_TEST(test_db_locked)
{
	char path[FIXTURE_PATH_MAX];
	int64_t s = make_small_db(path);
	setenv("DIDAT_BUSY_TIMEOUT_MS", "50", 1);

	struct fixture_raw *other = fixture_raw_open(path);
	ck_assert_int_eq(fixture_raw_exec(other, "BEGIN EXCLUSIVE"), 0);

	struct db *db = NULL;
	ck_assert_int_eq(db_open(&db, path, DB_READWRITE), STATUS_OK);
	struct component c = { .session_id = s, .number = 2, .name = "Cloud" };
	double start = now_seconds();
	ck_assert_int_eq(item_create(db, item_type(ITEM_COMPONENT), &c), STATUS_BUSY);
	ck_assert_msg(now_seconds() - start < 3.0, "DIDAT_BUSY_TIMEOUT_MS was not used");
	ck_assert(db_error(db)[0] != '\0');
	struct session t = { .title = "Neu" };
	ck_assert_int_eq(session_create(db, &t), STATUS_BUSY);
	/* reads still work (WAL) and see nothing new */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM component"), 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 1);

	/* once the other program lets go, the same handle writes again */
	ck_assert_int_eq(fixture_raw_exec(other, "ROLLBACK"), 0);
	fixture_raw_close(other);
	ck_assert_int_eq(item_create(db, item_type(ITEM_COMPONENT), &c), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM component"), 2);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 1);
	unsetenv("DIDAT_BUSY_TIMEOUT_MS");
	fixture_close(db, path);
}
END_TEST

/* A bulk transaction keeps SQLite's temporary files in memory until its
 * end, committed or rolled back, nested levels included; afterwards and
 * in a plain transaction they are on disk again (the default, 0). */
START_TEST(test_db_bulk_transaction)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 0);
	ck_assert_int_eq(db_begin_bulk(db), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 2);
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	int64_t id = fixture_session(db, "Massenimport");
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 2);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session WHERE title = 'Massenimport'"), 1);

	/* a failed one rolls back, and ends the same way */
	ck_assert_int_eq(db_begin_bulk(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "DELETE FROM session WHERE id = ?1", "i", id), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_INVALID), STATUS_INVALID);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session WHERE title = 'Massenimport'"), 1);

	/* nested in a plain transaction, it is as that one */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_begin_bulk(db), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 0);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "PRAGMA temp_store"), 0);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_db_nested_rollback)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t changes = fixture_int(db, "SELECT count(*) FROM changelog");

	/* an inner level fails and says so */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	struct session s = { .title = "Außen" };
	ck_assert_int_eq(session_create(db, &s), STATUS_OK);
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	struct unseen bad = { .session_id = s.id, .title = "x", .likelihood = 9 };
	ck_assert_int_eq(item_create(db, item_type(ITEM_UNSEEN), &bad), STATUS_INVALID);
	ck_assert_int_eq(db_end(db, STATUS_INVALID), STATUS_INVALID);
	/* the outer level wanted to commit, but everything is rolled back */
	ck_assert_int_ne(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM actor"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), changes);

	/* an SQL error inside, even when the caller ignores it */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	int64_t id = fixture_session(db, "Zweiter Versuch");
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	(void)db_exec(db, "INSERT INTO component(session_id, number, name) VALUES (?1, 0, 'x')", "i", id);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_ne(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 0);

	/* the handle is clean afterwards: a new transaction commits */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	id = fixture_session(db, "Dritter Versuch");
	fixture_component(db, id, 1, "Daten");
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM session"), 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM component"), 1);
	db_close(db);
	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM component"), 1);
	/* db_end without db_begin passes the status through */
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_CONFLICT), STATUS_CONFLICT);
	fixture_close(db, path);
}
END_TEST

struct search_count {
	int lines, items;
};

static int count_hit(void *ctx, const struct search_hit *hit)
{
	struct search_count *c = ctx;
	if (hit->place == SEARCH_LINE)
		c->lines++;
	else
		c->items++;
	return 0;
}

START_TEST(test_db_migrate_from_1)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open_schema(path, 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM pragma_table_info('session')"
		" WHERE name = 'scale'"), 0);
	/* data as didat 1 wrote it */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO session(id, title, place) VALUES (5, 'Alt', 'Hannover')", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO component(id, session_id, number, name)"
		" VALUES (1, 5, 1, 'Daten')", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO unseen(id, session_id, title, component_id, likelihood)"
		" VALUES (3, 5, 'Datenverlust', 1, 4)", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO code(session_id, type, item_id) VALUES (5, 'unseen', 3)", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO variable(id, session_id, name) VALUES (10, 5, 'A'), (11, 5, 'B')", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO impact(from_id, to_id, strength) VALUES (10, 11, 3)", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO document(id, session_id, title, sha256, line_count)"
		" VALUES (7, 5, 'Protokoll', 'abc', 2)", ""), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO line(document_id, number, text) VALUES"
		" (7, 1, 'Wem gehören die Maschinendaten?'), (7, 2, 'Das regelt kein Vertrag.')", ""), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	int64_t logged = fixture_int(db, "SELECT count(*) FROM changelog");
	ck_assert_int_ge(logged, 6);
	db_close(db);

	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(fixture_int(db, "PRAGMA application_id"), SCHEMA_APPLICATION_ID);
	struct session s;
	ck_assert_int_eq(item_read(db, item_type(ITEM_SESSION), 5, &s), STATUS_OK);
	ck_assert_str_eq(s.title, "Alt");
	ck_assert_str_eq(s.place, "Hannover");
	ck_assert_int_eq(s.scale, 3);
	item_clear(item_type(ITEM_SESSION), &s);
	struct unseen u;
	ck_assert_int_eq(item_read(db, item_type(ITEM_UNSEEN), 3, &u), STATUS_OK);
	ck_assert_str_eq(u.title, "Datenverlust");
	ck_assert_int_eq(u.component_id, 1);
	ck_assert_int_eq(u.likelihood, 4);
	item_clear(item_type(ITEM_UNSEEN), &u);
	ck_assert_int_eq(fixture_int(db, "SELECT strength FROM impact WHERE from_id = 10"), 3);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), logged);
	/* what was there before is found by the full-text search */
	struct search_count found = { 0, 0 };
	ck_assert_int_eq(search_run(db, 5, "maschinendaten", count_hit, &found), STATUS_OK);
	ck_assert_int_eq(found.lines, 1);
	ck_assert_int_eq(search_run(db, 5, "Datenverlust", count_hit, &found), STATUS_OK);
	ck_assert_int_eq(found.items, 1);

	/* schema 2 acts: the scale bounds the matrix ... */
	ck_assert_int_eq(impact_set(db, 10, 11, 2, NULL), STATUS_OK);
	enum status rc = db_exec(db, "UPDATE session SET scale = 2 WHERE id = 5", "");
	ck_assert_msg(rc == STATUS_OK, "%s", db_error(db));
	ck_assert_int_eq(impact_set(db, 11, 10, 3, NULL), STATUS_INVALID);
	ck_assert_int_eq(impact_set(db, 11, 10, 2, NULL), STATUS_OK);
	/* ... and the change log now records the new column */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog WHERE tbl = 'session' AND"
		" op = 'update' AND json_extract(new, '$.scale') = 2 AND json_extract(old, '$.scale') = 3"), 1);
	db_close(db);

	/* and opening it again changes nothing more */
	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_db_migrate_from_2)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open_schema(path, 2);
	/* rows are written as schema 2 had them: the model's functions now
	 * write columns of later schemas */
	struct session sess = { .id = fixture_old_session(db, "Schema zwei") };
	ck_assert_int_eq(db_exec(db, "UPDATE session SET scale = 2 WHERE id = ?1", "i", sess.id),
		STATUS_OK);
	int64_t u = fixture_old_unseen(db, sess.id, "Abhängigkeit");
	int64_t d = 7;
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO document(id, session_id, title, sha256, line_count)"
		" VALUES (?1, ?2, 'Protokoll', 'sha', 2)", "ii", d, sess.id), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO line(document_id, number, text) VALUES"
		" (?1, 1, 'Erste Zeile'), (?1, 2, 'Die Cloud ist teuer.')", "i", d), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	int64_t logged = fixture_int(db, "SELECT count(*) FROM changelog");
	db_close(db);

	db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(fixture_int1(db, "SELECT scale FROM session WHERE id = ?1", sess.id), 2);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM unseen WHERE id = ?1", u), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT line_count FROM document WHERE id = ?1", d), 2);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), logged);
	struct search_count found = { 0, 0 };
	ck_assert_int_eq(search_run(db, sess.id, "cloud", count_hit, &found), STATUS_OK);
	ck_assert_int_eq(found.lines, 1);
	ck_assert_int_eq(search_run(db, sess.id, "Abhängigkeit", count_hit, &found), STATUS_OK);
	ck_assert_int_eq(found.items, 1);
	/* and what is written now is found too */
	fixture_unseen(db, sess.id, "Wolkenbruch", 0);
	found.items = 0;
	ck_assert_int_eq(search_run(db, sess.id, "wolkenbruch", count_hit, &found), STATUS_OK);
	ck_assert_int_eq(found.items, 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_db_statements_and_errors)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	/* a bad statement: NULL, with the SQL in the message */
	ck_assert_ptr_null(db_prepare(db, "SELECT nonsense FROM nowhere"));
	ck_assert(fixture_contains(db_error(db), "nowhere"));
	/* db_fail sets message and status */
	ck_assert_int_eq(db_fail(db, STATUS_INVALID, "Feld %s", "likelihood"), STATUS_INVALID);
	ck_assert_str_eq(db_error(db), "Feld likelihood");
	/* db_query_int: NOT_FOUND without a row */
	int64_t v = 42;
	ck_assert_int_eq(db_query_int(db, &v, "SELECT id FROM session WHERE id = ?1", "i", (int64_t)99),
		STATUS_NOT_FOUND);
	/* the statement cache hands back a reset statement */
	struct db_stmt *a = db_prepare(db, "SELECT ?1 + 1");
	db_bind_int(a, 1, 41);
	ck_assert_int_eq(db_step(a), DB_ROW);
	ck_assert_int_eq(db_column_int(a, 0), 42);
	struct db_stmt *b = db_prepare(db, "SELECT ?1 + 1");
	ck_assert_ptr_eq(a, b);
	ck_assert_int_eq(db_step(b), DB_ROW);
	ck_assert(db_column_int(b, 0) == 1 || db_column_is_null(b, 0));
	db_reset(b);
	/* user */
	db_set_user(db, "Anna");
	ck_assert_str_eq(db_user(db), "Anna");
	fixture_close(db, path);
}
END_TEST

extern Suite *db_suite(void);
Suite *db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *open = tcase_create("open");
	tcase_add_unchecked_fixture(open, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(open, test_db_open_creates_schema);
	tcase_add_test(open, test_db_reopen_is_noop);
	tcase_add_test(open, test_db_refuses_text_file);
	tcase_add_test(open, test_db_refuses_foreign_sqlite);
	tcase_add_test(open, test_db_refuses_foreign_empty_sqlite);
	tcase_add_test(open, test_db_refuses_newer_schema);
	tcase_add_test(open, test_db_readonly_mode);
	tcase_add_test(open, test_db_readonly_file);
	tcase_add_test(open, test_db_readonly_old_schema);
	tcase_add_test(open, test_db_locked);
	suite_add_tcase(s, open);
	TCase *tx = tcase_create("transactions");
	tcase_add_unchecked_fixture(tx, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tx, test_db_nested_rollback);
	tcase_add_test(tx, test_db_bulk_transaction);
	tcase_add_test(tx, test_db_statements_and_errors);
	suite_add_tcase(s, tx);
	TCase *mig = tcase_create("migrations");
	tcase_add_unchecked_fixture(mig, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(mig, test_db_migrate_from_1);
	tcase_add_test(mig, test_db_migrate_from_2);
	suite_add_tcase(s, mig);
	return s;
}
