#ifndef DIDAT_MODEL_BOARD_H
#define DIDAT_MODEL_BOARD_H

/* The bundle board of step 5, as the SME chapter's appendix lays it out:
 * a column per actor group (A–G, in letter order), each holding the
 * measures addressed to it, most urgent first; measures without an actor
 * group in a last column, when there are any.  The board holds ids and
 * the groups' names only: a card's text is read when it is shown. */

#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

struct board_column {
	int64_t actor_id;        /* 0: the measures without actor group */
	char *letter, *name;     /* NULL for that column */
	int64_t *ids;            /* the measures, priority first, then as made */
	size_t n;
};

struct board {
	struct board_column *columns;
	size_t n;
};

/* Fills B with SESSION's board; free it with board_free() (also after
 * a failure). */
enum status board_load(struct db *db, int64_t session, struct board *b);
void board_free(struct board *b);

/* The most measures any column of B holds. */
size_t board_rows(const struct board *b);

/* Addresses measure ID to actor group ACTOR (0: none), one undoable
 * change. */
enum status board_move(struct db *db, int64_t id, int64_t actor);

#endif
