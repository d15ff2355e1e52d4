#ifndef DIDAT_MODEL_COMPARE_H
#define DIDAT_MODEL_COMPARE_H

/* Two coders' codings of one document side by side, for the reader's
 * comparison: where they differ, and the one-key resolutions.  A line
 * differs when one coder applied a code to it (CODE, or any code when
 * CODE is 0) that the other did not. */

#include <stdbool.h>
#include <stdint.h>

#include "util/status.h"

struct db;

struct compare {
	int64_t doc;
	const char *a, *b;     /* the coders, by name */
	int64_t code;          /* 0: every code */
};

/* The first line after FROM (before it, BACKWARDS) where a difference
 * starts or changes; STATUS_NOT_FOUND when there is none.  Streams the
 * document's codings of the two coders once. */
enum status compare_next_difference(struct db *db, const struct compare *c, int64_t from,
	bool backwards, int64_t *line);

/* TAKER takes over what the other coder has on LINE and TAKER lacks:
 * each such coding of the other becomes TAKER's too (same lines and
 * code), in one transaction; *MADE counts them. */
enum status compare_take_over(struct db *db, const struct compare *c, int64_t line,
	const char *taker, int64_t *made);
/* DROPPER's codings on LINE that the other coder lacks are deleted, in
 * one transaction; *DROPPED counts them. */
enum status compare_drop_own(struct db *db, const struct compare *c, int64_t line,
	const char *dropper, int64_t *dropped);

#endif
