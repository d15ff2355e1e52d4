#ifndef DIDAT_MODEL_DRAFT_H
#define DIDAT_MODEL_DRAFT_H

/* Drafts: what is typed into an open editor, kept a moment after typing
 * pauses and when the program is stopped (SIGTERM, SIGHUP, Ctrl-C), so
 * that the next start can offer it again whatever ended the program; and
 * a text whose item was deleted elsewhere while it was edited.  A draft is not user data: it is not in the change log
 * and does not mark its session modified. */

#include <stdint.h>

#include "util/status.h"

struct db;

struct draft {
	int64_t id;
	int64_t session_id;     /* 0: none */
	const char *target;     /* the key the screen chose: "unseen:7:description" */
	const char *original;   /* the field's value when editing began; "" for none */
	const char *text;       /* what was typed */
	const char *saved_at;   /* UTC, ISO 8601 with milliseconds */
	const char *saved_local;  /* the same as local time, "2026-12-05 14:31" */
};

/* Keeps TEXT as the draft of TARGET in SESSION_ID (0: none), replacing
 * an earlier draft of the same target.  ORIGINAL may be NULL.  One short
 * transaction of its own, for the screen's shutdown path: call it
 * outside any other transaction, or it goes with that one. */
enum status draft_save(struct db *db, int64_t session_id, const char *target, const char *original,
	const char *text);

/* Calls CB for each draft, newest first; DRAFT is valid during the call
 * only.  A non-zero return stops the list. */
typedef int (*draft_cb)(void *ctx, const struct draft *draft);
enum status draft_list(struct db *db, draft_cb cb, void *ctx);

/* Deletes the draft of TARGET in SESSION_ID, if there is one: the text
 * was saved or given up. */
enum status draft_forget(struct db *db, int64_t session_id, const char *target);

/* Deletes draft ID; STATUS_NOT_FOUND naming it when there is none. */
enum status draft_delete(struct db *db, int64_t id);

#endif
