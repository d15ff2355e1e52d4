#ifndef DIDAT_MODEL_DB_H
#define DIDAT_MODEL_DB_H

/* The storage module: the only place that talks to SQLite.  Everything
 * else in model/ goes through these wrappers, so that every statement is
 * prepared once with bound parameters, every return code is checked, and
 * every error carries SQLite's code, message and the SQL text. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;
struct db_stmt;

enum db_mode {
	DB_READWRITE,   /* create the file when missing; read-only files fall back to DB_READONLY */
	DB_READONLY,
};

/* Opens (creating when missing) and migrates the database at PATH.  On
 * any failure *out is still set (unless memory ran out) so that
 * db_error() can tell why; the caller always calls db_close().  A
 * database written by a newer didat, a file that is not a didat
 * database, and a locked file are refused without a single write. */
enum status db_open(struct db **out, const char *path, enum db_mode mode);
void db_close(struct db *db);

/* The message of the last failure, naming file, SQL or id; read it right
 * after a call returned an error (a later success does not clear it). */
const char *db_error(const struct db *db);
/* Sets the message of the failure STATUS and returns STATUS, so that a
 * model function can write `return db_fail(db, STATUS_INVALID, ...)`. */
enum status db_fail(struct db *db, enum status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* What opening the database changed that the user should hear of (a
 * migration that merged data), "" when nothing; the text lives as long
 * as DB.  db_set_notice() is for the migrations. */
const char *db_notice(const struct db *db);
void db_set_notice(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

const char *db_path(const struct db *db);
bool db_is_readonly(const struct db *db);
/* Refuses a change on a read-only database with a clear message. */
enum status db_require_writable(struct db *db);
/* Refuses TEXT (NULL passes) that is not UTF-8, the one encoding the
 * database holds, naming WHAT and the first bad byte (from 1). */
enum status db_check_utf8(struct db *db, const char *what, const char *text);

/* Who makes the changes, recorded in the change log (default: login name). */
void db_set_user(struct db *db, const char *user);
const char *db_user(const struct db *db);

/* Nestable transactions.  The outermost db_begin() starts an immediate
 * transaction and opens a change-log group; db_end(db, rc) commits when
 * RC is STATUS_OK and no nested level failed, rolls back otherwise, and
 * returns the final status (a failed commit turns OK into an error). */
enum status db_begin(struct db *db);
enum status db_end(struct db *db, enum status rc);
/* db_begin() for a transaction of many statements (an import, a copy):
 * until its db_end() SQLite keeps its temporary files in memory.  The
 * first statement journal that outgrows 64 KiB otherwise goes to a file
 * for the rest of the transaction, and every later statement writes its
 * pages there with a system call: a qdpx import took half again as
 * long.  Only here, so that a large sort (an export) still spills to
 * disk instead of memory. */
enum status db_begin_bulk(struct db *db);

/* Statements.  db_prepare() returns a cached statement for SQL (keyed by
 * its text), reset and with its bindings cleared; it stays owned by DB
 * and is finalised by db_close().  NULL on error (see db_error()).
 * A statement must not be prepared again while it is being stepped. */
struct db_stmt *db_prepare(struct db *db, const char *sql);
void db_bind_int(struct db_stmt *st, int idx, int64_t value);
/* Binds 0 as NULL: for optional references and unset ratings. */
void db_bind_id(struct db_stmt *st, int idx, int64_t id);
void db_bind_text(struct db_stmt *st, int idx, const char *text);  /* NULL binds NULL */
void db_bind_double(struct db_stmt *st, int idx, double value);

enum db_step { DB_ROW, DB_DONE, DB_ERROR };
/* Steps ST; on error records the message and resets ST. */
enum db_step db_step(struct db_stmt *st);
/* Resets ST after use, so that it holds no read lock. */
void db_reset(struct db_stmt *st);
/* The status of the last failed db_step() on ST's database. */
enum status db_step_status(struct db_stmt *st);

int db_column_count(struct db_stmt *st);
bool db_column_is_null(struct db_stmt *st, int col);
int64_t db_column_int(struct db_stmt *st, int col);      /* NULL reads as 0 */
double db_column_double(struct db_stmt *st, int col);
/* Valid until the next step or reset of ST; "" for NULL. */
const char *db_column_text(struct db_stmt *st, int col);
/* A malloc'd copy (NULL for SQL NULL); the caller frees it. */
char *db_column_strdup(struct db_stmt *st, int col);
const char *db_column_name(struct db_stmt *st, int col);

/* One-shot helpers.  ARGS is a string of binding types, one per
 * parameter: 'i' int64_t, 'n' int64_t bound as NULL when 0, 't' const
 * char * (NULL binds NULL), 'f' double. */
enum status db_exec(struct db *db, const char *sql, const char *args, ...);
/* Runs a query expected to return one integer; STATUS_NOT_FOUND when it
 * returns no row (the message is left to the caller). */
enum status db_query_int(struct db *db, int64_t *out, const char *sql, const char *args, ...);
/* Runs a query with one integer parameter ?1 = ID expected to return one
 * text; *OUT gets a malloc'd copy ("" for NULL).  STATUS_NOT_FOUND when
 * it returns no row (the message is left to the caller). */
enum status db_query_text(struct db *db, char **out, const char *sql, int64_t id);
/* Runs several statements with no parameters (schema text). */
enum status db_exec_script(struct db *db, const char *sql);

int64_t db_last_insert_id(const struct db *db);
int db_changes(const struct db *db);

/* True when another connection changed the database since the last
 * call (PRAGMA data_version); for screens that refresh themselves. */
bool db_changed_elsewhere(struct db *db);

#endif
