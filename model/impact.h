#ifndef DIDAT_MODEL_IMPACT_H
#define DIDAT_MODEL_IMPACT_H

/* The impact matrix of a session's system variables: the rated direct
 * influence of FROM on TO, 0..scale (the session's scale, 3 or 2).  A cell
 * never rated is different from a cell rated 0. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

/* Rates the influence of variable FROM on variable TO; NOTE may be NULL. */
enum status impact_set(struct db *db, int64_t from, int64_t to, int64_t strength, const char *note);
/* Makes the cell unrated again. */
enum status impact_clear(struct db *db, int64_t from, int64_t to);

/* The whole matrix of a session, dense, in the variables' order. */
struct impact_matrix {
	size_t n;
	int64_t *ids;   /* n variable ids */
	char **names;   /* n variable names */
	int *cells;     /* n*n row-major: cells[i*n+j] = influence of i on j, -1 unrated */
	int scale;
};
/* Fills M; release it with impact_matrix_free().  Refuses more than
 * IMPACT_MAX_VARIABLES variables. */
#define IMPACT_MAX_VARIABLES 5000
enum status impact_matrix_load(struct db *db, int64_t session_id, struct impact_matrix *m);
void impact_matrix_free(struct impact_matrix *m);

/* For a screen that keeps a loaded matrix current: calls CB with each
 * cell of SESSION_ID changed after change-log id SINCE, with its value
 * now (-1: unrated).  Sets *RELOAD when the variables or the scale changed
 * since (the loaded matrix no longer fits: load it again) and *LAST to
 * the session's newest change-log id.  SINCE 0 only sets *LAST. */
typedef void (*impact_cell_cb)(void *ctx, int64_t from, int64_t to, int strength);
enum status impact_changes_since(struct db *db, int64_t session_id, int64_t since, int scale,
	bool *reload, int64_t *last, impact_cell_cb cb, void *ctx);

#endif
