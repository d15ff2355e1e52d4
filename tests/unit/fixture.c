/* Shared helpers of the model tests; see fixture.h. */
#include "fixture.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/schema.h"
#include "model/session.h"

struct fixture_raw {
	sqlite3 *handle;
};

/* The folder of the running TCase; set in the runner process, inherited
 * by the forked tests. */
static char fixture_dir[64];

void fixture_dir_setup(void)
{
	snprintf(fixture_dir, sizeof fixture_dir, "/tmp/didat-test-XXXXXX");
	if (!mkdtemp(fixture_dir)) {
		fprintf(stderr, "fixture: mkdtemp: %s\n", strerror(errno));
		fixture_dir[0] = '\0';
	}
}

void fixture_dir_teardown(void)
{
	if (!fixture_dir[0])
		return;
	DIR *d = opendir(fixture_dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char path[FIXTURE_PATH_MAX * 2];
			snprintf(path, sizeof path, "%s/%s", fixture_dir, e->d_name);
			chmod(path, 0600);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(fixture_dir);
	fixture_dir[0] = '\0';
}

void fixture_temp_path(char *path)
{
	snprintf(path, FIXTURE_PATH_MAX, "%s/didat-db-XXXXXX", fixture_dir[0] ? fixture_dir : "/tmp");
	int fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp %s: %s", path, strerror(errno));
	close(fd);
}

void fixture_remove(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char name[FIXTURE_PATH_MAX + 16];
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		chmod(name, 0600);
		unlink(name);
	}
}

bool fixture_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

struct db *fixture_reopen(const char *path)
{
	struct db *db = NULL;
	enum status rc = db_open(&db, path, DB_READWRITE);
	ck_assert_msg(rc == STATUS_OK, "db_open %s: %s", path, db ? db_error(db) : "?");
	db_set_user(db, "tester");
	return db;
}

struct db *fixture_open(char *path)
{
	fixture_temp_path(path);
	return fixture_reopen(path);
}

void fixture_close(struct db *db, const char *path)
{
	db_close(db);
	fixture_remove(path);
}

char *fixture_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "fopen %s: %s", path, strerror(errno));
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	ck_assert_ptr_nonnull(buf);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
			ck_assert_ptr_nonnull(buf);
		}
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

bool fixture_file_equals(const char *path, const char *data, size_t len)
{
	size_t n = 0;
	char *now = fixture_read_file(path, &n);
	bool same = n == len && memcmp(now, data, len) == 0;
	free(now);
	return same;
}

void fixture_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "fopen %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

int64_t fixture_int(struct db *db, const char *sql)
{
	int64_t v = -1;
	enum status rc = db_query_int(db, &v, sql, "");
	ck_assert_msg(rc == STATUS_OK, "%s: %s", sql, db_error(db));
	return v;
}

int64_t fixture_int1(struct db *db, const char *sql, int64_t a)
{
	int64_t v = -1;
	enum status rc = db_query_int(db, &v, sql, "i", a);
	ck_assert_msg(rc == STATUS_OK, "%s: %s", sql, db_error(db));
	return v;
}

#define CREATE(db, kind, item) do { \
		enum status rc_ = item_create(db, item_type(kind), item); \
		ck_assert_msg(rc_ == STATUS_OK, "item_create: %s", db_error(db)); \
	} while (0)

int64_t fixture_session(struct db *db, const char *title)
{
	struct session s = { .title = (char *)title };
	enum status rc = session_create(db, &s);
	ck_assert_msg(rc == STATUS_OK, "session_create: %s", db_error(db));
	return s.id;
}

int64_t fixture_component(struct db *db, int64_t session, int64_t number, const char *name)
{
	struct component c = { .session_id = session, .number = number, .name = (char *)name };
	CREATE(db, ITEM_COMPONENT, &c);
	return c.id;
}

int64_t fixture_stakeholder(struct db *db, int64_t session, const char *name)
{
	struct stakeholder s = { .session_id = session, .name = (char *)name, .kind = "business" };
	CREATE(db, ITEM_STAKEHOLDER, &s);
	return s.id;
}

int64_t fixture_unseen(struct db *db, int64_t session, const char *title, int64_t component)
{
	struct unseen u = { .session_id = session, .title = (char *)title, .component_id = component };
	CREATE(db, ITEM_UNSEEN, &u);
	return u.id;
}

int64_t fixture_variable(struct db *db, int64_t session, const char *name)
{
	struct variable v = { .session_id = session, .name = (char *)name };
	CREATE(db, ITEM_VARIABLE, &v);
	return v.id;
}

int64_t fixture_goal(struct db *db, int64_t session, const char *text, int64_t component)
{
	struct goal g = { .session_id = session, .text = (char *)text, .component_id = component };
	CREATE(db, ITEM_GOAL, &g);
	return g.id;
}

int64_t fixture_measure(struct db *db, int64_t session, const char *text, int64_t actor)
{
	struct measure m = { .session_id = session, .text = (char *)text, .actor_id = actor };
	CREATE(db, ITEM_MEASURE, &m);
	return m.id;
}

int64_t fixture_soro(struct db *db, int64_t session, const char *text, int64_t component)
{
	struct soro s = { .session_id = session, .text = (char *)text, .component_id = component };
	CREATE(db, ITEM_SORO, &s);
	return s.id;
}

int64_t fixture_actor(struct db *db, int64_t session, const char *letter)
{
	int64_t id = 0;
	enum status rc = item_find(db, item_type(ITEM_ACTOR), session, letter, &id);
	ck_assert_msg(rc == STATUS_OK, "actor %s: %s", letter, db_error(db));
	return id;
}

int64_t fixture_item_code(struct db *db, const char *type, int64_t id)
{
	int64_t code = 0;
	enum status rc = db_query_int(db, &code, "SELECT id FROM code WHERE type = ?1 AND item_id = ?2",
		"ti", type, id);
	ck_assert_msg(rc == STATUS_OK, "code of %s %" PRId64 ": %s", type, id, db_error(db));
	return code;
}

int64_t fixture_document(struct db *db, int64_t session, const char *title, int64_t component,
	const char *sha, const char *const *lines, int64_t nlines)
{
	struct document doc = {
		.session_id = session, .title = (char *)title, .kind = "minutes",
		.component_id = component, .filename = "protokoll.txt", .sha256 = (char *)sha,
	};
	enum status rc = db_begin(db);
	ck_assert_int_eq(rc, STATUS_OK);
	rc = document_create(db, &doc);
	for (int64_t i = 0; rc == STATUS_OK && i < nlines; i++)
		rc = document_add_line(db, doc.id, i + 1, lines[i]);
	if (rc == STATUS_OK)
		rc = document_finish(db, doc.id, nlines);
	rc = db_end(db, rc);
	ck_assert_msg(rc == STATUS_OK, "document %s: %s", title, db_error(db));
	return doc.id;
}

int64_t fixture_coding(struct db *db, int64_t session, int64_t doc, int64_t first, int64_t last,
	int64_t code, const char *coder)
{
	struct coding c = {
		.session_id = session, .document_id = doc, .first_line = first, .last_line = last,
		.code_id = code, .coder = coder,
	};
	enum status rc = coding_create(db, &c);
	ck_assert_msg(rc == STATUS_OK, "coding_create: %s", db_error(db));
	return c.id;
}

struct fixture_raw *fixture_raw_open(const char *path)
{
	struct fixture_raw *raw = calloc(1, sizeof *raw);
	ck_assert_ptr_nonnull(raw);
	int rc = sqlite3_open_v2(path, &raw->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	ck_assert_msg(rc == SQLITE_OK, "sqlite3_open_v2 %s: %s", path, sqlite3_errstr(rc));
	return raw;
}

int fixture_raw_exec(struct fixture_raw *raw, const char *sql)
{
	return sqlite3_exec(raw->handle, sql, NULL, NULL, NULL);
}

void fixture_raw_close(struct fixture_raw *raw)
{
	if (!raw)
		return;
	sqlite3_close(raw->handle);
	free(raw);
}

struct db *fixture_open_schema(char *path, int64_t version)
{
	char sql[128];
	fixture_temp_path(path);
	struct fixture_raw *raw = fixture_raw_open(path);
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		SCHEMA_APPLICATION_ID, SCHEMA_VERSION);
	ck_assert_int_eq(fixture_raw_exec(raw, sql), SQLITE_OK);
	fixture_raw_close(raw);

	struct db *db = fixture_reopen(path);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM sqlite_schema"), 0);
	enum status rc = schema_migrate_to(db, 0, version);
	ck_assert_msg(rc == STATUS_OK, "schema_migrate_to: %s", db_error(db));
	ck_assert_int_eq(fixture_int(db, "PRAGMA user_version"), version);
	return db;
}

bool fixture_contains(const char *haystack, const char *needle)
{
	return haystack && needle && strstr(haystack, needle) != NULL;
}

int64_t fixture_old_session(struct db *db, const char *title)
{
	ck_assert_int_eq(db_exec(db, "INSERT INTO session(title) VALUES (?1)", "t", title), STATUS_OK);
	return db_last_insert_id(db);
}

int64_t fixture_old_unseen(struct db *db, int64_t session, const char *title)
{
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(db_exec(db, "INSERT INTO unseen(session_id, title) VALUES (?1, ?2)", "it",
		session, title), STATUS_OK);
	int64_t id = db_last_insert_id(db);
	ck_assert_int_eq(db_exec(db, "INSERT INTO code(session_id, type, item_id) VALUES (?1,"
		" 'unseen', ?2)", "ii", session, id), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);
	return id;
}
