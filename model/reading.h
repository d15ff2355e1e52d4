#ifndef DIDAT_MODEL_READING_H
#define DIDAT_MODEL_READING_H

/* What the document reader asks besides lines and codings: the coded
 * passages of one code across a session (the hinge view) and the next
 * full-text hit inside one document (n and N).  Neither holds a
 * document's text: quotes are read a screen at a time with
 * document_lines(). */

#include <stdbool.h>
#include <stdint.h>

#include "util/status.h"

struct db;

/* One coded passage of a code, without its text. */
struct reading_passage {
	int64_t coding_id, document_id;
	const char *document;          /* the document's title */
	const char *document_kind;     /* minutes, paper, draft, other */
	int64_t first_line, last_line;
	const char *coder;
	const char *memo;              /* "" when none */
};
/* PASSAGE is valid during the call only; a non-zero return stops. */
typedef int (*reading_passage_cb)(void *ctx, const struct reading_passage *passage);
/* Calls CB for each coding of code CODE_ID, by CODER only (NULL: every
 * coder), in document import order, then by first and last line.
 * STATUS_NOT_FOUND naming the id when there is no such code. */
enum status reading_code_passages(struct db *db, int64_t code_id, const char *coder,
	reading_passage_cb cb, void *ctx);

/* Sets *LINE to the nearest line of document DOC_ID after line FROM
 * (before it when BACKWARDS) that matches the full-text QUERY (the
 * syntax of model/search.h).  STATUS_NOT_FOUND when there is none,
 * STATUS_INVALID for an empty or malformed query; db_error() names the
 * query and the document. */
enum status reading_find_line(struct db *db, int64_t doc_id, const char *query, int64_t from,
	bool backwards, int64_t *line);

#endif
