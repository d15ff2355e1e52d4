#ifndef DIDAT_MODEL_CODING_H
#define DIDAT_MODEL_CODING_H

/* Codes, coders and codings.  Every unseen, goal, measure, SoRO,
 * stakeholder group and variable is a code by itself (its row in `code`
 * is made with the item); free codes form a codebook tree with colours.
 * A coding marks lines FIRST..LAST of a document with a code. */

#include <stdint.h>

#include "util/status.h"

struct db;

/* Creates a free code NAME under PARENT_ID (0: top level); names are
 * unique among siblings.  COLOUR and DEFINITION may be NULL. */
enum status code_create_free(struct db *db, int64_t session_id, const char *name,
	int64_t parent_id, const char *colour, const char *definition, int64_t *id);

/* A code of the session by its id, or by the unique title of an item or
 * free code, or by a free code's path ("Daten/Eigentum"). */
enum status code_find(struct db *db, int64_t session_id, const char *key, int64_t *id);

struct code_info {
	int64_t id;
	const char *type;      /* unseen, goal, measure, soro, stakeholder, variable, free */
	int64_t item_id;       /* 0 for free codes */
	int64_t parent_id;
	const char *name;      /* the item's title or text, or the free code's name */
	const char *path;      /* free codes: "Daten/Eigentum"; items: "" */
	const char *colour;
	int64_t codings;
};
/* Calls CB for each code of the session, grouped by type, free codes in
 * codebook order; INFO is valid during the call only. */
typedef int (*code_cb)(void *ctx, const struct code_info *info);
enum status code_list(struct db *db, int64_t session_id, code_cb cb, void *ctx);

/* The id of coder NAME, created on first use. */
enum status coder_ensure(struct db *db, const char *name, int64_t *id);

struct coding {
	int64_t id, session_id;
	int64_t document_id, first_line, last_line, code_id;
	const char *coder;     /* a name; created on first use */
	const char *memo;      /* may be NULL */
};
/* Creates C and sets C->id; refuses a range outside the document and a
 * code or document of another session, naming them. */
enum status coding_create(struct db *db, struct coding *c);
enum status coding_delete(struct db *db, int64_t id);

#endif
