/* The Export step: what to write (hinge table, report, matrix, graph,
 * item tables), the file name and the options of `didat export` as a
 * small form of rows; Enter changes a row, `x` writes.  Both run the
 * same row of the exporter table through export_to_path(), so that a
 * failed export leaves no half-written file here either. */
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exports/csv_reader.h"
#include "exports/csv_writer.h"
#include "exports/dot.h"
#include "exports/exporter.h"
#include "exports/importer.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/hinge.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "util/complete.h"
#include "util/display.h"
#include "util/i18n.h"

/* What can be exported: the exporter table, in its order; the first,
 * the hinge table, is where the step starts. */
#define NKINDS exporter_count()

/* The code types of --type, as the model lists them. */
#define NTYPES code_type_count()

/* The rows of the form; which are shown depends on the kind. */
enum form_row {
	ROW_KIND, ROW_FILE, ROW_SEP, ROW_BOM, ROW_RAW,
	ROW_COMPONENT, ROW_TYPE, ROW_CODER, ROW_DOCUMENT, ROW_CHAPTER, ROW_WRITE, ROW_COUNT
};

enum {
	E_UP = 1, E_DOWN, E_HOME, E_END, E_CHANGE, E_NEXT, E_PREV, E_WRITE, E_FILE, E_IMPORT,
};

static const struct binding export_keys[] = {
	{ UI_FN(KEY_UP), E_UP, "↑ ↓ j k", N_("choose a row") },
	{ UI_FN(KEY_DOWN), E_DOWN, "↓", NULL },
	{ 'k', E_UP, "k", NULL },
	{ 'j', E_DOWN, "j", NULL },
	{ UI_FN(KEY_HOME), E_HOME, N_("Home End"), N_("first/last row") },
	{ UI_FN(KEY_END), E_END, N_("End"), NULL },
	{ '\r', E_CHANGE, "Enter", N_("change the row; on “Export”: write the file") },
	{ '\n', E_CHANGE, "Enter", NULL },
	{ UI_FN(KEY_ENTER), E_CHANGE, "Enter", NULL },
	{ ' ', E_NEXT, N_("Space"), NULL },
	{ UI_FN(KEY_RIGHT), E_NEXT, N_("← → Space"), N_("cycle through the row's values") },
	{ UI_FN(KEY_LEFT), E_PREV, "←", NULL },
	{ 'f', E_FILE, "f", N_("change the file name") },
	{ 'x', E_WRITE, "x", N_("export: write the file") },
	{ 'i', E_IMPORT, "i", N_("import a table (items or matrix, all or nothing)") },
};

static struct {
	int64_t session;          /* the settings below are this session's */
	size_t kind;
	char file[PATH_MAX];
	bool file_edited;         /* else FILE follows the kind */
	struct csv_options csv;
	int64_t component;        /* the filters of the hinge table; 0, NULL, "": all */
	char component_label[256];
	const char *type;
	char coder[256];
	int64_t document_id;
	char document[256];       /* its title, for the form */
	int64_t chapter_id;       /* a draft: its chapter hinge table instead; 0: none */
	char chapter[256];        /* its title */
	char folder[PATH_MAX];    /* where a relative FILE goes */
	enum form_row rows[ROW_COUNT];
	size_t nrows, cursor, top;
	struct rect form;         /* where the rows were drawn, for the mouse */
	char result[PATH_MAX + 256];
	bool result_error;
} ex;

static const struct exporter *kind(void)
{
	return exporter_at(ex.kind);
}

static bool takes_csv_options(void)
{
	return (kind()->flags & EXPORT_CSV) != 0;
}

static bool takes_filters(void)
{
	return (kind()->flags & EXPORT_FILTERS) != 0;
}

static void default_file(void)
{
	snprintf(ex.file, sizeof ex.file, "didat-%" PRId64 "-%s", ex.session, kind()->file);
	ex.file_edited = false;
}

/* The rows the current kind has. */
static void layout_rows(void)
{
	enum form_row cursor_row = ex.cursor < ex.nrows ? ex.rows[ex.cursor] : ROW_KIND;
	ex.nrows = 0;
	for (int r = 0; r < ROW_COUNT; r++) {
		if ((r == ROW_SEP || r == ROW_BOM || r == ROW_RAW) && !takes_csv_options())
			continue;
		bool of_document = (kind()->flags & EXPORT_DOCUMENT) && r == ROW_DOCUMENT;
		if (r >= ROW_COMPONENT && r <= ROW_CHAPTER && !takes_filters() && !of_document)
			continue;
		ex.rows[ex.nrows++] = (enum form_row)r;
	}
	ex.cursor = 0;
	for (size_t i = 0; i < ex.nrows; i++)
		if (ex.rows[i] == cursor_row)
			ex.cursor = i;
}

/* The title of document *ID into TITLE; forgets *ID when it is gone. */
static void refresh_title(struct db *db, int64_t *id, char *title, size_t size)
{
	if (!*id)
		return;
	struct document doc;
	enum status rc = document_read(db, *id, &doc);
	if (rc == STATUS_OK) {
		snprintf(title, size, "%s", doc.title ? doc.title : "");
		document_clear(&doc);
	} else if (rc == STATUS_NOT_FOUND) {
		*id = 0;
	}
}

static void reset(int64_t session)
{
	memset(&ex, 0, sizeof ex);
	ex.session = session;
	ex.kind = 0;
	ex.csv.sep = ',';
	default_file();
	layout_rows();
}

static void export_open(struct app *app)
{
	if (ex.session != app_session(app))
		reset(app_session(app));
	if (!getcwd(ex.folder, sizeof ex.folder))
		ex.folder[0] = '\0';
	/* A component or document deleted meanwhile no longer filters; a
	 * passing error (a locked database) keeps the filter. */
	struct db *db = app_db(app);
	if (ex.component) {
		char key[32];
		int64_t id;
		union item_any comp;
		const struct item_type *type = item_type(ITEM_COMPONENT);
		snprintf(key, sizeof key, "%" PRId64, ex.component);
		enum status rc = item_find(db, type, ex.session, key, &id);
		if (rc == STATUS_OK)
			rc = item_read(db, type, id, &comp);
		if (rc == STATUS_OK) {
			/* item_find falls back to ids: the number must be the one */
			if (comp.component.number == ex.component)
				dialog_item_label(type, &comp, ex.component_label, sizeof ex.component_label);
			else
				rc = STATUS_NOT_FOUND;
			item_clear(type, &comp);
		}
		if (rc == STATUS_NOT_FOUND) {
			ex.component = 0;
		}
	}
	refresh_title(db, &ex.document_id, ex.document, sizeof ex.document);
	refresh_title(db, &ex.chapter_id, ex.chapter, sizeof ex.chapter);
	layout_rows();
}

/* ---- drawing ---- */

static const char *row_label(enum form_row row)
{
	switch (row) {
	case ROW_KIND: return _("What");
	case ROW_FILE: return _("File");
	case ROW_SEP: return _("Separator");
	case ROW_BOM: return _("BOM");
	case ROW_RAW: return _("Formula-safe");
	case ROW_COMPONENT: return _("Component");
	case ROW_TYPE: return _("Code type");
	case ROW_CODER: return _("Coder");
	case ROW_DOCUMENT: return _("Document");
	case ROW_CHAPTER: return _("Chapter");
	default: return "";
	}
}

static const char *type_label(const char *type)
{
	return type ? code_type_plural(type) : _("all");
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The value of ROW as the form shows it. */
static const char *row_value(enum form_row row)
{
	switch (row) {
	case ROW_KIND: return _(kind()->label);
	case ROW_FILE: return ex.file;
	case ROW_SEP:
		return ex.csv.sep == ';' ? _("; semicolon (German Excel)") : _(", comma");
	case ROW_BOM:
		return ex.csv.bom ? _("on (for Excel on Windows)") : _("off");
	case ROW_RAW:
		return ex.csv.raw ? _("off (--raw)") : _("on (' before = + - @)");
	case ROW_COMPONENT:
		return ex.component ? ex.component_label : _("all");
	case ROW_TYPE: return type_label(ex.type);
	case ROW_CODER: return ex.coder[0] ? ex.coder : _("all");
	case ROW_DOCUMENT:
		return ex.document_id ? ex.document : (kind()->flags & EXPORT_DOCUMENT)
			? _("none yet: Enter chooses one") : _("all");
	case ROW_CHAPTER:
		return ex.chapter_id ? ex.chapter : _("none (one row per passage)");
	default: return "";
	}
}

/* Shell quoting for the command line shown, when a word needs it. */
static void append_word(char *buf, size_t size, const char *word)
{
	size_t len = strlen(buf);
	bool plain = *word && strspn(word, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789-_./,:=+@") == strlen(word);
	if (plain) {
		snprintf(buf + len, size - len, " %s", word);
		return;
	}
	snprintf(buf + len, size - len, " '");
	for (const char *p = word; *p; p++) {
		len = strlen(buf);
		snprintf(buf + len, size - len, *p == '\'' ? "'\\''" : "%c", *p);
	}
	len = strlen(buf);
	snprintf(buf + len, size - len, "'");
}

/* The picture format a graph's file name asks for ("svg", "png"), or
 * NULL: the DOT text itself. */
static const char *picture_format(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!(kind()->flags & EXPORT_PICTURE) || !dot)
		return NULL;
	return strcasecmp(dot, ".svg") == 0 ? "svg" : strcasecmp(dot, ".png") == 0 ? "png" : NULL;
}

/* `didat export ...` with the same options, for scripts. */
static void command_line(char *buf, size_t size)
{
	char num[32];
	snprintf(buf, size, "didat export %s %" PRId64, kind()->name, ex.session);
	if ((kind()->flags & EXPORT_DOCUMENT) && ex.document_id) {
		snprintf(num, sizeof num, "%" PRId64, ex.document_id);
		append_word(buf, size, num);
	}
	const char *picture = picture_format(ex.file);
	append_word(buf, size, !picture ? "-o" : strcmp(picture, "svg") == 0 ? "--svg" : "--png");
	append_word(buf, size, ex.file);
	if (takes_csv_options()) {
		if (ex.csv.sep == ';')
			append_word(buf, size, "--sep=;");
		if (ex.csv.bom)
			append_word(buf, size, "--bom");
		if (ex.csv.raw)
			append_word(buf, size, "--raw");
	}
	if (!takes_filters())
		return;
	if (ex.component) {
		snprintf(num, sizeof num, "%" PRId64, ex.component);
		append_word(buf, size, "--component");
		append_word(buf, size, num);
	}
	if (ex.type) {
		append_word(buf, size, "--type");
		append_word(buf, size, ex.type);
	}
	if (ex.coder[0]) {
		append_word(buf, size, "--coder");
		append_word(buf, size, ex.coder);
	}
	if (ex.document_id) {
		snprintf(num, sizeof num, "%" PRId64, ex.document_id);
		append_word(buf, size, "--document");
		append_word(buf, size, num);
	}
	if (ex.chapter_id) {
		snprintf(num, sizeof num, "%" PRId64, ex.chapter_id);
		append_word(buf, size, "--chapter");
		append_word(buf, size, num);
	}
}

/* Draws TEXT in WIDTH columns; when it is wider, its end with "…" in
 * front (the file name matters more than the folders before it). */
static void draw_tail(int y, int x, int width, const char *text, attr_t attr)
{
	if (width <= 0)
		return;
	const char *p = text;
	if (display_width(p) > width) {
		while (*p && display_width(p) > width - 1) {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		x += ui_text(y, x, 1, "…", attr);
		width--;
	}
	ui_text(y, x, width, p, attr);
}

static void draw_row(size_t i, int y, struct rect r, int label_w)
{
	enum form_row row = ex.rows[i];
	bool cursor = i == ex.cursor;
	attr_t a = cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	ui_text_pad(y, r.x, r.w, "", a);
	if (row == ROW_WRITE) {
		ui_text(y, r.x + label_w, r.w - label_w, _("[ Export ]"),
			cursor ? a : ui_attr(UI_ACCENT));
		return;
	}
	ui_text(y, r.x + 1, label_w - 2, row_label(row), cursor ? a : ui_attr(UI_DIM));
	const char *value = row_value(row);
	int x = r.x + label_w, w = r.w - label_w;
	if (row == ROW_FILE) {
		/* the file name's end matters most; that it exists, when there is room */
		const char *exists = _("  (already exists)");
		int ew = display_width(exists);
		bool mark = w >= 40 && file_exists(ex.file);
		draw_tail(y, x, mark ? w - ew : w, value, a);
		int vw = display_width(value);
		if (mark)
			ui_text(y, x + (vw < w - ew ? vw : w - ew), ew, exists, cursor ? a : ui_attr(UI_DIM));
	} else {
		ui_text(y, x, w, value, a);
	}
}

static void export_draw(struct app *app, struct rect r)
{
	(void)app;
	r.x++;
	r.w -= 2;
	if (r.w <= 0 || r.h <= 0)
		return;
	char title[128];
	snprintf(title, sizeof title, _("Export · session %" PRId64), ex.session);
	ui_text_pad(r.y, r.x, r.w, title, ui_attr(UI_TITLE));
	int y = r.y + 1, left = r.h - 1;

	/* The form first, then what fits of: the folder, the result (kept
	 * before the command line, which only repeats the form). */
	int result_rows = ex.result[0] ? ui_wrap_rows(r.w - 1, ex.result) : 0;
	if (result_rows > 3)
		result_rows = 3;
	int form_h = (int)ex.nrows < left - result_rows ? (int)ex.nrows : left - result_rows;
	if (form_h < 1)
		form_h = 1;
	left -= form_h;
	if (result_rows > left)
		result_rows = left;
	left -= result_rows;
	bool show_folder = left >= 1 && ex.file[0] != '/';
	left -= show_folder;
	char cmd[PATH_MAX + 1024];
	command_line(cmd, sizeof cmd);
	int cmd_rows = ui_wrap_rows(r.w - 1, cmd);
	bool show_command = left >= 2 + cmd_rows;
	left -= show_command ? 2 + cmd_rows : 0;
	bool result_gap = result_rows > 0 && left >= 1;

	int label_w = r.w >= 36 ? 14 : r.w / 3;
	if (ex.cursor < ex.top)
		ex.top = ex.cursor;
	if (ex.cursor >= ex.top + (size_t)form_h)
		ex.top = ex.cursor - (size_t)form_h + 1;
	ex.form = (struct rect){ y, r.x, form_h, r.w };
	for (int i = 0; i < form_h && ex.top + (size_t)i < ex.nrows; i++)
		draw_row(ex.top + (size_t)i, y + i, r, label_w);
	y += form_h;
	if (show_folder) {
		char folder[PATH_MAX + 32];
		snprintf(folder, sizeof folder, _("in the folder %s"), ex.folder);
		draw_tail(y++, r.x + label_w, r.w - label_w, folder, ui_attr(UI_DIM));
	}
	if (show_command) {
		ui_text(y + 1, r.x + 1, r.w - 1, _("The same on the command line:"), ui_attr(UI_DIM));
		ui_wrap((struct rect){ y + 2, r.x + 1, cmd_rows, r.w - 1 }, 0, cmd, ui_attr(UI_DIM));
		y += 2 + cmd_rows;
	}
	if (result_rows > 0) {
		y += result_gap;
		ui_wrap((struct rect){ y, r.x + 1, result_rows, r.w - 1 }, 0, ex.result,
			ex.result_error ? ui_attr(UI_ERROR) : ui_attr(UI_ACCENT));
	}
}

/* ---- the pickers ---- */

/* Rows of a pick list with an id each; row 0 is "all". */
/* Rows of a pick list: a label, an id and a key (a name or title) each. */
struct choices {
	size_t n, cap;
	char **labels, **keys;
	int64_t *ids;
};

static bool choices_add(struct choices *c, int64_t id, const char *key, const char *label)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 16;
		char **labels = realloc(c->labels, cap * sizeof *labels);
		if (labels)
			c->labels = labels;
		char **keys = realloc(c->keys, cap * sizeof *keys);
		if (keys)
			c->keys = keys;
		int64_t *ids = realloc(c->ids, cap * sizeof *ids);
		if (ids)
			c->ids = ids;
		if (!labels || !keys || !ids)
			return false;
		c->cap = cap;
	}
	char *l = strdup(label), *k = strdup(key ? key : "");
	if (!l || !k) {
		free(l);
		free(k);
		return false;
	}
	c->labels[c->n] = l;
	c->keys[c->n] = k;
	c->ids[c->n++] = id;
	return true;
}

static void choices_free(struct choices *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->labels[i]);
		free(c->keys[i]);
	}
	free(c->labels);
	free(c->keys);
	free(c->ids);
}

static void choice_label(void *ctx, size_t i, char *buf, size_t size)
{
	const struct choices *c = ctx;
	snprintf(buf, size, "%s", c->labels[i]);
}

/* Lets the user pick one of C's rows, starting at the one with id
 * CURRENT; returns the row or -1. */
static int choices_pick(struct app *app, const char *title, struct choices *c, int64_t current)
{
	int initial = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->ids[i] == current)
			initial = (int)i;
	return app_pick(app, title, c->n, choice_label, c, initial, NULL);
}

static int add_component(void *ctx, const void *item)
{
	const struct component *comp = item;
	char label[512];
	dialog_item_label(item_type(ITEM_COMPONENT), item, label, sizeof label);
	return choices_add(ctx, comp->number, NULL, label) ? 0 : 1;
}

static int add_coder(void *ctx, const struct coding_count *count)
{
	char label[512];
	snprintf(label, sizeof label, P_("%s (%" PRId64 " coding)", "%s (%" PRId64 " codings)",
		(unsigned long)count->count), count->key, count->count);
	return choices_add(ctx, count->id, count->key, label) ? 0 : 1;
}

static int add_document(void *ctx, const struct document *doc, int64_t codings)
{
	char label[512];
	snprintf(label, sizeof label, P_("%s (%s, %" PRId64 " coding)", "%s (%s, %" PRId64
		" codings)", (unsigned long)codings), doc->title ? doc->title : "",
		document_kind_label(doc->kind), codings);
	return choices_add(ctx, doc->id, doc->title, label) ? 0 : 1;
}

/* Only the white-paper drafts: the documents a chapter table is made of. */
static int add_draft(void *ctx, const struct document *doc, int64_t codings)
{
	return doc->kind && strcmp(doc->kind, "draft") == 0 ? add_document(ctx, doc, codings) : 0;
}

static void pick_component(struct app *app)
{
	struct choices c = { 0 };
	if (!choices_add(&c, 0, NULL, _("all components")))
		goto done;
	if (item_list(app_db(app), item_type(ITEM_COMPONENT), ex.session, add_component, &c) != STATUS_OK) {
		app_error(app);
		goto done;
	}
	int pick = choices_pick(app, _("Only codings of the component"), &c, ex.component);
	if (pick >= 0) {
		ex.component = c.ids[pick];
		snprintf(ex.component_label, sizeof ex.component_label, "%s", c.labels[pick]);
	}
done:
	choices_free(&c);
}

static void pick_coder(struct app *app)
{
	struct choices c = { 0 };
	if (!choices_add(&c, 0, NULL, _("all coders")))
		goto done;
	if (coding_frequencies(app_db(app), ex.session, CODING_BY_CODER, add_coder, &c) != STATUS_OK) {
		app_error(app);
		goto done;
	}
	if (c.n == 1) {
		app_status(app, "%s", _("Nobody has coded in this session yet."));
		goto done;
	}
	int initial = 0;
	for (size_t i = 1; i < c.n; i++)
		if (strcmp(c.keys[i], ex.coder) == 0)
			initial = (int)i;
	int pick = app_pick(app, _("Only codings by"), c.n, choice_label, &c, initial, NULL);
	if (pick >= 0)
		snprintf(ex.coder, sizeof ex.coder, "%s", c.keys[pick]);
done:
	choices_free(&c);
}

/* A document from those ADD keeps, after NONE (id 0): into *ID and NAME.
 * EMPTY, when set, is said instead of offering NONE alone. */
static void pick_from_documents(struct app *app, const char *title, const char *none,
	const char *empty, document_cb add, int64_t *id, char *name, size_t size)
{
	struct choices c = { 0 };
	if (!choices_add(&c, 0, NULL, none))
		goto done;
	if (document_list(app_db(app), ex.session, add, &c) != STATUS_OK) {
		app_error(app);
		goto done;
	}
	if (c.n == 1 && empty) {
		app_status(app, "%s", empty);
		goto done;
	}
	int pick = choices_pick(app, title, &c, *id);
	if (pick >= 0) {
		*id = c.ids[pick];
		snprintf(name, size, "%s", c.keys[pick] ? c.keys[pick] : "");
	}
done:
	choices_free(&c);
}

static void pick_document(struct app *app)
{
	if (kind()->flags & EXPORT_DOCUMENT)
		pick_from_documents(app, _("The document to write"), _("none"),
			_("This session has no documents yet."), add_document, &ex.document_id,
			ex.document, sizeof ex.document);
	else
		pick_from_documents(app, _("Only codings in the document"), _("all documents"), NULL,
			add_document, &ex.document_id, ex.document, sizeof ex.document);
}

static void pick_chapter(struct app *app)
{
	pick_from_documents(app, _("Chapter hinge table of the draft"),
		_("none: one row per coded passage"),
		_("This session has no white-paper draft (document kind “draft”)."), add_draft,
		&ex.chapter_id, ex.chapter, sizeof ex.chapter);
}

static void kind_label(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, "%s", _(exporter_at(i)->label));
}

static void type_pick_label(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	if (i == 0)
		snprintf(buf, size, "%s", _("all code types"));
	else
		snprintf(buf, size, "%s (%s)", code_type_plural(code_type_at(i - 1)), code_type_at(i - 1));
}

static size_t type_index(void)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (ex.type && strcmp(ex.type, code_type_at(i)) == 0)
			return i + 1;
	return 0;
}

/* The extension of SUFFIX: ".csv". */
static const char *extension(const char *suffix)
{
	const char *dot = strrchr(suffix, '.');
	return dot ? dot : "";
}

/* A name of one's own keeps its stem but gets the new kind's extension. */
static void set_kind(size_t k)
{
	const char *old = extension(kind()->file), *new = extension(exporter_at(k)->file);
	size_t len = strlen(ex.file), old_len = strlen(old);
	ex.kind = k;
	if (!ex.file_edited) {
		default_file();
	} else if (len > old_len && strcmp(ex.file + len - old_len, old) == 0 &&
	           len - old_len + strlen(new) < sizeof ex.file) {
		strcpy(ex.file + len - old_len, new);
	}
	layout_rows();
}

/* Asks for the file name; an empty answer brings the default back. */
static void edit_file(struct app *app)
{
	char *answer = NULL;
	if (!app_prompt(app, _("File (relative to the current folder, ~/ for the home directory):"),
	    ex.file, &answer))
		return;
	char *p = answer + strspn(answer, " \t");
	size_t len = strlen(p);
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		p[--len] = '\0';
	const char *home = getenv("HOME");
	if (len == 0)
		default_file();
	else if (strncmp(p, "~/", 2) == 0 && home && *home)
		snprintf(ex.file, sizeof ex.file, "%s/%s", home, p + 2), ex.file_edited = true;
	else
		snprintf(ex.file, sizeof ex.file, "%s", p), ex.file_edited = true;
	free(answer);
}

/* ---- writing ---- */

static int count_record(void *ctx, size_t row, size_t ncells, const char *const *cells)
{
	(void)row;
	(void)ncells;
	(void)cells;
	++*(size_t *)ctx;
	return 0;
}

/* What the form asks for. */
static struct export_request request(struct app *app)
{
	struct export_request r = { .db = app_db(app), .session = ex.session, .csv = ex.csv,
		.document = ex.document_id, .path = ex.file };
	if (takes_filters()) {
		r.filter = (struct hinge_filter){ ex.component, ex.type, ex.coder[0] ? ex.coder : NULL,
			ex.document_id };
		r.chapter = ex.chapter_id;
	}
	return r;
}

static void fail(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Shows why nothing was written, in the view and the status line. */
static void fail(struct app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ex.result, sizeof ex.result, fmt, ap);
	va_end(ap);
	ex.result_error = true;
	app_status(app, "%s", ex.result);
}

/* Graphviz draws the graph into PATH, as `didat export dot --svg/--png`. */
static void run_render(struct app *app, const char *path, const char *format)
{
	app_busy(app, _("Exporting …"));
	if (dot_render(app_db(app), ex.session, format, path) != STATUS_OK) {
		fail(app, "%s", db_error(app_db(app)));
		return;
	}
	char full[PATH_MAX];
	struct stat st;
	if (!realpath(path, full))
		snprintf(full, sizeof full, "%s", path);
	long bytes = stat(path, &st) == 0 ? (long)st.st_size : 0;
	char counts[128];
	snprintf(counts, sizeof counts, P_("%ld byte", "%ld bytes", (unsigned long)bytes), bytes);
	snprintf(ex.result, sizeof ex.result, _("Written: %s (%s)"), full, counts);
	ex.result_error = false;
	app_status(app, "%s", ex.result);
}

static void run_export(struct app *app)
{
	const char *path = ex.file;
	struct stat st;
	if ((kind()->flags & EXPORT_DOCUMENT) && !ex.document_id) {
		fail(app, "%s", _("Which document? Choose it in the row Document first."));
		return;
	}
	if (!path[0]) {
		default_file();
		path = ex.file;
	}
	if (!exporter_takes_path(kind(), path)) {
		fail(app, _("%s: export %s writes a file ending in %s"), path, kind()->name,
			exporter_endings(kind()));
		return;
	}
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fail(app, _("%s is a folder."), path);
			return;
		}
		char question[PATH_MAX + 128];
		snprintf(question, sizeof question, _("“%s” already exists. Overwrite?"), path);
		if (!app_confirm(app, question)) {
			app_status(app, "%s", _("Not exported."));
			return;
		}
	}
	if (picture_format(path)) {
		run_render(app, path, picture_format(path));
		return;
	}
	app_busy(app, _("Exporting …"));
	struct atomic_file file;
	struct export_request r = request(app);
	enum status rc = export_to_path(kind(), &r, path, &file);
	if (rc != STATUS_OK && file.stage != ATOMIC_OK) {
		char why[PATH_MAX + 128];
		fail(app, "%s", atomic_failure(&file, path, why, sizeof why));
		return;
	}
	if (rc != STATUS_OK) {
		fail(app, _("%s: %s"), path, db_error(app_db(app)));
		return;
	}
	long bytes = file.bytes;

	char full[PATH_MAX];
	if (!realpath(path, full))
		snprintf(full, sizeof full, "%s", path);
	char counts[128];
	if (takes_csv_options()) {
		/* read back with the real parser: the rows below the header */
		size_t records = 0;
		if (csv_reader_read_file(full, ex.csv.sep, count_record, &records, NULL, NULL, 0) ==
		    STATUS_OK && records > 0)
			snprintf(counts, sizeof counts, P_("%zu row, %ld bytes", "%zu rows, %ld bytes",
				(unsigned long)(records - 1)), records - 1, bytes);
		else
			snprintf(counts, sizeof counts, P_("%ld byte", "%ld bytes", (unsigned long)bytes),
				bytes);
	} else {
		snprintf(counts, sizeof counts, P_("%ld byte", "%ld bytes", (unsigned long)bytes), bytes);
	}
	snprintf(ex.result, sizeof ex.result, _("Written: %s (%s)"), full, counts);
	ex.result_error = false;
	app_status(app, "%s", ex.result);
}

/* ---- keys ---- */

/* Enter on a row; STEP is +1/-1 for the arrows on rows that cycle, 0
 * for Enter (which opens a list where there is one). */
static void change_row(struct app *app, int step)
{
	switch (ex.rows[ex.cursor]) {
	case ROW_KIND:
		if (step) {
			set_kind((ex.kind + NKINDS + (size_t)(step > 0 ? 1 : NKINDS - 1)) % NKINDS);
		} else {
			int pick = app_pick(app, _("What to export?"), NKINDS, kind_label, NULL,
				(int)ex.kind, NULL);
			if (pick >= 0)
				set_kind((size_t)pick);
		}
		break;
	case ROW_FILE: edit_file(app); break;
	case ROW_SEP: ex.csv.sep = ex.csv.sep == ';' ? ',' : ';'; break;
	case ROW_BOM: ex.csv.bom = !ex.csv.bom; break;
	case ROW_RAW: ex.csv.raw = !ex.csv.raw; break;
	case ROW_COMPONENT: pick_component(app); break;
	case ROW_TYPE: {
		size_t i = type_index();
		int pick = step ? (int)((i + NTYPES + 1 + (size_t)(step > 0 ? 1 : NTYPES)) % (NTYPES + 1))
			: app_pick(app, _("Only codings with codes of the type"), NTYPES + 1, type_pick_label,
				NULL, (int)i, NULL);
		if (pick >= 0)
			ex.type = pick == 0 ? NULL : code_type_at((size_t)pick - 1);
		break;
	}
	case ROW_CODER: pick_coder(app); break;
	case ROW_DOCUMENT: pick_document(app); break;
	case ROW_CHAPTER: pick_chapter(app); break;
	case ROW_WRITE: if (!step) run_export(app); break;
	default: break;
	}
}

/* ---- import ---- */

static void import_kind_label(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, "%s (%s)", _(importer_at(i)->label), importer_at(i)->name);
}

/* A spreadsheet into the session, as `didat import-csv` does it: one
 * transaction, a bad row named with its column, nothing imported then. */
static void run_import(struct app *app)
{
	int kind = app_pick(app, _("Import a table: what?"), importer_count(), import_kind_label, NULL,
		0, NULL);
	char *path = NULL;
	if (kind < 0 || !app_ask_files(app, _("Import a table"), _("CSV file (separator , ; "
	    "or Tab; UTF-8 or Windows-1252):"), &path))
		return;
	char **files = NULL;
	size_t n = 0;
	if (complete_split(path, &files, &n) != STATUS_OK || n != 1) {
		app_status(app, "%s", _("Please name exactly one file."));
		complete_free(files, n);
		free(path);
		return;
	}
	int64_t count = 0;
	const struct importer *im = importer_at((size_t)kind);
	if (im->read(im, app_db(app), app_session(app), files[0], &count) != STATUS_OK) {
		app_error(app);
	} else {
		app_status(app, importer_done(im, count), files[0], (long long)count);
		app_changed(app);
	}
	complete_free(files, n);
	free(path);
}

static int export_command(struct app *app, int command, int key)
{
	(void)key;
	switch (command) {
	case E_UP: if (ex.cursor > 0) ex.cursor--; break;
	case E_DOWN: if (ex.cursor + 1 < ex.nrows) ex.cursor++; break;
	case E_HOME: ex.cursor = 0; break;
	case E_END: ex.cursor = ex.nrows ? ex.nrows - 1 : 0; break;
	case E_CHANGE: change_row(app, 0); break;
	case E_NEXT: case E_PREV: {
		enum form_row row = ex.rows[ex.cursor];
		/* the arrows only cycle; rows with a list or a prompt wait for Enter */
		if (row == ROW_KIND || row == ROW_SEP || row == ROW_BOM || row == ROW_RAW ||
		    row == ROW_TYPE)
			change_row(app, command == E_NEXT ? 1 : -1);
		break;
	}
	case E_FILE: edit_file(app); break;
	case E_WRITE: run_export(app); break;
	case E_IMPORT: run_import(app); break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static int export_click(struct app *app, int y, int x, bool double_click)
{
	(void)x;
	if (y < ex.form.y || y >= ex.form.y + ex.form.h)
		return VIEW_UNHANDLED;
	size_t i = ex.top + (size_t)(y - ex.form.y);
	if (i >= ex.nrows)
		return VIEW_UNHANDLED;
	ex.cursor = i;
	if (double_click)
		change_row(app, 0);
	return VIEW_HANDLED;
}

static void export_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	(void)app;
	snprintf(head, head_size, "%s", _("Export"));
	if (ex.result[0])
		snprintf(text, text_size, "%s", ex.result);
	else
		snprintf(text, text_size, "%s\n%s", _(kind()->label), ex.file);
}

const struct view export_view = {
	.title = N_("Export"),
	.keys = export_keys,
	.nkeys = sizeof export_keys / sizeof export_keys[0],
	.open = export_open,
	.draw = export_draw,
	.command = export_command,
	.click = export_click,
	.current = export_current,
};
