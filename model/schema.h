#ifndef DIDAT_MODEL_SCHEMA_H
#define DIDAT_MODEL_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

/* PRAGMA application_id of a didat database ("DiDa"). */
#define SCHEMA_APPLICATION_ID 0x44694461
/* PRAGMA user_version of the schema this program writes. */
#define SCHEMA_VERSION 9

/* Brings a database of schema FROM (0 = empty) up to SCHEMA_VERSION, in
 * one transaction: all migrations or none. */
enum status schema_migrate(struct db *db, int64_t from);

/* Applies the migrations up to TO only; tests use it to build a database
 * of an older schema. */
enum status schema_migrate_to(struct db *db, int64_t from, int64_t to);

/* The I-th table whose changes the change log records (its user data),
 * NULL past the last one. */
const char *schema_logged_table(size_t i);

#endif
