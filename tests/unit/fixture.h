#ifndef DIDAT_TESTS_FIXTURE_H
#define DIDAT_TESTS_FIXTURE_H

/* Helpers shared by the model tests: temporary database files and the
 * raw SQLite access that the tests need to prepare foreign, newer or
 * locked files.  No Suite here; every name starts with fixture_.
 *
 * Use fixture_dir_setup/fixture_dir_teardown as the UNCHECKED fixture of
 * a TCase: they run in the runner process, so that the folder is emptied
 * even when a forked test failed half-way and never reached its own
 * clean-up.  Without them, files go straight into /tmp. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/item.h"

struct db;
struct fixture_raw;

#define FIXTURE_PATH_MAX 256

void fixture_dir_setup(void);
void fixture_dir_teardown(void);

/* Makes a new, empty file with mkstemp (in the fixture folder or /tmp)
 * and writes its name into PATH (FIXTURE_PATH_MAX bytes). */
void fixture_temp_path(char *path);
/* Removes PATH and its -wal, -shm and -journal files. */
void fixture_remove(const char *path);
bool fixture_file_exists(const char *path);

/* A fresh didat database at a new temp path; asserts success. */
struct db *fixture_open(char *path);
/* Opens an existing file and asserts success. */
struct db *fixture_reopen(const char *path);
/* Closes DB and removes its files. */
void fixture_close(struct db *db, const char *path);

/* The whole file, malloc'd (NUL appended, not counted in *LEN). */
char *fixture_read_file(const char *path, size_t *len);
/* True when PATH holds exactly LEN bytes DATA. */
bool fixture_file_equals(const char *path, const char *data, size_t len);
void fixture_write_file(const char *path, const char *data, size_t len);

/* db_query_int() with no parameters; asserts success. */
int64_t fixture_int(struct db *db, const char *sql);
/* db_query_int() with one integer parameter ?1; asserts success. */
int64_t fixture_int1(struct db *db, const char *sql, int64_t a);

/* Creates a session (session_create: with actors A-G); returns its id. */
int64_t fixture_session(struct db *db, const char *title);
int64_t fixture_component(struct db *db, int64_t session, int64_t number, const char *name);
int64_t fixture_stakeholder(struct db *db, int64_t session, const char *name);
int64_t fixture_unseen(struct db *db, int64_t session, const char *title, int64_t component);
int64_t fixture_variable(struct db *db, int64_t session, const char *name);
int64_t fixture_goal(struct db *db, int64_t session, const char *text, int64_t component);
int64_t fixture_measure(struct db *db, int64_t session, const char *text, int64_t actor);
int64_t fixture_soro(struct db *db, int64_t session, const char *text, int64_t component);
/* The id of actor LETTER of SESSION. */
int64_t fixture_actor(struct db *db, int64_t session, const char *letter);
/* The code of item ID of TYPE ("unseen", ...). */
int64_t fixture_item_code(struct db *db, const char *type, int64_t id);
/* Imports NLINES lines as a document (in its own transaction) with the
 * given SHA (any unique text) and returns its id. */
int64_t fixture_document(struct db *db, int64_t session, const char *title, int64_t component,
	const char *sha, const char *const *lines, int64_t nlines);
int64_t fixture_coding(struct db *db, int64_t session, int64_t doc, int64_t first, int64_t last,
	int64_t code, const char *coder);

/* A database of an older schema: an empty SQLite file that claims the
 * current schema is opened with db_open (which then has nothing to do)
 * and schema_migrate_to(db, 0, VERSION) builds the old schema in it. */
struct db *fixture_open_schema(char *path, int64_t version);

/* An unseen written as the old schemas had it (no code GUID yet): in one
 * transaction, its row and its code's. */
/* A session written with raw SQL, for a database of an older schema. */
int64_t fixture_old_session(struct db *db, const char *title);
int64_t fixture_old_unseen(struct db *db, int64_t session, const char *title);

/* Raw SQLite connections, for files that db_open must refuse and for
 * locks held by "another program". */
struct fixture_raw *fixture_raw_open(const char *path);
/* Runs SQL (several statements allowed); returns SQLite's result code. */
int fixture_raw_exec(struct fixture_raw *raw, const char *sql);
void fixture_raw_close(struct fixture_raw *raw);

/* True when HAYSTACK contains NEEDLE; for messages. */
bool fixture_contains(const char *haystack, const char *needle);

#endif
