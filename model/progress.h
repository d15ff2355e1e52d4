#ifndef DIDAT_MODEL_PROGRESS_H
#define DIDAT_MODEL_PROGRESS_H

/* How far the group is: the open points of each of the five steps (an
 * unseen not rated yet, a goal that answers no unseen, a component
 * without a SoRO, an actor group without measures...), each one a check
 * in a table of checks, counted per step for the step bar and listed for
 * the checklist screen. */

#include <stddef.h>
#include <stdint.h>

#include "model/item.h"
#include "util/status.h"

struct db;

#define PROGRESS_STEPS 5   /* the method's five steps, 0 = guiding question */

/* One open point: the item it is about (KIND and ID; for a point about
 * the whole session, ITEM_SESSION and the session), and which check
 * found it. */
struct open_point {
	size_t check;
	enum item_kind kind;
	int64_t id;
};

/* The step (0..4) that check I belongs to, and what it says is open
 * (a msgid: "not rated yet"). */
int progress_check_step(size_t check);
const char *progress_check_problem(size_t check);
size_t progress_check_count(void);
/* The kind of item whose making or editing mends check I's points: the
 * kind of the point's item, or the missing one (ITEM_SORO for "no SoRO
 * for this component"). */
enum item_kind progress_check_mend(size_t check);

/* The number of open points of each step of SESSION into COUNTS. */
enum status progress_count(struct db *db, int64_t session, int64_t counts[PROGRESS_STEPS]);

/* Calls CB for each open point of SESSION, step by step and check by
 * check, each check's items in their kind's order; a non-zero return
 * stops the walk. */
typedef int (*open_point_cb)(void *ctx, const struct open_point *point);
enum status progress_each(struct db *db, int64_t session, open_point_cb cb, void *ctx);

#endif
