#ifndef DIDAT_MODEL_HINGE_H
#define DIDAT_MODEL_HINGE_H

/* The rows of a hinge table (Scharniertabelle): every coded passage with
 * its code, document, lines and exact quote.  Streamed row by row. */

#include <stdint.h>

#include "util/status.h"

struct db;

struct hinge_filter {
	int64_t component;     /* component number; 0 = all */
	const char *type;      /* code type (unseen, goal, measure, soro, free, ...); NULL = all */
	const char *coder;     /* NULL = all */
	int64_t document_id;   /* 0 = all */
};

struct hinge_row {
	int64_t coding_id;
	const char *session;
	const char *component;     /* the component's number, "" when none */
	const char *code_type;
	int64_t code_id;
	const char *code_path;     /* free codes: "Daten/Eigentum"; items: "" */
	const char *code;
	const char *document;
	const char *document_kind;
	int64_t first_line, last_line;
	int64_t printed_first, printed_last;   /* a draft's own printed numbers; 0: none */
	const char *quote;         /* the lines' exact text, joined by "\n" */
	const char *coder;
	const char *memo;
	const char *coded_at;
};

/* Calls CB for each coded passage of SESSION_ID that passes FILTER (NULL:
 * all), ordered by component, code, document and line.  ROW is valid
 * during the call only; a non-zero return stops. */
typedef int (*hinge_cb)(void *ctx, const struct hinge_row *row);
enum status hinge_list(struct db *db, int64_t session_id, const struct hinge_filter *filter,
	hinge_cb cb, void *ctx);

/* The chapter hinge table: which lines of a white-paper draft rest on
 * which lines of which other documents.  One row per pair of a draft
 * passage (lines and code of a coding in the draft; two coders' identical
 * passages count once, with their coders joined) and a source passage (a coding of the same code
 * in another document of the session). */
struct hinge_pair {
	int64_t draft_first_line, draft_last_line;
	int64_t draft_printed_first, draft_printed_last;   /* printed numbers; 0: none */
	const char *draft_coder;       /* who coded the draft passage, joined by ", " */
	const char *draft_quote;
	const char *code_type;
	int64_t code_id;
	const char *code;              /* a free code's path, an item's title or text */
	int64_t source_coding_id, source_document_id;
	const char *source_document, *source_kind;
	int64_t source_first_line, source_last_line;
	const char *source_quote;
	const char *coder;             /* the source passage's */
};
/* Calls CB for each pair of draft DRAFT_ID (a document of SESSION_ID of
 * kind draft, else STATUS_INVALID naming it and its kind) whose source
 * passage passes FILTER (NULL: all; the component is the source's, as in
 * hinge_list()), ordered by draft lines, code, source document and source
 * lines.  Streamed: PAIR is valid during the call only; a non-zero
 * return stops. */
typedef int (*hinge_pair_cb)(void *ctx, const struct hinge_pair *pair);
/* OK when DRAFT_ID is a draft of SESSION_ID; else the refusal that
 * hinge_chapter_list() gives, so that a caller can check before it writes. */
enum status hinge_chapter_check(struct db *db, int64_t session_id, int64_t draft_id);
enum status hinge_chapter_list(struct db *db, int64_t session_id, int64_t draft_id,
	const struct hinge_filter *filter, hinge_pair_cb cb, void *ctx);

#endif
