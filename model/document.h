#ifndef DIDAT_MODEL_DOCUMENT_H
#define DIDAT_MODEL_DOCUMENT_H

/* Imported documents (minutes, supplementary papers, white-paper drafts)
 * and their numbered lines.  Lines are written once, at import, and never
 * edited, so that a coding's line numbers always mean the same text.
 * Reading goes a range of lines at a time: a document is never held in
 * memory whole. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

struct document {
	int64_t id, session_id;
	char *title;
	char *kind;            /* minutes, paper, draft, other */
	char *date;
	int64_t component_id;  /* 0 = none */
	char *filename;        /* the imported file's name, without folder */
	char *sha256;          /* of the file's bytes, hex */
	int64_t line_count;
	char *participants, *memo;
	char *imported;        /* read only: UTC ISO 8601 */
	int64_t wrap;          /* the columns its paragraphs were wrapped at; 0: not wrapped */
};

/* The search index numbers a line document_id * 2^32 + line (schema 3):
 * higher document numbers and more lines do not fit its 64-bit rowids. */
#define DOCUMENT_ID_MAX INT64_C(2147483647)
#define DOCUMENT_LINES_MAX INT64_C(4294967295)

/* True when KIND is one of the document kinds. */
bool document_kind_valid(const char *kind);
/* How a person reads KIND ("Protokoll" for minutes); KIND itself when it
 * is not a document kind, "" for NULL.  Static storage. */
const char *document_kind_label(const char *kind);
/* The kinds in their order (for a picker): the key of kind I, NULL after the last. */
const char *document_kind_at(size_t i);

/* Starts an import inside a transaction the caller holds (db_begin):
 * creates DOC without lines and sets DOC->id.  Refuses a second file
 * with the same SHA-256 in the session (STATUS_CONFLICT) and a number
 * past DOCUMENT_ID_MAX (STATUS_INVALID). */
enum status document_create(struct db *db, struct document *doc);
/* Appends line NUMBER (1, 2, ... in order, at most DOCUMENT_LINES_MAX)
 * of TEXT to document DOC_ID. */
/* Adds line NUMBER as PART of its paragraph (0: it starts one) with the
 * number PRINTED in front of it in the file (0: none). */
enum status document_add_piece(struct db *db, int64_t doc_id, int64_t number, const char *text,
	int64_t part, int64_t printed);
enum status document_add_line(struct db *db, int64_t doc_id, int64_t number, const char *text);
/* Records the line count once every line is in, and indexes the lines
 * for full-text search. */
enum status document_finish(struct db *db, int64_t doc_id, int64_t line_count);

enum status document_read(struct db *db, int64_t id, struct document *doc);
/* Writes the editable metadata (title, kind, date, component,
 * participants, memo); the lines stay as they are. */
enum status document_update(struct db *db, const struct document *doc);
enum status document_delete(struct db *db, int64_t id);
/* The fields a person edits, as bits of a mask. */
enum document_field {
	DOC_TITLE = 1, DOC_KIND = 2, DOC_DATE = 4, DOC_COMPONENT = 8, DOC_PARTICIPANTS = 16,
	DOC_MEMO = 32,
};
/* Writes the FIELDS (a mask) of FROM into document ID as it is now, in
 * one transaction: what another terminal saved meanwhile in the other
 * fields stays; document_update() checks what is written. */
enum status document_update_fields(struct db *db, int64_t id, const struct document *from,
	unsigned fields);
void document_clear(struct document *doc);

/* The number of codings of document ID (0 for a document without any). */
enum status document_count_codings(struct db *db, int64_t id, int64_t *codings);

/* A document of SESSION_ID by id or unique title. */
enum status document_find(struct db *db, int64_t session_id, const char *key, int64_t *id);

/* Calls CB for each document of the session in import order, with its
 * number of codings; DOC is valid during the call only. */
typedef int (*document_cb)(void *ctx, const struct document *doc, int64_t codings);
enum status document_list(struct db *db, int64_t session_id, document_cb cb, void *ctx);

/* Calls CB for lines FIRST..LAST of document DOC_ID in order; TEXT is
 * valid during the call only. */
typedef int (*line_cb)(void *ctx, int64_t number, const char *text);
enum status document_lines(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	line_cb cb, void *ctx);

/* The highest number printed in front of a line of document DOC_ID; 0
 * when its lines carry none. */
enum status document_printed_max(struct db *db, int64_t doc_id, int64_t *max);

/* A stored line with what the import knew of it. */
struct doc_line {
	int64_t number;        /* the file line, from 1 */
	const char *text;
	int64_t part;          /* > 0: it continues the paragraph of the line above */
	int64_t printed;       /* a draft's own printed number; 0: none */
};
typedef int (*doc_line_cb)(void *ctx, const struct doc_line *line);
enum status document_lines_full(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	doc_line_cb cb, void *ctx);

/* Appends lines FIRST..LAST of document DOC_ID to the string in BUF
 * (SIZE bytes), each on a line of its own, as far as they fit (cut on a
 * character boundary): for a passage quoted on screen. */
enum status document_append_lines(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	char *buf, size_t size);

#endif
