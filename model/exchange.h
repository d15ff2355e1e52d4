#ifndef DIDAT_MODEL_EXCHANGE_H
#define DIDAT_MODEL_EXCHANGE_H

/* The rows an exchange with other QDA programs needs (exports/refi_*.c):
 * GUIDs and the few joins REFI-QDA asks for that no other reader of the
 * model has.  Everything else comes through the model's own functions. */

#include <stdint.h>

#include "util/status.h"

struct db;

/* The free codes of SESSION in their tree: pre-order, siblings by name,
 * DEPTH 1 at the top.  The strings are valid during the call only. */
struct exchange_code {
	const char *guid, *name, *colour, *definition, *memo;
	int64_t depth;
};
typedef int (*exchange_code_cb)(void *ctx, const struct exchange_code *code);
enum status exchange_free_codes(struct db *db, int64_t session, exchange_code_cb cb, void *ctx);

/* The coders who coded in SESSION, by name. */
typedef int (*exchange_user_cb)(void *ctx, const char *guid, const char *name);
enum status exchange_users(struct db *db, int64_t session, exchange_user_cb cb, void *ctx);

/* The codings of document DOC by first line, with the GUIDs of the
 * coding, its coder and its code. */
struct exchange_selection {
	const char *guid, *user, *code, *created, *memo;
	int64_t first_line, last_line;
};
typedef int (*exchange_selection_cb)(void *ctx, const struct exchange_selection *s);
enum status exchange_selections(struct db *db, int64_t doc, exchange_selection_cb cb, void *ctx);

/* Every memo of SESSION's codes, documents and codings, with its owner's GUID. */
typedef int (*exchange_memo_cb)(void *ctx, const char *owner, const char *memo);
enum status exchange_memos(struct db *db, int64_t session, exchange_memo_cb cb, void *ctx);

/* What holds a GUID, or a note. */
enum exchange_row { EXCHANGE_CODE, EXCHANGE_DOCUMENT, EXCHANGE_CODING, EXCHANGE_CODER,
	EXCHANGE_SESSION };
/* The GUID of document DOC into *GUID (malloc'd). */
enum status exchange_document_guid(struct db *db, int64_t doc, char **guid);
/* Gives code, document or coder ID the GUID an import brought; a coder
 * that has coded keeps its own. */
enum status exchange_set_guid(struct db *db, enum exchange_row row, int64_t id, const char *guid);
/* Adds TEXT to the memo of row ID (the notes of a session): a code's and
 * a document's memo become TEXT, a coding's and a session's get it added,
 * a blank line apart. */
enum status exchange_add_note(struct db *db, enum exchange_row row, int64_t id, const char *text);

/* Puts MARK after the memo of coding ID, a blank line apart. */
enum status exchange_add_mark(struct db *db, int64_t id, const char *mark);

#endif
