#ifndef DIDAT_MODEL_CODING_H
#define DIDAT_MODEL_CODING_H

/* Codes, coders and codings.  Every unseen, goal, measure, SoRO,
 * stakeholder group and variable is a code by itself (its row in `code`
 * is made with the item); free codes form a codebook tree with colours.
 * A coding marks lines FIRST..LAST of a document with a code.
 *
 * Item codes belong to their item: the codebook may give them a colour, a
 * definition and a memo and may merge free codes into them, but renames,
 * moves and deletes them only through the item.  Each codebook change is
 * one transaction; a refused one leaves the database as it was and its
 * message (db_error()) names the code by number and path or name. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

/* True when COLOUR may be a code's colour: one of the eight curses
 * colours by name (black, red, green, yellow, blue, magenta, cyan,
 * white) or "#RRGGBB" in hex digits, either in any case.  It is stored as
 * given; the screen maps #RRGGBB to the nearest colour it can show. */
bool code_colour_valid(const char *colour);

/* Creates a free code NAME under PARENT_ID (0: top level); names are
 * unique among siblings.  COLOUR and DEFINITION may be NULL or empty;
 * a COLOUR must pass code_colour_valid(). */
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
	const char *colour;    /* "" when none */
	int64_t codings;
	const char *definition;    /* "" when none */
	const char *memo;          /* "" when none */
	const char *guid;          /* its REFI-QDA GUID */
};
/* Calls CB for each code of the session, grouped by type, free codes in
 * codebook order; INFO is valid during the call only. */
typedef int (*code_cb)(void *ctx, const struct code_info *info);
enum status code_list(struct db *db, int64_t session_id, code_cb cb, void *ctx);
/* Calls CB once with code ID (of any session); STATUS_NOT_FOUND naming
 * the id when there is none. */
enum status code_read(struct db *db, int64_t id, code_cb cb, void *ctx);

/* The codebook.  ID is a free code unless said otherwise. */
/* Renames ID to NAME (not empty, no "/", free among its siblings). */
enum status code_rename(struct db *db, int64_t id, const char *name);
/* Moves ID with its subtree under PARENT_ID (a free code of the same
 * session; 0: the top level).  Refuses a cycle (ID itself or one of its
 * descendants as the parent) and a name taken among the new siblings. */
enum status code_move(struct db *db, int64_t id, int64_t parent_id);

struct code_merge_result {
	int64_t moved;         /* codings that now carry INTO */
	int64_t duplicates;    /* codings dropped: INTO had the same document, lines and coder */
	int64_t children;      /* child codes that moved under INTO */
};
/* Merges free code FROM into INTO (any code of the same session, items
 * included): FROM's codings move to INTO except duplicates (same
 * document, lines and coder as a coding of INTO; INTO's coding keeps its
 * memo, takes the duplicate's when it has none and appends it on a new
 * line when both differ), FROM's children move under INTO, and FROM is
 * deleted.  Refuses FROM = INTO, INTO inside FROM's subtree, children
 * for an item code (which has no children) and a child name INTO already
 * has.  RESULT may be NULL. */
enum status code_merge(struct db *db, int64_t from, int64_t into, struct code_merge_result *result);

/* The free codes of ID's subtree other than ID (*CODES) and the codings
 * of the whole subtree (*CODINGS): what code_delete() removes. */
enum status code_count_subtree(struct db *db, int64_t id, int64_t *codes, int64_t *codings);
/* Deletes free code ID with its subtree and all their codings; CODES and
 * CODINGS (either may be NULL) receive what went, as code_count_subtree(). */
enum status code_delete(struct db *db, int64_t id, int64_t *codes, int64_t *codings);

/* The codings of code ID's subtree whose coder is not USER (*COUNT) and
 * those coders' names, by name and joined by ", ", into NAMES (SIZE
 * bytes, cut when longer): what deleting ID would take from others. */
enum status code_others_codings(struct db *db, int64_t id, const char *user, int64_t *count,
	char *names, size_t size);

/* Set a text of code ID (any type); NULL or "" clears it.  A colour must
 * pass code_colour_valid(). */
enum status code_set_definition(struct db *db, int64_t id, const char *definition);
enum status code_set_colour(struct db *db, int64_t id, const char *colour);
enum status code_set_memo(struct db *db, int64_t id, const char *memo);

/* The name of coder ID (malloc'd). */
enum status coder_name(struct db *db, int64_t id, char **name);
/* The id of coder NAME, created on first use. */
enum status coder_ensure(struct db *db, const char *name, int64_t *id);

struct coding {
	int64_t id, session_id;
	int64_t document_id, first_line, last_line, code_id;
	const char *coder;     /* a name; created on first use */
	const char *memo;      /* may be NULL */
	const char *guid;      /* coding_create(): an imported GUID; NULL: a new one */
};
/* The code types in the order codes are listed everywhere (CODE_ORDER):
 * "unseen", "goal", "measure", "soro", "stakeholder", "variable", "free";
 * NULL past the last. */
const char *code_type_at(size_t i);
/* How many there are, and whether TYPE is one. */
size_t code_type_count(void);
bool code_type_known(const char *type);
/* Their plural label ("Unseens", "freie Codes"); TYPE itself if unknown. */
const char *code_type_plural(const char *type);

/* Reads a line range as people write it: "12", "12-15", "12–15" (en
 * dash) or "12 - 15", both lines from 1.  False for anything else. */
bool coding_parse_lines(const char *text, int64_t *first, int64_t *last);

/* Creates C and sets C->id; refuses a range outside the document (first
 * line < 1, last < first, past the last line) and a code or document of
 * another session, naming them, and a twin: the same lines of the same
 * document with the same code by the same coder, which would count the
 * passage twice (STATUS_CONFLICT, naming the coding that is there). */
enum status coding_create(struct db *db, struct coding *c);
/* Reads coding ID into C.  C->coder and C->memo (NULL when there is none)
 * are malloc'd copies that coding_clear() frees. */
enum status coding_read(struct db *db, int64_t id, struct coding *c);
void coding_clear(struct coding *c);
/* Writes the lines, code and memo of coding C->id (NULL or "" clears the
 * memo) with coding_create()'s checks, twins included; its session, document and coder
 * stay what they are, whatever C says. */
enum status coding_update(struct db *db, const struct coding *c);
enum status coding_delete(struct db *db, int64_t id);

/* A coding as the reader shows it. */
struct coding_row {
	int64_t id, document_id, first_line, last_line, code_id;
	const char *code_type;
	const char *code_name;     /* as struct code_info's name */
	const char *code_path;     /* free codes: "Daten/Eigentum"; items: "" */
	const char *colour;        /* "" when none */
	const char *coder;
	const char *memo;          /* "" when none */
};
/* Calls CB for each coding of document DOC_ID that overlaps lines
 * FIRST..LAST (first_line <= LAST and last_line >= FIRST), by CODER only
 * (NULL: every coder), ordered by first line, code id, last line and id.
 * ROW is valid during the call only; a non-zero return stops. */
typedef int (*coding_cb)(void *ctx, const struct coding_row *row);
enum status coding_list_range(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	const char *coder, coding_cb cb, void *ctx);

/* Frequencies: the number of codings of a session per code (every code,
 * in code_list() order), per document (every document, in import order)
 * or per coder (those who coded in the session, by name). */
enum coding_by { CODING_BY_CODE, CODING_BY_DOCUMENT, CODING_BY_CODER };
struct coding_count {
	int64_t id;            /* the code's, document's or coder's id */
	const char *key;       /* a code's path or name, a document's title, a coder's name */
	int64_t count;
};
/* Calls CB for each row; COUNT is valid during the call only. */
typedef int (*coding_count_cb)(void *ctx, const struct coding_count *count);
enum status coding_frequencies(struct db *db, int64_t session_id, enum coding_by by,
	coding_count_cb cb, void *ctx);

/* The codings of each code by each coder, side by side: per code (in
 * code_list() order) a row with the count of each coder who coded in the
 * session (CODERS, by name), then the totals (CODE NULL). */
struct coder_table_row {
	const struct code_info *code;   /* NULL: the totals */
	const int64_t *counts;          /* one per coder */
	int64_t total;
};
typedef int (*coder_table_cb)(void *ctx, const char *const *coders, size_t ncoders,
	const struct coder_table_row *row);
enum status coding_table_by_coder(struct db *db, int64_t session_id, coder_table_cb cb, void *ctx);

#endif
