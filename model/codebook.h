#ifndef DIDAT_MODEL_CODEBOOK_H
#define DIDAT_MODEL_CODEBOOK_H

/* What the codebook screen reads for each row it draws: a code's type,
 * name, colour and number of codings by one indexed lookup.  code_read()
 * (model/coding.h) also gives the path and the texts, but walks the
 * whole free-code tree for it: right for the one selected code, too slow
 * for a screenful of rows among thousands of item codes. */

#include <stdint.h>

#include "util/status.h"

struct db;

struct codebook_row {
	int64_t id;
	const char *type;      /* unseen, goal, measure, soro, stakeholder, variable, free */
	const char *name;      /* the item's title or text, or the free code's own name */
	const char *colour;    /* "" when none */
	int64_t codings;
};
/* ROW is valid during the call only; CB must not call
 * codebook_row_read() itself. */
typedef void (*codebook_row_cb)(void *ctx, const struct codebook_row *row);
/* Calls CB once with the row of code ID; STATUS_NOT_FOUND naming the id
 * when there is none. */
enum status codebook_row_read(struct db *db, int64_t id, codebook_row_cb cb, void *ctx);

#endif
