#ifndef DIDAT_MODEL_UNDO_H
#define DIDAT_MODEL_UNDO_H

/* Undo and redo per session, as in an editor, across restarts: they
 * read the change log (model/changelog.h), whose rows of one user action
 * share a change group.
 *
 * Undo reverts the session's most recent user action that is not undone
 * yet; again, the one before it.  Redo re-applies the action undone
 * last; a new user action ends what can be redone.  Each person (the
 * database's user, db_user()) undoes and redoes their own actions
 * (UNDO_MINE), so that two facilitators on one session do not take back
 * each other's work; UNDO_ANYONE takes the session's actions of anyone.  An
 * undo or redo is itself one new change group in the log (recorded in
 * table undo_step), never a target of undo.
 *
 * A group is reverted by walking its rows backwards (an insert is
 * deleted, a delete is inserted again with all its columns and its id,
 * an update writes the old values back) and re-applied by walking them
 * forwards, all in one transaction.  When a row the group touched was
 * changed since (it differs from the group's result, or a deleted row's
 * id is taken again), or reverting would change a row outside the group,
 * nothing is changed and the result is STATUS_CONFLICT with a message
 * naming table and id.  Creating or deleting a session or a document is
 * not undoable (a deleted session is gone; a document's lines are not in
 * the log): undo stops there. */

#include <stdbool.h>
#include <stdint.h>

#include "util/status.h"

struct db;

enum undo_scope { UNDO_MINE, UNDO_ANYONE };

struct undo_result {
	int64_t target_group;    /* the user action undone or redone */
	int64_t done_group;      /* the change group of the undo or redo itself */
	char description[256];   /* "Rückgängig: Unseen 7 geändert", for a status line */
	char table[32];          /* the first item the action touched: its kind ("unseen"), */
	int64_t row_id;          /* and its id (there again or not); "" and 0 for none */
	char who[64];            /* who made the action ("" when the log does not say) */
};

/* Undoes the last user action of SESSION_ID in SCOPE not undone yet and
 * fills OUT; its description names the person who made the action when
 * that is someone else.  STATUS_NOT_FOUND with "nichts rückgängig zu
 * machen" in db_error() when there is none; STATUS_CONFLICT as above. */
enum status undo_last(struct db *db, int64_t session_id, enum undo_scope scope,
	struct undo_result *out);
/* Re-applies the action of SESSION_ID in SCOPE undone last;
 * STATUS_NOT_FOUND with "nichts wiederherzustellen" when there is none. */
enum status redo_last(struct db *db, int64_t session_id, enum undo_scope scope,
	struct undo_result *out);

/* Whether undo_last() and redo_last() have something to do in SCOPE (they
 * may still be refused with a conflict).  Only reads. */
enum status undo_available(struct db *db, int64_t session_id, enum undo_scope scope,
	bool *can_undo, bool *can_redo);

/* The German label of a logged table ("Unseen", "Einfluss"), NULL for a
 * table whose changes undo cannot revert.  Static storage. */
const char *undo_table_label(const char *table);

#endif
