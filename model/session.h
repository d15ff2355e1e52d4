#ifndef DIDAT_MODEL_SESSION_H
#define DIDAT_MODEL_SESSION_H

/* Whole sessions: create (with the default actor groups), list with
 * counts, find by number or title, deep copy, delete.  The fields of a
 * single session are read and written with item_read()/item_update(). */

#include <stdint.h>

#include "model/item.h"

struct db;

/* Creates S (scale 3 when unset) with the seven actor groups A-G of the
 * SME chapter, and sets S->id. */
enum status session_create(struct db *db, struct session *s);

/* A session by its number or its unique title. */
enum status session_find(struct db *db, const char *key, int64_t *id);

struct session_summary {
	int64_t id;
	const char *title, *date, *modified;
	int64_t components, unseens, goals, measures, documents, codings;
};
/* Calls CB for each session, newest date first; the summary is valid
 * during the call only.  A non-zero return stops the list. */
typedef int (*session_cb)(void *ctx, const struct session_summary *summary);
enum status session_list(struct db *db, session_cb cb, void *ctx);
enum status session_summary(struct db *db, int64_t id, session_cb cb, void *ctx);

/* Copies session ID with everything that belongs to it (items, links,
 * matrix, documents, codes and codings) under TITLE (NULL: "<title>
 * (Kopie)"), and sets *NEW_ID. */
enum status session_duplicate(struct db *db, int64_t id, const char *title, int64_t *new_id);

/* Deletes session ID with everything that belongs to it. */
enum status session_delete(struct db *db, int64_t id);

#endif
