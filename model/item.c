#include "model/item.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/guid.h"
#include "util/i18n.h"

#define TEXT(st, nm, col, lbl, req) \
	{ .name = nm, .column = #col, .label = lbl, .kind = FIELD_TEXT, \
	  .offset = offsetof(struct st, col), .required = req }
#define TEXT_AS(st, nm, col, member, lbl) \
	{ .name = nm, .column = col, .label = lbl, .kind = FIELD_TEXT, \
	  .offset = offsetof(struct st, member), .one_line = true }
/* A name, a date, a letter: a text of one line. */
#define LINE(st, nm, col, lbl, req) \
	{ .name = nm, .column = #col, .label = lbl, .kind = FIELD_TEXT, \
	  .offset = offsetof(struct st, col), .required = req, .one_line = true }
#define INT(st, nm, col, lbl, req, lo, hi) \
	{ .name = nm, .column = #col, .label = lbl, .kind = FIELD_INT, \
	  .offset = offsetof(struct st, col), .required = req, .min = lo, .max = hi }
#define REF(st, nm, col, lbl, req, to) \
	{ .name = nm, .column = #col, .label = lbl, .kind = FIELD_REF, \
	  .offset = offsetof(struct st, col), .required = req, .ref = to }
#define CHOICE(st, nm, col, lbl, list, dflt) \
	{ .name = nm, .column = #col, .label = lbl, .kind = FIELD_CHOICE, \
	  .offset = offsetof(struct st, col), .choices = list, .choice_labels = list##_labels, \
	  .fallback = dflt }

static const char *const stakeholder_kinds[] = {
	"science", "business", "government", "civil_society", "other", NULL
};
static const char *const stakeholder_kinds_labels[] = {
	N_("science"), N_("business"), N_("government and administration"),
	N_("civil society"), N_("other kind"), NULL
};
static const char *const horizons[] = { "short", "medium", "long", NULL };
static const char *const horizons_labels[] = { N_("short-term"), N_("medium-term"), N_("long-term"), NULL };

static const struct item_field session_fields[] = {
	LINE(session, "title", title, N_("Title"), true),
	LINE(session, "date", date, N_("Date"), false),
	LINE(session, "place", place, N_("Place"), false),
	LINE(session, "facilitator", facilitator, N_("Facilitator"), false),
	LINE(session, "participants", participants, N_("Participants"), false),
	TEXT(session, "question", question, N_("Guiding question"), false),
	TEXT(session, "inside", inside, N_("System boundary inside"), false),
	TEXT(session, "outside", outside, N_("System boundary outside"), false),
	LINE(session, "region", region, N_("Region"), false),
	LINE(session, "horizon", horizon, N_("Time horizon"), false),
	TEXT(session, "notes", notes, N_("Notes"), false),
	INT(session, "scale", scale, N_("Rating scale (highest level)"), true, 2, 3),
};

static const struct item_field component_fields[] = {
	INT(component, "number", number, N_("Number"), true, 1, 999),
	LINE(component, "name", name, N_("Name"), true),
	TEXT(component, "question", question, N_("Guiding question"), false),
};

static const struct item_field stakeholder_fields[] = {
	LINE(stakeholder, "name", name, N_("Name"), true),
	CHOICE(stakeholder, "kind", kind, N_("Kind"), stakeholder_kinds, "other"),
	TEXT(stakeholder, "description", description, N_("Description"), false),
};

static const struct item_field actor_fields[] = {
	LINE(actor, "letter", letter, N_("Letter"), true),
	LINE(actor, "name", name, N_("Name"), true),
};

static const struct item_field unseen_fields[] = {
	LINE(unseen, "title", title, N_("Title"), true),
	TEXT(unseen, "description", description, N_("Description"), false),
	TEXT(unseen, "causes", causes, N_("Causes"), false),
	REF(unseen, "component", component_id, N_("Component"), false, ITEM_COMPONENT),
	INT(unseen, "likelihood", likelihood, N_("Likelihood"), false, 1, 5),
	INT(unseen, "impact", impact, N_("Impact"), false, 1, 5),
	INT(unseen, "adaptive_capacity", capacity, N_("Adaptive capacity"), false, 1, 5),
	INT(unseen, "votes", votes, N_("Votes"), false, 0, 1000000),
	INT(unseen, "position", position, N_("Position"), false, 0, INT32_MAX),
};

static const struct item_field variable_fields[] = {
	LINE(variable, "name", name, N_("Name"), true),
	TEXT_AS(variable, "short", "short", short_name, N_("Short name")),
	TEXT(variable, "description", description, N_("Description"), false),
	INT(variable, "position", position, N_("Position"), false, 0, INT32_MAX),
};

static const struct item_field goal_fields[] = {
	TEXT(goal, "text", text, N_("Goal"), true),
	REF(goal, "component", component_id, N_("Component"), false, ITEM_COMPONENT),
};

static const struct item_field conflict_fields[] = {
	TEXT(conflict, "description", description, N_("Description"), false),
	REF(conflict, "goal_a", goal_a, N_("Goal A"), true, ITEM_GOAL),
	REF(conflict, "goal_b", goal_b, N_("Goal B"), true, ITEM_GOAL),
};

static const struct item_field measure_fields[] = {
	TEXT(measure, "text", text, N_("Measure"), true),
	REF(measure, "actor", actor_id, N_("Actor group"), false, ITEM_ACTOR),
	CHOICE(measure, "horizon", horizon, N_("Time horizon"), horizons, NULL),
	INT(measure, "priority", priority, N_("Priority"), false, 1, 5),
};

static const struct item_field soro_fields[] = {
	TEXT(soro, "text", text, N_("SoRO"), true),
	REF(soro, "component", component_id, N_("Component"), false, ITEM_COMPONENT),
};

#define FIELDS(list) list, sizeof list / sizeof list[0]

static const struct item_type item_types[ITEM_KIND_COUNT] = {
#define KIND(e, nm, label, plural, title, key, order, code, search, searched, colour, csv, \
		csv_label) \
	[ITEM_##e] = { ITEM_##e, #nm, #nm, label, sizeof(struct nm), FIELDS(nm##_fields), title, key, \
		order, code > 0, plural, code, search, searched, colour, csv, csv_label },
#include "model/kinds.def"
#undef KIND
};

static const struct link_type link_types[LINK_KIND_COUNT] = {
	[LINK_UNSEEN_STAKEHOLDER] = { LINK_UNSEEN_STAKEHOLDER, "unseen_stakeholder", "unseen_id",
		"stakeholder_id", ITEM_UNSEEN, ITEM_STAKEHOLDER, "stakeholder", "stakeholders",
		N_("Link unseen–stakeholder group") },
	[LINK_GOAL_UNSEEN] = { LINK_GOAL_UNSEEN, "goal_unseen", "goal_id", "unseen_id",
		ITEM_GOAL, ITEM_UNSEEN, "unseen", "unseens", N_("Link goal–unseen") },
	[LINK_MEASURE_GOAL] = { LINK_MEASURE_GOAL, "measure_goal", "measure_id", "goal_id",
		ITEM_MEASURE, ITEM_GOAL, "goal", "goals", N_("Link measure–goal") },
	[LINK_SORO_UNSEEN] = { LINK_SORO_UNSEEN, "soro_unseen", "soro_id", "unseen_id",
		ITEM_SORO, ITEM_UNSEEN, "unseen", "unseens", N_("Link SoRO–unseen") },
	[LINK_SORO_GOAL] = { LINK_SORO_GOAL, "soro_goal", "soro_id", "goal_id",
		ITEM_SORO, ITEM_GOAL, "goal", "goals", N_("Link SoRO–goal") },
	[LINK_SORO_MEASURE] = { LINK_SORO_MEASURE, "soro_measure", "soro_id", "measure_id",
		ITEM_SORO, ITEM_MEASURE, "measure", "measures",
		N_("Link SoRO–measure") },
};

const struct item_type *item_type(enum item_kind kind)
{
	return (unsigned)kind < ITEM_KIND_COUNT ? &item_types[kind] : NULL;
}

const struct item_type *item_type_by_name(const char *name)
{
	for (size_t i = 0; i < ITEM_KIND_COUNT; i++)
		if (strcmp(item_types[i].name, name) == 0)
			return &item_types[i];
	return NULL;
}

const struct item_field *item_field_by_name(const struct item_type *type, const char *name)
{
	for (size_t i = 0; i < type->nfields; i++)
		if (strcmp(type->fields[i].name, name) == 0)
			return &type->fields[i];
	return NULL;
}

const struct link_type *link_type(enum link_kind kind)
{
	return (unsigned)kind < LINK_KIND_COUNT ? &link_types[kind] : NULL;
}

static int64_t *int_at(const struct item_field *f, void *item)
{
	return (int64_t *)((char *)item + f->offset);
}

static char **text_at(const struct item_field *f, void *item)
{
	return (char **)((char *)item + f->offset);
}

static int64_t *head_at(void *item)
{
	return (int64_t *)item;  /* id, then session_id */
}

static bool is_session(const struct item_type *type)
{
	return type->kind == ITEM_SESSION;
}

void item_clear(const struct item_type *type, void *item)
{
	for (size_t i = 0; i < type->nfields; i++) {
		const struct item_field *f = &type->fields[i];
		if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE) {
			free(*text_at(f, item));
			*text_at(f, item) = NULL;
		}
	}
	if (is_session(type)) {
		struct session *s = item;
		free(s->created);
		free(s->modified);
		s->created = s->modified = NULL;
	}
}

/* SELECT id, session_id, fields... FROM table: the one column order
 * read_row() expects. */
static void select_columns(const struct item_type *type, char *sql, size_t size)
{
	int n = snprintf(sql, size, "SELECT id, %s", is_session(type) ? "0" : "session_id");
	for (size_t i = 0; i < type->nfields && n > 0 && (size_t)n < size; i++)
		n += snprintf(sql + n, size - (size_t)n, ", \"%s\"", type->fields[i].column);
	if (is_session(type) && n > 0 && (size_t)n < size)
		n += snprintf(sql + n, size - (size_t)n, ", created, modified");
	if (n > 0 && (size_t)n < size)
		snprintf(sql + n, size - (size_t)n, " FROM \"%s\"", type->table);
}

/* Fills ITEM from the current row; texts are copied (item_clear frees).
 * Returns false when memory ran out. */
static bool read_row(const struct item_type *type, struct db_stmt *st, void *item)
{
	bool ok = true;
	memset(item, 0, type->size);
	head_at(item)[0] = db_column_int(st, 0);
	head_at(item)[1] = db_column_int(st, 1);
	for (size_t i = 0; i < type->nfields; i++) {
		const struct item_field *f = &type->fields[i];
		int col = (int)i + 2;
		if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE) {
			*text_at(f, item) = db_column_strdup(st, col);
			ok = ok && (db_column_is_null(st, col) || *text_at(f, item));
		} else {
			*int_at(f, item) = db_column_int(st, col);
		}
	}
	if (is_session(type)) {
		struct session *s = item;
		int col = (int)type->nfields + 2;
		s->created = db_column_strdup(st, col);
		s->modified = db_column_strdup(st, col + 1);
		ok = ok && s->created && s->modified;
	}
	if (!ok)
		item_clear(type, item);
	return ok;
}

static enum status check_ref(struct db *db, const struct item_type *type,
	const struct item_field *f, int64_t session_id, int64_t ref)
{
	const struct item_type *target = item_type(f->ref);
	char sql[128];
	int64_t found = 0;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" WHERE id = ?1 AND session_id = ?2",
		target->table);
	enum status rc = db_query_int(db, &found, sql, "ii", ref, session_id);
	if (rc != STATUS_OK)
		return rc;
	if (!found)
		return db_fail(db, STATUS_NOT_FOUND, _("%s: there is no %s %" PRId64 " in session %" PRId64
			" (field %s)"), _(type->label), _(target->label), ref, session_id, _(f->label));
	return STATUS_OK;
}

static enum status check_choice(struct db *db, const struct item_type *type,
	const struct item_field *f, const char *text)
{
	for (size_t k = 0; f->choices[k]; k++)
		if (strcmp(f->choices[k], text) == 0)
			return STATUS_OK;
	return db_fail(db, STATUS_INVALID, _("%s: \"%s\" is not a valid value for %s"),
		_(type->label), text, _(f->label));
}

static enum status check_fields(struct db *db, const struct item_type *type, void *item)
{
	int64_t session_id = head_at(item)[1];
	for (size_t i = 0; i < type->nfields; i++) {
		const struct item_field *f = &type->fields[i];
		if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE) {
			const char *text = *text_at(f, item);
			if (f->required && (!text || !*text))
				return db_fail(db, STATUS_INVALID, _("%s: the field %s must not be empty"),
					_(type->label), _(f->label));
			if (f->kind == FIELD_CHOICE && text && *text) {
				enum status rc = check_choice(db, type, f, text);
				if (rc != STATUS_OK)
					return rc;
			}
			continue;
		}
		int64_t v = *int_at(f, item);
		bool unset = v == 0 && !(f->kind == FIELD_INT && f->min <= 0);
		if (unset) {
			if (f->required)
				return db_fail(db, STATUS_INVALID, _("%s: the field %s is missing"),
					_(type->label), _(f->label));
			continue;
		}
		if (f->kind == FIELD_INT && (v < f->min || v > f->max))
			return db_fail(db, STATUS_INVALID, _("%s: %s = %" PRId64 " is outside %"
				PRId64 "–%" PRId64), _(type->label), _(f->label), v, f->min, f->max);
		if (f->kind == FIELD_REF) {
			enum status rc = check_ref(db, type, f, session_id, v);
			if (rc != STATUS_OK)
				return rc;
		}
	}
	return STATUS_OK;
}

static void bind_field(struct db_stmt *st, int idx, const struct item_field *f, void *item)
{
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE) {
		const char *text = *text_at(f, item);
		db_bind_text(st, idx, text && *text ? text : f->required ? text : f->fallback);
	} else if (f->kind == FIELD_INT && f->min <= 0) {
		db_bind_int(st, idx, *int_at(f, item));
	} else {
		db_bind_id(st, idx, *int_at(f, item));  /* 0 = none / unrated */
	}
}

/* Table name with a sensible message when a SQL constraint refused. */
static enum status refine_conflict(struct db *db, const struct item_type *type, enum status rc)
{
	if (rc == STATUS_CONFLICT && type->kind == ITEM_SESSION && strstr(db_error(db), "new scale"))
		return db_fail(db, rc, "%s", _("Session: the impact matrix holds ratings above the "
			"new scale; change them first"));
	if (rc == STATUS_CONFLICT && type->key_column) {
		const struct item_field *key = item_field_by_name(type, type->key_column);
		return db_fail(db, rc, _("%s: %s is already taken in this session"),
			_(type->label), key ? _(key->label) : type->key_column);
	}
	return rc;
}

static enum status insert_row(struct db *db, const struct item_type *type, void *item)
{
	char sql[1024];
	int n = snprintf(sql, sizeof sql, "INSERT INTO \"%s\"(%s", type->table,
		is_session(type) ? "id" : "session_id");
	for (size_t i = 0; i < type->nfields; i++)
		n += snprintf(sql + n, sizeof sql - (size_t)n, ", \"%s\"", type->fields[i].column);
	n += snprintf(sql + n, sizeof sql - (size_t)n, ") VALUES (?1");
	for (size_t i = 0; i < type->nfields; i++)
		n += snprintf(sql + n, sizeof sql - (size_t)n, ", ?%zu", i + 2);
	snprintf(sql + n, sizeof sql - (size_t)n, ")");

	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_id(st, 1, is_session(type) ? 0 : head_at(item)[1]);
	for (size_t i = 0; i < type->nfields; i++)
		bind_field(st, (int)i + 2, &type->fields[i], item);
	enum db_step step = db_step(st);
	db_reset(st);
	if (step != DB_DONE)
		return refine_conflict(db, type, db_step_status(st));
	head_at(item)[0] = db_last_insert_id(db);
	if (!type->is_code)
		return STATUS_OK;
	return db_exec(db, "INSERT INTO code(session_id, type, item_id, guid) VALUES (?1, ?2, ?3, "
		SQL_NEW_GUID ")", "iti",
		head_at(item)[1], type->name, head_at(item)[0]);
}

/* A new unseen or variable goes to the end of its list. */
static enum status default_position(struct db *db, const struct item_type *type, void *item)
{
	const struct item_field *f = item_field_by_name(type, "position");
	if (!f || *int_at(f, item) != 0)
		return STATUS_OK;
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT coalesce(max(position), 0) + 1 FROM \"%s\" "
		"WHERE session_id = ?1", type->table);
	return db_query_int(db, int_at(f, item), sql, "i", head_at(item)[1]);
}

/* A new component gets the next free number unless one was chosen. */
static enum status default_number(struct db *db, const struct item_type *type, void *item)
{
	if (type->kind != ITEM_COMPONENT || ((struct component *)item)->number)
		return STATUS_OK;
	return component_next_number(db, head_at(item)[1], &((struct component *)item)->number);
}

static const char *label_in(const char *const *values, const char *const *labels,
	const char *value)
{
	for (size_t i = 0; value && values[i]; i++)
		if (strcmp(values[i], value) == 0)
			return _(labels[i]);
	return value ? value : "";
}

const char *item_choice_label(const struct item_field *field, const char *value)
{
	if (!field->choices)
		return value ? value : "";
	return label_in(field->choices, field->choice_labels, value);
}

const char *stakeholder_kind_label(const char *kind)
{
	return label_in(stakeholder_kinds, stakeholder_kinds_labels, kind);
}

const char *horizon_label(const char *horizon)
{
	return label_in(horizons, horizons_labels, horizon);
}

const struct item_field *item_title_field(const struct item_type *type)
{
	for (size_t i = 0; i < type->nfields; i++)
		if (strcmp(type->fields[i].column, type->title_column) == 0)
			return &type->fields[i];
	return NULL;
}

enum status item_create(struct db *db, const struct item_type *type, void *item)
{
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	if (!is_session(type)) {
		rc = db_query_int(db, &(int64_t){ 0 }, "SELECT id FROM session WHERE id = ?1", "i",
			head_at(item)[1]);
		if (rc == STATUS_NOT_FOUND)
			rc = db_fail(db, rc, _("Session %" PRId64 " does not exist"), head_at(item)[1]);
	}
	if (rc == STATUS_OK)
		rc = default_position(db, type, item);
	if (rc == STATUS_OK)
		rc = default_number(db, type, item);
	if (rc == STATUS_OK)
		rc = check_fields(db, type, item);
	if (rc == STATUS_OK)
		rc = insert_row(db, type, item);
	return db_end(db, rc);
}

enum status item_read(struct db *db, const struct item_type *type, int64_t id, void *item)
{
	char sql[1024];
	size_t n;
	select_columns(type, sql, sizeof sql);
	n = strlen(sql);
	snprintf(sql + n, sizeof sql - n, " WHERE id = ?1");
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, id);
	enum status rc = STATUS_OK;
	switch (db_step(st)) {
	case DB_ROW:
		if (!read_row(type, st, item))
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		break;
	case DB_DONE:
		rc = db_fail(db, STATUS_NOT_FOUND, _("%s %" PRId64 " does not exist"), _(type->label), id);
		break;
	case DB_ERROR:
		rc = db_step_status(st);
		break;
	}
	db_reset(st);
	return rc;
}

/* An item stays in its session: references are checked against the
 * session the stored row belongs to, not against what the caller says. */
static enum status check_stored_session(struct db *db, const struct item_type *type, void *item)
{
	if (is_session(type))
		return STATUS_OK;
	char sql[128];
	int64_t stored = 0;
	snprintf(sql, sizeof sql, "SELECT session_id FROM \"%s\" WHERE id = ?1", type->table);
	enum status rc = db_query_int(db, &stored, sql, "i", head_at(item)[0]);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("%s %" PRId64 " does not exist"), _(type->label), head_at(item)[0]);
	if (rc == STATUS_OK && stored != head_at(item)[1])
		return db_fail(db, STATUS_INVALID, _("%s %" PRId64 " belongs to session %" PRId64
			", not to %" PRId64), _(type->label), head_at(item)[0], stored, head_at(item)[1]);
	return rc;
}

enum status item_update(struct db *db, const struct item_type *type, const void *item)
{
	void *copy = (void *)item;  /* only read: the accessors are shared with writers */
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = check_stored_session(db, type, copy);
	if (rc == STATUS_OK)
		rc = check_fields(db, type, copy);
	if (rc != STATUS_OK)
		return db_end(db, rc);

	char sql[1024];
	int n = snprintf(sql, sizeof sql, "UPDATE \"%s\" SET ", type->table);
	for (size_t i = 0; i < type->nfields; i++)
		n += snprintf(sql + n, sizeof sql - (size_t)n, "%s\"%s\" = ?%zu", i ? ", " : "",
			type->fields[i].column, i + 2);
	if (is_session(type))
		n += snprintf(sql + n, sizeof sql - (size_t)n,
			", modified = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')");
	snprintf(sql + n, sizeof sql - (size_t)n, " WHERE id = ?1");
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_end(db, STATUS_DB);
	db_bind_int(st, 1, head_at(copy)[0]);
	for (size_t i = 0; i < type->nfields; i++)
		bind_field(st, (int)i + 2, &type->fields[i], copy);
	enum db_step step = db_step(st);
	db_reset(st);
	if (step != DB_DONE)
		return db_end(db, refine_conflict(db, type, db_step_status(st)));
	if (db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("%s %" PRId64 " does not exist"), _(type->label),
			head_at(copy)[0]);
	return db_end(db, rc);
}

enum status item_delete(struct db *db, const struct item_type *type, int64_t id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE id = ?1", type->table);
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_exec(db, sql, "i", id);
	if (rc == STATUS_OK && db_changes(db) == 0)
		rc = db_fail(db, STATUS_NOT_FOUND, _("%s %" PRId64 " does not exist"), _(type->label), id);
	return db_end(db, rc);
}

enum status item_list(struct db *db, const struct item_type *type, int64_t session_id,
	item_cb cb, void *ctx)
{
	char sql[1024];
	size_t n;
	select_columns(type, sql, sizeof sql);
	n = strlen(sql);
	snprintf(sql + n, sizeof sql - n, "%s ORDER BY %s",
		is_session(type) ? " WHERE ?1 = 0" : " WHERE session_id = ?1", type->order);
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, is_session(type) ? 0 : session_id);

	/* The callback may read other items, but must not list this kind
	 * again: that would reset this statement. */
	union item_any buf;
	enum status rc = STATUS_OK;
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW) {
		if (!read_row(type, st, &buf)) {
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
			break;
		}
		int stop = cb(ctx, &buf);
		item_clear(type, &buf);
		if (stop)
			break;
	}
	if (step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	return rc;
}

enum status item_count(struct db *db, const struct item_type *type, int64_t session_id,
	int64_t *count)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" WHERE %s = ?1", type->table,
		is_session(type) ? "?1" : "session_id");  /* sessions: all of them */
	return db_query_int(db, count, sql, "i", session_id);
}

static bool parse_int(const char *text, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end != '\0')
		return false;
	*out = v;
	return true;
}

bool item_split_ref(const char *key, char *kind, size_t size, int64_t *id)
{
	const char *colon = strchr(key, ':');
	size_t len = colon ? (size_t)(colon - key) : 0;
	if (!len || len >= size || !colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return false;
	memcpy(kind, key, len);
	kind[len] = '\0';
	return parse_int(colon + 1, id);
}

/* KEY as a typed reference to an item of a known kind. */
static bool typed_ref(const char *key, const struct item_type **type, int64_t *id)
{
	char name[32];
	return item_split_ref(key, name, sizeof name, id) && (*type = item_type_by_name(name));
}

enum status item_find_by_id(struct db *db, const struct item_type *type, int64_t session_id,
	int64_t id)
{
	char sql[160];
	int64_t found;
	snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE id = ?1 AND %s", type->table,
		is_session(type) ? "?2 = ?2" : "session_id = ?2");
	enum status rc = db_query_int(db, &found, sql, "ii", id, session_id);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("%s %s:%" PRId64 " does not exist in this session"),
			_(type->label), type->name, id);
	return rc;
}

enum status item_find(struct db *db, const struct item_type *type, int64_t session_id,
	const char *key, int64_t *id)
{
	char sql[256];
	const char *scope = is_session(type) ? "?2 = ?2" : "session_id = ?2";
	enum status rc;
	int64_t number;
	const struct item_type *named;

	if (typed_ref(key, &named, &number)) {
		if (named != type)
			return db_fail(db, STATUS_INVALID, _("Wanted: %s; \"%s\" names: %s"),
				_(type->label), key, _(named->label));
		rc = item_find_by_id(db, type, session_id, number);
		if (rc == STATUS_OK)
			*id = number;
		return rc;
	}
	if (type->key_column) {
		snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE %s AND \"%s\" = ?1",
			type->table, scope, type->key_column);
		rc = db_query_int(db, id, sql, "ti", key, session_id);
		if (rc != STATUS_NOT_FOUND)
			return rc;
	} else if (parse_int(key, &number)) {
		snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" WHERE %s AND id = ?1",
			type->table, scope);
		rc = db_query_int(db, id, sql, "ii", number, session_id);
		if (rc != STATUS_NOT_FOUND)
			return rc;
	}
	int64_t matches = 0;
	snprintf(sql, sizeof sql, "SELECT count(*), min(id) FROM \"%s\" WHERE %s AND \"%s\" = ?1",
		type->table, scope, type->title_column);
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, key);
	db_bind_int(st, 2, session_id);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	matches = db_column_int(st, 0);
	*id = db_column_int(st, 1);
	db_reset(st);
	if (matches == 1)
		return STATUS_OK;
	if (matches > 1)
		return db_fail(db, STATUS_CONFLICT, _("%s \"%s\" is ambiguous (%" PRId64
			" matches); name it as %s:ID"), _(type->label), key, matches, type->name);
	return db_fail(db, STATUS_NOT_FOUND, _("%s \"%s\" does not exist"), _(type->label), key);
}

enum status item_set_ref(struct db *db, const struct item_type *type, void *item,
	const struct item_field *f, int64_t ref)
{
	if (ref) {
		enum status rc = check_ref(db, type, f, head_at(item)[1], ref);
		if (rc != STATUS_OK)
			return rc;
	}
	*int_at(f, item) = ref;
	return STATUS_OK;
}

enum status item_parse(struct db *db, const struct item_type *type, void *item,
	const struct item_field *f, const char *value)
{
	if (f->kind == FIELD_CHOICE && *value) {
		enum status rc = check_choice(db, type, f, value);
		if (rc != STATUS_OK)
			return rc;
	}
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE) {
		char what[96];
		snprintf(what, sizeof what, "%s: %s", _(type->label), _(f->label));
		enum status rc = db_check_utf8(db, what, value);
		if (rc != STATUS_OK)
			return rc;
		char *copy = *value ? strdup(value) : NULL;
		if (*value && !copy)
			return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		free(*text_at(f, item));
		*text_at(f, item) = copy;
		return STATUS_OK;
	}
	if (!*value) {
		*int_at(f, item) = 0;
		return STATUS_OK;
	}
	if (f->kind == FIELD_REF)
		return item_find(db, item_type(f->ref), head_at(item)[1], value, int_at(f, item));
	int64_t v;
	if (!parse_int(value, &v))
		return db_fail(db, STATUS_INVALID, _("%s: %s = \"%s\" is not a whole number"),
			_(type->label), _(f->label), value);
	if (v < f->min || v > f->max)
		return db_fail(db, STATUS_INVALID, _("%s: %s = %" PRId64 " is outside %"
			PRId64 "–%" PRId64), _(type->label), _(f->label), v, f->min, f->max);
	*int_at(f, item) = v;
	return STATUS_OK;
}

const char *item_format(struct db *db, const struct item_type *type, const void *item,
	const struct item_field *f, char *buf, size_t size)
{
	void *it = (void *)item;  /* only read */
	(void)type;
	buf[0] = '\0';
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE) {
		snprintf(buf, size, "%s", *text_at(f, it) ? *text_at(f, it) : "");
		return buf;
	}
	int64_t v = *int_at(f, it);
	if (f->kind == FIELD_INT) {
		if (v != 0 || f->min <= 0)
			snprintf(buf, size, "%" PRId64, v);
		return buf;
	}
	if (v == 0)
		return buf;
	const struct item_type *target = item_type(f->ref);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE id = ?1",
		target->key_column ? target->key_column : "id", target->table);
	struct db_stmt *st = db_prepare(db, sql);
	if (st) {
		db_bind_int(st, 1, v);
		if (db_step(st) == DB_ROW)
			snprintf(buf, size, "%s", db_column_text(st, 0));
		db_reset(st);
	}
	return buf;
}

enum status component_next_number(struct db *db, int64_t session_id, int64_t *number)
{
	return db_query_int(db, number, "SELECT coalesce(max(number), 0) + 1 FROM component"
		" WHERE session_id = ?1", "i", session_id);
}

int unseen_risk(const struct unseen *u)
{
	if (u->likelihood < 1 || u->impact < 1)
		return -1;
	return (int)(u->likelihood * u->impact);
}

double unseen_vulnerability(const struct unseen *u)
{
	int risk = unseen_risk(u);
	if (risk < 0 || u->capacity < 1)
		return -1.0;
	return risk * (6.0 - (double)u->capacity) / 5.0;
}

static enum status link_check(struct db *db, const struct link_type *lt, int64_t from, int64_t to)
{
	const struct item_type *a = item_type(lt->from), *b = item_type(lt->to);
	char sql[256];
	int64_t same = 0;
	snprintf(sql, sizeof sql, "SELECT (SELECT session_id FROM \"%s\" WHERE id = ?1) = "
		"(SELECT session_id FROM \"%s\" WHERE id = ?2)", a->table, b->table);
	enum status rc = db_query_int(db, &same, sql, "ii", from, to);
	if (rc != STATUS_OK)
		return rc;
	if (!same)
		return db_fail(db, STATUS_NOT_FOUND, _("%s %" PRId64 " and %s %" PRId64
			" are not in the same session"), _(a->label), from, _(b->label), to);
	return STATUS_OK;
}

enum status link_add(struct db *db, enum link_kind kind, int64_t from, int64_t to)
{
	const struct link_type *lt = link_type(kind);
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO \"%s\"(\"%s\", \"%s\") VALUES (?1, ?2)",
		lt->table, lt->from_column, lt->to_column);
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = link_check(db, lt, from, to);
	if (rc == STATUS_OK)
		rc = db_exec(db, sql, "ii", from, to);
	return db_end(db, rc);
}

enum status link_remove(struct db *db, enum link_kind kind, int64_t from, int64_t to)
{
	const struct link_type *lt = link_type(kind);
	char sql[256];
	snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE \"%s\" = ?1 AND \"%s\" = ?2",
		lt->table, lt->from_column, lt->to_column);
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	return db_end(db, db_exec(db, sql, "ii", from, to));
}

enum status link_list(struct db *db, enum link_kind kind, int64_t from, link_cb cb, void *ctx)
{
	const struct link_type *lt = link_type(kind);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY 1",
		lt->to_column, lt->table, lt->from_column);
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, from);
	enum db_step step;
	while ((step = db_step(st)) == DB_ROW)
		if (cb(ctx, db_column_int(st, 0)))
			break;
	enum status rc = step == DB_ERROR ? db_step_status(st) : STATUS_OK;
	db_reset(st);
	return rc;
}

/* ---- use cases: one transaction each, for both front ends ---- */

/* Parses the field values of VALUES into ITEM; *BAD the one refused. */
static enum status parse_values(struct db *db, const struct item_type *type, void *item,
	const struct item_value *values, size_t n, size_t *bad)
{
	for (size_t i = 0; i < n; i++) {
		if (!values[i].field)
			continue;
		enum status rc = item_parse(db, type, item, values[i].field, values[i].value);
		if (rc != STATUS_OK) {
			*bad = i;
			return rc;
		}
	}
	return STATUS_OK;
}

/* Adds the links of VALUES from item ID of SESSION; *BAD the one refused. */
static enum status add_links(struct db *db, int64_t session, int64_t id,
	const struct item_value *values, size_t n, size_t *bad)
{
	for (size_t i = 0; i < n; i++) {
		const struct link_type *l = values[i].link;
		int64_t target;
		if (!l)
			continue;
		enum status rc = item_find(db, item_type(l->to), session, values[i].value, &target);
		if (rc == STATUS_OK)
			rc = link_add(db, l->kind, id, target);
		if (rc != STATUS_OK) {
			*bad = i;
			return rc;
		}
	}
	return STATUS_OK;
}

enum status item_add(struct db *db, const struct item_type *type, int64_t session,
	const char *title, const struct item_value *values, size_t n, int64_t *id, size_t *bad)
{
	union item_any item;
	memset(&item, 0, sizeof item);
	head_at(&item)[1] = session;
	*bad = n;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = item_parse(db, type, &item, item_title_field(type), title);
	if (rc == STATUS_OK)
		rc = parse_values(db, type, &item, values, n, bad);
	if (rc == STATUS_OK)
		rc = item_create(db, type, &item);
	if (rc == STATUS_OK)
		rc = add_links(db, session, head_at(&item)[0], values, n, bad);
	*id = head_at(&item)[0];
	item_clear(type, &item);
	return db_end(db, rc);
}

enum status item_edit(struct db *db, const struct item_type *type, int64_t id,
	const struct item_value *values, size_t n, size_t *bad)
{
	union item_any item;
	*bad = n;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = item_read(db, type, id, &item);
	if (rc != STATUS_OK)
		return db_end(db, rc);
	rc = parse_values(db, type, &item, values, n, bad);
	if (rc == STATUS_OK)
		rc = item_update(db, type, &item);
	/* a session's links are none; an item's are in its session */
	int64_t session = type->kind == ITEM_SESSION ? id : head_at(&item)[1];
	if (rc == STATUS_OK)
		rc = add_links(db, session, id, values, n, bad);
	item_clear(type, &item);
	return db_end(db, rc);
}

enum status item_set_field(struct db *db, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *value)
{
	size_t bad;
	return item_edit(db, type, id, &(struct item_value){ f, NULL, value }, 1, &bad);
}

enum status item_set_ref_field(struct db *db, const struct item_type *type, int64_t id,
	const struct item_field *f, int64_t ref)
{
	union item_any item;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = item_read(db, type, id, &item);
	if (rc == STATUS_OK) {
		rc = item_set_ref(db, type, &item, f, ref);
		if (rc == STATUS_OK)
			rc = item_update(db, type, &item);
		item_clear(type, &item);
	}
	return db_end(db, rc);
}

enum status unseen_vote(struct db *db, int64_t id, int delta, int64_t *votes)
{
	const struct item_type *type = item_type(ITEM_UNSEEN);
	struct unseen u;
	enum status rc = db_begin(db);   /* votes from two terminals add up */
	if (rc != STATUS_OK)
		return rc;
	rc = item_read(db, type, id, &u);
	if (rc == STATUS_OK) {
		if (u.votes + delta >= 0) {
			u.votes += delta;
			rc = item_update(db, type, &u);
		}
		*votes = u.votes;
		item_clear(type, &u);
	}
	return db_end(db, rc);
}

enum status item_swap_positions(struct db *db, const struct item_type *type, int64_t a_id,
	int64_t b_id, int delta)
{
	const struct item_field *f = item_field_by_name(type, "position");
	if (!f)
		return db_fail(db, STATUS_INVALID, _("%s cannot be reordered"), _(type->plural));
	union item_any a, b;
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	rc = item_read(db, type, a_id, &a);
	if (rc == STATUS_OK) {
		rc = item_read(db, type, b_id, &b);
		if (rc == STATUS_OK) {
			int64_t *pa = int_at(f, &a), *pb = int_at(f, &b), t = *pa;
			*pa = *pb == t ? t + delta : *pb;   /* equal positions still move */
			*pb = t;
			rc = item_update(db, type, &a);
			if (rc == STATUS_OK)
				rc = item_update(db, type, &b);
			item_clear(type, &b);
		}
		item_clear(type, &a);
	}
	return db_end(db, rc);
}

enum status link_change(struct db *db, enum link_kind kind, int64_t from, const int64_t *ids,
	const bool *was, const bool *now, size_t n)
{
	enum status rc = db_begin(db);
	for (size_t i = 0; i < n && rc == STATUS_OK; i++) {
		if (now[i] && !was[i])
			rc = link_add(db, kind, from, ids[i]);
		else if (!now[i] && was[i])
			rc = link_remove(db, kind, from, ids[i]);
	}
	return db_end(db, rc);
}
