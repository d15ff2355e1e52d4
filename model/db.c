#include "model/db.h"

#include <errno.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/schema.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/fatal.h"

#define DB_CACHE_BUCKETS 256
#define DB_BUSY_TIMEOUT_MS 5000

struct db_stmt {
	sqlite3_stmt *stmt;
	struct db *db;
	char *sql;
	uint32_t hash;
	struct db_stmt *next;
};

struct db {
	sqlite3 *handle;
	char *path;
	bool readonly;
	char error[1024];
	char notice[256];       /* db_notice() */
	enum status last_status;
	char user[128];
	int depth;              /* nesting of db_begin() */
	bool failed;            /* a nested level failed: the outermost rolls back */
	bool bulk;              /* db_begin_bulk(): temporary files in memory until the end */
	int64_t change_group;   /* change-log group of the open transaction */
	int64_t data_version;
	struct db_stmt *cache[DB_CACHE_BUCKETS];
};

static uint32_t hash_text(const char *s)
{
	uint32_t h = 2166136261u;  /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

enum status db_fail(struct db *db, enum status status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(db->error, sizeof db->error, fmt, ap);
	va_end(ap);
	db->last_status = status;
	return status;
}

/* Maps SQLite's result code to our status and records its message. */
static enum status fail_sqlite(struct db *db, int rc, const char *sql)
{
	int primary = rc & 0xff;
	enum status status = STATUS_DB;
	const char *msg = db->handle ? sqlite3_errmsg(db->handle) : sqlite3_errstr(rc);

	switch (primary) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return db_fail(db, STATUS_BUSY,
			_("%s: the database is locked by another program (%s); nothing was "
				"changed"),
			db->path, msg);
	case SQLITE_READONLY:
		return db_fail(db, STATUS_READONLY,
			_("%s: the database is read-only; changes are not possible"), db->path);
	case SQLITE_NOTADB:
		return db_fail(db, STATUS_BAD_FILE,
			_("%s: the file is not an SQLite database"), db->path);
	case SQLITE_CONSTRAINT:
		status = STATUS_CONFLICT;
		break;
	case SQLITE_NOMEM:
		status = STATUS_NOMEM;
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL:
		status = STATUS_IO;
		break;
	default:
		break;
	}
	if (sql)
		return db_fail(db, status, "%s: %s (%s %d) in: %.200s", db->path, msg,
			sqlite3_errstr(rc), sqlite3_extended_errcode(db->handle), sql);
	return db_fail(db, status, "%s: %s (%s)", db->path, msg, sqlite3_errstr(rc));
}

const char *db_error(const struct db *db)
{
	return db->error;
}

const char *db_notice(const struct db *db)
{
	return db->notice;
}

void db_set_notice(struct db *db, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(db->notice, sizeof db->notice, fmt, ap);
	va_end(ap);
}

const char *db_path(const struct db *db)
{
	return db->path;
}

bool db_is_readonly(const struct db *db)
{
	return db->readonly;
}

enum status db_require_writable(struct db *db)
{
	if (!db->readonly)
		return STATUS_OK;
	return db_fail(db, STATUS_READONLY,
		_("%s: the database is read-only (a write-protected file); changes are not "
			"possible"),
		db->path);
}

enum status db_check_utf8(struct db *db, const char *what, const char *text)
{
	size_t len = text ? strlen(text) : 0, valid = text ? text_utf8_prefix(text, len) : 0;
	if (valid == len)
		return STATUS_OK;
	return db_fail(db, STATUS_INVALID, _("%s: not valid UTF-8 (byte %zu); nothing changed"),
		what, valid + 1);
}

void db_set_user(struct db *db, const char *user)
{
	snprintf(db->user, sizeof db->user, "%s", user ? user : "");
}

const char *db_user(const struct db *db)
{
	return db->user;
}

/* SQL functions the change-log triggers call: who changes, and which
 * group (one user action) the change belongs to. */
static void sql_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, db->user, -1, SQLITE_TRANSIENT);
}

static void sql_change_group(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);
	(void)argc;
	(void)argv;
	sqlite3_result_int64(ctx, db->change_group);
}

/* didat_contains(text, needle): text_contains_folded for SQL, so that
 * lists can be filtered ignoring case with umlauts too. */
static void sql_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *needle = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, text_contains_folded(text, needle));
}

static void default_user(struct db *db)
{
	const char *name = getenv("DIDAT_CODER");
	if (!name || !*name)
		name = getenv("USER");
	if (!name || !*name) {
		struct passwd *pw = getpwuid(getuid());
		name = pw ? pw->pw_name : "unknown";
	}
	db_set_user(db, name);
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Opens with SQLITE_OPEN_* FLAGS, or URI with SQLITE_OPEN_URI; a handle
 * that cannot read its schema counts as not opened. */
static int try_open(struct db *db, const char *name, int flags)
{
	int rc = sqlite3_open_v2(name, &db->handle, flags, NULL);
	if (rc == SQLITE_OK && (flags & SQLITE_OPEN_READONLY))
		rc = sqlite3_exec(db->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK && rc != SQLITE_NOTADB) {
		sqlite3_close(db->handle);
		db->handle = NULL;
	}
	return rc;
}

static enum status open_handle(struct db *db, int flags)
{
	int rc = try_open(db, db->path, flags);
	if (rc != SQLITE_OK && rc != SQLITE_NOTADB && db->readonly) {
		/* A read-only file in a read-only folder: SQLite cannot make
		 * the WAL index beside it, so read it as an immutable file. */
		char *uri = sqlite3_mprintf("file:%s?immutable=1", db->path);
		if (!uri)
			return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		rc = try_open(db, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
		sqlite3_free(uri);
	}
	if (rc == SQLITE_NOTADB) {
		sqlite3_close(db->handle);
		db->handle = NULL;
		return db_fail(db, STATUS_BAD_FILE, _("%s: the file is not an SQLite "
			"database"), db->path);
	}
	if (rc != SQLITE_OK)
		return db_fail(db, STATUS_IO, _("%s: cannot open the database: %s"),
			db->path, sqlite3_errstr(rc));
	sqlite3_extended_result_codes(db->handle, 1);
	const char *timeout = getenv("DIDAT_BUSY_TIMEOUT_MS");
	sqlite3_busy_timeout(db->handle, timeout && *timeout ? atoi(timeout) : DB_BUSY_TIMEOUT_MS);
	sqlite3_create_function(db->handle, "didat_user", 0, SQLITE_UTF8, db, sql_user, NULL, NULL);
	sqlite3_create_function(db->handle, "didat_change_group", 0, SQLITE_UTF8, db,
		sql_change_group, NULL, NULL);
	sqlite3_create_function(db->handle, "didat_contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
		NULL, sql_contains, NULL, NULL);
	return STATUS_OK;
}

/* Reads version and identity without writing, and refuses what is not
 * ours to change. */
static enum status check_identity(struct db *db, int64_t *version)
{
	int64_t app_id = 0, objects = 0;
	enum status rc = db_query_int(db, &objects, "SELECT count(*) FROM sqlite_schema", "");
	if (rc != STATUS_OK)
		return rc;
	if ((rc = db_query_int(db, version, "PRAGMA user_version", "")) != STATUS_OK)
		return rc;
	if ((rc = db_query_int(db, &app_id, "PRAGMA application_id", "")) != STATUS_OK)
		return rc;
	/* Ours, or an empty file nobody has claimed yet. */
	if (app_id != SCHEMA_APPLICATION_ID && (app_id != 0 || objects > 0))
		return db_fail(db, STATUS_BAD_FILE,
			_("%s: the file is an SQLite database, but not one of didat"), db->path);
	if (*version > SCHEMA_VERSION)
		return db_fail(db, STATUS_BAD_FILE,
			_("%s: the database comes from a newer didat (schema %lld, this program "
				"knows %d); it is left unchanged"),
			db->path, (long long)*version, SCHEMA_VERSION);
	return STATUS_OK;
}

enum status db_open(struct db **out, const char *path, enum db_mode mode)
{
	struct db *db = calloc(1, sizeof *db);
	*out = db;
	if (!db)
		return STATUS_NOMEM;
	db->path = strdup(path);
	if (!db->path)
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	default_user(db);

	bool exists = file_exists(path);
	db->readonly = mode == DB_READONLY || (exists && access(path, W_OK) != 0);
	if (!exists && db->readonly)
		return db_fail(db, STATUS_IO, _("%s: the database does not exist"), path);
	int flags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	enum status rc = open_handle(db, flags);
	if (rc != STATUS_OK)
		return rc;

	int64_t version = 0;
	if ((rc = check_identity(db, &version)) != STATUS_OK)
		return rc;
	if (db->readonly) {
		if (version != SCHEMA_VERSION)
			return db_fail(db, STATUS_READONLY,
				_("%s: the database is read-only and has an older schema (%lld); "
					"open it once writable to update it"),
				path, (long long)version);
		return db_exec(db, "PRAGMA query_only = ON", "");
	}
	if ((rc = db_exec(db, "PRAGMA foreign_keys = ON", "")) != STATUS_OK)
		return rc;
	int64_t wal = 0;
	if ((rc = db_query_int(db, &wal, "SELECT journal_mode = 'wal' FROM pragma_journal_mode", "")))
		return rc;
	if (!wal && (rc = db_exec(db, "PRAGMA journal_mode = WAL", "")) != STATUS_OK)
		return rc;
	if (version < SCHEMA_VERSION)
		return schema_migrate(db, version);
	return STATUS_OK;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < DB_CACHE_BUCKETS; i++) {
		struct db_stmt *st = db->cache[i];
		while (st) {
			struct db_stmt *next = st->next;
			sqlite3_finalize(st->stmt);
			free(st->sql);
			free(st);
			st = next;
		}
	}
	if (db->handle)
		sqlite3_close(db->handle);
	free(db->path);
	free(db);
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
	uint32_t h = hash_text(sql);
	struct db_stmt **bucket = &db->cache[h % DB_CACHE_BUCKETS];
	for (struct db_stmt *st = *bucket; st; st = st->next) {
		if (st->hash == h && strcmp(st->sql, sql) == 0) {
			sqlite3_reset(st->stmt);
			sqlite3_clear_bindings(st->stmt);
			return st;
		}
	}
	struct db_stmt *st = calloc(1, sizeof *st);
	if (!st || !(st->sql = strdup(sql))) {
		free(st);
		db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		return NULL;
	}
	int rc = sqlite3_prepare_v3(db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->stmt, NULL);
	if (rc != SQLITE_OK) {
		fail_sqlite(db, rc, sql);
		free(st->sql);
		free(st);
		return NULL;
	}
	st->db = db;
	st->hash = h;
	st->next = *bucket;
	*bucket = st;
	return st;
}

void db_bind_int(struct db_stmt *st, int idx, int64_t value)
{
	sqlite3_bind_int64(st->stmt, idx, value);
}

void db_bind_id(struct db_stmt *st, int idx, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st->stmt, idx);
	else
		sqlite3_bind_int64(st->stmt, idx, id);
}

void db_bind_text(struct db_stmt *st, int idx, const char *text)
{
	if (text)
		sqlite3_bind_text(st->stmt, idx, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->stmt, idx);
}

void db_bind_double(struct db_stmt *st, int idx, double value)
{
	sqlite3_bind_double(st->stmt, idx, value);
}

enum db_step db_step(struct db_stmt *st)
{
	int rc = sqlite3_step(st->stmt);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	fail_sqlite(st->db, rc, st->sql);
	sqlite3_reset(st->stmt);
	if (st->db->depth > 0)
		st->db->failed = true;
	return DB_ERROR;
}

void db_reset(struct db_stmt *st)
{
	sqlite3_reset(st->stmt);
}

enum status db_step_status(struct db_stmt *st)
{
	return st->db->last_status;
}

int db_column_count(struct db_stmt *st)
{
	return sqlite3_column_count(st->stmt);
}

bool db_column_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->stmt, col) == SQLITE_NULL;
}

int64_t db_column_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(st->stmt, col);
}

double db_column_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(st->stmt, col);
}

const char *db_column_text(struct db_stmt *st, int col)
{
	const unsigned char *text = sqlite3_column_text(st->stmt, col);
	return text ? (const char *)text : "";
}

char *db_column_strdup(struct db_stmt *st, int col)
{
	const unsigned char *text = sqlite3_column_text(st->stmt, col);
	return text ? strdup((const char *)text) : NULL;
}

const char *db_column_name(struct db_stmt *st, int col)
{
	return sqlite3_column_name(st->stmt, col);
}

static void bind_args(struct db_stmt *st, const char *args, va_list ap)
{
	for (int i = 0; args[i]; i++) {
		switch (args[i]) {
		case 'i':
			db_bind_int(st, i + 1, va_arg(ap, int64_t));
			break;
		case 'n':
			db_bind_id(st, i + 1, va_arg(ap, int64_t));
			break;
		case 't':
			db_bind_text(st, i + 1, va_arg(ap, const char *));
			break;
		case 'f':
			db_bind_double(st, i + 1, va_arg(ap, double));
			break;
		default:
			/* a programming error: the format is a literal */
			fatal("bind_args: unknown argument type '%c'", args[i]);
		}
	}
}

enum status db_exec(struct db *db, const char *sql, const char *args, ...)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return db->last_status;
	va_list ap;
	va_start(ap, args);
	bind_args(st, args, ap);
	va_end(ap);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW)
		;
	db_reset(st);
	return step == DB_DONE ? STATUS_OK : db->last_status;
}

enum status db_query_int(struct db *db, int64_t *out, const char *sql, const char *args, ...)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return db->last_status;
	va_list ap;
	va_start(ap, args);
	bind_args(st, args, ap);
	va_end(ap);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW:
		*out = db_column_int(st, 0);
		break;
	case DB_DONE:
		rc = STATUS_NOT_FOUND;
		break;
	case DB_ERROR:
		rc = db->last_status;
		break;
	}
	db_reset(st);
	return rc;
}

enum status db_exec_script(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->handle, sql, NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		return STATUS_OK;
	enum status status = fail_sqlite(db, rc, NULL);
	if (msg)
		db_fail(db, status, "%s: %s", db->path, msg);
	sqlite3_free(msg);
	if (db->depth > 0)
		db->failed = true;
	return status;
}

int64_t db_last_insert_id(const struct db *db)
{
	return sqlite3_last_insert_rowid(db->handle);
}

int db_changes(const struct db *db)
{
	return sqlite3_changes(db->handle);
}

/* Back to temporary files on disk once a bulk transaction has ended
 * (outside any transaction, as SQLite requires). */
static void end_bulk(struct db *db)
{
	/* refused (a statement still reading): the next end tries again */
	if (db->bulk && db->depth == 0 &&
	    sqlite3_exec(db->handle, "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL) == SQLITE_OK)
		db->bulk = false;
}

enum status db_begin(struct db *db)
{
	enum status rc;
	if (db->depth > 0) {
		db->depth++;
		return STATUS_OK;
	}
	if ((rc = db_require_writable(db)) != STATUS_OK)
		return rc;
	if ((rc = db_exec(db, "BEGIN IMMEDIATE", "")) != STATUS_OK)
		return rc;
	db->depth = 1;
	db->failed = false;
	rc = db_query_int(db, &db->change_group,
		"SELECT coalesce(max(change_group), 0) + 1 FROM changelog", "");
	if (rc != STATUS_OK && rc != STATUS_NOT_FOUND) {
		/* a database being created has no change log yet */
		db->change_group = 1;
		db->failed = false;
		db->error[0] = '\0';
	}
	return STATUS_OK;
}

enum status db_begin_bulk(struct db *db)
{
	/* temp_store cannot change within a transaction; a nested bulk
	 * transaction is as its outermost one */
	if (db->depth == 0 && !db->readonly &&
	    sqlite3_exec(db->handle, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) == SQLITE_OK)
		db->bulk = true;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		end_bulk(db);
	return rc;
}

enum status db_end(struct db *db, enum status rc)
{
	if (db->depth <= 0)
		return rc;
	if (rc != STATUS_OK)
		db->failed = true;
	if (--db->depth > 0)
		return rc;
	if (db->failed) {
		char saved[sizeof db->error];
		enum status saved_status = db->last_status;
		memcpy(saved, db->error, sizeof saved);
		sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
		memcpy(db->error, saved, sizeof saved);
		db->last_status = saved_status;
		db->failed = false;
		end_bulk(db);
		return rc != STATUS_OK ? rc : saved_status;
	}
	enum status commit = db_exec(db, "COMMIT", "");
	if (commit != STATUS_OK)
		sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
	end_bulk(db);
	return commit;
}

bool db_changed_elsewhere(struct db *db)
{
	int64_t version = 0;
	if (db_query_int(db, &version, "PRAGMA data_version", "") != STATUS_OK)
		return false;
	bool changed = db->data_version != 0 && version != db->data_version;
	db->data_version = version;
	return changed;
}

enum status db_query_text(struct db *db, char **out, const char *sql, int64_t id)
{
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	if (db_step(st) != DB_ROW) {
		enum status rc = db_step_status(st) != STATUS_OK ? db_step_status(st) : STATUS_NOT_FOUND;
		db_reset(st);
		return rc;
	}
	*out = strdup(db_column_text(st, 0));
	db_reset(st);
	return *out ? STATUS_OK : db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
}
