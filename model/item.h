#ifndef DIDAT_MODEL_ITEM_H
#define DIDAT_MODEL_ITEM_H

/* The items of a DiDaT session and one API to create, read, list,
 * update and delete them all.  Each kind is described once by a table
 * of fields (struct item_type); the SQL, the validation, the command-line
 * options and the CSV columns all come from that table.
 *
 * Every item struct starts with `int64_t id, session_id` (a session's own
 * session_id is 0).  Text fields are malloc'd strings or NULL; integer
 * references and ratings use 0 for "none" / "unrated".  item_clear()
 * frees the texts of a struct filled by item_read() or item_parse(). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

enum item_kind {
#define KIND(e, ...) ITEM_##e,
#include "model/kinds.def"
#undef KIND
	ITEM_KIND_COUNT
};

struct session {
	int64_t id, session_id;
	char *title, *date, *place, *facilitator, *participants, *notes;
	char *question;                           /* main guiding question */
	char *inside, *outside, *region, *horizon; /* system boundaries */
	int64_t scale;                            /* impact ratings 0..scale: 3 or 2 */
	char *created, *modified;                 /* read only, UTC ISO 8601 */
};

struct component {
	int64_t id, session_id;
	int64_t number;
	char *name, *question;
};

struct stakeholder {
	int64_t id, session_id;
	char *name, *kind, *description;  /* kind: science, business, government, civil_society, other */
};

struct actor {
	int64_t id, session_id;
	char *letter, *name;
};

struct unseen {
	int64_t id, session_id;
	int64_t position;
	char *title, *description, *causes;
	int64_t component_id;
	int64_t likelihood, impact, capacity;     /* 1..5, 0 = unrated */
	int64_t votes;
};

struct variable {
	int64_t id, session_id;
	int64_t position;
	char *name, *short_name, *description;
};

struct goal {
	int64_t id, session_id;
	int64_t component_id;
	char *text;
};

struct conflict {
	int64_t id, session_id;
	int64_t goal_a, goal_b;
	char *description;
};

struct measure {
	int64_t id, session_id;
	char *text;
	int64_t actor_id;
	char *horizon;                            /* short, medium, long or NULL */
	int64_t priority;                         /* 1 (most urgent)..5, 0 = none */
};

struct soro {
	int64_t id, session_id;
	int64_t component_id;
	char *text;
};

/* Room for any one item, correctly aligned: for code that handles items
 * of a kind known only at run time. */
union item_any {
	struct session session;
	struct component component;
	struct stakeholder stakeholder;
	struct actor actor;
	struct unseen unseen;
	struct variable variable;
	struct goal goal;
	struct conflict conflict;
	struct measure measure;
	struct soro soro;
};

enum field_kind {
	FIELD_TEXT,     /* char * */
	FIELD_INT,      /* int64_t within min..max; 0 = unset when optional */
	FIELD_REF,      /* int64_t id of an item of kind `ref` in the same session */
	FIELD_CHOICE,   /* char *, one of `choices` */
};

struct item_field {
	const char *name;       /* option and CSV column, e.g. "adaptive_capacity" */
	const char *column;     /* SQL column, e.g. "capacity" */
	const char *label;      /* a msgid, through _() when shown */
	enum field_kind kind;
	size_t offset;
	bool required;
	int64_t min, max;       /* FIELD_INT */
	const char *const *choices;  /* FIELD_CHOICE, NULL-terminated */
	const char *const *choice_labels;  /* their labels (msgids), in the same order */
	const char *fallback;   /* FIELD_CHOICE: stored when left empty */
	enum item_kind ref;     /* FIELD_REF */
	bool one_line;          /* FIELD_TEXT: a name or date, edited on one line */
};

struct item_type {
	enum item_kind kind;
	const char *name;       /* "unseen": commands and codes */
	const char *table;
	const char *label;      /* "Unseen" */
	size_t size;            /* of the struct */
	const struct item_field *fields;
	size_t nfields;
	const char *title_column;  /* what names an item */
	const char *key_column;    /* looked up first by item_find (number, letter) or NULL */
	const char *order;         /* ORDER BY of item_list */
	bool is_code;              /* each item is also a code */
	const char *plural;        /* "Unseens" (a msgid) */
	int code_rank;             /* among the codes, from 1; 0: not a code */
	int search;                /* its kind number in item_fts rowids; 0: none */
	const char *searched;      /* the columns the search reads ("title, description") */
	short colour;              /* of its codes, as curses numbers colours; 0: none */
	const char *csv;           /* its table in export and import-csv, or NULL */
	const char *csv_label;     /* that table in the Export step (a msgid) */
};

const struct item_type *item_type(enum item_kind kind);
/* By name ("unseen"); NULL when unknown. */
const struct item_type *item_type_by_name(const char *name);
const struct item_field *item_field_by_name(const struct item_type *type, const char *name);
/* How a person reads VALUE of choice FIELD ("kurzfristig" for "short");
 * VALUE itself when it is not one of the choices. */
const char *item_choice_label(const struct item_field *field, const char *value);
/* The one label of a stakeholder group's kind ("government") and of a
 * measure's horizon ("short"), for every front end. */
const char *stakeholder_kind_label(const char *kind);
const char *horizon_label(const char *horizon);
/* The field that names an item of TYPE (title, name, text, letter). */
const struct item_field *item_title_field(const struct item_type *type);

/* Creates ITEM (its id is ignored) and sets its id.  Validates every
 * field; a refused value leaves the database unchanged and names the
 * field in db_error(). */
enum status item_create(struct db *db, const struct item_type *type, void *item);
enum status item_read(struct db *db, const struct item_type *type, int64_t id, void *item);
enum status item_update(struct db *db, const struct item_type *type, const void *item);
/* Deletes the item and what belongs to it (links, its code and codings). */
enum status item_delete(struct db *db, const struct item_type *type, int64_t id);

/* Calls CB for each item of SESSION_ID in the type's order; the item is
 * valid during the call only.  A non-zero return from CB stops the list
 * and is returned as STATUS_OK. */
typedef int (*item_cb)(void *ctx, const void *item);
enum status item_list(struct db *db, const struct item_type *type, int64_t session_id,
	item_cb cb, void *ctx);
/* Items of SESSION_ID; for ITEM_SESSION, all sessions. */
enum status item_count(struct db *db, const struct item_type *type, int64_t session_id,
	int64_t *count);

void item_clear(const struct item_type *type, void *item);

/* Finds an item of SESSION_ID by KEY: a typed reference "KIND:ID"
 * ("component:12", the id whatever the number); else its key (component
 * number, actor letter) when the type has one, else its id; else its
 * unique title.  A typed reference of another kind is refused. */
enum status item_find(struct db *db, const struct item_type *type, int64_t session_id,
	const char *key, int64_t *id);
/* Splits a typed reference "KIND:ID" ("unseen:11", "code:4") into KIND
 * (SIZE bytes at most, with its NUL) and ID; false when KEY is not of
 * that shape, so a title that holds a colon stays a title. */
bool item_split_ref(const char *key, char *kind, size_t size, int64_t *id);
/* STATUS_OK when item ID of TYPE belongs to SESSION_ID (any session for
 * ITEM_SESSION); else STATUS_NOT_FOUND naming it. */
enum status item_find_by_id(struct db *db, const struct item_type *type, int64_t session_id,
	int64_t id);
/* Sets reference field F of ITEM to the item with id REF (0: none), as a
 * picker hands it over: REF must be of F's kind and in ITEM's session. */
enum status item_set_ref(struct db *db, const struct item_type *type, void *item,
	const struct item_field *f, int64_t ref);

/* Sets field FIELD of ITEM from the text VALUE as a person types it:
 * numbers are checked against their range, references are resolved with
 * item_find() in the item's session, choices against their list.  An
 * empty VALUE clears an optional field. */
enum status item_parse(struct db *db, const struct item_type *type, void *item,
	const struct item_field *field, const char *value);
/* Writes field FIELD of ITEM as text (references by their key or title)
 * into BUF; returns BUF. */
const char *item_format(struct db *db, const struct item_type *type, const void *item,
	const struct item_field *field, char *buf, size_t size);

/* The number a new component of SESSION_ID gets when none is chosen:
 * one above the highest in use. */
enum status component_next_number(struct db *db, int64_t session_id, int64_t *number);

/* The one place that derives risk and vulnerability (DIDAT.md, Vulnerability):
 * risk = likelihood x impact (1..25);
 * vulnerability = risk x (6 - adaptive capacity) / 5, so that full
 * capacity (5) divides the risk by five and none (1) keeps it whole.
 * Both are negative while a rating they need is missing. */
int unseen_risk(const struct unseen *u);
double unseen_vulnerability(const struct unseen *u);

/* Many-to-many links between items. */
enum link_kind {
	LINK_UNSEEN_STAKEHOLDER,
	LINK_GOAL_UNSEEN,
	LINK_MEASURE_GOAL,
	LINK_SORO_UNSEEN,
	LINK_SORO_GOAL,
	LINK_SORO_MEASURE,
	LINK_KIND_COUNT
};

struct link_type {
	enum link_kind kind;
	const char *table, *from_column, *to_column;
	enum item_kind from, to;
	const char *option;     /* "stakeholder": the option that adds one */
	const char *column;     /* "stakeholders": the CSV column */
	const char *label;      /* "Link unseen–stakeholder group" (a msgid) */
};

const struct link_type *link_type(enum link_kind kind);
enum status link_add(struct db *db, enum link_kind kind, int64_t from, int64_t to);
enum status link_remove(struct db *db, enum link_kind kind, int64_t from, int64_t to);
/* Calls CB with each linked id, in id order; see item_list for CB. */
typedef int (*link_cb)(void *ctx, int64_t id);
enum status link_list(struct db *db, enum link_kind kind, int64_t from, link_cb cb, void *ctx);
/* A person changed FROM's links of KIND by ticking the candidates
 * IDS[0..N): WAS what was ticked when the list opened, NOW when it was
 * saved.  One transaction adds and removes just the difference, so that
 * a link another terminal made meanwhile to a candidate nobody touched
 * here stays. */
enum status link_change(struct db *db, enum link_kind kind, int64_t from, const int64_t *ids,
	const bool *was, const bool *now, size_t n);

/* The use cases both front ends share, each one transaction that reads
 * the item as it is now, so that what another terminal saved meanwhile
 * in other fields stays. */
/* A value typed for a field (item_parse) or a link (item_find in the
 * item's session, then link_add) of an item. */
struct item_value {
	const struct item_field *field;   /* or NULL for a link */
	const struct link_type *link;
	const char *value;
};
/* Creates an item of TYPE in SESSION with TITLE in its title field, then
 * VALUES[0..N) applied in order, in one transaction; *ID the new id.  On
 * a refusal *BAD is the index of the value refused (N: the title or the
 * item itself), and nothing is created. */
enum status item_add(struct db *db, const struct item_type *type, int64_t session,
	const char *title, const struct item_value *values, size_t n, int64_t *id, size_t *bad);
/* Applies VALUES[0..N) to item ID in one transaction, as item_add does. */
enum status item_edit(struct db *db, const struct item_type *type, int64_t id,
	const struct item_value *values, size_t n, size_t *bad);
/* Sets field F of item ID from VALUE as item_parse() reads it. */
enum status item_set_field(struct db *db, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *value);
/* Sets reference field F of item ID to the item REF (0: none), as a
 * picker hands it over (see item_set_ref). */
enum status item_set_ref_field(struct db *db, const struct item_type *type, int64_t id,
	const struct item_field *f, int64_t ref);
/* Adds DELTA to unseen ID's votes (never below 0); *VOTES the new count. */
enum status unseen_vote(struct db *db, int64_t id, int delta, int64_t *votes);
/* Swaps the positions of items A and B of TYPE (B the neighbour in
 * direction DELTA, +1 or -1: equal positions still move). */
enum status item_swap_positions(struct db *db, const struct item_type *type, int64_t a,
	int64_t b, int delta);

#endif
