#ifndef DIDAT_MODEL_CHANGELOG_H
#define DIDAT_MODEL_CHANGELOG_H

/* The change log: every insert, update and delete of user data, written
 * by triggers (model/schema.c) in the same transaction as the change.
 * Rows of one user action share a change group; undo and "what changed
 * since" read it from here. */

#include <stdint.h>

#include "util/status.h"

struct db;

struct change {
	int64_t id, change_group;
	const char *at, *who;
	int64_t session_id;        /* 0 when unknown */
	const char *table;
	int64_t row_id;
	const char *op;            /* insert, update, delete */
	const char *old_json, *new_json;   /* "" where there is none */
};

/* Calls CB for each change of SESSION_ID (0: all sessions) with an id
 * above SINCE, oldest first; CHANGE is valid during the call only. */
typedef int (*change_cb)(void *ctx, const struct change *change);
enum status changelog_list(struct db *db, int64_t session_id, int64_t since, change_cb cb, void *ctx);

#endif
