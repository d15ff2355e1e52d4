#include "exports/items_csv.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "exports/csv_reader.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/item.h"
#include "util/i18n.h"
#include "util/grow.h"
#include "util/join.h"

#define KIND_CODES ITEM_KIND_COUNT  /* not an item kind: free codes */

/* The CSV layout of each item kind that has a table (its csv name in
 * kinds.def); the free codes are the codes table. */
struct table {
	enum item_kind kind;       /* or KIND_CODES */
	const char *const *columns;
};

static const char *const unseen_columns[] = { "id", "title", "description", "causes",
	"component", "stakeholders", "likelihood", "impact", "adaptive_capacity", "vulnerability",
	"votes", NULL };
static const char *const goal_columns[] = { "id", "text", "component", "unseens", NULL };
static const char *const measure_columns[] = { "id", "text", "actor", "horizon", "priority",
	"goals", NULL };
static const char *const stakeholder_columns[] = { "id", "name", "kind", "description", NULL };
static const char *const component_columns[] = { "id", "number", "name", "question", NULL };
static const char *const code_columns[] = { "id", "path", "colour", "definition", NULL };

static const struct table tables[] = {
	{ ITEM_UNSEEN, unseen_columns },
	{ ITEM_GOAL, goal_columns },
	{ ITEM_MEASURE, measure_columns },
	{ ITEM_STAKEHOLDER, stakeholder_columns },
	{ ITEM_COMPONENT, component_columns },
	{ KIND_CODES, code_columns },
};
#define NTABLES (sizeof tables / sizeof tables[0])

static const char *table_name(size_t i)
{
	return tables[i].kind == KIND_CODES ? "codes" : item_type(tables[i].kind)->csv;
}

static const struct table *table_by_name(const char *what)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (table_name(i) && strcmp(table_name(i), what) == 0)
			return &tables[i];
	return NULL;
}

bool items_csv_known(const char *what)
{
	return table_by_name(what) != NULL;
}

/* Refuses WHAT, naming the tables there are. */
static enum status unknown_table(struct db *db, const char *what)
{
	char names[256];
	return db_fail(db, STATUS_INVALID, _("unknown table \"%s\" (%s)"), what,
		join_names(names, sizeof names, "|", NTABLES, table_name));
}

static const struct link_type *link_by_column(enum item_kind from, const char *column)
{
	for (int k = 0; k < LINK_KIND_COUNT; k++) {
		const struct link_type *lt = link_type((enum link_kind)k);
		if (lt->from == from && strcmp(lt->column, column) == 0)
			return lt;
	}
	return NULL;
}

static char **text_of(const struct item_field *f, void *item)
{
	return (char **)((char *)item + f->offset);
}

/* A growing string; p is NULL until the first append. */
struct sbuf {
	char *p;
	size_t len, cap;
};

static bool sbuf_add(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p)
			return false;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
	return true;
}

/* A growing list of ids. */
struct ids {
	int64_t *v;
	size_t n, cap;
	bool nomem;
};

static int ids_push(void *ctx, int64_t id)
{
	struct ids *ids = ctx;
	int64_t *v = grow(ids->v, ids->n, &ids->cap, sizeof *ids->v, 32);
	if (!v) {
		ids->nomem = true;
		return 1;
	}
	ids->v = v;
	ids->v[ids->n++] = id;
	return 0;
}

static int ids_push_item(void *ctx, const void *item)
{
	return ids_push(ctx, *(const int64_t *)item);
}

/* ---- writing ---- */

/* The titles of the items linked to FROM, joined; *OUT is malloc'd. */
static enum status linked_titles(struct db *db, const struct link_type *lt, int64_t from,
	char **out)
{
	struct ids ids = { 0 };
	struct sbuf b = { 0 };
	const struct item_type *target = item_type(lt->to);
	const struct item_field *title = item_field_by_name(target, target->title_column);
	enum status rc = link_list(db, lt->kind, from, ids_push, &ids);
	if (rc == STATUS_OK && ids.nomem)
		rc = STATUS_NOMEM;
	if (rc == STATUS_OK && !sbuf_add(&b, ""))
		rc = STATUS_NOMEM;
	for (size_t i = 0; i < ids.n && rc == STATUS_OK; i++) {
		union item_any it;
		rc = item_read(db, target, ids.v[i], &it);
		if (rc != STATUS_OK)
			break;
		const char *t = *text_of(title, &it);
		if ((i > 0 && !sbuf_add(&b, ITEMS_CSV_JOINER)) || !sbuf_add(&b, t ? t : ""))
			rc = STATUS_NOMEM;
		item_clear(target, &it);
	}
	free(ids.v);
	if (rc != STATUS_OK) {
		free(b.p);
		return rc;
	}
	*out = b.p;
	return STATUS_OK;
}

static enum status write_cell(struct db *db, struct csv_writer *w, const struct item_type *type,
	void *item, const char *column)
{
	if (strcmp(column, "id") == 0)
		return csv_writer_cell_int(w, *(int64_t *)item);
	if (strcmp(column, "vulnerability") == 0) {
		double v = unseen_vulnerability(item);
		char buf[32] = "";
		if (v >= 0) {
			long tenths = (long)(v * 10.0 + 0.5);  /* a point whatever the locale */
			snprintf(buf, sizeof buf, "%ld.%ld", tenths / 10, tenths % 10);
		}
		return csv_writer_cell(w, buf);
	}
	const struct item_field *f = item_field_by_name(type, column);
	if (f && (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE))
		return csv_writer_cell(w, *text_of(f, item));
	if (f) {
		char buf[256];
		return csv_writer_cell(w, item_format(db, type, item, f, buf, sizeof buf));
	}
	const struct link_type *lt = link_by_column(type->kind, column);
	char *titles = NULL;
	enum status rc = lt ? linked_titles(db, lt, *(int64_t *)item, &titles) : STATUS_INVALID;
	if (rc == STATUS_OK)
		rc = csv_writer_cell(w, titles);
	free(titles);
	return rc;
}

static enum status write_items(struct db *db, int64_t session_id, const struct table *t,
	struct csv_writer *w)
{
	const struct item_type *type = item_type(t->kind);
	struct ids ids = { 0 };
	enum status rc = item_list(db, type, session_id, ids_push_item, &ids);
	if (rc == STATUS_OK && ids.nomem)
		rc = STATUS_NOMEM;
	for (size_t i = 0; i < ids.n && rc == STATUS_OK; i++) {
		union item_any it;
		rc = item_read(db, type, ids.v[i], &it);
		if (rc != STATUS_OK)
			break;
		for (size_t c = 0; t->columns[c] && rc == STATUS_OK; c++)
			rc = write_cell(db, w, type, &it, t->columns[c]);
		if (rc == STATUS_OK)
			rc = csv_writer_end_row(w);
		item_clear(type, &it);
	}
	free(ids.v);
	return rc;
}

struct code_write {
	struct csv_writer *w;
	enum status rc;
};

static int write_code(void *ctx, const struct code_info *info)
{
	struct code_write *cw = ctx;
	if (strcmp(info->type, "free") != 0)
		return 0;
	cw->rc = csv_writer_cell_int(cw->w, info->id);
	if (cw->rc == STATUS_OK)
		cw->rc = csv_writer_cell(cw->w, info->path);
	if (cw->rc == STATUS_OK)
		cw->rc = csv_writer_cell(cw->w, info->colour);
	if (cw->rc == STATUS_OK)
		cw->rc = csv_writer_cell(cw->w, info->definition);
	if (cw->rc == STATUS_OK)
		cw->rc = csv_writer_end_row(cw->w);
	return cw->rc != STATUS_OK;
}

enum status items_csv_write(struct db *db, int64_t session_id, const char *what, FILE *out,
	const struct csv_options *options)
{
	const struct table *t = table_by_name(what);
	if (!t)
		return unknown_table(db, what);
	struct csv_writer *w;
	enum status rc = csv_writer_open(&w, out, options);
	if (rc != STATUS_OK)
		return rc;
	for (size_t c = 0; t->columns[c] && rc == STATUS_OK; c++)
		rc = csv_writer_cell(w, t->columns[c]);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(w);
	if (rc == STATUS_OK && t->kind == KIND_CODES) {
		struct code_write cw = { w, STATUS_OK };
		rc = code_list(db, session_id, write_code, &cw);
		if (rc == STATUS_OK)
			rc = cw.rc;
	} else if (rc == STATUS_OK) {
		rc = write_items(db, session_id, t, w);
	}
	enum status closed = csv_writer_close(w);
	return rc != STATUS_OK ? rc : closed;
}

/* ---- reading ---- */

enum column_use {
	USE_EMPTY,      /* empty header cell: its cells must be empty */
	USE_IGNORE,     /* id, vulnerability */
	USE_FIELD,
	USE_LINK,
	USE_PATH,
	USE_COLOUR,
	USE_DEFINITION,
};

struct column {
	enum column_use use;
	const char *name;       /* static: from the tables of model/item.h or here */
	const struct item_field *field;
	const struct link_type *link;
};

struct free_code {
	char *path;
	int64_t id;
	bool implicit;          /* made as a parent during this import */
};

struct import {
	struct db *db;
	const char *path;
	int64_t session_id;
	const struct table *table;
	const struct item_type *type;   /* NULL for codes */
	struct column *cols;
	size_t ncols;
	struct free_code *codes;
	size_t ncodes, capcodes;
	const struct csv_read_info *info;
	int64_t imported;
	enum status rc;
};

/* Records the failure of ROW, column NAME (NULL: none) and returns 1 to stop the read. */
static int fail_at(struct import *im, size_t row, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail_at(struct import *im, size_t row, const char *column, const char *fmt, ...)
{
	char what[768], where[160] = "";
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (im->info && im->info->line && im->info->line != row)
		snprintf(where, sizeof where, _(" (file line %zu)"), im->info->line);
	if (column)
		im->rc = db_fail(im->db, STATUS_INVALID, _("%s: row %zu%s, column %s: %s; nothing was "
			"imported"), im->path, row, where, *column ? column : "\"\"", what);
	else
		im->rc = db_fail(im->db, STATUS_INVALID, _("%s: row %zu%s: %s; nothing was imported"),
			im->path, row, where, what);
	return 1;
}

/* The model's last message, copied (db_fail may not read its own buffer). */
static void last_error(struct import *im, char *buf, size_t size)
{
	snprintf(buf, size, "%s", db_error(im->db));
}

static bool resolve_column(struct import *im, const char *name, struct column *c)
{
	const struct table *t = im->table;
	memset(c, 0, sizeof *c);
	for (size_t k = 0; t->columns[k]; k++)
		if (strcmp(t->columns[k], name) == 0)
			c->name = t->columns[k];
	if (strcmp(name, "id") == 0 || strcmp(name, "vulnerability") == 0) {
		c->use = c->name ? USE_IGNORE : USE_EMPTY;
		return c->name != NULL;
	}
	if (!im->type) {
		if (!c->name)
			return false;
		c->use = strcmp(name, "path") == 0 ? USE_PATH
			: strcmp(name, "colour") == 0 ? USE_COLOUR : USE_DEFINITION;
		return true;
	}
	if ((c->field = item_field_by_name(im->type, name)) != NULL) {
		c->use = USE_FIELD;
		c->name = c->field->name;
		return true;
	}
	if ((c->link = link_by_column(im->type->kind, name)) != NULL) {
		c->use = USE_LINK;
		c->name = c->link->column;
		return true;
	}
	return false;
}

static int read_header(struct import *im, size_t ncells, const char *const *cells)
{
	struct sbuf unknown = { 0 };
	im->cols = calloc(ncells ? ncells : 1, sizeof *im->cols);
	if (!im->cols) {
		im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
		return 1;
	}
	im->ncols = ncells;
	for (size_t i = 0; i < ncells; i++) {
		char name[128];
		const char *s = cells[i];
		while (*s == ' ' || *s == '\t')
			s++;
		snprintf(name, sizeof name, "%s", s);
		for (size_t n = strlen(name); n && (name[n - 1] == ' ' || name[n - 1] == '\t'); )
			name[--n] = '\0';
		if (!*name) {
			im->cols[i].use = USE_EMPTY;
			continue;
		}
		if (!resolve_column(im, name, &im->cols[i])) {
			if ((unknown.len && !sbuf_add(&unknown, ", ")) || !sbuf_add(&unknown, "\"") ||
			    !sbuf_add(&unknown, name) || !sbuf_add(&unknown, "\"")) {
				free(unknown.p);
				im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
				return 1;
			}
			continue;
		}
		for (size_t k = 0; k < i; k++)
			if (im->cols[k].name && strcmp(im->cols[k].name, im->cols[i].name) == 0)
				return fail_at(im, 1, im->cols[i].name, "%s", _("the column appears twice"));
	}
	if (unknown.len) {
		struct sbuf known = { 0 };
		for (size_t k = 0; im->table->columns[k]; k++)
			if ((k && !sbuf_add(&known, ", ")) || !sbuf_add(&known, im->table->columns[k]))
				break;
		fail_at(im, 1, NULL, _("unknown column(s) %s; known are %s"), unknown.p,
			known.p ? known.p : "");
		free(known.p);
		free(unknown.p);
		return 1;
	}
	/* the title column, and any other field the model requires */
	const char *need[8];
	size_t nneed = 0;
	if (!im->type) {
		need[nneed++] = "path";
	} else {
		need[nneed++] = im->type->title_column;
		for (size_t f = 0; f < im->type->nfields && nneed < 8; f++)
			if (im->type->fields[f].required &&
			    strcmp(im->type->fields[f].name, im->type->title_column) != 0)
				need[nneed++] = im->type->fields[f].name;
	}
	for (size_t n = 0; n < nneed; n++) {
		bool found = false;
		for (size_t i = 0; i < ncells; i++)
			found = found || (im->cols[i].name && strcmp(im->cols[i].name, need[n]) == 0);
		if (!found)
			return fail_at(im, 1, NULL, _("the column %s is missing"), need[n]);
	}
	return 0;
}

/* Drops the ' the writer puts before = + - @ tab and CR. */
static int read_field(struct import *im, size_t row, void *item, const struct item_field *f,
	const char *value)
{
	if (f->kind == FIELD_INT && *value) {
		char *end;
		long long v = strtoll(value, &end, 10);
		if (*end || end == value)
			return fail_at(im, row, f->name, _("\"%s\" is not a whole number"), value);
		if (v < f->min || v > f->max)
			return fail_at(im, row, f->name, _("%lld lies outside %" PRId64 "–%" PRId64),
				v, f->min, f->max);
	}
	if (f->required && !*value)
		return fail_at(im, row, f->name, "%s", _("the field must not be empty"));
	if (item_parse(im->db, im->type, item, f, value) != STATUS_OK) {
		char msg[512];
		last_error(im, msg, sizeof msg);
		return fail_at(im, row, f->name, "%s", msg);
	}
	return 0;
}

static int read_links(struct import *im, size_t row, int64_t from, const struct column *c,
	const char *value)
{
	const struct item_type *target = item_type(c->link->to);
	char *copy = strdup(value);
	if (!copy) {
		im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
		return 1;
	}
	int stop = 0;
	char *piece = copy;
	while (piece && !stop) {
		char *next = strstr(piece, ITEMS_CSV_JOINER);
		if (next) {
			*next = '\0';
			next += strlen(ITEMS_CSV_JOINER);
		}
		while (*piece == ' ')
			piece++;
		for (size_t n = strlen(piece); n && piece[n - 1] == ' '; )
			piece[--n] = '\0';
		if (*piece) {
			int64_t to;
			enum status rc = item_find(im->db, target, im->session_id, piece, &to);
			if (rc == STATUS_OK)
				rc = link_add(im->db, c->link->kind, from, to);
			if (rc != STATUS_OK) {
				char msg[512];
				last_error(im, msg, sizeof msg);
				stop = fail_at(im, row, c->name, "%s", msg);
			}
		}
		piece = next;
	}
	free(copy);
	return stop;
}

static int read_item(struct import *im, size_t row, size_t ncells, const char *const *cells)
{
	union item_any it;
	memset(&it, 0, sizeof it);
	((int64_t *)&it)[1] = im->session_id;
	int stop = 0;
	for (size_t i = 0; i < im->ncols && !stop; i++)
		if (im->cols[i].use == USE_FIELD)
			stop = read_field(im, row, &it, im->cols[i].field, i < ncells ? csv_unguard(cells[i]) : "");
	if (!stop && item_create(im->db, im->type, &it) != STATUS_OK) {
		char msg[512];
		last_error(im, msg, sizeof msg);
		stop = fail_at(im, row, NULL, "%s", msg);
	}
	for (size_t i = 0; i < im->ncols && i < ncells && !stop; i++)
		if (im->cols[i].use == USE_LINK)
			stop = read_links(im, row, it.unseen.id, &im->cols[i], csv_unguard(cells[i]));
	item_clear(im->type, &it);
	if (!stop)
		im->imported++;
	return stop;
}

static int add_code(struct import *im, const char *path, int64_t id, bool implicit)
{
	if (im->ncodes == im->capcodes) {
		size_t cap = im->capcodes ? im->capcodes * 2 : 32;
		struct free_code *v = realloc(im->codes, cap * sizeof *v);
		if (!v)
			return 1;
		im->codes = v;
		im->capcodes = cap;
	}
	char *copy = strdup(path);
	if (!copy)
		return 1;
	im->codes[im->ncodes++] = (struct free_code){ copy, id, implicit };
	return 0;
}

static int load_code(void *ctx, const struct code_info *info)
{
	struct import *im = ctx;
	if (strcmp(info->type, "free") != 0)
		return 0;
	if (add_code(im, info->path, info->id, false)) {
		im->rc = STATUS_NOMEM;
		return 1;
	}
	return 0;
}

static struct free_code *code_by_path(struct import *im, const char *path)
{
	for (size_t i = 0; i < im->ncodes; i++)
		if (strcmp(im->codes[i].path, path) == 0)
			return &im->codes[i];
	return NULL;
}

static int read_code(struct import *im, size_t row, size_t ncells, const char *const *cells)
{
	const char *path = "", *colour = NULL, *definition = NULL;
	for (size_t i = 0; i < im->ncols && i < ncells; i++) {
		const char *v = csv_unguard(cells[i]);
		if (im->cols[i].use == USE_PATH)
			path = v;
		else if (im->cols[i].use == USE_COLOUR && *v)
			colour = v;
		else if (im->cols[i].use == USE_DEFINITION && *v)
			definition = v;
	}
	if (!*path)
		return fail_at(im, row, "path", "%s", _("the field must not be empty"));
	size_t len = strlen(path);
	char *prefix = malloc(len + 1);
	if (!prefix) {
		im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
		return 1;
	}
	int stop = 0;
	int64_t parent = 0;
	for (size_t end = 0; end <= len && !stop; end++) {
		if (end < len && path[end] != '/')
			continue;
		bool last = end == len;
		size_t start = 0;
		for (size_t k = end; k > 0; k--)
			if (path[k - 1] == '/') {
				start = k;
				break;
			}
		if (start == end) {
			stop = fail_at(im, row, "path", _("\"%s\": empty name in the path"), path);
			break;
		}
		memcpy(prefix, path, end);
		prefix[end] = '\0';
		struct free_code *have = code_by_path(im, prefix);
		if (have && !last) {
			parent = have->id;
			continue;
		}
		if (have)
			stop = fail_at(im, row, "path", have->implicit ? _("the code \"%s\" already exists "
				"(parent codes must come before their subcodes)") : _("the code \"%s\" already "
				"exists"), path);
		if (stop)
			break;
		int64_t id;
		if (code_create_free(im->db, im->session_id, prefix + start, parent, last ? colour : NULL,
			last ? definition : NULL, &id) != STATUS_OK) {
			char msg[512];
			last_error(im, msg, sizeof msg);
			stop = fail_at(im, row, last && colour ? "colour" : "path", "%s", msg);
		} else if (add_code(im, prefix, id, !last)) {
			im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
			stop = 1;
		}
		parent = id;
	}
	free(prefix);
	if (!stop)
		im->imported++;
	return stop;
}

static int import_row(void *ctx, size_t row, size_t ncells, const char *const *cells)
{
	struct import *im = ctx;
	if (row == 1)
		return read_header(im, ncells, cells);
	bool blank = true;
	for (size_t i = 0; i < ncells; i++) {
		if (!*cells[i])
			continue;
		blank = false;
		if (i >= im->ncols)
			return fail_at(im, row, NULL, _("cell %zu is under no column: \"%s\""), i + 1,
				cells[i]);
		if (im->cols[i].use == USE_EMPTY)
			return fail_at(im, row, NULL, _("cell %zu is under a column without a name: "
				"\"%s\""), i + 1, cells[i]);
	}
	if (blank)
		return 0;  /* spreadsheets pad the end with rows of empty cells */
	return im->type ? read_item(im, row, ncells, cells) : read_code(im, row, ncells, cells);
}

enum status items_csv_import(struct db *db, int64_t session_id, const char *what,
	const char *path, int64_t *imported)
{
	const struct table *t = table_by_name(what);
	if (!t)
		return unknown_table(db, what);
	struct csv_read_info info;
	memset(&info, 0, sizeof info);
	struct import im = { .db = db, .path = path, .session_id = session_id, .table = t,
		.type = t->kind == KIND_CODES ? NULL : item_type(t->kind), .info = &info,
		.rc = STATUS_OK };
	char err[512] = "";
	enum status rc = db_require_writable(db);
	if (rc != STATUS_OK)
		return rc;
	rc = db_begin_bulk(db);
	if (rc != STATUS_OK)
		return rc;
	struct session s;
	rc = item_read(db, item_type(ITEM_SESSION), session_id, &s);
	if (rc == STATUS_OK)
		item_clear(item_type(ITEM_SESSION), &s);
	if (rc == STATUS_OK && !im.type) {
		rc = code_list(db, session_id, load_code, &im);
		if (rc == STATUS_OK && im.rc != STATUS_OK)
			rc = db_fail(db, im.rc, "%s", _("out of memory"));
		im.rc = STATUS_OK;
	}
	if (rc == STATUS_OK) {
		rc = csv_reader_read_file(path, 0, import_row, &im, &info, err, sizeof err);
		if (im.rc != STATUS_OK)
			rc = im.rc;
		else if (rc != STATUS_OK)
			rc = db_fail(db, rc, "%s", err);
	}
	free(im.cols);
	for (size_t i = 0; i < im.ncodes; i++)
		free(im.codes[i].path);
	free(im.codes);
	if (rc == STATUS_OK && imported)
		*imported = im.imported;
	return db_end(db, rc);
}
