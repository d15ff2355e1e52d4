#ifndef DIDAT_MODEL_SEARCH_H
#define DIDAT_MODEL_SEARCH_H

/* Full-text search over a session's document lines and item texts, with
 * SQLite FTS5 (schema 3).  The query is FTS5's own syntax: words (all
 * must occur), "a phrase", prefix*, OR, NOT, AND, (parentheses).  Words
 * match case-insensitively; umlauts are kept ("Gebäude" is not
 * "Gebaude"). */

#include <stdint.h>

#include "util/status.h"

struct db;

/* The markers search_run() puts around each matched word in hit->text. */
#define SEARCH_MARK_OPEN "\x01"
#define SEARCH_MARK_CLOSE "\x02"

enum search_place {
	SEARCH_LINE,   /* a line of a document */
	SEARCH_ITEM,   /* a text of an item or free code */
};

/* One hit.  Every pointer is valid during the callback only. */
struct search_hit {
	enum search_place place;
	int64_t document_id, line;   /* SEARCH_LINE */
	const char *kind;            /* SEARCH_ITEM: "unseen", "goal", "measure", "soro",
	                                "stakeholder", "variable", "component", "code" */
	int64_t item_id;             /* SEARCH_ITEM: id in the kind's table (code: code id) */
	const char *field;           /* SEARCH_ITEM: the matching column, e.g. "description" */
	const char *title;           /* the document's title, or the item's title/text/name */
	const char *text;            /* the whole matching line or text, matches marked */
};

/* A non-zero return stops the search (which then returns STATUS_OK). */
typedef int (*search_cb)(void *ctx, const struct search_hit *hit);

/* Calls CB for each hit of QUERY in SESSION_ID: document lines first, by
 * document (import order) and line number, then item texts by kind and
 * id.  Matched words are marked with SEARCH_MARK_OPEN and _CLOSE.  An
 * empty or malformed QUERY gives STATUS_INVALID with a German message
 * naming it (db_error()).  CB may read the database but must not start a
 * search itself. */
enum status search_run(struct db *db, int64_t session_id, const char *query, search_cb cb,
	void *ctx);
/* The same with markers of the caller's choice (e.g. "[" and "]", or
 * colour codes that the screen interprets). */
enum status search_run_marked(struct db *db, int64_t session_id, const char *query,
	const char *open, const char *close, search_cb cb, void *ctx);

#endif
