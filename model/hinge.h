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

#endif
