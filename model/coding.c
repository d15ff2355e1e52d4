#include "model/coding.h"

#include <ctype.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/guid.h"
#include "model/item.h"
#include "util/fatal.h"
#include "util/grow.h"
#include "util/i18n.h"

/* Free codes with their paths, walked down from the top level. */
#define CODE_PATHS \
	"WITH RECURSIVE path(id, path) AS (" \
	" SELECT id, name FROM code WHERE session_id = ?1 AND type = 'free' AND parent_id IS NULL" \
	" UNION ALL SELECT c.id, p.path || '/' || c.name FROM code c JOIN path p ON c.parent_id = p.id)"

/* Code ?1 and every code below it. */
#define CODE_SUBTREE \
	"WITH RECURSIVE sub(id) AS (SELECT ?1" \
	" UNION ALL SELECT c.id FROM code c JOIN sub ON c.parent_id = sub.id)"

/* The order of codes everywhere: by the code rank of their kind
 * (kinds.def), free codes last in codebook order. */
static const char code_order[] = " ORDER BY CASE l.type"
#define KIND(e, nm, label, plural, title, key, order, code, ...) " WHEN '" #nm "' THEN " #code
#include "model/kinds.def"
#undef KIND
	" ELSE 99 END, p.path, l.item_id";

/* SQL then the code order, built into BUF (SIZE bytes) on first use. */
static const char *ordered(char *buf, size_t size, const char *sql)
{
	if (!buf[0] && (size_t)snprintf(buf, size, "%s%s", sql, code_order) >= size)
		fatal("code statement longer than %zu bytes", size);   /* a programming error */
	return buf;
}

size_t code_type_count(void)
{
	size_t n = 1;   /* the free codes */
	for (int k = 0; k < ITEM_KIND_COUNT; k++)
		n += item_type((enum item_kind)k)->is_code;
	return n;
}

const char *code_type_at(size_t i)
{
	for (int k = 0; k < ITEM_KIND_COUNT; k++)
		if (item_type((enum item_kind)k)->code_rank == (int)i + 1)
			return item_type((enum item_kind)k)->name;
	return i + 1 == code_type_count() ? "free" : NULL;
}

bool code_type_known(const char *type)
{
	for (size_t i = 0; type && i < code_type_count(); i++)
		if (strcmp(code_type_at(i), type) == 0)
			return true;
	return false;
}

const char *code_type_plural(const char *type)
{
	const struct item_type *t = type ? item_type_by_name(type) : NULL;
	if (t && t->is_code)
		return _(t->plural);
	return type && strcmp(type, "free") == 0 ? _("Free codes") : type ? type : "";
}

static const char *const curses_colours[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", NULL
};

static bool same_ascii_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

bool code_colour_valid(const char *colour)
{
	if (!colour)
		return false;
	for (size_t i = 0; curses_colours[i]; i++)
		if (same_ascii_nocase(colour, curses_colours[i]))
			return true;
	if (colour[0] != '#' || strlen(colour) != 7)
		return false;
	for (size_t i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", colour[i]))
			return false;
	return true;
}

/* CODE names the code ("Code 7", "Code \"Daten\""). */
static enum status fail_colour(struct db *db, const char *code, const char *colour)
{
	return db_fail(db, STATUS_INVALID, _("%s: colour \"%s\": allowed are black, red, green, "
		"yellow, blue, magenta, cyan, white or #RRGGBB"), code, colour);
}

/* NULL for an empty text: an empty field is stored as none. */
static const char *or_null(const char *text)
{
	return text && *text ? text : NULL;
}

enum status code_create_free(struct db *db, int64_t session_id, const char *name,
	int64_t parent_id, const char *colour, const char *definition, int64_t *id)
{
	int64_t n = 0;
	char code[160];
	enum status rc = db_check_utf8(db, _("Code: name"), name);
	if (rc != STATUS_OK)
		return rc;
	if (!name || !*name || strchr(name, '/'))
		return db_fail(db, STATUS_INVALID, _("Code \"%s\": the name must neither be "
			"empty nor contain /"), name ? name : "");
	snprintf(code, sizeof code, _("Code \"%s\""), name);
	colour = or_null(colour);
	if (colour && !code_colour_valid(colour))
		return fail_colour(db, code, colour);
	char what[176];
	snprintf(what, sizeof what, _("%s: Definition"), code);
	if ((rc = db_check_utf8(db, what, definition)) != STATUS_OK)
		return rc;
	rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_query_int(db, &n, "SELECT count(*) FROM session WHERE id = ?1", "i", session_id);
	if (rc == STATUS_OK && !n)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Session %" PRId64 " does not "
			"exist"), session_id);
	if (rc == STATUS_OK && parent_id) {
		rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE id = ?1 AND session_id = ?2"
			" AND type = 'free'", "ii", parent_id, session_id);
		if (rc == STATUS_OK && !n)
			rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " is not a free "
				"code of this session"), parent_id);
	}
	if (rc == STATUS_OK)
		rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE session_id = ?1 AND"
			" type = 'free' AND parent_id IS ?2 AND name = ?3", "int", session_id, parent_id, name);
	if (rc == STATUS_OK && n)
		rc = db_fail(db, STATUS_CONFLICT, _("Code \"%s\" already exists at this "
			"place"), name);
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO code(session_id, type, parent_id, name, colour, definition,"
			" guid) VALUES (?1, 'free', ?2, ?3, ?4, ?5, " SQL_NEW_GUID ")", "intt" "t", session_id,
			parent_id, name, colour, or_null(definition));
	if (rc == STATUS_OK)
		*id = db_last_insert_id(db);
	return db_end(db, rc);
}

/* "code:4" is code 4; "unseen:11" the code of unseen 11. */
static enum status code_find_typed(struct db *db, int64_t session_id, const char *key,
	const char *kind, int64_t ref, int64_t *id)
{
	enum status rc;
	if (strcmp(kind, "code") == 0) {
		rc = db_query_int(db, id, "SELECT id FROM code WHERE id = ?1 AND session_id = ?2", "ii",
			ref, session_id);
	} else {
		const struct item_type *type = item_type_by_name(kind);
		if (!type || !type->is_code)
			return db_fail(db, STATUS_INVALID, _("\"%s\": %s is not a kind of "
				"code"), key, kind);
		rc = db_query_int(db, id, "SELECT id FROM code WHERE type = ?1 AND item_id = ?2"
			" AND session_id = ?3", "tii", type->name, ref, session_id);
	}
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("Code \"%s\" does not exist in this session"), key);
	return rc;
}

enum status code_find(struct db *db, int64_t session_id, const char *key, int64_t *id)
{
	char *end, kind[32];
	int64_t ref;
	if (item_split_ref(key, kind, sizeof kind, &ref))
		return code_find_typed(db, session_id, key, kind, ref, id);
	long long number = strtoll(key, &end, 10);
	enum status rc;
	if (*key && !*end) {
		rc = db_query_int(db, id, "SELECT id FROM code WHERE id = ?1 AND session_id = ?2", "ii",
			(int64_t)number, session_id);
		if (rc != STATUS_NOT_FOUND)
			return rc;
	}
	struct db_stmt *st = db_prepare(db, CODE_PATHS " SELECT count(*), min(id) FROM ("
		" SELECT id FROM code_label WHERE session_id = ?1 AND name = ?2"
		" UNION SELECT id FROM path WHERE path = ?2)");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_text(st, 2, key);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	int64_t matches = db_column_int(st, 0);
	*id = db_column_int(st, 1);
	db_reset(st);
	if (matches == 1)
		return STATUS_OK;
	if (matches > 1)
		return db_fail(db, STATUS_CONFLICT, _("Code \"%s\" is ambiguous (%" PRId64 " "
			"matches); give the code number (didat codes)"), key, matches);
	return db_fail(db, STATUS_NOT_FOUND, _("Code \"%s\" does not exist in this "
		"session"), key);
}

/* The codes of session ?1 that pass WHERE.  Two texts, two statements:
 * a code_list() callback may call code_read(). */
#define CODE_SELECT(where) CODE_PATHS \
	" SELECT l.id, l.type, coalesce(l.item_id, 0), coalesce(l.parent_id, 0), l.name," \
	" coalesce(p.path, ''), coalesce(l.colour, '')," \
	" (SELECT count(*) FROM coding WHERE code_id = l.id)," \
	" coalesce(l.definition, ''), coalesce((SELECT memo FROM code WHERE id = l.id), '')," \
	" coalesce((SELECT guid FROM code WHERE id = l.id), '')" \
	" FROM code_label l LEFT JOIN path p ON p.id = l.id" \
	" WHERE l.session_id = ?1" where

/* Every code of the session (ID 0) or code ID alone. */
static enum status code_select(struct db *db, int64_t session_id, int64_t id, code_cb cb,
	void *ctx, int64_t *calls)
{
	static char one[2048], all[2048];
	struct db_stmt *st = db_prepare(db, id ? ordered(one, sizeof one, CODE_SELECT(" AND l.id = ?2"))
		: ordered(all, sizeof all, CODE_SELECT("")));
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	if (id)
		db_bind_int(st, 2, id);
	enum db_step step;
	*calls = 0;
	while ((step = db_step(st)) == DB_ROW) {
		struct code_info info = {
			.id = db_column_int(st, 0),
			.type = db_column_text(st, 1),
			.item_id = db_column_int(st, 2),
			.parent_id = db_column_int(st, 3),
			.name = db_column_text(st, 4),
			.path = db_column_text(st, 5),
			.colour = db_column_text(st, 6),
			.codings = db_column_int(st, 7),
			.definition = db_column_text(st, 8),
			.memo = db_column_text(st, 9),
			.guid = db_column_text(st, 10),
		};
		++*calls;
		if (cb(ctx, &info))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

enum status code_list(struct db *db, int64_t session_id, code_cb cb, void *ctx)
{
	int64_t calls;
	return code_select(db, session_id, 0, cb, ctx, &calls);
}

static enum status code_session(struct db *db, int64_t id, int64_t *session_id)
{
	enum status rc = db_query_int(db, session_id, "SELECT session_id FROM code WHERE id = ?1",
		"i", id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("Code %" PRId64 " does not exist"), id);
	return rc;
}

enum status code_read(struct db *db, int64_t id, code_cb cb, void *ctx)
{
	int64_t session_id = 0, calls = 0;
	enum status rc = code_session(db, id, &session_id);
	if (rc == STATUS_OK)
		rc = code_select(db, session_id, id, cb, ctx, &calls);
	if (rc == STATUS_OK && !calls)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " does not exist"), id);
	return rc;
}

/* What the codebook needs to know of a code, and its name for messages. */
struct code_row {
	int64_t id, session_id, parent_id;
	bool free;
	char type[16];
	char *label;           /* path or name; malloc'd */
	char *name;            /* a free code's own name; malloc'd, NULL for items */
};

static void code_row_clear(struct code_row *r)
{
	free(r->label);
	free(r->name);
	r->label = r->name = NULL;
}

static enum status code_row_read(struct db *db, int64_t id, struct code_row *r)
{
	memset(r, 0, sizeof *r);
	enum status rc = code_session(db, id, &r->session_id);
	if (rc != STATUS_OK)
		return rc;
	struct db_stmt *st = db_prepare(db, CODE_PATHS
		" SELECT l.type, coalesce(l.parent_id, 0), coalesce(p.path, l.name, ''),"
		" (SELECT name FROM code WHERE id = l.id)"
		" FROM code_label l LEFT JOIN path p ON p.id = l.id WHERE l.id = ?2");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, r->session_id);
	db_bind_int(st, 2, id);
	switch (db_step(st)) {
	case DB_ROW:
		r->id = id;
		snprintf(r->type, sizeof r->type, "%s", db_column_text(st, 0));
		r->free = strcmp(r->type, "free") == 0;
		r->parent_id = db_column_int(st, 1);
		r->label = strdup(db_column_text(st, 2));
		r->name = r->free ? db_column_strdup(st, 3) : NULL;
		rc = r->label && (r->name || !r->free) ? STATUS_OK
			: db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		break;
	case DB_DONE:
		rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " does not exist"), id);
		break;
	case DB_ERROR:
		return db_step_status(st);
	}
	db_reset(st);
	return rc;
}

/* Item codes are their item's: the codebook does not rename, move,
 * merge away or delete them. */
static enum status refuse_item_code(struct db *db, const struct code_row *r, const char *what)
{
	return db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\" cannot be %s: it belongs "
		"to an item (%s); change the item itself (didat edit/remove)"), r->id,
		r->label, what, r->type);
}

/* Refuses NAME where a sibling under PARENT_ID already has it. */
static enum status check_sibling_name(struct db *db, const struct code_row *r, int64_t parent_id,
	const char *name)
{
	int64_t n = 0;
	enum status rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE session_id = ?1 AND"
		" type = 'free' AND parent_id IS ?2 AND name = ?3 AND id <> ?4", "inti", r->session_id,
		parent_id, name, r->id);
	if (rc == STATUS_OK && n)
		rc = db_fail(db, STATUS_CONFLICT, _("Code %" PRId64 " \"%s\": another code at "
			"this place already has the name \"%s\""), r->id, r->label, name);
	return rc;
}

static enum status rename_code(struct db *db, int64_t id, const char *name)
{
	struct code_row r;
	enum status rc = code_row_read(db, id, &r);
	if (rc == STATUS_OK && !r.free)
		rc = refuse_item_code(db, &r, _("rename"));
	if (rc == STATUS_OK && (!name || !*name || strchr(name, '/')))
		rc = db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\": the new name must "
			"neither be empty nor contain /"), r.id, r.label);
	if (rc == STATUS_OK) {
		char what[160];
		snprintf(what, sizeof what, _("Code %" PRId64 " \"%s\": the new "
			"name"), r.id, r.label);
		rc = db_check_utf8(db, what, name);
	}
	if (rc == STATUS_OK)
		rc = check_sibling_name(db, &r, r.parent_id, name);
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE code SET name = ?2 WHERE id = ?1", "it", id, name);
	code_row_clear(&r);
	return rc;
}

enum status code_rename(struct db *db, int64_t id, const char *name)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, rename_code(db, id, name));
}

/* True (in *INSIDE) when code CANDIDATE is ID or below it. */
static enum status in_subtree(struct db *db, int64_t id, int64_t candidate, bool *inside)
{
	int64_t n = 0;
	enum status rc = db_query_int(db, &n, CODE_SUBTREE " SELECT count(*) FROM sub WHERE id = ?2",
		"ii", id, candidate);
	*inside = n > 0;
	return rc;
}

static enum status move_code(struct db *db, int64_t id, int64_t parent_id)
{
	struct code_row r, p = { 0 };
	bool cycle = false;
	enum status rc = code_row_read(db, id, &r);
	if (rc == STATUS_OK && !r.free)
		rc = refuse_item_code(db, &r, _("move"));
	if (rc == STATUS_OK && parent_id) {
		rc = code_row_read(db, parent_id, &p);
		if (rc == STATUS_OK && (!p.free || p.session_id != r.session_id))
			rc = db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\": code "
				"%" PRId64 " \"%s\" is not a free code of this session and "
				"cannot have subcodes"), r.id,
				r.label, p.id, p.label);
		if (rc == STATUS_OK)
			rc = in_subtree(db, id, parent_id, &cycle);
		if (rc == STATUS_OK && cycle)
			rc = db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\" cannot be "
				"moved below itself or one of its subcodes (%" PRId64 " "
				"\"%s\")"), r.id,
				r.label, p.id, p.label);
	}
	if (rc == STATUS_OK)
		rc = check_sibling_name(db, &r, parent_id, r.name);
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE code SET parent_id = ?2 WHERE id = ?1", "in", id, parent_id);
	code_row_clear(&r);
	code_row_clear(&p);
	return rc;
}

enum status code_move(struct db *db, int64_t id, int64_t parent_id)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, move_code(db, id, parent_id));
}

/* The first child name that FROM and INTO share, malloc'd in *NAME (NULL
 * when none). */
static enum status shared_child_name(struct db *db, int64_t from, int64_t into, char **name)
{
	*name = NULL;
	/* FROM itself may be a child of INTO: it goes, so its name is free */
	struct db_stmt *st = db_prepare(db, "SELECT min(a.name) FROM code a JOIN code b"
		" ON b.parent_id = ?2 AND b.name = a.name AND b.id <> ?1 WHERE a.parent_id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, into);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	enum status rc = STATUS_OK;
	if (!db_column_is_null(st, 0) && !(*name = db_column_strdup(st, 0)))
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	db_reset(st);
	return rc;
}

static enum status check_merge(struct db *db, const struct code_row *f, const struct code_row *t)
{
	bool inside = false;
	int64_t children = 0;
	char *clash = NULL;
	if (!f->free)
		return refuse_item_code(db, f, _("merge into another code"));
	if (f->session_id != t->session_id)
		return db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\" and code "
			"%" PRId64 " \"%s\" belong to different "
			"sessions"), f->id, f->label, t->id, t->label);
	if (f->id == t->id)
		return db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\" cannot be merged "
			"with itself"), f->id, f->label);
	enum status rc = in_subtree(db, f->id, t->id, &inside);
	if (rc == STATUS_OK && inside)
		return db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\" cannot be merged "
			"into its own subcode %" PRId64 " "
			"\"%s\""), f->id, f->label, t->id, t->label);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &children, "SELECT count(*) FROM code WHERE parent_id = ?1", "i",
			f->id);
	if (rc == STATUS_OK && children && !t->free)
		return db_fail(db, STATUS_INVALID, _("Code %" PRId64 " \"%s\" has subcodes, but "
			"code %" PRId64 " \"%s\" belongs to an item and cannot have any; move "
			"the subcodes first"), f->id, f->label, t->id, t->label);
	if (rc == STATUS_OK)
		rc = shared_child_name(db, f->id, t->id, &clash);
	if (rc == STATUS_OK && clash)
		rc = db_fail(db, STATUS_CONFLICT, _("Code %" PRId64 " \"%s\" and code "
			"%" PRId64 " \"%s\" both have a subcode \"%s\"; merge those "
			"first"), f->id,
			f->label, t->id, t->label, clash);
	free(clash);
	return rc;
}

/* A coding F of FROM (?1) duplicates a coding T of INTO (?2): the same
 * document, lines and coder. */
#define TWIN(f, t) \
	" " t ".code_id = ?2 AND " f ".code_id = ?1 AND " f ".document_id = " t ".document_id" \
	" AND " f ".first_line = " t ".first_line AND " f ".last_line = " t ".last_line" \
	" AND " f ".coder_id = " t ".coder_id"
/* The memos of T's duplicates that T does not have already. */
#define TWIN_MEMOS \
	" FROM coding f WHERE" TWIN("f", "t") " AND f.memo <> '' AND f.memo IS NOT t.memo"

static enum status merge_codes(struct db *db, int64_t from, int64_t into,
	struct code_merge_result *result)
{
	struct code_row f, t = { 0 };
	enum status rc = code_row_read(db, from, &f);
	if (rc == STATUS_OK)
		rc = code_row_read(db, into, &t);
	if (rc == STATUS_OK)
		rc = check_merge(db, &f, &t);
	/* INTO's twin keeps its memo and gains those of the duplicates it lacks */
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE coding AS t SET memo = CASE WHEN t.memo IS NULL OR t.memo = ''"
			" THEN (SELECT group_concat(f.memo, char(10))" TWIN_MEMOS ")"
			" ELSE t.memo || char(10) || (SELECT group_concat(f.memo, char(10))" TWIN_MEMOS ") END"
			" WHERE t.code_id = ?2 AND EXISTS (SELECT 1" TWIN_MEMOS ")", "ii", from, into);
	if (rc == STATUS_OK)
		rc = db_exec(db, "DELETE FROM coding WHERE code_id = ?1 AND EXISTS (SELECT 1 FROM coding t"
			" WHERE" TWIN("coding", "t") ")", "ii", from, into);
	if (rc == STATUS_OK)
		result->duplicates = db_changes(db);
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE coding SET code_id = ?2 WHERE code_id = ?1", "ii", from, into);
	if (rc == STATUS_OK)
		result->moved = db_changes(db);
	/* the children first: deleting FROM would take them along */
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE code SET parent_id = ?2 WHERE parent_id = ?1", "ii", from, into);
	if (rc == STATUS_OK)
		result->children = db_changes(db);
	if (rc == STATUS_OK)
		rc = db_exec(db, "DELETE FROM code WHERE id = ?1", "i", from);
	code_row_clear(&f);
	code_row_clear(&t);
	return rc;
}

enum status code_merge(struct db *db, int64_t from, int64_t into, struct code_merge_result *result)
{
	struct code_merge_result ignored;
	if (!result)
		result = &ignored;
	memset(result, 0, sizeof *result);
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_end(db, merge_codes(db, from, into, result));
	if (rc != STATUS_OK)
		memset(result, 0, sizeof *result);
	return rc;
}

static enum status count_subtree(struct db *db, int64_t id, int64_t *codes, int64_t *codings)
{
	enum status rc = db_query_int(db, codes, CODE_SUBTREE " SELECT count(*) - 1 FROM sub",
		"i", id);
	if (rc == STATUS_OK)
		rc = db_query_int(db, codings, CODE_SUBTREE " SELECT count(*) FROM coding"
			" WHERE code_id IN (SELECT id FROM sub)", "i", id);
	return rc;
}

enum status code_count_subtree(struct db *db, int64_t id, int64_t *codes, int64_t *codings)
{
	int64_t session_id = 0;
	enum status rc = code_session(db, id, &session_id);
	if (rc == STATUS_OK)
		rc = count_subtree(db, id, codes, codings);
	return rc;
}

enum status code_others_codings(struct db *db, int64_t id, const char *user, int64_t *count,
	char *names, size_t size)
{
	struct db_stmt *st = db_prepare(db, CODE_SUBTREE " SELECT count(*),"
		" coalesce((SELECT group_concat(name, ', ') FROM (SELECT DISTINCT k.name AS name"
		"  FROM coding g JOIN coder k ON k.id = g.coder_id"
		"  WHERE g.code_id IN (SELECT id FROM sub) AND k.name <> ?2 ORDER BY k.name)), '')"
		" FROM coding g JOIN coder k ON k.id = g.coder_id"
		" WHERE g.code_id IN (SELECT id FROM sub) AND k.name <> ?2");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, user);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	*count = db_column_int(st, 0);
	snprintf(names, size, "%s", db_column_text(st, 1));
	db_reset(st);
	return STATUS_OK;
}

static enum status delete_code(struct db *db, int64_t id, int64_t *codes, int64_t *codings)
{
	struct code_row r;
	enum status rc = code_row_read(db, id, &r);
	if (rc == STATUS_OK && !r.free)
		rc = refuse_item_code(db, &r, _("delete"));
	if (rc == STATUS_OK)
		rc = count_subtree(db, id, codes, codings);
	/* the subtree and all its codings go by ON DELETE CASCADE */
	if (rc == STATUS_OK)
		rc = db_exec(db, "DELETE FROM code WHERE id = ?1", "i", id);
	code_row_clear(&r);
	return rc;
}

enum status code_delete(struct db *db, int64_t id, int64_t *codes, int64_t *codings)
{
	int64_t ignored[2];
	if (!codes)
		codes = &ignored[0];
	if (!codings)
		codings = &ignored[1];
	*codes = *codings = 0;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, delete_code(db, id, codes, codings));
}

/* Runs SQL, an UPDATE of one text column, on code ID with TEXT; FIELD
 * names the column for messages. */
static enum status set_text(struct db *db, int64_t id, const char *field, const char *sql,
	const char *text)
{
	int64_t session_id = 0;
	char code[64];
	snprintf(code, sizeof code, _("Code %" PRId64 ": %s"), id, field);
	enum status rc = db_check_utf8(db, code, text);
	if (rc == STATUS_OK)
		rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = code_session(db, id, &session_id);
	if (rc == STATUS_OK)
		rc = db_exec(db, sql, "it", id, or_null(text));
	return db_end(db, rc);
}

enum status code_set_definition(struct db *db, int64_t id, const char *definition)
{
	return set_text(db, id, _("Definition"), "UPDATE code SET definition = ?2 WHERE id = ?1",
		definition);
}

enum status code_set_colour(struct db *db, int64_t id, const char *colour)
{
	if (or_null(colour) && !code_colour_valid(colour)) {
		int64_t session_id = 0;
		char code[32];
		enum status rc = code_session(db, id, &session_id);
		if (rc != STATUS_OK)
			return rc;
		snprintf(code, sizeof code, _("Code %" PRId64), id);
		return fail_colour(db, code, colour);
	}
	return set_text(db, id, _("Colour"), "UPDATE code SET colour = ?2 WHERE id = ?1", colour);
}

enum status code_set_memo(struct db *db, int64_t id, const char *memo)
{
	return set_text(db, id, _("Memo"), "UPDATE code SET memo = ?2 WHERE id = ?1", memo);
}

enum status coder_name(struct db *db, int64_t id, char **name)
{
	enum status rc = db_query_text(db, name, "SELECT name FROM coder WHERE id = ?1", id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("There is no coder %" PRId64), id);
	return rc;
}

enum status coder_ensure(struct db *db, const char *name, int64_t *id)
{
	if (!name || !*name)
		return db_fail(db, STATUS_INVALID, "%s", _("Coder: the name must not be empty"));
	enum status rc = db_check_utf8(db, _("Coder"), name);
	if (rc != STATUS_OK)
		return rc;
	rc = db_query_int(db, id, "SELECT id FROM coder WHERE name = ?1", "t", name);
	if (rc != STATUS_NOT_FOUND)
		return rc;
	rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "INSERT INTO coder(name, guid) VALUES (?1, " SQL_NEW_GUID ")", "t", name);
	if (rc == STATUS_OK)
		*id = db_last_insert_id(db);
	return db_end(db, rc);
}

/* The range must lie inside the document, the document and the code in
 * C's session.  Messages name the document by number and title. */
static enum status check_coding(struct db *db, const struct coding *c)
{
	int64_t lines = 0, n = 0;
	char *title = NULL;
	struct db_stmt *st = db_prepare(db, "SELECT line_count, title FROM document WHERE id = ?1"
		" AND session_id = ?2");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, c->document_id);
	db_bind_int(st, 2, c->session_id);
	switch (db_step(st)) {
	case DB_ROW:
		lines = db_column_int(st, 0);
		title = db_column_strdup(st, 1);
		db_reset(st);
		if (!title)
			return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		break;
	case DB_DONE:
		db_reset(st);
		return db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 " does not exist in "
			"session %" PRId64), c->document_id, c->session_id);
	case DB_ERROR:
		return db_step_status(st);
	}
	enum status rc = STATUS_OK;
	if (c->last_line < c->first_line)
		rc = db_fail(db, STATUS_INVALID, _("Document %" PRId64 " \"%s\": lines "
			"%" PRId64 "–%" PRId64 ": the last line comes before the "
			"first"), c->document_id, title,
			c->first_line, c->last_line);
	else if (c->first_line < 1 || c->last_line > lines)
		rc = db_fail(db, STATUS_INVALID, _("Document %" PRId64 " \"%s\": lines "
			"%" PRId64 "–%" PRId64 " lie outside the document (lines "
			"1–%" PRId64 ")"), c->document_id,
			title, c->first_line, c->last_line, lines);
	free(title);
	if (rc == STATUS_OK) {
		char what[64];
		snprintf(what, sizeof what, _("Coding %" PRId64 ": memo"), c->id);
		rc = db_check_utf8(db, c->id ? what : _("Coding: memo"), c->memo);
	}
	if (rc == STATUS_OK)
		rc = db_query_int(db, &n, "SELECT count(*) FROM code WHERE id = ?1 AND session_id = ?2",
			"ii", c->code_id, c->session_id);
	if (rc == STATUS_OK && !n)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Code %" PRId64 " does not exist in session "
			"%" PRId64), c->code_id, c->session_id);
	return rc;
}

/* A second coding of the same lines with the same code by the same coder
 * would count the passage twice in every frequency, hinge row and report;
 * the refusal names the coding that is there already.  SELF (0 for a new
 * coding) is not its own twin. */
static enum status refuse_twin(struct db *db, const struct coding *c, int64_t coder_id,
	int64_t self)
{
	struct db_stmt *st = db_prepare(db, CODE_PATHS
		" SELECT g.id, coalesce(p.path, l.name, ''), k.name FROM coding g"
		" JOIN code_label l ON l.id = g.code_id JOIN coder k ON k.id = g.coder_id"
		" LEFT JOIN path p ON p.id = g.code_id"
		" WHERE g.document_id = ?2 AND g.first_line = ?3 AND g.last_line = ?4"
		" AND g.code_id = ?5 AND g.coder_id = ?6 AND g.id <> ?7");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, c->session_id);
	db_bind_int(st, 2, c->document_id);
	db_bind_int(st, 3, c->first_line);
	db_bind_int(st, 4, c->last_line);
	db_bind_int(st, 5, c->code_id);
	db_bind_int(st, 6, coder_id);
	db_bind_int(st, 7, self);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW:
		if (c->first_line == c->last_line)
			rc = db_fail(db, STATUS_CONFLICT, _("Coding: line %" PRId64 " of "
				"document %" PRId64 " is already coded with “%s” by %s (coding "
				"%" PRId64 ")"),
				c->first_line, c->document_id, db_column_text(st, 1), db_column_text(st, 2),
				db_column_int(st, 0));
		else
			rc = db_fail(db, STATUS_CONFLICT, _("Coding: lines "
				"%" PRId64 "–%" PRId64 " of document %" PRId64 " are already "
				"coded with “%s” by %s (coding "
				"%" PRId64 ")"), c->first_line, c->last_line, c->document_id,
				db_column_text(st, 1), db_column_text(st, 2), db_column_int(st, 0));
		break;
	case DB_DONE:
		break;
	case DB_ERROR:
		return db_step_status(st);
	}
	db_reset(st);
	return rc;
}

enum status coding_create(struct db *db, struct coding *c)
{
	int64_t coder_id = 0;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = check_coding(db, c);
	if (rc == STATUS_OK)
		rc = coder_ensure(db, c->coder, &coder_id);
	if (rc == STATUS_OK)
		rc = refuse_twin(db, c, coder_id, 0);
	if (rc == STATUS_OK)
		rc = db_exec(db, "INSERT INTO coding(session_id, document_id, first_line, last_line,"
			" code_id, coder_id, memo, guid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, "
			SQL_NEW_GUID "))", "iiiiiitt", c->session_id, c->document_id, c->first_line,
			c->last_line, c->code_id, coder_id, or_null(c->memo), c->guid);
	if (rc == STATUS_OK)
		c->id = db_last_insert_id(db);
	return db_end(db, rc);
}

void coding_clear(struct coding *c)
{
	/* coding_read() allocated them; the struct keeps them const for callers */
	free((char *)c->coder);
	free((char *)c->memo);
	memset(c, 0, sizeof *c);
}

enum status coding_read(struct db *db, int64_t id, struct coding *c)
{
	memset(c, 0, sizeof *c);
	struct db_stmt *st = db_prepare(db, "SELECT g.session_id, g.document_id, g.first_line,"
		" g.last_line, g.code_id, k.name, g.memo FROM coding g JOIN coder k ON k.id = g.coder_id"
		" WHERE g.id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW:
		c->id = id;
		c->session_id = db_column_int(st, 0);
		c->document_id = db_column_int(st, 1);
		c->first_line = db_column_int(st, 2);
		c->last_line = db_column_int(st, 3);
		c->code_id = db_column_int(st, 4);
		c->coder = db_column_strdup(st, 5);
		c->memo = db_column_strdup(st, 6);
		if (!c->coder || (!db_column_is_null(st, 6) && !c->memo)) {
			coding_clear(c);
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		}
		break;
	case DB_DONE:
		rc = db_fail(db, STATUS_NOT_FOUND, _("Coding %" PRId64 " does not exist"), id);
		break;
	case DB_ERROR:
		return db_step_status(st);
	}
	db_reset(st);
	return rc;
}

static enum status update_coding(struct db *db, const struct coding *c)
{
	struct coding stored = *c;
	int64_t coder_id = 0;
	enum status rc = db_query_int(db, &stored.session_id, "SELECT session_id FROM coding"
		" WHERE id = ?1", "i", c->id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("Coding %" PRId64 " does not exist"), c->id);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &stored.document_id, "SELECT document_id FROM coding WHERE id = ?1",
			"i", c->id);
	if (rc == STATUS_OK)
		rc = check_coding(db, &stored);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &coder_id, "SELECT coder_id FROM coding WHERE id = ?1", "i", c->id);
	if (rc == STATUS_OK)
		rc = refuse_twin(db, &stored, coder_id, c->id);
	if (rc == STATUS_OK)
		rc = db_exec(db, "UPDATE coding SET first_line = ?2, last_line = ?3, code_id = ?4,"
			" memo = ?5 WHERE id = ?1", "iiiit", c->id, c->first_line, c->last_line, c->code_id,
			or_null(c->memo));
	return rc;
}

enum status coding_update(struct db *db, const struct coding *c)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, update_coding(db, c));
}

enum status coding_delete(struct db *db, int64_t id)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, "DELETE FROM coding WHERE id = ?1", "i", id);
	if (rc == STATUS_OK && db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("Coding %" PRId64 " does not exist"), id);
	return db_end(db, rc);
}

enum status coding_list_range(struct db *db, int64_t doc_id, int64_t first, int64_t last,
	const char *coder, coding_cb cb, void *ctx)
{
	int64_t session_id = 0;
	enum status rc = db_query_int(db, &session_id, "SELECT session_id FROM document WHERE id = ?1",
		"i", doc_id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("Document %" PRId64 " does not exist"), doc_id);
	if (rc != STATUS_OK)
		return rc;
	/* coding_document (document_id, first_line) narrows the scan to the
	 * codings that start at or before LAST */
	struct db_stmt *st = db_prepare(db, CODE_PATHS
		" SELECT g.id, g.document_id, g.first_line, g.last_line, g.code_id, l.type, l.name,"
		" coalesce(p.path, ''), coalesce(l.colour, ''), k.name, coalesce(g.memo, '')"
		" FROM coding g JOIN code_label l ON l.id = g.code_id JOIN coder k ON k.id = g.coder_id"
		" LEFT JOIN path p ON p.id = g.code_id"
		" WHERE g.document_id = ?2 AND g.first_line <= ?4 AND g.last_line >= ?3"
		" AND (?5 IS NULL OR k.name = ?5)"
		" ORDER BY g.first_line, g.code_id, g.last_line, g.id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	db_bind_int(st, 2, doc_id);
	db_bind_int(st, 3, first);
	db_bind_int(st, 4, last);
	db_bind_text(st, 5, coder);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct coding_row row = {
			.id = db_column_int(st, 0),
			.document_id = db_column_int(st, 1),
			.first_line = db_column_int(st, 2),
			.last_line = db_column_int(st, 3),
			.code_id = db_column_int(st, 4),
			.code_type = db_column_text(st, 5),
			.code_name = db_column_text(st, 6),
			.code_path = db_column_text(st, 7),
			.colour = db_column_text(st, 8),
			.coder = db_column_text(st, 9),
			.memo = db_column_text(st, 10),
		};
		if (cb(ctx, &row))
			break;
	}
	rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

static const char *const frequency_sql[] = {
	[CODING_BY_CODE] = CODE_PATHS
		" SELECT l.id, coalesce(p.path, l.name, ''),"
		" (SELECT count(*) FROM coding WHERE code_id = l.id)"
		" FROM code_label l LEFT JOIN path p ON p.id = l.id WHERE l.session_id = ?1",
	[CODING_BY_DOCUMENT] =
		"SELECT d.id, d.title, (SELECT count(*) FROM coding WHERE document_id = d.id)"
		" FROM document d WHERE d.session_id = ?1 ORDER BY d.id",
	[CODING_BY_CODER] =
		"SELECT k.id, k.name, count(*) FROM coding g JOIN coder k ON k.id = g.coder_id"
		" WHERE g.session_id = ?1 GROUP BY k.id ORDER BY k.name, k.id",
};

enum status coding_frequencies(struct db *db, int64_t session_id, enum coding_by by,
	coding_count_cb cb, void *ctx)
{
	if ((size_t)by >= sizeof frequency_sql / sizeof frequency_sql[0])
		return db_fail(db, STATUS_INVALID, _("Frequencies: unknown grouping "
			"%d"), (int)by);
	static char by_code[1024];
	struct db_stmt *st = db_prepare(db, by == CODING_BY_CODE
		? ordered(by_code, sizeof by_code, frequency_sql[by]) : frequency_sql[by]);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		struct coding_count row = {
			.id = db_column_int(st, 0),
			.key = db_column_text(st, 1),
			.count = db_column_int(st, 2),
		};
		if (cb(ctx, &row))
			break;
	}
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

struct coder_table {
	struct db *db;
	size_t n, cap;
	int64_t *ids;
	char **names;
	int64_t *counts, *totals;
	coder_table_cb cb;
	void *ctx;
	enum status rc;
};

static enum status coder_table_coders(struct coder_table *t, int64_t session_id)
{
	struct db_stmt *st = db_prepare(t->db, "SELECT id, name FROM coder WHERE id IN"
		" (SELECT coder_id FROM coding WHERE session_id = ?1) ORDER BY name");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session_id);
	enum status rc = STATUS_OK;
	enum db_step step;
	while (rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		size_t cap = t->cap;
		int64_t *ids = grow(t->ids, t->n, &cap, sizeof *ids, 8);
		if (ids)
			t->ids = ids;
		char **names = ids ? grow(t->names, t->n, &t->cap, sizeof *names, 8) : NULL;
		if (names)
			t->names = names;
		char *name = names ? db_column_strdup(st, 1) : NULL;
		if (!name)
			rc = db_fail(t->db, STATUS_NOMEM, "%s", _("out of memory"));
		else {
			t->ids[t->n] = db_column_int(st, 0);
			t->names[t->n++] = name;
		}
	}
	db_reset(st);
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	if (rc == STATUS_OK) {
		t->counts = calloc(t->n + 1, sizeof *t->counts);
		t->totals = calloc(t->n + 1, sizeof *t->totals);
		if (!t->counts || !t->totals)
			rc = db_fail(t->db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	return rc;
}

static int coder_table_code(void *ctx, const struct code_info *info)
{
	struct coder_table *t = ctx;
	struct db_stmt *st = db_prepare(t->db, "SELECT coder_id, count(*) FROM coding"
		" WHERE code_id = ?1 GROUP BY coder_id");
	if (!st)
		return t->rc = STATUS_DB, 1;
	db_bind_int(st, 1, info->id);
	memset(t->counts, 0, t->n * sizeof *t->counts);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW)
		for (size_t k = 0; k < t->n; k++)
			if (t->ids[k] == db_column_int(st, 0)) {
				t->counts[k] = db_column_int(st, 1);
				t->totals[k] += t->counts[k];
			}
	db_reset(st);
	if (step == DB_ERROR)
		return t->rc = db_step_status(st), 1;
	struct coder_table_row row = { info, t->counts, info->codings };
	return t->cb(t->ctx, (const char *const *)t->names, t->n, &row);
}

enum status coding_table_by_coder(struct db *db, int64_t session_id, coder_table_cb cb, void *ctx)
{
	struct coder_table t = { .db = db, .cb = cb, .ctx = ctx, .rc = STATUS_OK };
	enum status rc = coder_table_coders(&t, session_id);
	if (rc == STATUS_OK)
		rc = code_list(db, session_id, coder_table_code, &t);
	if (rc == STATUS_OK)
		rc = t.rc;
	if (rc == STATUS_OK) {
		struct coder_table_row totals = { NULL, t.totals, 0 };
		for (size_t k = 0; k < t.n; k++)
			totals.total += t.totals[k];
		cb(ctx, (const char *const *)t.names, t.n, &totals);
	}
	for (size_t k = 0; k < t.n; k++)
		free(t.names[k]);
	free(t.names);
	free(t.ids);
	free(t.counts);
	free(t.totals);
	return rc;
}

/* A line number at *P (digits only, from 1); moves *P past it. */
static bool line_number(const char **p, int64_t *out)
{
	int64_t v = 0;
	const char *s = *p;
	if (!isdigit((unsigned char)*s))
		return false;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > (INT64_MAX - (*s - '0')) / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	*p = s;
	*out = v;
	return v >= 1;
}

static const char *skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

bool coding_parse_lines(const char *text, int64_t *first, int64_t *last)
{
	static const char en_dash[] = "–";
	const char *p = skip_spaces(text ? text : "");
	int64_t a, b;
	if (!line_number(&p, &a))
		return false;
	p = skip_spaces(p);
	if (!*p) {
		*first = *last = a;
		return true;
	}
	if (*p == '-')
		p++;
	else if (strncmp(p, en_dash, sizeof en_dash - 1) == 0)
		p += sizeof en_dash - 1;
	else
		return false;
	p = skip_spaces(p);
	if (!line_number(&p, &b) || *skip_spaces(p))
		return false;
	*first = a;
	*last = b;
	return true;
}
